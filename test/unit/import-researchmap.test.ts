import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  documentToInput,
  fetchResearchmapResearcher,
  isDisclosed,
  matchInstitution,
  parseResearchmapFile,
  parseResearchmapProfile,
  RESEARCHMAP_LIST_TYPES,
  ResearchmapFetchError,
} from "../../src/server/modules/catalog/import/researchmap";

const sampleText = readFileSync(join(__dirname, "../../docs/examples/researchmap-sample.json"), "utf8");
const sample = JSON.parse(sampleText) as Record<string, unknown>[];
const shiro = sample[0]!;

describe("matchInstitution", () => {
  it("finds member institutions in free-text affiliations", () => {
    expect(matchInstitution("豊橋技術科学大学 工学部")).toBe("tut");
    expect(matchInstitution("長岡技術科学大学")).toBe("nagaokaut");
    expect(matchInstitution("長岡技大")).toBe("nagaokaut");
    expect(matchInstitution("独立行政法人国立高等専門学校機構 長岡工業高等専門学校")).toBe("kosen-nagaoka");
    expect(matchInstitution("鳥羽商船高専")).toBe("kosen-toba");
    expect(matchInstitution("大島商船高等専門学校")).toBe("kosen-oshima");
    expect(matchInstitution("広島商船高等専門学校")).toBe("kosen-hiroshima");
    expect(matchInstitution("Toyohashi University of Technology")).toBe("tut");
    expect(matchInstitution("National Institute of Technology, Hiroshima College")).toBe("kosen-hiroshima");
    expect(matchInstitution("National Institute of Technology (KOSEN), Oshima College")).toBe("kosen-oshima");
    expect(matchInstitution("kosen-gifu")).toBe("kosen-gifu");
    expect(matchInstitution("東京大学")).toBeNull();
    expect(matchInstitution("Hiroshima University")).toBeNull();
    expect(matchInstitution("")).toBeNull();
  });
});

describe("researchmap documents", () => {
  it("drops every item that is not publicly disclosed, and counts it", () => {
    expect(isDisclosed({ display: "disclosed" })).toBe(true);
    expect(isDisclosed({})).toBe(true);
    expect(isDisclosed({ display: "closed" })).toBe(false);
    expect(isDisclosed({ display: "researchers_only" })).toBe(false);
    expect(isDisclosed({ display: "非公開" })).toBe(false);

    const { record, dropped, problems } = parseResearchmapProfile({
      ...documentToInput(shiro),
      institution: "tut",
    });
    expect(problems).toEqual([]);
    expect(dropped.sort((a, b) => a.type.localeCompare(b.type))).toEqual(
      [...RESEARCHMAP_LIST_TYPES].sort().map((type) => ({ type, count: 1 })),
    );
    expect(record).toMatchObject({
      researchmapPermalink: "sample-shiro-mihon",
      eradId: "99990011",
      orcid: "0000-0000-0000-0407",
      institution: "tut",
      name: { ja: "見本 四郎", en: "Shiro Mihon (sample)" },
      nameKana: "ミホン シロウ",
      department: "電気・電子情報工学系",
      position: "助教",
    });
    const everything = JSON.stringify(record);
    expect(everything).not.toMatch(/取り込まれない|must not be imported|researchers-only/);
    expect(record.papers.map((p) => p.sourceId)).toEqual(["920001", "920002", "920003"]);
    expect(record.papers[0]).toMatchObject({
      year: 2023,
      venue: "見本電気学会論文誌",
      url: "https://example.org/papers/sample-920001",
    });
    expect(record.patents[0]).toMatchObject({
      title: { ja: "非接触給電装置及び結合器" },
      venue: "特願2022-000003",
      year: 2022,
    });
    expect(record.grants[0]!.venue).toBe("日本学術振興会 / 科学研究費助成事業 / 若手研究 (00K00000)");
    expect(record.keywords.ja).toEqual(["ワイヤレス給電", "電気自動車", "共振器設計"]);
    expect(record.researchAreas.map((a) => a.ja)).toEqual(["電力工学", "通信工学"]);
  });

  it("reads the sample file (a JSON array), matching institutions from affiliations", () => {
    const { records, problems, dropped } = parseResearchmapFile(sampleText, {});
    expect(problems).toEqual([]);
    const lines = sampleText.split("\n");
    // The second document opens two lines above its "@id" (after "{" and "@context").
    const goroLine =
      lines.findIndex((l) => l.includes('"@id": "https://api.researchmap.jp/sample-goro-mihon"')) - 1;
    expect(records.map((r) => r.line)).toEqual([2, goroLine]);
    expect(records.map((r) => r.record.institution)).toEqual(["tut", "kosen-nagaoka"]);
    // The second researcher's lists come from @graph (the raw /{permalink} response).
    expect(records[1]!.record.papers).toHaveLength(1);
    expect(records[1]!.record.keywords.en).toEqual(["snow melting", "road maintenance"]);
    expect(dropped.find((d) => d.type === "published_papers")!.count).toBe(2);
    expect(dropped.reduce((n, d) => n + d.count, 0)).toBe(6);
  });

  it("reads JSON Lines and a single document; the given institution applies when no affiliation is recognised", () => {
    const stranger = {
      ...shiro,
      "@id": "https://api.researchmap.jp/sample-stranger",
      permalink: "sample-stranger",
      identifiers: {},
      affiliations: [{ affiliation: { ja: "見本大学" }, job: { ja: "客員教授" } }],
    };
    const jsonl = [...sample, stranger].map((d) => JSON.stringify(d)).join("\n");
    const fromLines = parseResearchmapFile(jsonl, { institution: "kosen-toyota" });
    expect(fromLines.problems).toEqual([]);
    expect(fromLines.records.map((r) => [r.line, r.record.institution])).toEqual([
      [1, "tut"],
      [2, "kosen-nagaoka"],
      [3, "kosen-toyota"],
    ]);
    expect(fromLines.records[2]!.record.position).toBe("客員教授");
    const single = parseResearchmapFile(JSON.stringify(shiro, null, 2), {});
    expect(single.records).toHaveLength(1);
    // The profile parser matches affiliations too when no institution is given.
    expect(parseResearchmapProfile({ ...documentToInput(shiro), institution: "" }).record.institution).toBe(
      "tut",
    );
  });

  it("reports a profile whose institution cannot be told, and malformed identifiers", () => {
    const stranger = { ...shiro, affiliations: [{ affiliation: { ja: "見本大学" } }] };
    const bad = { ...sample[1]!, identifiers: { erad_id: ["12"] } };
    const { records, problems } = parseResearchmapFile(
      `${JSON.stringify(stranger)}\n${JSON.stringify(bad)}\n{oops`,
      {},
    );
    expect(records).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({
        line: 1,
        field: "affiliations",
        message: expect.stringContaining("見本大学"),
      }),
      expect.objectContaining({ line: 2, field: "identifiers.erad_id" }),
      expect.objectContaining({ line: 3, message: expect.stringMatching(/not valid JSON/) }),
    ]);
  });
});

describe("fetchResearchmapResearcher against a local stand-in", () => {
  let server: Server;
  let base: string;
  const requests: string[] = [];
  let flakyCalls = 0;
  const { lists } = documentToInput(shiro);
  const profile = Object.fromEntries(
    Object.entries(shiro).filter(([k]) => !(RESEARCHMAP_LIST_TYPES as readonly string[]).includes(k)),
  );

  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://localhost");
      requests.push(`${url.pathname}${url.search}`);
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": "application/ld+json", ...headers });
        res.end(JSON.stringify(body));
      };
      const [permalink, type] = url.pathname.split("/").filter(Boolean);
      if (permalink === "slow") return void setTimeout(() => send(200, profile), 500);
      if (permalink === "busy") return send(429, { error: "busy" }, { "retry-after": "0" });
      if (permalink === "flaky" && !type) {
        flakyCalls++;
        return flakyCalls === 1 ? send(500, { error: "oops" }, { "retry-after": "0" }) : send(200, profile);
      }
      if (permalink === "flaky") return send(404, { error: "not found" });
      if (permalink !== "sample-shiro-mihon") return send(404, { error: "not found" });
      if (!type) return send(200, profile);
      const items = lists[type as keyof typeof lists] ?? [];
      const limit = Number(url.searchParams.get("limit") ?? 100);
      const start = Number(url.searchParams.get("start") ?? 1);
      send(200, {
        "@type": type,
        total_items: items.length,
        items: items.slice(start - 1, start - 1 + limit),
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("pages every list with limit/start until total_items and parses the result", async () => {
    requests.length = 0;
    const fetched = await fetchResearchmapResearcher({
      baseUrl: base,
      permalink: "sample-shiro-mihon",
      pageSize: 2,
    });
    expect(fetched.lists.published_papers).toHaveLength(4);
    expect(fetched.lists.research_interests).toHaveLength(4);
    expect(requests).toContain("/sample-shiro-mihon/published_papers?limit=2&start=1");
    expect(requests).toContain("/sample-shiro-mihon/published_papers?limit=2&start=3");
    expect(requests.filter((r) => r.startsWith("/sample-shiro-mihon/published_papers"))).toHaveLength(2);
    const { record, dropped } = parseResearchmapProfile({ ...fetched, institution: "tut" });
    expect(record.papers).toHaveLength(3);
    expect(dropped.reduce((n, d) => n + d.count, 0)).toBe(5);
  });

  it("turns a 404 into an error naming the permalink", async () => {
    const err = await fetchResearchmapResearcher({ baseUrl: base, permalink: "nobody" }).catch((e) => e);
    expect(err).toBeInstanceOf(ResearchmapFetchError);
    expect(err).toMatchObject({ status: 404, permalink: "nobody" });
    expect(err.message).toMatch(/"nobody".*404/);
  });

  it("retries once after a 500 and then succeeds", async () => {
    const fetched = await fetchResearchmapResearcher({ baseUrl: base, permalink: "flaky" });
    expect(flakyCalls).toBe(2);
    expect(fetched.lists.published_papers).toEqual([]);
  });

  it("gives up after a second 429", async () => {
    requests.length = 0;
    const err = await fetchResearchmapResearcher({ baseUrl: base, permalink: "busy" }).catch((e) => e);
    expect(err).toMatchObject({ status: 429, permalink: "busy" });
    expect(err.message).toMatch(/"busy".*429/);
    expect(requests).toHaveLength(2);
  });

  it("times out cleanly", async () => {
    const err = await fetchResearchmapResearcher({ baseUrl: base, permalink: "slow", timeoutMs: 100 }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(ResearchmapFetchError);
    expect(err).toMatchObject({ status: null, permalink: "slow" });
    expect(err.message).toMatch(/within 100 ms/);
  });
});
