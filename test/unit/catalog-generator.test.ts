import { beforeAll, describe, expect, it } from "vitest";
import type { ResearcherRecord, SeedRecord } from "../../src/server/modules/catalog/import/records";
import { validateResearcher, validateSeed } from "../../src/server/modules/catalog/import/validate";
import { type Catalog, generateCatalog } from "../../src/server/modules/demo/catalog-generator";
import { FAMILY_NAMES } from "../../src/server/modules/demo/catalog-people";
import { REFERENCE_INSTITUTIONS } from "../../src/server/modules/organizations/reference-data";
import {
  FIELD_CODES,
  isEradId,
  isOrcid,
  phaseOfTrl,
  SEED_STATUSES,
  VISIBILITIES,
} from "../../src/shared/seeds";

const MARITIME_KOSEN = ["kosen-toba", "kosen-hiroshima", "kosen-oshima", "kosen-yuge"];
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const ASCII_ENGLISH = /^[A-Z0-9][\x20-\x7e]*$/;
const SECTIONS = ["summary", "overview", "features", "applications"] as const;

const share = <T>(items: T[], pred: (x: T) => boolean) => items.filter(pred).length / items.length;
const jaChars = (s: SeedRecord) =>
  [s.title, ...SECTIONS.map((k) => s[k])].reduce((n, b) => n + (b.ja?.length ?? 0), 0);

let catalog: Catalog;
let researchers: ResearcherRecord[];
let seeds: SeedRecord[];
let byId: Map<string, ResearcherRecord>;

beforeAll(() => {
  const t0 = performance.now();
  catalog = generateCatalog();
  const ms = performance.now() - t0;
  ({ researchers, seeds } = catalog);
  byId = new Map(researchers.map((r) => [r.externalId!, r]));
  const chars = seeds.reduce((n, s) => n + jaChars(s), 0);
  console.log(
    `catalog generator: ${researchers.length} researchers, ${seeds.length} seeds in ${ms.toFixed(0)} ms; ` +
      `${chars.toLocaleString("en")} Japanese characters in seed texts (${(chars / seeds.length).toFixed(0)} per seed), ` +
      `${JSON.stringify(catalog).length.toLocaleString("en")} characters of JSON`,
  );
});

describe("catalog generator: repeatability", () => {
  it("gives byte-identical output for the same seed", () => {
    expect(JSON.stringify(generateCatalog({ seed: 20261124 }))).toBe(JSON.stringify(catalog));
    const small = { seed: 7, researchers: 300, seeds: 700 };
    expect(JSON.stringify(generateCatalog(small))).toBe(JSON.stringify(generateCatalog(small)));
  });

  it("gives different output for a different seed", () => {
    const a = generateCatalog({ seed: 1, researchers: 300, seeds: 700 });
    const b = generateCatalog({ seed: 2, researchers: 300, seeds: 700 });
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
    expect(a.seeds[0]!.title.ja).not.toBe(b.seeds[0]!.title.ja);
  });
});

describe("catalog generator: validity", () => {
  it("passes the importer's validation unchanged", () => {
    const problems: string[] = [];
    for (const r of researchers) {
      const out = validateResearcher(structuredClone(r), (p, m) =>
        problems.push(`${r.externalId} ${p}: ${m}`),
      );
      expect(out).toEqual(r);
    }
    for (const s of seeds) {
      const out = validateSeed(structuredClone(s), (p, m) => problems.push(`${s.externalId} ${p}: ${m}`));
      expect(out).toEqual(s);
    }
    expect(problems).toEqual([]);
  });
});

describe("catalog generator: researchers", () => {
  it("has the requested counts and ~200 per university", () => {
    expect(researchers).toHaveLength(4200);
    expect(Math.abs(seeds.length - 10000)).toBeLessThanOrEqual(500);
    const perInst = new Map<string, number>();
    for (const r of researchers) perInst.set(r.institution, (perInst.get(r.institution) ?? 0) + 1);
    for (const code of ["nagaokaut", "tut"]) {
      expect(perInst.get(code)).toBeGreaterThanOrEqual(190);
      expect(perInst.get(code)).toBeLessThanOrEqual(210);
    }
    const kosen = REFERENCE_INSTITUTIONS.filter((i) => i.type === "kosen");
    expect(kosen).toHaveLength(51);
    for (const k of kosen) expect(perInst.get(k.code) ?? 0, k.code).toBeGreaterThan(40);
    const codes = new Set(REFERENCE_INSTITUTIONS.map((i) => i.code));
    expect(researchers.every((r) => codes.has(r.institution))).toBe(true);
  });

  it("honours other sizes", () => {
    const c = generateCatalog({ researchers: 530, seeds: 1300 });
    expect(c.researchers).toHaveLength(530);
    expect(c.seeds.length).toBeGreaterThanOrEqual(1235);
    expect(c.seeds.length).toBeLessThanOrEqual(1365);
    expect(generateCatalog({ researchers: 0, seeds: 10 }).seeds).toHaveLength(0);
  });

  it("has unique, valid and obviously synthetic identifiers", () => {
    const erad = researchers.map((r) => r.eradId!);
    expect(new Set(erad).size).toBe(researchers.length);
    expect(erad.every((e) => isEradId(e) && e.startsWith("9"))).toBe(true);
    expect(new Set(researchers.map((r) => r.externalId)).size).toBe(researchers.length);
    expect(researchers[0]!.externalId).toBe("demo-r-00001");
    expect(researchers.every((r) => /^demo-r-\d{5}$/.test(r.externalId!))).toBe(true);
    const orcids = researchers.flatMap((r) => (r.orcid ? [r.orcid] : []));
    expect(orcids.every((o) => isOrcid(o) && o.startsWith("0000-0000-"))).toBe(true);
    expect(orcids.length / researchers.length).toBeGreaterThan(0.06);
    expect(orcids.length / researchers.length).toBeLessThan(0.14);
    const permalinks = researchers.flatMap((r) => (r.researchmapPermalink ? [r.researchmapPermalink] : []));
    expect(permalinks.every((p) => /^demo_[a-z]+_\d+$/.test(p))).toBe(true);
    expect(new Set(permalinks).size).toBe(permalinks.length);
    expect(permalinks.length / researchers.length).toBeGreaterThan(0.15);
    expect(permalinks.length / researchers.length).toBeLessThan(0.25);
  });

  it("uses invented family names with hiragana readings", () => {
    const families = new Set(FAMILY_NAMES.map((f) => f.ja));
    for (const r of researchers) {
      const [family, given] = r.name.ja!.split(" ");
      expect(families.has(family!)).toBe(true);
      expect(given).toBeTruthy();
      expect(r.nameKana).toMatch(/^[\u3041-\u309f]+ [\u3041-\u309f]+$/);
      expect(r.name.en).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    }
  });

  it("fills profiles within the stated ranges", () => {
    for (const r of researchers) {
      expect(r.keywords.ja.length).toBeGreaterThanOrEqual(3);
      expect(r.keywords.ja.length).toBeLessThanOrEqual(6);
      if (r.keywords.en.length) expect(r.keywords.en).toHaveLength(r.keywords.ja.length);
      expect(r.researchAreas.length).toBeGreaterThanOrEqual(1);
      expect(r.researchAreas.length).toBeLessThanOrEqual(3);
      expect(r.biography.ja).toMatch(JAPANESE);
      expect(r.papers.length).toBeLessThanOrEqual(6);
      for (const p of r.papers) {
        expect(p.year).toBeGreaterThanOrEqual(2005);
        expect(p.year).toBeLessThanOrEqual(2026);
        expect(p.title.ja).toMatch(JAPANESE);
      }
      expect(r.patents.length).toBeLessThanOrEqual(2);
      for (const p of r.patents) expect(p.venue).toMatch(/^特願20\d\d-9\d{5}$/);
      expect(r.grants.length).toBeLessThanOrEqual(2);
      expect(r.equipment.length).toBeLessThanOrEqual(2);
      expect(r.position).toBeTruthy();
      expect(r.department).toBeTruthy();
    }
    expect(share(researchers, (r) => r.keywords.en.length > 0)).toBeGreaterThan(0.3);
    expect(share(researchers, (r) => r.keywords.en.length > 0)).toBeLessThan(0.5);
    expect(share(researchers, (r) => r.patents.length > 0)).toBeGreaterThan(0.15);
    expect(share(researchers, (r) => r.patents.length > 0)).toBeLessThan(0.25);
    expect(share(researchers, (r) => r.equipment.length > 0)).toBeGreaterThan(0.2);
    expect(share(researchers, (r) => r.equipment.length > 0)).toBeLessThan(0.3);
  });

  it("gives the 商船 KOSEN their maritime departments", () => {
    const depts = new Set(
      researchers.filter((r) => MARITIME_KOSEN.includes(r.institution)).map((r) => r.department),
    );
    expect(depts).toContain("商船学科");
    expect(
      [...depts].every((d) => ["商船学科", "電子機械工学科", "情報工学科", "一般教育科"].includes(d!)),
    ).toBe(true);
    expect(
      researchers.some((r) => r.institution === "nagaokaut" && r.department === "機械創造工学専攻"),
    ).toBe(true);
    expect(researchers.some((r) => r.institution === "tut" && r.department === "情報・知能工学系")).toBe(
      true,
    );
  });
});

describe("catalog generator: seeds", () => {
  it("links every seed to existing researchers, the lead first", () => {
    expect(seeds[0]!.externalId).toBe("demo-s-00001");
    expect(new Set(seeds.map((s) => s.externalId)).size).toBe(seeds.length);
    for (const s of seeds) {
      expect(s.researchers.length).toBeGreaterThanOrEqual(1);
      expect(s.researchers.length).toBeLessThanOrEqual(3);
      expect(new Set(s.researchers).size).toBe(s.researchers.length);
      for (const id of s.researchers) expect(byId.has(id)).toBe(true);
    }
    const leads = new Set(seeds.map((s) => s.researchers[0]));
    const none = 1 - leads.size / researchers.length;
    expect(none).toBeGreaterThan(0.1);
    expect(none).toBeLessThan(0.2);
    const perLead = new Map<string, number>();
    for (const s of seeds) perLead.set(s.researchers[0]!, (perLead.get(s.researchers[0]!) ?? 0) + 1);
    expect([...perLead.values()].filter((n) => n >= 5).length).toBeGreaterThan(100);
  });

  it("uses valid codes, TRL, phase, status and visibility", () => {
    const fields = new Set<string>(FIELD_CODES);
    for (const s of seeds) {
      expect(s.fields.length).toBeGreaterThanOrEqual(1);
      expect(s.fields.length).toBeLessThanOrEqual(2);
      expect(s.fields.every((f) => fields.has(f))).toBe(true);
      expect(new Set(s.fields).size).toBe(s.fields.length);
      expect(s.trl).toBeGreaterThanOrEqual(1);
      expect(s.trl).toBeLessThanOrEqual(9);
      expect(s.phase).toBe(phaseOfTrl(s.trl!));
      expect(SEED_STATUSES).toContain(s.status);
      expect(VISIBILITIES).toContain(s.visibility);
      expect(s.keywords.ja.length).toBeGreaterThanOrEqual(3);
      expect(s.keywords.ja.length).toBeLessThanOrEqual(6);
      if (s.keywords.en.length) expect(s.keywords.en).toHaveLength(s.keywords.ja.length);
      for (const p of s.patents) expect(p).toMatch(/^特願20\d\d-9\d{5}「.+」$/);
    }
    expect(share(seeds, (s) => s.trl! >= 2 && s.trl! <= 6)).toBeGreaterThan(0.7);
  });

  it("has the stated shares of English, status and visibility", () => {
    const en = share(seeds, (s) => s.title.en !== null);
    expect(en).toBeGreaterThan(0.25);
    expect(en).toBeLessThan(0.35);
    expect(seeds.every((s) => (s.title.en === null) === (s.summary.en === null))).toBe(true);
    const nonPublic = share(seeds, (s) => s.visibility !== "public");
    expect(nonPublic).toBeGreaterThan(0.1);
    expect(nonPublic).toBeLessThan(0.2);
    expect(share(seeds, (s) => s.status === "published")).toBeGreaterThan(0.8);
    expect(share(seeds, (s) => s.status === "draft")).toBeGreaterThan(0.06);
    expect(share(seeds, (s) => s.status === "archived")).toBeGreaterThan(0.02);
    expect(share(seeds, (s) => s.patents.length > 0)).toBeGreaterThan(0.1);
    expect(share(seeds, (s) => s.patents.length > 0)).toBeLessThan(0.2);
  });

  it("leans to maritime, mechanical and information at the 商船 KOSEN", () => {
    const maritime = seeds.filter((s) => MARITIME_KOSEN.includes(byId.get(s.researchers[0]!)!.institution));
    expect(maritime.length).toBeGreaterThan(300);
    expect(
      share(maritime, (s) => ["maritime", "mechanical", "information"].includes(s.fields[0]!)),
    ).toBeGreaterThan(0.6);
    expect(share(maritime, (s) => s.fields.includes("maritime"))).toBeGreaterThan(0.25);
    expect(share(seeds, (s) => s.fields.includes("maritime"))).toBeLessThan(0.08);
  });

  it("writes Japanese titles and texts, and ASCII English where present", () => {
    for (const s of seeds) {
      expect(s.title.ja).toMatch(JAPANESE);
      for (const k of SECTIONS) expect(s[k].ja).toMatch(JAPANESE);
      for (const b of [s.title, ...SECTIONS.map((k) => s[k])]) if (b.en) expect(b.en).toMatch(ASCII_ENGLISH);
    }
    expect(share(seeds, (s) => s.title.ja!.length >= 20 && s.title.ja!.length <= 40)).toBeGreaterThan(0.9);
    const perSeed = seeds.reduce((n, s) => n + jaChars(s), 0) / seeds.length;
    expect(perSeed).toBeGreaterThan(400);
    expect(perSeed).toBeLessThan(700);
  });

  it("keeps one style (である調 or です・ます調) within a seed, and both styles occur", () => {
    let politeSeeds = 0;
    for (const s of seeds) {
      const sentences = SECTIONS.flatMap((k) => s[k].ja!.split("。").filter(Boolean));
      const polite = sentences.map((x) => /(ます|です|でした|ました)$/.test(x));
      expect(new Set(polite).size, s.externalId).toBe(1);
      if (polite[0]) politeSeeds++;
    }
    expect(politeSeeds / seeds.length).toBeGreaterThan(0.4);
    expect(politeSeeds / seeds.length).toBeLessThan(0.6);
  });

  it("varies its sentences", () => {
    const openings = new Set(seeds.map((s) => s.summary.ja!.slice(0, 6)));
    expect(openings.size).toBeGreaterThan(200);
    expect(new Set(seeds.map((s) => s.title.ja)).size).toBeGreaterThan(seeds.length * 0.65);
  });
});
