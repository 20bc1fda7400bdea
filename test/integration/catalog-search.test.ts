/**
 * Catalogue search on a small fixture of seeds with known texts: Japanese in katakana, hiragana and
 * half-width forms, kana words inside longer compounds, kanji compounds split by the analyser, English
 * stems, AND of all words, filters combined with a query, sorting and paging. Then the researcher
 * directory by name (kanji, kana) and by English keyword.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runImport } from "../../src/server/modules/catalog/import/run";
import { SearchCache } from "../../src/server/modules/catalog/search-cache";
import type { Agent, TestContext } from "../helpers/app";
import { createTestContext } from "../helpers/app";
import { backendName } from "../helpers/db";

interface Card {
  id: string;
  titleJa: string | null;
  titleEn: string | null;
}
interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

const RESEARCHERS = [
  {
    externalId: "r-s-tut",
    institution: "tut",
    name: { ja: "田中 一郎", en: "Ichiro Tanaka" },
    nameKana: "たなか いちろう",
    keywords: { ja: ["振動工学"], en: ["vibration", "machine diagnosis"] },
  },
  {
    externalId: "r-s-nagaoka",
    institution: "kosen-nagaoka",
    name: { ja: "中田 次郎", en: "Jiro Nakata" },
    nameKana: "ナカタ ジロウ",
    keywords: { ja: ["河川工学"], en: ["river monitoring"] },
  },
  {
    externalId: "r-s-toyota",
    institution: "kosen-toyota",
    name: { ja: "佐藤 花子" },
    nameKana: "さとう はなこ",
    papers: [{ title: { en: "Tool wear estimation in milling" } }],
  },
  { externalId: "r-s-gifu", institution: "kosen-gifu", name: { en: "Alice Sample" } },
  {
    externalId: "r-s-nagano",
    institution: "kosen-nagano",
    name: { ja: "鈴木 三郎" },
    nameKana: "すずき さぶろう",
  },
  {
    externalId: "r-s-numazu",
    institution: "kosen-numazu",
    name: { ja: "高橋 四郎" },
    nameKana: "たかはし しろう",
  },
];

/** key → seed; the key is the externalId. */
const SEEDS = {
  vibration: {
    researchers: ["r-s-tut"],
    title: { ja: "振動センサーによる設備診断" },
    summary: { ja: "工場設備の異常を早期に検知する。" },
    fields: ["mechanical"],
    trl: 5,
  },
  river: {
    researchers: ["r-s-nagaoka"],
    title: { ja: "センサネットワークによる河川監視" },
    summary: { ja: "水位を常時計測する。" },
    fields: ["information", "civil_env"],
    trl: 2,
  },
  toolJa: {
    researchers: ["r-s-toyota"],
    title: { ja: "切削工具の摩耗を推定する" },
    summary: { ja: "加工中の電流から推定する。" },
    fields: ["mechanical"],
    trl: 7,
  },
  toolEn: {
    researchers: ["r-s-gifu"],
    title: { en: "Estimating tool wear with sensors" },
    summary: { en: "Tool wear is estimated from the spindle current of machine tools." },
    fields: ["information"],
    trl: 4,
  },
  soil: {
    researchers: ["r-s-nagano"],
    title: { en: "A low-cost sensor for soil moisture" },
    summary: { ja: "土壌水分を安価に測る。" },
    fields: ["agri_food"],
    trl: 3,
  },
  ferment: {
    researchers: ["r-s-numazu"],
    title: { ja: "発酵食品の機能性評価" },
    overview: { ja: "工具の摩耗とは関係のない発酵の研究。" },
    fields: ["agri_food"],
    trl: 4,
  },
  draft: {
    researchers: ["r-s-tut"],
    title: { ja: "未公開センサーの試作" },
    fields: ["mechanical"],
    status: "draft",
  },
  members: {
    researchers: ["r-s-tut"],
    title: { ja: "会員向けセンサー技術" },
    fields: ["mechanical"],
    trl: 5,
    visibility: "members",
  },
} as const;
type Key = keyof typeof SEEDS;

let ctx: TestContext;
let member: Agent;
const idOf = {} as Record<Key, string>;
const keyOf = new Map<string, Key>();

beforeAll(async () => {
  ctx = await createTestContext();
  const load = async (kind: "researchers" | "seeds", lines: unknown[]) => {
    const text = `${lines.map((l) => JSON.stringify(l)).join("\n")}\n`;
    const r = await runImport(ctx.database.db, new TextEncoder().encode(text), {
      kind,
      fileName: `${kind}.jsonl`,
      actor: null,
      source: "cli",
      dryRun: false,
      partial: false,
    });
    expect(r.problems).toEqual([]);
  };
  await load("researchers", RESEARCHERS);
  await load(
    "seeds",
    Object.entries(SEEDS).map(([externalId, s]) => ({ externalId, ...s })),
  );
  const rows = await ctx.database.query<{ id: string; external_id: Key }>(
    "select id, external_id from seeds",
  );
  for (const r of rows) {
    idOf[r.external_id] = r.id;
    keyOf.set(r.id, r.external_id);
  }
  // Distinct publication dates, oldest first in the order of SEEDS, for sorting by newest.
  for (const [i, key] of Object.keys(SEEDS).entries()) {
    await ctx.database.query(`update seeds set published_at = $1 where id = $2 and status = 'published'`, [
      new Date(Date.UTC(2024, 0, 1 + i)).toISOString(),
      idOf[key as Key],
    ]);
  }
  member = await ctx.as("company_member");
});
afterAll(() => ctx.close());

async function search(query: string, agent?: Agent): Promise<Page<Card>> {
  const path = `/api/catalog/seeds?${query}`;
  const res = agent ? await agent.get(path) : await ctx.request(path);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Page<Card>;
}
const keys = (p: Page<Card>) => p.items.map((c) => keyOf.get(c.id)!);
const found = async (q: string, extra = "", agent?: Agent) =>
  keys(await search(`q=${encodeURIComponent(q)}${extra}`, agent)).sort();

describe(`seed search in Japanese (${backendName})`, () => {
  it("finds a katakana word written in katakana, hiragana or half-width katakana, and inside a compound", async () => {
    for (const q of ["センサー", "せんさー", "ｾﾝｻｰ", "センサ", "せんさ"]) {
      expect({ q, found: await found(q) }).toEqual({ q, found: ["river", "vibration"] });
    }
    // The compound itself, and its second part.
    expect(await found("センサネットワーク")).toEqual(["river"]);
    expect(await found("ネットワーク")).toEqual(["river"]);
  });

  it("splits kanji compounds: 工具摩耗 finds 工具の摩耗; words in any part of the sheet count", async () => {
    expect(await found("工具摩耗")).toEqual(["ferment", "toolJa"]);
    expect(await found("摩耗")).toEqual(["ferment", "toolJa"]);
    expect(await found("設備診断")).toEqual(["vibration"]);
    expect(await found("水位")).toEqual(["river"]);
    expect(await found("全く無関係な言葉")).toEqual([]);
  });

  it("every word must match (AND), in any language mix", async () => {
    expect(await found("センサー 河川")).toEqual(["river"]);
    expect(await found("センサー　設備")).toEqual(["vibration"]);
    expect(await found("センサー 摩耗")).toEqual([]);
    expect(await found("tool 摩耗")).toEqual([]);
    expect(await found("摩耗 切削")).toEqual(["toolJa"]);
  });

  it("never shows drafts, and members-only seeds only to signed-in members", async () => {
    expect(await found("試作")).toEqual([]);
    expect(await found("会員向け")).toEqual([]);
    expect(await found("センサー", "", member)).toEqual(["members", "river", "vibration"]);
  });
});

describe(`seed search in English (${backendName})`, () => {
  it("matches English stems: sensors finds sensor; tool wear finds the English summary", async () => {
    expect(await found("sensors")).toEqual(["soil", "toolEn"]);
    expect(await found("sensor")).toEqual(["soil", "toolEn"]);
    expect(await found("tool wear")).toEqual(["toolEn"]);
    expect(await found("TOOL WEAR")).toEqual(["toolEn"]);
    expect(await found("estimated spindle")).toEqual(["toolEn"]);
    expect(await found("wear moisture")).toEqual([]);
    // Words that are all stop words or symbols find nothing rather than everything.
    expect((await search("q=the%20of")).total).toBe(0);
    expect((await search("q=%E3%80%82%E3%80%81")).total).toBe(0);
  });
});

describe(`filters, sorting and paging (${backendName})`, () => {
  it("combines filters with the query", async () => {
    const tut = (await ctx.institution("tut")).id;
    expect(await found("センサ", `&institution=${tut}`)).toEqual(["vibration"]);
    expect(await found("センサ", "&field=information")).toEqual(["river"]);
    expect(await found("センサ", "&area=shinetsu")).toEqual(["river"]);
    expect(await found("センサ", "&area=tokai")).toEqual(["vibration"]);
    expect(await found("センサ", "&block=kanto_shinetsu")).toEqual(["river"]);
    expect(await found("センサ", "&phase=applied")).toEqual(["vibration"]);
    expect(await found("センサ", "&phase=basic")).toEqual(["river"]);
    expect(await found("sensor", "&field=agri_food&phase=basic&area=shinetsu")).toEqual(["soil"]);
    expect(await found("摩耗", "&field=mechanical&phase=practical")).toEqual(["toolJa"]);
    expect(keys(await search("field=agri_food")).sort()).toEqual(["ferment", "soil"]);
    expect(keys(await search("block=tokai_hokuriku")).sort()).toEqual(["ferment", "toolEn", "toolJa"]);
    const bad = await ctx.request("/api/catalog/seeds?phase=someday&field=cooking");
    expect(bad.status).toBe(400);
  });

  it("sorts by relevance (title before body), newest and title", async () => {
    expect(keys(await search(`q=${encodeURIComponent("摩耗")}`))).toEqual(["toolJa", "ferment"]);
    const all = ["vibration", "river", "toolJa", "toolEn", "soil", "ferment"];
    expect(keys(await search("sort=newest"))).toEqual([...all].reverse());
    expect(keys(await search(""))).toEqual([...all].reverse());
    const byTitle = await search("sort=title");
    const titles = byTitle.items.map((c) => c.titleJa ?? c.titleEn ?? "");
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(keys(await search(`q=${encodeURIComponent("摩耗")}&sort=newest`))).toEqual(["ferment", "toolJa"]);
  });

  it("pages: totals count every match, pages do not overlap, past the end is empty with the total", async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const p = await search(`sort=newest&pageSize=2&page=${page}`);
      expect({ page, total: p.total, n: p.items.length, pageSize: p.pageSize }).toEqual({
        page,
        total: 6,
        n: 2,
        pageSize: 2,
      });
      seen.push(...keys(p));
    }
    expect(new Set(seen).size).toBe(6);
    const past = await search("sort=newest&pageSize=2&page=4");
    expect({ items: past.items.length, total: past.total, page: past.page }).toEqual({
      items: 0,
      total: 6,
      page: 4,
    });
    const pastQuery = await search(`q=${encodeURIComponent("センサ")}&pageSize=1&page=5`);
    expect({ items: pastQuery.items.length, total: pastQuery.total }).toEqual({ items: 0, total: 2 });
    const second = await search(`q=${encodeURIComponent("センサ")}&pageSize=1&page=2`);
    expect(second.total).toBe(2);
    expect(second.items).toHaveLength(1);
  });
});

describe(`researcher directory (${backendName})`, () => {
  async function people(q: string): Promise<string[]> {
    const res = await ctx.request(`/api/catalog/researchers?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    const page = (await res.json()) as Page<{ nameJa: string | null; nameEn: string | null }>;
    return page.items.map((r) => r.nameJa ?? r.nameEn ?? "").sort();
  }

  it("finds by kanji name, by reading in hiragana or katakana, by English name and keywords", async () => {
    expect(await people("田中")).toEqual(["田中 一郎"]);
    expect(await people("田中一郎")).toEqual(["田中 一郎"]);
    for (const q of ["たなか", "タナカ", "ﾀﾅｶ", "いちろう", "たなかいちろう"]) {
      expect({ q, found: await people(q) }).toEqual({ q, found: ["田中 一郎"] });
    }
    for (const q of ["なかた", "ナカタ", "じろう"]) {
      expect({ q, found: await people(q) }).toEqual({ q, found: ["中田 次郎"] });
    }
    expect(await people("Tanaka")).toEqual(["田中 一郎"]);
    expect(await people("vibration")).toEqual(["田中 一郎"]);
    expect(await people("river monitoring")).toEqual(["中田 次郎"]);
    expect(await people("振動工学")).toEqual(["田中 一郎"]);
    expect(await people("milling")).toEqual(["佐藤 花子"]);
    expect(await people("Alice")).toEqual(["Alice Sample"]);
    expect(await people("たなか vibration")).toEqual(["田中 一郎"]);
    expect(await people("たなか river")).toEqual([]);
  });

  it("filters the directory by institution and area, and counts each researcher's public seeds", async () => {
    const nagaoka = (await ctx.institution("kosen-nagaoka")).id;
    const res = await ctx.request(`/api/catalog/researchers?institution=${nagaoka}`);
    const page = (await res.json()) as Page<{ nameJa: string; seedCount: number }>;
    expect(page.items.map((r) => [r.nameJa, r.seedCount])).toEqual([["中田 次郎", 1]]);
    const shinetsu = (await (await ctx.request("/api/catalog/researchers?area=shinetsu")).json()) as Page<{
      nameJa: string;
    }>;
    expect(shinetsu.items.map((r) => r.nameJa).sort()).toEqual(["中田 次郎", "鈴木 三郎"]);
    const tanaka = (await (
      await ctx.request(`/api/catalog/researchers?q=${encodeURIComponent("田中")}`)
    ).json()) as Page<{ seedCount: number }>;
    expect(tanaka.items[0]!.seedCount).toBe(1);
  });
});

describe(`cached answers follow every write (${backendName})`, () => {
  it("keeps an answer until a write to seeds, links or organisations by any route, then recomputes", async () => {
    const cache = new SearchCache<number>();
    let computed = 0;
    const compute = async () => ++computed;
    expect(await cache.through(ctx.database.db, "k", compute)).toBe(1);
    expect(await cache.through(ctx.database.db, "k", compute)).toBe(1); // served from the cache
    expect(cache.hits).toBe(1);
    // Writes made outside the app (as another server or a CLI import would) retire it.
    for (const write of [
      "update seeds set title_ja = title_ja where external_id = 'river'",
      "update organizations set name_en = name_en where code = 'kosen-nagaoka'",
      "delete from seed_researchers where false",
    ]) {
      const before = computed;
      await ctx.database.query(write);
      expect({ write, value: await cache.through(ctx.database.db, "k", compute) }).toEqual({
        write,
        value: before + 1,
      });
    }
    // A read does not.
    await ctx.database.query("select count(*) from seeds");
    expect(await cache.through(ctx.database.db, "k", compute)).toBe(computed);
  });

  it("shows a changed title and a withdrawn visibility at once through HTTP", async () => {
    const title = async () => (await search("q=河川")).items.map((c) => c.titleJa);
    expect(await title()).toEqual(["センサネットワークによる河川監視"]);
    await ctx.database.query("update seeds set title_ja = '河川の水位監視' where external_id = 'river'");
    expect(await title()).toEqual(["河川の水位監視"]);
    await ctx.database.query("update seeds set visibility = 'members' where external_id = 'river'");
    expect(await title()).toEqual([]);
    expect((await search("q=河川", member)).items.map((c) => c.titleJa)).toEqual(["河川の水位監視"]);
    await ctx.database.query(
      "update seeds set visibility = 'public', title_ja = 'センサネットワークによる河川監視' where external_id = 'river'",
    );
    expect(await title()).toEqual(["センサネットワークによる河川監視"]);
  });
});
