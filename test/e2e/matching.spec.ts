/**
 * The matching journey in a browser: a bank (referral partner) submits a need for a client; the
 * coordinator of the area opens it, sees suggested researchers with their evidence, shortlists the
 * researcher whose seed answers it and sends an inquiry; the researcher accepts on their page; the
 * coordinator sees the answer. Set E2E_SHOTS_DIR to keep a screenshot of each page.
 */
import { expect, test } from "@playwright/test";
import { shot, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

let researcherName = "";
let seedTitle = "";
let seedSummary = "";
let needPath = "";

test("the demo researcher has a published seed to be found", async ({ page }) => {
  await signIn(page, "researcher@demo.kyoso.example");
  const me = (await (await page.request.get("/api/researchers/me")).json()) as {
    profile: {
      nameJa: string;
      seeds: { status: string; titleJa: string | null; summaryJa: string | null }[];
    };
  };
  researcherName = me.profile.nameJa;
  const seed = me.profile.seeds.find((s) => s.status === "published" && s.titleJa && s.summaryJa)!;
  seedTitle = seed.titleJa!;
  seedSummary = seed.summaryJa!;
  expect(researcherName.length).toBeGreaterThan(0);
});

test("a bank submits a need for a client", async ({ page }) => {
  await signIn(page, "referral-partner@demo.kyoso.example");
  await page.getByRole("link", { name: "ニーズを登録", exact: true }).click();
  await page.getByLabel("件名").fill(`${seedTitle}について相談したい`);
  await page
    .getByLabel("困っていること・解決したい課題")
    .fill(`取引先の工場で次の技術を使えないか検討している。${seedSummary}`);
  await page.getByRole("textbox", { name: "希望エリア" }).click();
  await page.getByRole("option", { name: "東海" }).click();
  await page.getByLabel("お取引先の会社名").fill("株式会社デモ東海製作所");
  await page.getByLabel("お取引先のご担当者名").fill("東海 三郎");
  await page.getByLabel("支店・部署").fill("豊橋支店");
  await page.getByRole("checkbox", { name: /お取引先の同意を得て/ }).check();
  await page.getByRole("button", { name: "登録する" }).click();
  await page.getByRole("link", { name: "登録したニーズを開く" }).click();
  await expect(page.getByRole("heading", { name: `${seedTitle}について相談したい` })).toBeVisible();
  needPath = new URL(page.url()).pathname;
  // The bank sees its need, not the suggestions (those are for the area's coordinators).
  await expect(page.getByText("推薦研究者")).toHaveCount(0);
});

test("the coordinator shortlists the researcher and sends an inquiry", async ({ page }) => {
  await signIn(page, "coordinator@demo.kyoso.example");
  await page.goto(needPath);
  const suggestions = page.locator("#need-suggestions");
  await expect(suggestions.getByText("推薦研究者")).toBeVisible();
  const card = suggestions.getByTestId("suggestion").filter({ hasText: researcherName }).first();
  await expect(card).toBeVisible();
  // Why: the seed that matched, with the matched words marked.
  await expect(card.getByText(seedTitle).first()).toBeVisible();
  await expect(card.locator("mark").first()).toBeVisible();
  await shot(page, "m1-suggestions");

  await card.getByRole("button", { name: "候補に追加" }).click();
  await expect(card.getByText("候補", { exact: true })).toBeVisible();
  await card.getByRole("button", { name: "打診する" }).click();
  const dialog = page.getByRole("dialog");
  await dialog
    .getByLabel("研究者へのメッセージ")
    .fill("信用金庫さんからのご紹介です。企業様との面談（オンライン30分）にご協力いただけますか。");
  await shot(page, "m2-inquiry");
  await dialog.getByRole("button", { name: "送信" }).click();
  await expect(page.getByText("打診を送信しました")).toBeVisible();
  await expect(card.getByText("打診中")).toBeVisible();
});

test("the researcher accepts, and the coordinator sees the answer", async ({ page, browser }) => {
  await signIn(page, "researcher@demo.kyoso.example");
  await expect(page.getByText(/回答待ちの相談の打診が 1 件あります/)).toBeVisible();
  await expect(page.getByText("あなたのシーズに合うニーズ")).toBeVisible();
  await shot(page, "m3-researcher-home");
  await page.getByRole("link", { name: "相談の打診" }).first().click();
  const inquiry = page.getByTestId("inquiry").first();
  await expect(inquiry).toContainText("面談（オンライン30分）");
  await inquiry.getByLabel("コーディネーターへのメモ（任意）").fill("来週の火曜午後なら対応できます。");
  await shot(page, "m4-inquiries");
  await inquiry.getByRole("button", { name: "お受けする" }).click();
  await expect(page.getByText("回答を送信しました")).toBeVisible();
  await expect(page.getByTestId("inquiry").first()).toContainText("承諾");

  const coordinator = await (await browser.newContext()).newPage();
  await signIn(coordinator, "coordinator@demo.kyoso.example");
  await coordinator.goto(needPath);
  const card = coordinator
    .locator("#need-suggestions")
    .getByTestId("suggestion")
    .filter({ hasText: researcherName })
    .first();
  await expect(card.getByText("承諾")).toBeVisible();
  await expect(card.getByText("来週の火曜午後なら対応できます。")).toBeVisible();
  await shot(coordinator, "m5-accepted");
});
