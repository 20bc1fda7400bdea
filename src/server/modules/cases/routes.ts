/**
 * The case pipeline's HTTP API: board, list, exports, saved views, the coordinator's home, one case and
 * its timeline, tasks, meetings and files; stage lists for admins; the restricted progress for referral
 * partners and companies; notifications for everyone.
 */
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { todayJst } from "../../../shared/dates";
import { invalid, notFound } from "../../errors";
import type { AppEnv } from "../../http/context";
import { ErrorSchema } from "../../http/errors";
import { defineRoute, jsonContent, newRouter } from "../../http/route";
import { CSV_TYPE, downloadResponse } from "../../lib/csv";
import { publicBase } from "../../lib/links";
import { recordAudit } from "../audit/service";
import { DEFAULT_STAGE_AREA, EMAIL_MODES } from "./codes";
import { addCaseFile, deleteCaseFile, getCaseFile } from "./files";
import { coordinatorHome } from "./home";
import {
  caseBoard,
  deleteView,
  exportCasesCsv,
  exportCasesXlsx,
  listCases,
  listViews,
  saveView,
} from "./list";
import { scheduleMeeting, updateMeeting } from "./meetings";
import { listNotifications, markRead, saveSettings, settingsOf } from "./notify";
import { myReferrals, referralProgress } from "./partner";
import {
  BoardSchema,
  CaseDetailSchema,
  CaseExportQuery,
  CaseFiltersQuery,
  CaseListQuery,
  CaseListSchema,
  CaseUpdateBody,
  CloseReasonsBody,
  EventBody,
  MeetingBody,
  MeetingUpdateBody,
  NotificationListSchema,
  ReferralsSchema,
  SettingsBody,
  StageListBody,
  StageSchema,
  TaskBody,
  TaskUpdateBody,
  ViewBody,
} from "./schemas";
import {
  addEvent,
  addTask,
  caseIdOfNeed,
  getCase,
  loadCase,
  setFollowing,
  updateCase,
  updateTask,
} from "./service";
import {
  allStageLists,
  closeReasons,
  resetStageList,
  saveCloseReasons,
  saveStageList,
  stagesFor,
} from "./stages";

const Id = z.object({ id: z.uuid({ message: "must be an id (UUID)" }) });
const json = <T>(schema: T) => ({ body: { content: { "application/json": { schema } }, required: true } });
const Loose = z.looseObject({});
const wake = (c: Context<AppEnv>) => c.get("deps").mailSender?.wake();

export function caseRoutes() {
  const app = newRouter();

  // --- static paths first (before /cases/{id}) ---

  app.openapi(
    defineRoute("cases:read", {
      method: "get",
      path: "/cases/board",
      tags: ["cases"],
      summary:
        "The board: a column per stage (the area's list, else the default) with its count and its cards (open stages up to 50, longest waiting first; contracted and closed the 20 most recent)",
      request: { query: CaseFiltersQuery },
      responses: { 200: jsonContent(BoardSchema, "The board") },
    }),
    async (c) =>
      c.json(
        await caseBoard({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          query: c.req.valid("query"),
        }),
        200,
      ),
  );

  app.openapi(
    defineRoute("cases:read", {
      method: "get",
      path: "/cases",
      tags: ["cases"],
      summary: "The cases you handle, filtered and sorted",
      request: { query: CaseListQuery },
      responses: { 200: jsonContent(CaseListSchema, "A page of cases") },
    }),
    async (c) =>
      c.json(
        await listCases({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          query: c.req.valid("query"),
        }),
        200,
      ),
  );

  app.openapi(
    defineRoute("cases:read", {
      method: "get",
      path: "/cases/export",
      tags: ["cases"],
      summary: "The filtered list as CSV (UTF-8 with BOM, for Excel) or .xlsx, up to 50,000 cases",
      request: { query: CaseExportQuery },
      responses: { 200: { description: "The file" } },
    }),
    async (c) => {
      const db = c.get("deps").database.db;
      const actor = c.get("actor")!;
      const query = c.req.valid("query");
      const file =
        query.format === "xlsx"
          ? await exportCasesXlsx({ db, actor, query })
          : await exportCasesCsv({ db, actor, query });
      await recordAudit(db, {
        action: "export.cases",
        actor,
        meta: c.get("meta"),
        details: { rows: file.count, format: query.format, filters: query },
      });
      const name = `案件一覧_${todayJst()}.${query.format}`;
      return downloadResponse(
        c,
        file.body,
        name,
        query.format === "xlsx"
          ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          : CSV_TYPE,
      );
    },
  );

  app.openapi(
    defineRoute("cases:read", {
      method: "get",
      path: "/cases/home",
      tags: ["cases"],
      summary: "Your home: your cases by stage, tasks due, idle cases, new unassigned cases of your areas",
      responses: { 200: jsonContent(Loose, "Home") },
    }),
    async (c) =>
      c.json(await coordinatorHome({ db: c.get("deps").database.db, actor: c.get("actor")! }), 200),
  );

  app.openapi(
    defineRoute("cases:read", {
      method: "get",
      path: "/cases/stages",
      tags: ["cases"],
      summary:
        "The stage list of an area (its own, else the default `*`), the close reasons, and which areas have their own list",
      request: {
        query: z.object({
          area: z.string().max(40).optional(),
          all: z
            .enum(["true", "false"])
            .optional()
            .openapi({ description: "true: inactive close reasons too" }),
        }),
      },
      responses: {
        200: jsonContent(
          z.object({
            area: z.string(),
            own: z.boolean(),
            stages: z.array(StageSchema),
            closeReasons: z.array(
              z.object({
                code: z.string(),
                stageCode: z.string(),
                labelJa: z.string(),
                labelEn: z.string(),
                guideline: z.boolean(),
                active: z.boolean(),
              }),
            ),
            areasWithOwnList: z.array(z.string()),
          }),
          "Stages",
        ),
      },
    }),
    async (c) => {
      const db = c.get("deps").database.db;
      const query = c.req.valid("query");
      const area = query.area || DEFAULT_STAGE_AREA;
      const lists = await allStageLists(db);
      return c.json(
        {
          area,
          own: lists.has(area),
          stages: stagesFor(lists, area === DEFAULT_STAGE_AREA ? null : area),
          closeReasons: await closeReasons(db, { all: query.all === "true" }),
          areasWithOwnList: [...lists.keys()].filter((k) => k !== DEFAULT_STAGE_AREA),
        },
        200,
      );
    },
  );

  app.openapi(
    defineRoute("cases:configure", {
      method: "put",
      path: "/cases/stages/{area}",
      tags: ["cases"],
      summary:
        "Replace the stage list of an area (`*`: the platform default), in order. Stages with cases cannot be left out (deactivate them)",
      request: { params: z.object({ area: z.string().min(1).max(40) }), ...json(StageListBody) },
      responses: { 200: jsonContent(z.array(StageSchema), "The saved list") },
    }),
    async (c) => {
      const db = c.get("deps").database.db;
      const { area } = c.req.valid("param");
      const saved = await saveStageList(db, area, c.req.valid("json"));
      await recordAudit(db, {
        action: "case.stages_changed",
        actor: c.get("actor"),
        meta: c.get("meta"),
        subject: area,
        details: { stages: saved.map((s) => `${s.code}${s.active ? "" : " (inactive)"}`) },
      });
      return c.json(saved, 200);
    },
  );

  app.openapi(
    defineRoute("cases:configure", {
      method: "put",
      path: "/cases/close-reasons/{stage}",
      tags: ["cases"],
      summary:
        "Replace the reasons of a close stage, in order. Reasons given for closed cases cannot be left out (deactivate them)",
      request: { params: z.object({ stage: z.string().min(1).max(40) }), ...json(CloseReasonsBody) },
      responses: {
        200: jsonContent(
          z.array(
            z.object({
              code: z.string(),
              stageCode: z.string(),
              labelJa: z.string(),
              labelEn: z.string(),
              guideline: z.boolean(),
              active: z.boolean(),
            }),
          ),
          "The saved reasons",
        ),
      },
    }),
    async (c) => {
      const db = c.get("deps").database.db;
      const { stage } = c.req.valid("param");
      const saved = await saveCloseReasons(db, stage, c.req.valid("json"));
      await recordAudit(db, {
        action: "case.stages_changed",
        actor: c.get("actor"),
        meta: c.get("meta"),
        subject: `${stage} (close reasons)`,
        details: { reasons: saved.map((r) => `${r.code}${r.active ? "" : " (inactive)"}`) },
      });
      return c.json(saved, 200);
    },
  );

  app.openapi(
    defineRoute("cases:configure", {
      method: "delete",
      path: "/cases/stages/{area}",
      tags: ["cases"],
      summary: "Remove an area's own stage list: the area follows the default list again",
      request: { params: z.object({ area: z.string().min(1).max(40) }) },
      responses: { 204: { description: "Removed" } },
    }),
    async (c) => {
      const db = c.get("deps").database.db;
      const { area } = c.req.valid("param");
      if (area === DEFAULT_STAGE_AREA) throw invalid("area", "the default list cannot be removed");
      await resetStageList(db, area);
      await recordAudit(db, {
        action: "case.stages_changed",
        actor: c.get("actor"),
        meta: c.get("meta"),
        subject: area,
        details: { reset: true },
      });
      return c.body(null, 204);
    },
  );

  app.openapi(
    defineRoute("cases:read", {
      method: "get",
      path: "/cases/views",
      tags: ["cases"],
      summary: "Your saved list views",
      responses: {
        200: jsonContent(
          z.array(z.object({ id: z.uuid(), name: z.string(), query: z.record(z.string(), z.string()) })),
          "Views",
        ),
      },
    }),
    async (c) => c.json(await listViews(c.get("deps").database.db, c.get("actor")!.id), 200),
  );

  app.openapi(
    defineRoute("cases:read", {
      method: "post",
      path: "/cases/views",
      tags: ["cases"],
      summary: "Save the list's filters under a name (the same name replaces)",
      request: json(ViewBody),
      responses: {
        201: jsonContent(
          z.object({ id: z.uuid(), name: z.string(), query: z.record(z.string(), z.string()) }),
          "Saved",
        ),
      },
    }),
    async (c) =>
      c.json(await saveView(c.get("deps").database.db, c.get("actor")!.id, c.req.valid("json")), 201),
  );

  app.openapi(
    defineRoute("cases:read", {
      method: "delete",
      path: "/cases/views/{id}",
      tags: ["cases"],
      summary: "Delete a saved view",
      request: { params: Id },
      responses: { 204: { description: "Deleted" } },
    }),
    async (c) => {
      await deleteView(c.get("deps").database.db, c.get("actor")!.id, c.req.valid("param").id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    defineRoute("cases:read", {
      method: "get",
      path: "/cases/of-need/{id}",
      tags: ["cases"],
      summary: "The case of a need",
      request: { params: Id },
      responses: {
        200: jsonContent(z.object({ id: z.uuid() }), "The case"),
        404: jsonContent(ErrorSchema, "None"),
      },
    }),
    async (c) => {
      const db = c.get("deps").database.db;
      const id = await caseIdOfNeed(db, c.req.valid("param").id);
      if (!id) throw notFound("The case");
      await loadCase(db, c.get("actor")!, id); // 404 unless the viewer may see it
      return c.json({ id }, 200);
    },
  );

  // --- one case ---

  app.openapi(
    defineRoute("cases:read", {
      method: "get",
      path: "/cases/{id}",
      tags: ["cases"],
      summary:
        "One case: the need's key facts, stage, assignment, researchers and their answers, timeline, tasks, meetings, files, e-mails",
      request: { params: Id },
      responses: {
        200: jsonContent(CaseDetailSchema, "The case"),
        404: jsonContent(ErrorSchema, "Not found"),
      },
    }),
    async (c) =>
      c.json(
        await getCase({ db: c.get("deps").database.db, actor: c.get("actor")!, id: c.req.valid("param").id }),
        200,
      ),
  );

  app.openapi(
    defineRoute("cases:update", {
      method: "patch",
      path: "/cases/{id}",
      tags: ["cases"],
      summary:
        "Move the case to a stage (a close needs a reason; reopening needs a note) and/or assign it; send the version you saw (409 if it changed)",
      request: { params: Id, ...json(CaseUpdateBody) },
      responses: {
        200: jsonContent(CaseDetailSchema, "The case"),
        409: jsonContent(ErrorSchema, "Changed by someone else"),
      },
    }),
    async (c) => {
      const r = await updateCase({
        db: c.get("deps").database.db,
        actor: c.get("actor")!,
        id: c.req.valid("param").id,
        input: c.req.valid("json"),
        publicUrl: publicBase(c),
      });
      wake(c);
      return c.json(r, 200);
    },
  );

  for (const [method, follow] of [
    ["post", true],
    ["delete", false],
  ] as const) {
    app.openapi(
      defineRoute("cases:update", {
        method,
        path: "/cases/{id}/follow",
        tags: ["cases"],
        summary: follow ? "Follow the case (be told of its stage changes)" : "Stop following the case",
        request: { params: Id },
        responses: { 200: jsonContent(z.object({ following: z.boolean() }), "Done") },
      }),
      async (c) =>
        c.json(
          await setFollowing(c.get("deps").database.db, c.get("actor")!, c.req.valid("param").id, follow),
          200,
        ),
    );
  }

  app.openapi(
    defineRoute("cases:update", {
      method: "post",
      path: "/cases/{id}/events",
      tags: ["cases"],
      summary: "Write a note, a call or an e-mail on the timeline (occurredAt may be earlier, not later)",
      request: { params: Id, ...json(EventBody) },
      responses: { 201: jsonContent(z.object({ id: z.uuid() }), "Written") },
    }),
    async (c) =>
      c.json(
        await addEvent({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          id: c.req.valid("param").id,
          input: c.req.valid("json"),
        }),
        201,
      ),
  );

  app.openapi(
    defineRoute("cases:update", {
      method: "post",
      path: "/cases/{id}/tasks",
      tags: ["cases"],
      summary: "Add a task (due date today or later; owner: a coordinator of the area, default you)",
      request: { params: Id, ...json(TaskBody) },
      responses: { 201: jsonContent(Loose, "Added") },
    }),
    async (c) =>
      c.json(
        await addTask({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          id: c.req.valid("param").id,
          input: c.req.valid("json"),
        }),
        201,
      ),
  );

  app.openapi(
    defineRoute("cases:update", {
      method: "patch",
      path: "/cases/{id}/tasks/{taskId}",
      tags: ["cases"],
      summary: "Change a task or mark it done (send its version)",
      request: { params: z.object({ id: z.uuid(), taskId: z.uuid() }), ...json(TaskUpdateBody) },
      responses: {
        200: jsonContent(Loose, "Changed"),
        409: jsonContent(ErrorSchema, "Changed by someone else"),
      },
    }),
    async (c) => {
      const { id, taskId } = c.req.valid("param");
      return c.json(
        await updateTask({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          id,
          taskId,
          input: c.req.valid("json"),
        }),
        200,
      );
    },
  );

  app.openapi(
    defineRoute("cases:update", {
      method: "post",
      path: "/cases/{id}/meetings",
      tags: ["cases"],
      summary:
        "Schedule a meeting (in person, online, GI-net from a campus); the attendees get an invitation with an .ics file",
      request: { params: Id, ...json(MeetingBody) },
      responses: { 201: jsonContent(Loose, "Scheduled") },
    }),
    async (c) => {
      const m = await scheduleMeeting({
        db: c.get("deps").database.db,
        actor: c.get("actor")!,
        id: c.req.valid("param").id,
        input: c.req.valid("json"),
        publicUrl: publicBase(c),
      });
      wake(c);
      return c.json(m, 201);
    },
  );

  app.openapi(
    defineRoute("cases:update", {
      method: "patch",
      path: "/cases/{id}/meetings/{meetingId}",
      tags: ["cases"],
      summary:
        "Change a meeting (a new time or place mails an update), cancel it (mails a cancellation) or record it as held with its outcome",
      request: { params: z.object({ id: z.uuid(), meetingId: z.uuid() }), ...json(MeetingUpdateBody) },
      responses: {
        200: jsonContent(Loose, "Changed"),
        409: jsonContent(ErrorSchema, "Changed by someone else"),
      },
    }),
    async (c) => {
      const { id, meetingId } = c.req.valid("param");
      const m = await updateMeeting({
        db: c.get("deps").database.db,
        actor: c.get("actor")!,
        id,
        meetingId,
        input: c.req.valid("json"),
        publicUrl: publicBase(c),
      });
      wake(c);
      return c.json(m, 200);
    },
  );

  app.openapi(
    defineRoute("cases:update", {
      method: "post",
      path: "/cases/{id}/files",
      tags: ["cases"],
      summary:
        "Attach a file (at most 10 MB; PDF, PNG, JPEG, .docx, .xlsx, .pptx, UTF-8 .txt/.csv, recognised by content)",
      request: {
        params: Id,
        body: {
          content: {
            "multipart/form-data": {
              schema: z.object({ file: z.any().openapi({ type: "string", format: "binary" }) }),
            },
          },
          required: true,
        },
      },
      responses: { 201: jsonContent(Loose, "Attached") },
    }),
    async (c) => {
      const form = c.req.valid("form") as { file?: unknown };
      if (!(form.file instanceof File)) throw invalid("file", "attach a file");
      return c.json(
        await addCaseFile({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          id: c.req.valid("param").id,
          fileName: form.file.name,
          bytes: new Uint8Array(await form.file.arrayBuffer()),
        }),
        201,
      );
    },
  );

  app.openapi(
    defineRoute("cases:read", {
      method: "get",
      path: "/cases/{id}/files/{fileId}",
      tags: ["cases"],
      summary: "Download a file of the case (always as an attachment; the download is audited)",
      request: { params: z.object({ id: z.uuid(), fileId: z.uuid() }) },
      responses: { 200: { description: "The file" }, 404: jsonContent(ErrorSchema, "Not found") },
    }),
    async (c) => {
      const { id, fileId } = c.req.valid("param");
      const file = await getCaseFile({ db: c.get("deps").database.db, actor: c.get("actor")!, id, fileId });
      c.header("X-Content-Type-Options", "nosniff");
      return downloadResponse(c, new Uint8Array(file.bytes), file.fileName, file.contentType);
    },
  );

  app.openapi(
    defineRoute("cases:update", {
      method: "delete",
      path: "/cases/{id}/files/{fileId}",
      tags: ["cases"],
      summary: "Remove a file (the timeline keeps that it was there)",
      request: { params: z.object({ id: z.uuid(), fileId: z.uuid() }) },
      responses: { 204: { description: "Removed" } },
    }),
    async (c) => {
      const { id, fileId } = c.req.valid("param");
      await deleteCaseFile({ db: c.get("deps").database.db, actor: c.get("actor")!, id, fileId });
      return c.body(null, 204);
    },
  );

  // --- referral partners and companies ---

  app.openapi(
    defineRoute("cases:progress", {
      method: "get",
      path: "/referrals",
      tags: ["cases"],
      summary:
        "The cases you referred (partners) or submitted (companies): stage, dates, outcome; and your figures (referrals, consultations held, contracts)",
      request: {
        query: z.object({ fiscalYear: z.coerce.number().int().min(2000).max(2100).optional() }),
      },
      responses: { 200: jsonContent(ReferralsSchema, "Referrals") },
    }),
    async (c) =>
      c.json(
        await myReferrals({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          fiscalYear: c.req.valid("query").fiscalYear,
        }),
        200,
      ),
  );

  app.openapi(
    defineRoute("cases:progress", {
      method: "get",
      path: "/referrals/{id}",
      tags: ["cases"],
      summary: "The progress of one case you referred: its stages with dates and the consultations held",
      request: { params: Id },
      responses: { 200: jsonContent(Loose, "Progress"), 404: jsonContent(ErrorSchema, "Not found") },
    }),
    async (c) =>
      c.json(
        await referralProgress({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          id: c.req.valid("param").id,
        }),
        200,
      ),
  );

  // --- notifications (everyone) ---

  app.openapi(
    defineRoute("account:self", {
      method: "get",
      path: "/notifications",
      tags: ["notifications"],
      summary: "Your notifications, newest first, and how many are unread",
      request: {
        query: z.object({
          unread: z.enum(["true", "false"]).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(30),
        }),
      },
      responses: { 200: jsonContent(NotificationListSchema, "Notifications") },
    }),
    async (c) => {
      const q = c.req.valid("query");
      return c.json(
        await listNotifications(c.get("deps").database.db, c.get("actor")!.id, {
          unreadOnly: q.unread === "true",
          limit: q.limit,
        }),
        200,
      );
    },
  );

  app.openapi(
    defineRoute("account:self", {
      method: "post",
      path: "/notifications/read",
      tags: ["notifications"],
      summary: "Mark notifications as read (`all`, or a list of ids)",
      request: json(z.object({ ids: z.union([z.literal("all"), z.array(z.uuid()).max(500)]) })),
      responses: { 200: jsonContent(z.object({ marked: z.number().int() }), "Marked") },
    }),
    async (c) =>
      c.json(
        { marked: await markRead(c.get("deps").database.db, c.get("actor")!.id, c.req.valid("json").ids) },
        200,
      ),
  );

  const SettingsSchema = z.object({
    emailMode: z.enum(EMAIL_MODES),
    idleDays: z.number().int(),
  });
  app.openapi(
    defineRoute("account:self", {
      method: "get",
      path: "/notifications/settings",
      tags: ["notifications"],
      summary: "How you are told: a mail per notice, a daily digest, or in the app only; your idle-case days",
      responses: { 200: jsonContent(SettingsSchema, "Settings") },
    }),
    async (c) => c.json(await settingsOf(c.get("deps").database.db, c.get("actor")!.id), 200),
  );

  app.openapi(
    defineRoute("account:self", {
      method: "put",
      path: "/notifications/settings",
      tags: ["notifications"],
      summary: "Change how you are told",
      request: json(SettingsBody),
      responses: { 200: jsonContent(SettingsSchema, "Saved") },
    }),
    async (c) =>
      c.json(await saveSettings(c.get("deps").database.db, c.get("actor")!.id, c.req.valid("json")), 200),
  );

  return app;
}
