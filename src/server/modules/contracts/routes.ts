/**
 * The contracts API: contracts (list, create, edit before signing, lifecycle, amendments, revisions,
 * documents, the acceptance notice as PDF), invoices (issue, pay, cancel, PDF, the overdue list), the
 * institutions' rate tables and invoice settings.
 */
import { z } from "@hono/zod-openapi";
import { invalid } from "../../errors";
import { ErrorSchema } from "../../http/errors";
import { defineRoute, jsonContent, newRouter } from "../../http/route";
import { downloadResponse } from "../../lib/csv";
import { DOCUMENT_KINDS, type DocumentKind } from "./codes";
import { addDocument, getDocument } from "./documents";
import {
  acceptanceNoticePdf,
  cancelInvoice,
  getBilling,
  invoicePdf,
  issueInvoice,
  listInvoices,
  recordPayment,
  saveBilling,
} from "./invoices";
import { addRate, deleteRate, listRates } from "./rates";
import {
  AmendmentBody,
  BillingBody,
  CancelInvoiceBody,
  ContractBody,
  ContractListQuery,
  ContractUpdateBody,
  InvoiceBody,
  PaymentBody,
  RateBody,
  TransitionBody,
} from "./schemas";
import {
  amendContract,
  createContract,
  getContract,
  getRevision,
  listContracts,
  recomputeFollowers,
  transitionContract,
  updateContract,
} from "./service";

const Id = z.object({ id: z.uuid({ message: "must be an id (UUID)" }) });
const json = <T>(schema: T) => ({ body: { content: { "application/json": { schema } }, required: true } });
const Loose = z.looseObject({});
const PDF = "application/pdf";

export function contractRoutes() {
  const app = newRouter();

  app.openapi(
    defineRoute("contracts:read", {
      method: "get",
      path: "/contracts",
      tags: ["contracts"],
      summary: "The contracts you handle, filtered (exception=true: negotiated rates, with their reasons)",
      request: { query: ContractListQuery },
      responses: { 200: jsonContent(Loose, "A page of contracts") },
    }),
    async (c) => {
      const q = c.req.valid("query");
      return c.json(
        await listContracts({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          query: { ...q, exception: q.exception === "true" },
        }),
        200,
      );
    },
  );

  app.openapi(
    defineRoute("contracts:manage", {
      method: "post",
      path: "/contracts",
      tags: ["contracts"],
      summary:
        "Create a contract (申込). The budget is checked and computed; a rate must exist for its start date",
      request: json(ContractBody),
      responses: { 201: jsonContent(Loose, "Created"), 400: jsonContent(ErrorSchema, "Invalid") },
    }),
    async (c) => {
      const db = c.get("deps").database.db;
      const actor = c.get("actor")!;
      const row = await createContract({ db, actor, input: c.req.valid("json") });
      return c.json(await getContract({ db, actor, id: row.id }), 201);
    },
  );

  app.openapi(
    defineRoute("contracts:read", {
      method: "get",
      path: "/invoices",
      tags: ["contracts"],
      summary: "Invoices of the contracts you handle: open (default), overdue, or all",
      request: { query: z.object({ state: z.enum(["open", "overdue", "all"]).optional() }) },
      responses: { 200: jsonContent(z.array(Loose), "Invoices") },
    }),
    async (c) =>
      c.json(
        await listInvoices({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          query: c.req.valid("query"),
        }),
        200,
      ),
  );

  app.openapi(
    defineRoute("contracts:read", {
      method: "get",
      path: "/contract-rates",
      tags: ["contracts"],
      summary: "An institution's indirect-cost rate table",
      request: { query: z.object({ institution: z.uuid({ message: "must be an id (UUID)" }) }) },
      responses: { 200: jsonContent(z.array(Loose), "Rates") },
    }),
    async (c) =>
      c.json(
        await listRates({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          organizationId: c.req.valid("query").institution,
        }),
        200,
      ),
  );

  app.openapi(
    defineRoute("contracts:configure", {
      method: "post",
      path: "/contract-rates",
      tags: ["contracts"],
      summary:
        "Add a rate (from a start date) to an institution's table; unsigned contracts follow it, signed ones keep theirs",
      request: json(RateBody),
      responses: { 201: jsonContent(Loose, "Added") },
    }),
    async (c) =>
      c.json(
        await addRate({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          input: c.req.valid("json"),
          recompute: recomputeFollowers,
        }),
        201,
      ),
  );

  app.openapi(
    defineRoute("contracts:configure", {
      method: "delete",
      path: "/contract-rates/{id}",
      tags: ["contracts"],
      summary: "Remove a rate from a table (signed contracts keep their fixed rate)",
      request: { params: Id },
      responses: { 200: jsonContent(Loose, "Removed") },
    }),
    async (c) =>
      c.json(
        await deleteRate({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          id: c.req.valid("param").id,
          recompute: recomputeFollowers,
        }),
        200,
      ),
  );

  app.openapi(
    defineRoute("contracts:read", {
      method: "get",
      path: "/institutions/{id}/billing",
      tags: ["contracts"],
      summary:
        "What an institution prints on its invoices: issuer details, registration number, bank account",
      request: { params: Id },
      responses: { 200: jsonContent(Loose, "Settings") },
    }),
    async (c) =>
      c.json(
        await getBilling({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          organizationId: c.req.valid("param").id,
        }),
        200,
      ),
  );

  app.openapi(
    defineRoute("contracts:configure", {
      method: "put",
      path: "/institutions/{id}/billing",
      tags: ["contracts"],
      summary: "Save an institution's invoice settings",
      request: { params: Id, ...json(BillingBody) },
      responses: { 200: jsonContent(Loose, "Saved") },
    }),
    async (c) =>
      c.json(
        await saveBilling({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          organizationId: c.req.valid("param").id,
          input: c.req.valid("json"),
        }),
        200,
      ),
  );

  app.openapi(
    defineRoute("contracts:read", {
      method: "get",
      path: "/contracts/{id}",
      tags: ["contracts"],
      summary:
        "One contract: parties, members, budget per fiscal year, rate, revisions, invoices, documents, history",
      request: { params: Id },
      responses: { 200: jsonContent(Loose, "The contract"), 404: jsonContent(ErrorSchema, "Not found") },
    }),
    async (c) =>
      c.json(
        await getContract({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          id: c.req.valid("param").id,
        }),
        200,
      ),
  );

  app.openapi(
    defineRoute("contracts:manage", {
      method: "put",
      path: "/contracts/{id}",
      tags: ["contracts"],
      summary: "Edit a contract before signing (with the version you saw: 409 if someone saved first)",
      request: { params: Id, ...json(ContractUpdateBody) },
      responses: { 200: jsonContent(Loose, "Saved"), 409: jsonContent(ErrorSchema, "Changed meanwhile") },
    }),
    async (c) =>
      c.json(
        await updateContract({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          id: c.req.valid("param").id,
          input: c.req.valid("json"),
        }),
        200,
      ),
  );

  app.openapi(
    defineRoute("contracts:manage", {
      method: "post",
      path: "/contracts/{id}/transition",
      tags: ["contracts"],
      summary:
        "accept (受入決定), sign (契約締結: fixes the rate), start (実施中), complete (完了報告), cancel (中止)",
      request: { params: Id, ...json(TransitionBody) },
      responses: { 200: jsonContent(Loose, "Moved"), 409: jsonContent(ErrorSchema, "Changed meanwhile") },
    }),
    async (c) =>
      c.json(
        await transitionContract({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          id: c.req.valid("param").id,
          input: c.req.valid("json"),
        }),
        200,
      ),
  );

  app.openapi(
    defineRoute("contracts:manage", {
      method: "post",
      path: "/contracts/{id}/amendments",
      tags: ["contracts"],
      summary: "An amendment (変更契約) of a signed contract, kept as the next revision",
      request: { params: Id, ...json(AmendmentBody) },
      responses: { 201: jsonContent(Loose, "Amended"), 409: jsonContent(ErrorSchema, "Changed meanwhile") },
    }),
    async (c) =>
      c.json(
        await amendContract({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          id: c.req.valid("param").id,
          input: c.req.valid("json"),
        }),
        201,
      ),
  );

  app.openapi(
    defineRoute("contracts:read", {
      method: "get",
      path: "/contracts/{id}/revisions/{revision}",
      tags: ["contracts"],
      summary: "One revision: the contract as it stood, and what changed",
      request: { params: z.object({ id: z.uuid(), revision: z.coerce.number().int().min(0) }) },
      responses: { 200: jsonContent(Loose, "The revision") },
    }),
    async (c) => {
      const { id, revision } = c.req.valid("param");
      return c.json(
        await getRevision({ db: c.get("deps").database.db, actor: c.get("actor")!, id, revision }),
        200,
      );
    },
  );

  app.openapi(
    defineRoute("contracts:manage", {
      method: "post",
      path: "/contracts/{id}/invoices",
      tags: ["contracts"],
      summary: "Issue an invoice to a paying party for (part of) its share of a fiscal year",
      request: { params: Id, ...json(InvoiceBody) },
      responses: { 201: jsonContent(Loose, "Issued"), 400: jsonContent(ErrorSchema, "Invalid") },
    }),
    async (c) =>
      c.json(
        await issueInvoice({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          contractId: c.req.valid("param").id,
          input: c.req.valid("json"),
        }),
        201,
      ),
  );

  app.openapi(
    defineRoute("contracts:read", {
      method: "get",
      path: "/contracts/{id}/acceptance-notice.pdf",
      tags: ["contracts"],
      summary: "The acceptance notice (受入決定通知書) to a paying party, as PDF",
      request: { params: Id, query: z.object({ party: z.uuid().optional() }) },
      responses: { 200: { description: "PDF" } },
    }),
    async (c) => {
      const file = await acceptanceNoticePdf({
        db: c.get("deps").database.db,
        actor: c.get("actor")!,
        contractId: c.req.valid("param").id,
        partyId: c.req.valid("query").party,
      });
      return downloadResponse(c, file.bytes, file.fileName, PDF);
    },
  );

  app.openapi(
    defineRoute("contracts:manage", {
      method: "post",
      path: "/contracts/{id}/documents",
      tags: ["contracts"],
      summary:
        "Attach a document (?kind=application|acceptance_notice|contract|amendment|completion_report|other)",
      request: {
        params: Id,
        query: z.object({ kind: z.string() }),
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
      const kind = c.req.valid("query").kind;
      if (!(DOCUMENT_KINDS as readonly string[]).includes(kind))
        throw invalid("kind", `must be one of ${DOCUMENT_KINDS.join(", ")}`);
      const form = c.req.valid("form") as { file?: unknown };
      if (!(form.file instanceof File)) throw invalid("file", "attach a file");
      return c.json(
        await addDocument({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          contractId: c.req.valid("param").id,
          kind: kind as DocumentKind,
          fileName: form.file.name,
          bytes: new Uint8Array(await form.file.arrayBuffer()),
        }),
        201,
      );
    },
  );

  app.openapi(
    defineRoute("contracts:read", {
      method: "get",
      path: "/contracts/{id}/documents/{documentId}",
      tags: ["contracts"],
      summary: "Download a document (always as an attachment; the download is audited)",
      request: { params: z.object({ id: z.uuid(), documentId: z.uuid() }) },
      responses: { 200: { description: "The file" }, 404: jsonContent(ErrorSchema, "Not found") },
    }),
    async (c) => {
      const { id, documentId } = c.req.valid("param");
      const doc = await getDocument({
        db: c.get("deps").database.db,
        actor: c.get("actor")!,
        contractId: id,
        documentId,
      });
      c.header("X-Content-Type-Options", "nosniff");
      return downloadResponse(c, new Uint8Array(doc.bytes), doc.fileName, doc.contentType);
    },
  );

  app.openapi(
    defineRoute("contracts:manage", {
      method: "post",
      path: "/invoices/{id}/payments",
      tags: ["contracts"],
      summary: "Record a payment (入金) on an invoice; paid in full closes it",
      request: { params: Id, ...json(PaymentBody) },
      responses: { 201: jsonContent(Loose, "Recorded"), 409: jsonContent(ErrorSchema, "Changed meanwhile") },
    }),
    async (c) =>
      c.json(
        await recordPayment({
          db: c.get("deps").database.db,
          actor: c.get("actor")!,
          invoiceId: c.req.valid("param").id,
          input: c.req.valid("json"),
        }),
        201,
      ),
  );

  app.openapi(
    defineRoute("contracts:manage", {
      method: "post",
      path: "/invoices/{id}/cancel",
      tags: ["contracts"],
      summary: "Cancel an open invoice without payments (with a reason)",
      request: { params: Id, ...json(CancelInvoiceBody) },
      responses: { 200: jsonContent(Loose, "Cancelled") },
    }),
    async (c) => {
      await cancelInvoice({
        db: c.get("deps").database.db,
        actor: c.get("actor")!,
        invoiceId: c.req.valid("param").id,
        input: c.req.valid("json"),
      });
      return c.json({ ok: true }, 200);
    },
  );

  app.openapi(
    defineRoute("contracts:read", {
      method: "get",
      path: "/invoices/{id}/pdf",
      tags: ["contracts"],
      summary: "The invoice (請求書) as PDF",
      request: { params: Id },
      responses: { 200: { description: "PDF" } },
    }),
    async (c) => {
      const file = await invoicePdf({
        db: c.get("deps").database.db,
        actor: c.get("actor")!,
        invoiceId: c.req.valid("param").id,
      });
      return downloadResponse(c, file.bytes, file.fileName, PDF);
    },
  );

  return app;
}
