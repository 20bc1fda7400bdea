/**
 * The KPI journey in a browser. The demo executive opens the dashboard, switches to the previous fiscal
 * year and back and from 和暦 to 西暦 and back, drills down from a KPI card and from a breakdown bar (the
 * drill-down's figure equals the card's, its rows are there and add up to it), and downloads the annual
 * report (.xlsx, opened with exceljs: the 概要 sheet has the KPI rows with the dashboard's values). The demo
 * admin saves a target of the previous year, freezes it and compares frozen and live figures.
 * Screenshots go to .tmp/screens/kpi-*.png (dashboard in Japanese and English, drill-down, snapshot).
 */
import { expect, type Page, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { fiscalYearOf, formatFiscalYear } from "../../src/shared/dates";
import { formatYen, formatYenCompact } from "../../src/shared/money";
import { shot, signIn } from "./helpers";

const SHOTS = ".tmp/screens";
const FY = fiscalYearOf(new Date());
const PREV = FY - 1;
const wareki = (fy: number) => formatFiscalYear(fy, "ja"); // 令和8年度
const seireki = (fy: number) => `${fy}年度`;

test.describe.configure({ mode: "serial" });
test.use({ viewport: { width: 1440, height: 900 } });

interface Dashboard {
  fiscalYear: number;
  kpis: { code: string; value: number | null; count: number; target: number }[];
}

async function dashboardApi(page: Page, fy: number): Promise<Dashboard> {
  const res = await page.request.get(`/api/kpi?fy=${fy}`);
  expect(res.ok()).toBeTruthy();
  return (await res.json()) as Dashboard;
}

const yearInput = (page: Page) => page.getByRole("textbox", { name: "年度" });

test("the executive reads the KPIs, switches year and calendar, drills down and downloads the report", async ({
  page,
}) => {
  await signIn(page, "executive@demo.kyoso.example");
  await page.getByRole("link", { name: "KPI・指標", exact: true }).click();
  await expect(page).toHaveURL(/\/kpi$/);
  await expect(page.getByRole("heading", { name: "KPIダッシュボード" })).toBeVisible();
  await expect(yearInput(page)).toHaveValue(new RegExp(`^${wareki(FY)}（${FY}年度）`));

  // The four cards with the server's values, targets and the definitions the council needs.
  const live = await dashboardApi(page, FY);
  const kpi = (code: string) => live.kpis.find((k) => k.code === code)!;
  await expect(page.getByTestId("kpi-value-kpi1")).toHaveText(formatYenCompact(kpi("kpi1").value ?? 0, "ja"));
  await expect(page.getByTestId("kpi-target-kpi1")).toHaveText("3.50億円");
  await expect(page.getByTestId("kpi-value-kpi2")).toHaveText(`${(kpi("kpi2").value ?? 0).toFixed(1)}%`);
  await expect(page.getByTestId("kpi-value-kpi3")).toHaveText(`${kpi("kpi3").value}件`);
  await expect(page.getByTestId("kpi-value-kpi4")).toHaveText(
    "データなし（有償教育パッケージの導入後に集計）",
  );
  await expect(page.getByTestId("kpi-definition-kpi2")).toContainText(
    "Σ間接経費 ÷ Σ直接経費（全種別〔学術指導を含む〕の契約締結済み契約の当該年度配分。中止は中止年度の前年度まで。",
  );
  await expect(page.getByTestId("kpi-trend-kpi1").getByRole("link")).toHaveCount(5);
  await expect(page.getByTestId("kpi-reference-line")).toContainText("基準：平成30年度 406件・6.90億円");
  await expect(page.getByTestId("kpi-baseline-table")).toContainText("ニーズから契約への転換率");
  await shot(page, "kpi-dashboard", SHOTS);

  // The previous fiscal year and back.
  await page.getByRole("button", { name: "前年度" }).click();
  await expect(page).toHaveURL(new RegExp(`fy=${PREV}`));
  await expect(yearInput(page)).toHaveValue(new RegExp(`^${wareki(PREV)}`));
  const prev = await dashboardApi(page, PREV);
  const prevKpi2 = prev.kpis.find((k) => k.code === "kpi2")!.value;
  await expect(page.getByTestId("kpi-value-kpi2")).toHaveText(
    prevKpi2 === null ? "データなし" : `${prevKpi2.toFixed(1)}%`,
  );
  await expect(page.getByTestId("kpi-breakdowns")).toContainText(`内訳（${wareki(PREV)}）`);
  await yearInput(page).click();
  await page.getByRole("option", { name: new RegExp(`^${wareki(FY)}`) }).click();
  await expect(page).not.toHaveURL(/fy=/);
  await expect(page.getByTestId("kpi-value-kpi1")).toHaveText(formatYenCompact(kpi("kpi1").value ?? 0, "ja"));

  // 西暦 and back to 和暦; the choice is kept in the URL.
  await page.getByRole("radiogroup", { name: "年の表記" }).getByText("西暦", { exact: true }).click();
  await expect(page).toHaveURL(/cal=seireki/);
  await expect(yearInput(page)).toHaveValue(new RegExp(`^${seireki(FY)}（${wareki(FY)}）`));
  await expect(page.getByTestId("kpi-trend-kpi1")).toContainText(String(FY));
  await expect(page.getByTestId("kpi-baseline-table")).toContainText(seireki(FY - 4));
  await page.reload();
  await expect(yearInput(page)).toHaveValue(new RegExp(`^${seireki(FY)}`));
  await page.getByRole("radiogroup", { name: "年の表記" }).getByText("和暦", { exact: true }).click();
  await expect(page).not.toHaveURL(/cal=/);
  await expect(yearInput(page)).toHaveValue(new RegExp(`^${wareki(FY)}`));

  // Drill down from ①: the same figure, the records behind it, adding up to it.
  const card1 = (await page.getByTestId("kpi-value-kpi1").textContent())!;
  await page.getByTestId("kpi-value-kpi1").click();
  await expect(page).toHaveURL(new RegExp(`/kpi/rows\\?measure=kpi1&fy=${FY}`));
  await expect(page.getByRole("heading", { name: "① 協働拠出金型共同研究の受入額" })).toBeVisible();
  await expect(page.getByTestId("kpi-rows-figure")).toHaveText(card1);
  const rows = page.getByTestId("kpi-row");
  await expect(rows).toHaveCount(kpi("kpi1").count);
  expect(kpi("kpi1").count).toBeGreaterThan(0);
  await expect(rows.first().getByRole("link", { name: /^K-\d{4}-\d{4}$/ })).toBeVisible();
  await expect(page.getByTestId("kpi-rows-sum")).toContainText(formatYen(kpi("kpi1").value ?? 0, "ja"));
  await expect(
    page.getByText("協働拠出金型・オープンアプリケーション方式・戦略的コンソーシアム型"),
  ).toBeVisible();
  await shot(page, "kpi-drilldown", SHOTS);

  // A contract number leads to its contract; back to the dashboard.
  await rows.first().getByRole("link", { name: /^K-/ }).click();
  await expect(page).toHaveURL(/\/contracts\/[0-9a-f-]{36}$/);
  await page.goBack();
  await page.getByRole("link", { name: "ダッシュボードへ戻る" }).click();
  await expect(page).toHaveURL(/\/kpi$/);

  // ② from its card: the ratio is Σ indirect ÷ Σ direct of the rows listed.
  const card2 = (await page.getByTestId("kpi-value-kpi2").textContent())!;
  await page.getByTestId("kpi-value-kpi2").click();
  await expect(page.getByTestId("kpi-rows-figure")).toHaveText(card2);
  await expect(page.getByTestId("kpi-row")).toHaveCount(kpi("kpi2").count);
  await page.getByRole("link", { name: "ダッシュボードへ戻る" }).click();

  // A breakdown bar adds its key as a filter: ① of the area 東海.
  const bar = page.getByTestId("kpi-breakdown-kpi1").getByRole("link").first();
  const barText = (await bar.textContent()) ?? "";
  await bar.click();
  await expect(page).toHaveURL(/measure=kpi1.*area=/);
  await expect(page.getByTestId("kpi-rows-filters")).toContainText("エリア:");
  const figure = (await page.getByTestId("kpi-rows-figure").textContent())!;
  expect(barText).toContain(figure);
  await expect(page.getByTestId("kpi-row").first()).toBeVisible();
  // Back on the dashboard with the filter kept.
  await page.getByRole("link", { name: "ダッシュボードへ戻る" }).click();
  await expect(page).toHaveURL(/\/kpi\?area=/);
  await expect(page.getByRole("textbox", { name: "エリア" })).not.toHaveValue("");
  await page.getByRole("button", { name: "絞り込みを解除" }).click();
  await expect(page).toHaveURL(/\/kpi$/);

  // The annual report: KPI報告_令和8年度.xlsx, its 概要 sheet with the KPI rows and the dashboard's values.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("kpi-report-xlsx").click(),
  ]);
  expect(download.suggestedFilename()).toBe(`KPI報告_${wareki(FY)}.xlsx`);
  const file = await download.path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const summary = wb.getWorksheet("概要");
  expect(summary).toBeTruthy();
  const byLabel = new Map<string, ExcelJS.Row>();
  summary!.eachRow((row) => {
    const label = row.getCell(1).value;
    if (typeof label === "string") byLabel.set(label, row);
  });
  const expected: [string, unknown][] = [
    ["① 協働拠出金型共同研究の受入額", kpi("kpi1").value],
    ["② 間接経費率", kpi("kpi2").value],
    ["③ 戦略的コンソーシアム型共同研究の実施件数", kpi("kpi3").value],
    ["④ 有償教育パッケージの利用機関数", "データなし"],
  ];
  for (const [label, value] of expected) {
    const row = byLabel.get(label);
    expect(row, label).toBeTruthy();
    expect(row!.getCell(2).value, label).toBe(value);
  }
  expect(byLabel.get("① 協働拠出金型共同研究の受入額")!.getCell(4).value).toBe(kpi("kpi1").target);
  expect(wb.worksheets.length).toBeGreaterThan(4);

  // The CSV report is offered too.
  await expect(page.getByTestId("kpi-report-csv")).toHaveAttribute(
    "href",
    `/api/kpi/report?fy=${FY}&format=csv`,
  );

  // The dashboard in English (then back to Japanese, which the account remembers).
  await page.getByRole("radiogroup").first().getByText("English", { exact: true }).click();
  await expect(page.getByRole("heading", { name: "KPI dashboard" })).toBeVisible();
  await expect(page.getByTestId("kpi-value-kpi4")).toHaveText(
    "No data yet (counted once paid education packages exist)",
  );
  await expect(page.getByTestId("kpi-reference-line")).toContainText("Reference: FY2018");
  await shot(page, "kpi-dashboard-en", SHOTS);
  await page.getByRole("radiogroup").first().getByText("日本語", { exact: true }).click();
  await expect(page.getByRole("heading", { name: "KPIダッシュボード" })).toBeVisible();
});

test("the admin sets a target of the previous year, freezes it and compares frozen and live figures", async ({
  page,
}) => {
  await signIn(page, "admin@demo.kyoso.example");
  await page.goto(`/kpi?fy=${PREV}`);
  await expect(yearInput(page)).toHaveValue(new RegExp(`^${wareki(PREV)}`));
  const admin = page.getByTestId("kpi-admin");
  await expect(admin).toContainText(`${wareki(PREV)}の目標`);

  // ③'s target of the previous year: 6 → 8.
  await admin.getByRole("textbox", { name: "③ 実施件数の目標（件）" }).fill("8");
  await admin.getByRole("button", { name: "目標を保存" }).click();
  await expect(page.getByText("目標を保存しました")).toBeVisible();
  await expect(page.getByTestId("kpi-target-kpi3")).toHaveText("8件");

  // Freeze the closed year (once) and open the comparison.
  if (!(await page.getByTestId("kpi-frozen").isVisible())) {
    await admin.getByRole("button", { name: `${wareki(PREV)}の数値を確定（凍結）` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "確定する" }).click();
  }
  await expect(page.getByTestId("kpi-frozen")).toContainText(`${wareki(PREV)}の数値は`);
  await page.getByRole("link", { name: "確定値と現在値を比べる" }).click();
  await expect(page).toHaveURL(new RegExp(`/kpi/snapshots/${PREV}$`));
  await expect(page.getByRole("heading", { name: `${wareki(PREV)}の確定値` })).toBeVisible();
  const table = page.getByTestId("kpi-snapshot-table");
  await expect(table.getByRole("row")).toHaveCount(11);
  await expect(page.getByTestId("kpi-snapshot-kpi2")).toContainText("同じ");
  await expect(page.getByTestId("kpi-snapshot-nochanges")).toBeVisible();
  await page.reload(); // without the notifications over the header
  await expect(page.getByTestId("kpi-snapshot-table")).toBeVisible();
  await shot(page, "kpi-snapshot", SHOTS);

  // The frozen year's live figure opens its records.
  await page.getByTestId("kpi-snapshot-kpi2").getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/kpi/rows\\?measure=kpi2&fy=${PREV}`));
});
