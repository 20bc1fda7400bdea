/**
 * npm run bench:cases — the case board and the case list at the size of several years of work:
 * 20,000 needs with their 20,000 cases (spread over ~3 years and every stage of the default list) and
 * 200,000 timeline events, generated in bulk SQL into a new database; then the real app (createApp)
 * over real HTTP, signed in as a coordinator covering two areas (tokai by their institution, shinetsu by
 * coverage; about 13,000 cases) and as an admin (all 20,000). Each request kind is sent 100 times, one at
 * a time, after a warm-up: p50 / p95 / max, target p95 ≤ 100 ms.
 *
 * Embedded PGlite in a temporary folder by default. BENCH_DATABASE_URL (or DATABASE_URL) =
 * postgres://…/any runs it on that PostgreSQL server instead, in a database of its own
 * (kyoso_bench_cases), created for the run and dropped afterwards. BENCH_KEEP=1 keeps the database (or the
 * folder) for a look at the query plans.
 */
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { serve } from "@hono/node-server";
import { createApp } from "../src/server/app";
import { loadConfig } from "../src/server/config";
import type { Database } from "../src/server/db/client";
import { organizations } from "../src/server/db/schema";
import { CLOSE_REASONS, DEFAULT_STAGES } from "../src/server/modules/cases/codes";
import { searchFields } from "../src/server/modules/organizations/repository";
import { createUser } from "../src/server/modules/users/service";
import { insertJson, machine, openTarget, percentile, pick, rand, signIn, weighted } from "./lib";

const NEEDS = 20_000;
const EVENTS_PER_CASE = 10; // on average: 5 … 15, exactly 200,000 in all
const COORDINATORS = 30;
const REQUESTS = 100;
const WARMUP = 10;
const TARGET_MS = 100;
const PASSWORD = "bench-password-2026";
const PG_DB = "kyoso_bench_cases";
const DAY = 86_400_000;

// --- a small deterministic random source ------------------------------------------------------------

// --- Japanese text ---------------------------------------------------------------------------------

const TARGETS = [
  "アルミ部品",
  "ステンレス配管",
  "樹脂成形品",
  "精密金型",
  "自動車用ギア",
  "食品包装ライン",
  "味噌の発酵工程",
  "日本酒の仕込み",
  "コンクリート橋梁",
  "農業用ハウス",
  "水処理設備",
  "半導体製造装置",
  "射出成形機",
  "溶接ロボット",
  "介護用ベッド",
  "木材乾燥炉",
  "織物の染色工程",
  "鋳造部品",
  "めっき工程",
  "物流倉庫",
  "リチウムイオン電池",
  "燃料電池セル",
  "工作機械の主軸",
  "産業用ポンプ",
  "精密測定器",
  "漁業用ブイ",
  "除雪機",
  "茶葉の乾燥",
  "ワイン醸造タンク",
  "下水汚泥",
];
const TASKS = [
  "の切削加工における工具摩耗の低減",
  "の表面粗さの改善",
  "の異物検査の自動化",
  "の画像認識による外観検査",
  "の劣化診断と寿命予測",
  "の省エネルギー化",
  "の振動低減と騒音対策",
  "の熱処理条件の最適化",
  "の IoT センサによる稼働監視",
  "の機械学習による異常検知",
  "の歩留まり向上",
  "の品質ばらつきの原因究明",
  "の耐食性向上",
  "の軽量化設計",
  "の環境負荷低減",
  "の温度管理の自動化",
  "の強度評価",
  "の作業負担軽減",
  "の殺菌方法の検討",
  "の廃熱回収",
];
const TITLE_TAILS = ["", "", "", "について", "に関する技術相談", "の共同研究", "の相談"];
const COMPANY_HEADS = [
  "信州",
  "越後",
  "東海",
  "三河",
  "浜松",
  "長岡",
  "上田",
  "豊橋",
  "静岡",
  "武蔵野",
  "多摩",
  "城南",
  "富士",
  "諏訪",
  "松本",
  "新潟",
  "岐阜",
  "尾張",
  "駿河",
  "甲斐",
  "大和",
  "昭和",
  "中央",
  "日進",
  "北辰",
  "旭",
  "朝日",
  "千代田",
  "丸山",
  "山田",
];
const COMPANY_TAILS = [
  "精機",
  "製作所",
  "工業",
  "化学",
  "電子",
  "テクノ",
  "食品",
  "酒造",
  "建設",
  "鋳造",
  "金属",
  "プラスチック",
  "システム",
  "農園",
  "機工",
];
const COMPANY_FORMS = ["株式会社", "株式会社", "有限会社", "合同会社"];
const FAMILY = [
  "佐藤",
  "鈴木",
  "高橋",
  "田中",
  "伊藤",
  "渡辺",
  "山本",
  "中村",
  "小林",
  "加藤",
  "吉田",
  "山口",
];
const GIVEN = ["太郎", "花子", "健一", "美咲", "翔太", "由美", "大輔", "直子", "誠", "恵子", "拓也", "陽子"];
const PROBLEMS = [
  "現在の工程では不良率が3%程度あり、原因が特定できていません。測定データはありますが、分析の方法が分かりません。",
  "海外製の装置を使っていますが、保守費用が高く、国内で代替できる技術を探しています。",
  "熟練者の勘に頼っている工程があり、若手に引き継げるよう数値化したいと考えています。",
  "取引先から環境負荷の低減を求められており、エネルギー使用量を2割減らしたいです。",
  "試作品はできていますが、量産時の品質を安定させる方法を相談したいです。",
  "センサを後付けして稼働状況を見える化したいが、どこから始めればよいか分かりません。",
];

const AREA_WEIGHTS: readonly (readonly [string | null, number])[] = [
  ["shinetsu", 30],
  ["tokai", 30],
  ["tokyo", 22],
  ["hokuriku", 3],
  ["kinki", 3],
  ["tohoku", 2],
  ["kyushu_okinawa", 2],
  ["kitakanto", 2],
  [null, 6],
];
const OPEN_STAGES = DEFAULT_STAGES.filter((s) => s.kind === "open").map((s) => s.code);
const END_STAGES: readonly (readonly [string, number])[] = [
  ["contracted", 30],
  ["declined", 35],
  ["withdrawn", 20],
  ["refused", 15],
];

const iso = (t: number) => new Date(t).toISOString();
const dateOnly = (t: number) => new Date(t + 9 * 3600_000).toISOString().slice(0, 10);
const seconds = (from: number) => `${((performance.now() - from) / 1000).toFixed(1)} s`;

interface People {
  coordinator: { id: string; email: string };
  admin: { id: string; email: string };
}

async function generate(database: Database, now: number): Promise<People> {
  const db = database.db;
  const institutions = await database.query<{ id: string; code: string; area: string }>(
    `select id, code, area_code as area from organizations
     where type in ('university', 'kosen') and area_code is not null order by code`,
  );
  const instIn = (area: string) => institutions.filter((i) => i.area === area);
  const tut = institutions.find((i) => i.code === "tut");
  if (!tut) throw new Error("reference institution tut missing");

  // The two who sign in (through the product's own user creation, with a password).
  const make = async (role: "coordinator" | "admin", email: string, name: string, coverage?: string[]) => {
    const created = await createUser({
      db,
      actor: null,
      input: {
        email,
        displayName: name,
        role,
        organizationId: tut.id,
        mode: "password",
        password: PASSWORD,
        ...(coverage ? { coverage: coverage.map((areaCode) => ({ kind: "area" as const, areaCode })) } : {}),
      },
      meta: null,
      via: "cli",
    });
    await database.query("update users set must_change_password = false where id = $1", [created.user.id]);
    return { id: created.user.id, email };
  };
  const coordinator = await make("coordinator", "bench-coordinator@bench.example", "豊橋 計測", ["shinetsu"]);
  const admin = await make("admin", "bench-admin@bench.example", "管理 太郎");

  // 29 more coordinators across the areas, each covering their institution's area (some a second one).
  const team: { id: string; areas: string[] }[] = [{ id: coordinator.id, areas: ["tokai", "shinetsu"] }];
  const homeAreas = [
    ...Array(10).fill("shinetsu"),
    ...Array(9).fill("tokai"),
    ...Array(6).fill("tokyo"),
    "hokuriku",
    "kinki",
    "tohoku",
    "kyushu_okinawa",
  ] as string[];
  const userRows: Record<string, unknown>[] = [];
  const coverageRows: Record<string, unknown>[] = [];
  homeAreas.slice(0, COORDINATORS - 1).forEach((area, i) => {
    const id = randomUUID();
    const home = instIn(area)[i % Math.max(1, instIn(area).length)] ?? tut;
    const areas = [area];
    if (i % 4 === 0) areas.push(area === "tokyo" ? "tokai" : "tokyo");
    userRows.push({
      id,
      email: `coordinator${String(i + 1).padStart(2, "0")}@bench.example`,
      display_name: `${FAMILY[i % FAMILY.length]} ${GIVEN[(i * 5) % GIVEN.length]}`,
      role: "coordinator",
      organization_id: home.id,
    });
    for (const a of areas) coverageRows.push({ user_id: id, scope: `area:${a}`, area_code: a });
    team.push({ id, areas });
  });
  await insertJson(
    database,
    "users",
    { id: "uuid", email: "text", display_name: "text", role: "text", organization_id: "uuid" },
    userRows,
  );
  await insertJson(
    database,
    "user_coverage",
    { user_id: "uuid", scope: "text", area_code: "text" },
    coverageRows,
  );

  // Companies and referral partners (organisations); most needs name a company only as text.
  const companyNames = new Set<string>();
  while (companyNames.size < 2500) {
    const form = pick(COMPANY_FORMS);
    const name = `${pick(COMPANY_HEADS)}${pick(COMPANY_TAILS)}`;
    companyNames.add(rand() < 0.7 ? `${form}${name}` : `${name}${form}`);
  }
  const companyList = [...companyNames];
  const companyOrgs = new Map<string, string>();
  const partnerOrgs: string[] = [];
  for (const nameJa of companyList.slice(0, 40)) {
    const values = { type: "company" as const, nameJa };
    const [row] = await db
      .insert(organizations)
      .values({ ...values, ...searchFields(values) })
      .returning({ id: organizations.id });
    companyOrgs.set(nameJa, row!.id);
  }
  const partners = [
    ["bank", "八十二銀行"],
    ["bank", "静岡銀行"],
    ["bank", "第四北越銀行"],
    ["shinkin", "長野信用金庫"],
    ["shinkin", "浜松いわた信用金庫"],
    ["shinkin", "西武信用金庫"],
    ["chamber", "豊橋商工会議所"],
    ["chamber", "上田商工会議所"],
    ["municipality", "長岡市"],
  ] as const;
  for (const [type, nameJa] of partners) {
    const values = { type, nameJa: `${nameJa}（ベンチ）` };
    const [row] = await db
      .insert(organizations)
      .values({ ...values, ...searchFields(values) })
      .returning({ id: organizations.id });
    partnerOrgs.push(row!.id);
  }

  // Needs, oldest first (more of them lately), and their cases.
  const created = Array.from(
    { length: NEEDS },
    () => now - Math.floor(1095 * DAY * rand() ** 1.25) - 3600_000,
  )
    .sort((a, b) => a - b)
    .map((t) => t);
  const counters = new Map<number, number>();
  const needRows: Record<string, unknown>[] = [];
  const caseRows: Record<string, unknown>[] = [];
  const reasonsOf = (stage: string) => CLOSE_REASONS.filter((r) => r.stage === stage).map((r) => r.code);
  for (let i = 0; i < NEEDS; i++) {
    const t = created[i]!;
    const year = Number(dateOnly(t).slice(0, 4));
    const number = (counters.get(year) ?? 0) + 1;
    counters.set(year, number);
    const area = weighted(AREA_WEIGHTS);
    const company = companyList[Math.floor(rand() ** 1.5 * companyList.length)]!;
    const ageDays = (now - t) / DAY;

    // Older cases have mostly ended; newer ones stand in the early stages.
    let stage: string;
    if (rand() < Math.min(0.93, ageDays / 200)) stage = weighted(END_STAGES);
    else stage = OPEN_STAGES[Math.min(5, Math.floor((ageDays / 120) * (0.3 + rand()) * 6))]!;
    const kind = DEFAULT_STAGES.find((s) => s.code === stage)!.kind;
    const enteredAt = t + Math.floor((now - t) * (kind === "open" ? rand() : 0.3 + 0.6 * rand()));
    const lastActivity =
      kind === "open"
        ? enteredAt + Math.floor((now - enteredAt) * rand())
        : enteredAt + Math.floor(Math.min(now - enteredAt, 3 * DAY) * rand());
    const reason = kind === "closed" ? pick(reasonsOf(stage)) : null;
    const team_ = area ? team.filter((c) => c.areas.includes(area)) : team;
    const assigned = stage === "received" ? rand() < 0.4 : rand() < 0.95;
    const coordinatorId = assigned && team_.length ? pick(team_).id : null;
    const second =
      coordinatorId && team_.length > 1 && rand() < 0.2
        ? pick(team_.filter((c) => c.id !== coordinatorId))
        : null;
    const due =
      kind === "open" && stage !== "received" && rand() < 0.45
        ? dateOnly(now + Math.floor((rand() * 60 - 15) * DAY))
        : null;

    const needId = randomUUID();
    needRows.push({
      id: needId,
      reference_number: `N-${year}-${String(number).padStart(6, "0")}`,
      title: `${pick(TARGETS)}${pick(TASKS)}${pick(TITLE_TAILS)}`,
      problem: pick(PROBLEMS),
      budget_range: pick(["undecided", "under_1m", "1m_5m", "5m_10m", "10m_30m"]),
      timing: pick(["asap", "within_3m", "within_6m", "within_1y", "undecided"]),
      area_code: area,
      preferred_area_code: area && rand() < 0.5 ? area : null,
      contact_name: `${pick(FAMILY)} ${pick(GIVEN)}`,
      contact_email: `contact${i}@example.co.jp`,
      organization_name: company,
      company_organization_id: companyOrgs.get(company) ?? null,
      referral_organization_id: rand() < 0.15 ? pick(partnerOrgs) : null,
      status: stage === "received" ? "received" : kind === "closed" ? "closed" : "screening",
      source: rand() < 0.6 ? "public_form" : "signed_in",
      created_at: iso(t),
      updated_at: iso(enteredAt),
    });
    caseRows.push({
      id: randomUUID(),
      need_id: needId,
      stage_code: stage,
      stage_kind: kind,
      stage_entered_at: iso(enteredAt),
      coordinator_id: coordinatorId,
      second_coordinator_id: second?.id ?? null,
      close_reason_code: reason,
      close_note: reason?.endsWith("_other") ? "先方の社内事情により検討を終了" : null,
      closed_at: kind === "open" ? null : iso(enteredAt),
      next_due_on: due,
      last_activity_at: iso(lastActivity),
      created_at: iso(t),
      updated_at: iso(lastActivity),
    });
  }
  await insertJson(
    database,
    "needs",
    {
      id: "uuid",
      reference_number: "text",
      title: "text",
      problem: "text",
      budget_range: "text",
      timing: "text",
      area_code: "text",
      preferred_area_code: "text",
      contact_name: "text",
      contact_email: "text",
      organization_name: "text",
      company_organization_id: "uuid",
      referral_organization_id: "uuid",
      status: "text",
      source: "text",
      created_at: "timestamptz",
      updated_at: "timestamptz",
    },
    needRows,
  );
  for (const [year, last] of counters)
    await database.query(
      "insert into need_counters (year, last) values ($1, $2) on conflict (year) do update set last = excluded.last",
      [year, last],
    );
  await insertJson(
    database,
    "cases",
    {
      id: "uuid",
      need_id: "uuid",
      stage_code: "text",
      stage_kind: "text",
      stage_entered_at: "timestamptz",
      coordinator_id: "uuid",
      second_coordinator_id: "uuid",
      close_reason_code: "text",
      close_note: "text",
      closed_at: "timestamptz",
      next_due_on: "date",
      last_activity_at: "timestamptz",
      created_at: "timestamptz",
      updated_at: "timestamptz",
    },
    caseRows,
  );

  // The timeline: 5 … 15 entries per case (10 on average, 200,000 in all), from the need's arrival to
  // the case's last activity; the first is `created`, the rest mostly notes, calls and mails.
  const kinds = [
    ...Array(5).fill("note"),
    ...Array(3).fill("call"),
    ...Array(4).fill("email"),
    "meeting",
    "meeting",
    "stage",
    "stage",
    "assignment",
    "task",
    "inquiry",
    "file",
  ] as string[];
  const bodies = [
    "先方に電話し、現状の課題と希望する時期を確認した。",
    "候補の先生に技術相談の可否を打診した。",
    "面談の日程候補を3つ送付。返信待ち。",
    "試料の提供について先方の了承を得た。",
    "秘密保持契約のひな形を送付した。",
    "研究室見学の感想を聞き、次の段取りを相談した。",
    "見積りの考え方について説明し、予算感を共有した。",
    "担当の先生から追加の質問があり、先方に転送した。",
  ];
  const arr = (a: string[]) => `array[${a.map((s) => `'${s}'`).join(", ")}]::text[]`;
  await database.query(`
    insert into case_events (case_id, kind, actor_id, occurred_at, body, created_at)
    select x.id,
      case when g = 1 then 'created' else (${arr(kinds)})[1 + (x.rn * 31 + g * 17) % ${kinds.length}] end,
      case when g = 1 then null else coalesce(case when g % 3 = 0 then x.second_coordinator_id end, x.coordinator_id) end,
      x.received + (x.last_activity_at - x.received) * ((g - 1)::float8 / greatest(x.cnt - 1, 1)),
      case when g = 1 then null else (${arr(bodies)})[1 + (x.rn * 7 + g * 3) % ${bodies.length}] end,
      x.received + (x.last_activity_at - x.received) * ((g - 1)::float8 / greatest(x.cnt - 1, 1))
    from (
      select c.id, c.coordinator_id, c.second_coordinator_id, c.last_activity_at, n.created_at as received, rn,
        ${EVENTS_PER_CASE} + case when rn % 2 = 0 then (rn / 2) % 6 else -(((rn + 1) / 2) % 6) end as cnt
      from (select c.*, row_number() over (order by c.created_at, c.id) as rn from cases c) c
      join needs n on n.id = c.need_id
    ) x
    cross join lateral generate_series(1, x.cnt) as g`);

  // Tasks: the open one behind each due date, and some done ones.
  await database.query(`
    insert into case_tasks (case_id, title, due_on, owner_id, created_by, created_at)
    select id, '先方へ進捗を確認する', next_due_on, coordinator_id, coordinator_id, last_activity_at
    from cases where next_due_on is not null`);
  await database.query(`
    insert into case_tasks (case_id, title, due_on, owner_id, done_at, done_by, created_by, created_at)
    select id, '面談の議事録を共有する', (stage_entered_at + interval '7 days')::date, coordinator_id,
      stage_entered_at + interval '5 days', coordinator_id, coordinator_id, stage_entered_at
    from cases where coordinator_id is not null and stage_code <> 'received' and (extract(epoch from created_at)::bigint % 3) = 0`);
  return { coordinator, admin };
}

// --- HTTP --------------------------------------------------------------------------------------------

interface Scenario {
  label: string;
  cookie: string;
  paths: string[];
}

interface Result {
  label: string;
  p50: number;
  p95: number;
  max: number;
  total: number;
  bytes: number;
}

async function measure(base: string, s: Scenario): Promise<Result> {
  const get = async (p: string) => {
    const t = performance.now();
    const res = await fetch(base + p, { headers: { cookie: s.cookie } });
    const body = await res.text();
    const ms = performance.now() - t;
    if (res.status !== 200) throw new Error(`${p}: ${res.status} ${body.slice(0, 300)}`);
    return { ms, body };
  };
  for (let i = 0; i < WARMUP; i++) await get(s.paths[i % s.paths.length]!);
  const times: number[] = [];
  let total = 0;
  let bytes = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const { ms, body } = await get(s.paths[i % s.paths.length]!);
    times.push(ms);
    bytes += body.length;
    const parsed = JSON.parse(body) as { total?: number };
    total += parsed.total ?? 1;
  }
  times.sort((a, b) => a - b);
  return {
    label: s.label,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times.at(-1)!,
    total: Math.round(total / REQUESTS),
    bytes: Math.round(bytes / REQUESTS),
  };
}

async function main() {
  const started = performance.now();
  console.log(`kyoso case board and list benchmark — ${machine()}`);
  const target = await openTarget(PG_DB, "kyoso-bench-cases-");
  console.log(`database: ${target.label}`);
  const load = () => os.loadavg()[0]!.toFixed(2);
  console.log(`load average (1 min) at the start: ${load()}`);
  let server: ReturnType<typeof serve> | undefined;
  try {
    const { database } = target;
    const now = Date.now();
    let t = performance.now();
    const people = await generate(database, now);
    const generated = seconds(t);
    t = performance.now();
    await database.query("vacuum (analyze)");
    const counts = (
      await database.query<{ needs: number; cases: number; events: number; tasks: number }>(
        `select (select count(*)::int from needs) as needs, (select count(*)::int from cases) as cases,
          (select count(*)::int from case_events) as events, (select count(*)::int from case_tasks) as tasks`,
      )
    )[0]!;
    console.log(
      `generated ${counts.needs} needs, ${counts.cases} cases, ${counts.events} timeline events, ${counts.tasks} tasks in ${generated}; VACUUM ANALYZE ${seconds(t)}`,
    );

    const config = { ...loadConfig({ KYOSO_DEMO: "off" }), webDir: "/nonexistent" };
    const app = createApp({ database, config });
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) =>
        resolve(info.port),
      );
    });
    const base = `http://127.0.0.1:${port}`;
    const coordinator = await signIn(base, people.coordinator.email, PASSWORD);
    const admin = await signIn(base, people.admin.email, PASSWORD);

    const caseIds = (
      await database.query<{ id: string }>(
        `select c.id from cases c join needs n on n.id = c.need_id
         where n.area_code in ('tokai', 'shinetsu') order by c.created_at desc limit 100 offset 500`,
      )
    ).map((r) => r.id);
    const words = ["検査", "摩耗", "信州", "精機", "発酵", "N-2026-0001", "省エネ", "劣化", "センサ", "酒造"];
    const q = (w: string) => encodeURIComponent(w);
    const scenarios: Scenario[] = [
      { label: "board, coordinator (2 areas), no filter", cookie: coordinator, paths: ["/api/cases/board"] },
      {
        label: "board, coordinator, area=shinetsu",
        cookie: coordinator,
        paths: ["/api/cases/board?area=shinetsu", "/api/cases/board?area=tokai"],
      },
      {
        label: "board, coordinator, q=… (10 words)",
        cookie: coordinator,
        paths: words.map((w) => `/api/cases/board?q=${q(w)}`),
      },
      { label: "board, admin (all cases)", cookie: admin, paths: ["/api/cases/board"] },
      { label: "list, default sort (age), page 1", cookie: coordinator, paths: ["/api/cases"] },
      {
        label: "list, stage=matching,consultation & coordinator=me",
        cookie: coordinator,
        paths: ["/api/cases?stage=matching,consultation&coordinator=me"],
      },
      {
        label: "list, sort=due asc",
        cookie: coordinator,
        paths: ["/api/cases?sort=due&dir=asc", "/api/cases?sort=due&dir=desc&state=open"],
      },
      {
        label: "list, ageMin=30 & ageMax=365 & q=…",
        cookie: coordinator,
        paths: words.map((w) => `/api/cases?ageMin=30&ageMax=365&q=${q(w)}`),
      },
      { label: "list, page 50 (offset 2,450)", cookie: coordinator, paths: ["/api/cases?page=50"] },
      { label: "list, admin, sort=updated, page 1", cookie: admin, paths: ["/api/cases?sort=updated"] },
      {
        label: "one case with its timeline (GET /api/cases/{id})",
        cookie: coordinator,
        paths: caseIds.map((id) => `/api/cases/${id}`),
      },
    ];
    console.log(
      `\nThrough HTTP (createApp on @hono/node-server), one request at a time: ${WARMUP} warm-up + ${REQUESTS} measured per row; target p95 ≤ ${TARGET_MS} ms`,
    );
    const results: Result[] = [];
    for (const s of scenarios) {
      const r = await measure(base, s);
      results.push(r);
      console.log(
        `  ${r.label.padEnd(52)} p50 ${r.p50.toFixed(1).padStart(6)}  p95 ${r.p95.toFixed(1).padStart(6)}  max ${r.max.toFixed(1).padStart(6)} ms  ${r.p95 <= TARGET_MS ? "✓" : "✗"}`,
      );
    }
    console.log("\n| request | cases matched | response | p50 | **p95** | max | p95 ≤ 100 ms |");
    console.log("|---|---|---|---|---|---|---|");
    for (const r of results)
      console.log(
        `| ${r.label} | ${r.total.toLocaleString("en")} | ${(r.bytes / 1024).toFixed(0)} kB | ${r.p50.toFixed(1)} ms | **${r.p95.toFixed(1)} ms** | ${r.max.toFixed(1)} ms | ${r.p95 <= TARGET_MS ? "✓" : "✗"} |`,
      );
    const missed = results.filter((r) => r.p95 > TARGET_MS);
    console.log(
      missed.length
        ? `\n${missed.length} of ${results.length} missed the target: ${missed.map((r) => r.label).join("; ")}`
        : `\nall ${results.length} meet p95 ≤ ${TARGET_MS} ms`,
    );
  } finally {
    if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
    await target.cleanup();
  }
  console.log(`whole benchmark ${seconds(started)}; load average (1 min) at the end: ${load()}`);
}

await main();
