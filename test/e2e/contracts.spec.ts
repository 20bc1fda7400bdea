/**
 * The contract journey in a browser, as the demo's contract officer (長岡技術科学大学, whose demo rate table
 * has 30% of direct cost from 2022-04-01): the settings page (a rate row added and removed), a 共同研究 over
 * two fiscal years entered through the form with the live indirect-cost preview and the allocation by days,
 * a field error by its row, then 受入決定 → 契約締結 → an invoice (its PDF) → a payment (status 入金) → an amendment
 * (revision 1 and its changes) → 実施中 → the completion report uploaded → 完了報告.
 * Screenshots of each page (and of the contract page in English) go to .tmp/screens/contracts-*.png.
 */
import { expect, type Page, test } from "@playwright/test";
import { shot, signIn } from "./helpers";

const SHOTS = ".tmp/screens";
const TITLE = `樹脂部品の疲労寿命予測 ${Date.now().toString(36)}`;

test.describe.configure({ mode: "serial" });
test.use({ viewport: { width: 1440, height: 900 } });

let contractUrl = "";

const yen = (page: Page, testId: string) => page.getByTestId(testId);

test("the contract officer's settings: the rate table and the invoice settings", async ({ page }) => {
  await signIn(page, "contract-officer@demo.kyoso.example");
  await page.getByRole("link", { name: "間接経費率・請求設定", exact: true }).click();
  await expect(page.getByRole("heading", { name: "間接経費率・請求設定" })).toBeVisible();
  const table = page.getByTestId("rate-table");
  await expect(table.getByTestId("rate-row").first()).toBeVisible();
  await expect(table).toContainText("30%");
  await expect(page.getByTestId("billing-form").getByLabel("金融機関名")).toHaveValue("デモ銀行");

  // A future rate for 学術指導 only: added, shown as upcoming, removed again.
  const before = await table.getByTestId("rate-row").count();
  await table.getByRole("textbox", { name: "契約種別" }).click();
  await page.getByRole("option", { name: "学術指導" }).click();
  await page.keyboard.press("Escape");
  await table.getByLabel("適用開始日").fill("2031-04-01");
  await table.getByRole("textbox", { name: "間接経費率" }).fill("20");
  await table.getByRole("button", { name: "追加" }).click();
  await expect(table.getByTestId("rate-row")).toHaveCount(before + 1);
  await expect(table.getByTestId("rate-row").first()).toContainText("学術指導");
  await expect(table.getByTestId("rate-row").first()).toContainText("予定");
  await shot(page, "contracts-settings", SHOTS);
  await table.getByRole("button", { name: "2031-04-01からの料率を削除" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "削除" }).click();
  await expect(table.getByTestId("rate-row")).toHaveCount(before);
});

test("a joint-research contract over two fiscal years through the form: preview, a row's error, save", async ({
  page,
}) => {
  await signIn(page, "contract-officer@demo.kyoso.example");
  await page.getByRole("link", { name: "契約", exact: true }).click();
  await expect(page.getByRole("heading", { name: "契約一覧" })).toBeVisible();
  await expect(page.getByTestId("contract-row").first()).toBeVisible();
  await shot(page, "contracts-list", SHOTS);

  await page.getByRole("link", { name: "契約を登録" }).click();
  await expect(page.getByRole("heading", { name: "契約の登録（申込）" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: /^機関（大学・高専）/ })).toHaveValue(/長岡/);
  await page.getByRole("textbox", { name: /^件名/ }).fill(TITLE);
  await page
    .getByRole("textbox", { name: "研究目的" })
    .fill("繰返し荷重を受ける樹脂部品の疲労寿命を予測する手法を確立する。");
  await page.getByLabel(/^開始日/).fill("2026-10-01");
  await page.getByLabel(/^終了日/).fill("2027-09-30");
  await expect(page.getByText("期間にかかる年度: 令和8年度・令和9年度")).toBeVisible();

  // The sponsor.
  const sponsor = page.getByTestId("party-0");
  await sponsor.getByTestId("party-0-organization").click();
  await sponsor.getByTestId("party-0-organization").fill("越後精密");
  await page.getByRole("option", { name: "越後精密加工株式会社" }).click();
  await sponsor.getByLabel("部署").fill("技術開発部");
  await sponsor.getByLabel("担当者名").fill("越後 一郎");
  await sponsor.getByLabel("郵便番号").fill("940-0000");
  await sponsor.getByLabel(/^住所/).fill("新潟県長岡市デモ町1-2-3");

  // The principal investigator: one of the institution's researchers.
  const pi = page.getByTestId("member-0");
  await pi.getByRole("textbox", { name: /^研究代表者/ }).click();
  await page.getByRole("option").first().click();
  await pi.getByLabel("役割分担").fill("研究総括");

  // The budget: one row per fiscal year; the preview computes 30% of direct cost as the server will.
  await expect(page.getByTestId("rate-preview")).toContainText("30%");
  await page.getByRole("textbox", { name: "令和8年度 消耗品費" }).fill("500000");
  await page.getByRole("textbox", { name: "令和8年度 旅費" }).fill("100000");
  await page.getByRole("textbox", { name: "令和9年度 消耗品費" }).fill("300000");
  await expect(yen(page, "indirect-2026")).toHaveText("180,000円");
  await expect(yen(page, "indirect-2027")).toHaveText("90,000円");
  await expect(yen(page, "grand-total")).toHaveText("1,170,000円");
  // 人件費 of 365,000円 over the period by days: 182 days in FY2026, 183 in FY2027.
  await page.getByRole("textbox", { name: "費目" }).click();
  await page.getByRole("option", { name: "人件費" }).click();
  await page.getByRole("textbox", { name: "期間全体の金額" }).fill("365000");
  await page.getByRole("button", { name: "日数で各年度に配分" }).click();
  await expect(page.getByRole("textbox", { name: "令和8年度 人件費" })).toHaveValue("182,000");
  await expect(page.getByRole("textbox", { name: "令和9年度 人件費" })).toHaveValue("183,000");
  await expect(yen(page, "indirect-2026")).toHaveText("234,600円");
  await expect(yen(page, "indirect-2027")).toHaveText("144,900円");
  await expect(yen(page, "grand-total")).toHaveText("1,644,500円");

  // A second sponsor row left without its organisation: the server's problem stands by that row.
  await page.getByRole("button", { name: "相手方を追加" }).click();
  await page.getByRole("button", { name: "登録する" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "入力内容を確認してください" })).toContainText(
    "当事者 2",
  );
  await expect(page.getByTestId("party-1")).toContainText("must be an id");
  await expect(page.getByTestId("party-0")).not.toContainText("must be");
  await shot(page, "contracts-form-error", SHOTS);
  await page.getByRole("button", { name: "当事者 2 を削除" }).click();
  await page.getByRole("button", { name: "登録する" }).click();

  await expect(page).toHaveURL(/\/contracts\/[0-9a-f-]{36}$/);
  contractUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { name: TITLE })).toBeVisible();
  await expect(page.getByTestId("contract-status")).toHaveText("申込");
  await expect(page.getByTestId("contract-total")).toHaveText("1,644,500円");
  await expect(page.getByTestId("contract-budget")).toContainText("234,600円");
});

test("accept, sign, invoice (PDF), payment (入金), amendment, start, completion report", async ({ page }) => {
  await signIn(page, "contract-officer@demo.kyoso.example");
  await page.goto(contractUrl);
  await expect(page.getByRole("heading", { name: TITLE })).toBeVisible();
  await shot(page, "contracts-page-applied", SHOTS);

  const actions = page.getByTestId("contract-actions");
  await actions.getByRole("button", { name: "受入決定" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "受入決定する" }).click();
  await expect(page.getByTestId("contract-status")).toHaveText("受入決定");
  const notice = page.getByTestId("acceptance-notice").first();
  await expect(notice).toContainText("越後精密加工株式会社 宛");
  const noticePdf = await page.request.get((await notice.getAttribute("href"))!);
  expect(noticePdf.status()).toBe(200);
  expect(noticePdf.headers()["content-type"]).toContain("application/pdf");

  await actions.getByRole("button", { name: "契約締結" }).click();
  const signing = page.getByRole("dialog");
  await expect(signing.getByLabel("締結日")).not.toHaveValue("");
  await signing.getByRole("button", { name: "契約締結を記録する" }).click();
  await expect(page.getByTestId("contract-status")).toHaveText("契約締結");
  await expect(page.getByTestId("rate-box")).toContainText("契約締結時");
  await expect(page.getByTestId("contract-revisions")).toContainText("第0版（契約締結時）");

  // An invoice for the sponsor's FY2026 share (offered in full: 782,000 + 234,600).
  await page.getByRole("button", { name: "請求書を発行" }).click();
  const issuing = page.getByRole("dialog");
  await expect(issuing.getByTestId("remaining-share")).toContainText("未請求 1,016,600円");
  await expect(issuing.getByRole("textbox", { name: /^請求金額（税抜）/ })).toHaveValue("1,016,600円");
  await expect(issuing.getByTestId("invoice-total-preview")).toHaveText("1,118,260円");
  await issuing.getByRole("button", { name: "発行する" }).click();
  await expect(page.getByTestId("contract-status")).toHaveText("請求");
  const invoice = page.getByTestId("invoice-table").locator("tbody tr").first();
  await expect(invoice).toContainText("1,118,260円");
  await expect(invoice).toContainText("未入金");

  const pdfLink = invoice.getByRole("link", { name: /のPDF$/ });
  const pdf = await page.request.get((await pdfLink.getAttribute("href"))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toContain("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  await invoice.getByRole("button", { name: "入金を記録" }).click();
  const paying = page.getByRole("dialog");
  await expect(paying.getByRole("textbox", { name: /^入金額/ })).toHaveValue("1,118,260円");
  await paying.getByRole("button", { name: "記録する" }).click();
  await expect(page.getByTestId("contract-status")).toHaveText("入金");
  await expect(invoice).toContainText("入金済み");
  await expect(page.getByTestId("contract-history")).toContainText("入金");
  await expect(page.getByTestId("contract-parties")).toContainText("1,016,600円");
  await shot(page, "contracts-page", SHOTS);

  // The same page in English.
  await page.getByRole("radiogroup").first().getByText("English", { exact: true }).click();
  await expect(page.getByTestId("contract-status")).toHaveText("Paid");
  await expect(page.getByTestId("contract-total")).toHaveText("¥1,644,500");
  await shot(page, "contracts-page-en", SHOTS);
  await page.getByRole("radiogroup").first().getByText("日本語", { exact: true }).click();
  await expect(page.getByTestId("contract-status")).toHaveText("入金");

  // An amendment (変更契約) from FY2027: more consumables that year; kept as revision 1 with what changed.
  await page.getByTestId("contract-actions").getByRole("link", { name: "変更契約" }).click();
  await expect(page.getByRole("heading", { name: "変更契約" })).toBeVisible();
  const amendment = page.getByTestId("amendment-fields");
  await amendment.getByLabel(/^効力発生日/).fill("2027-04-01");
  await amendment.getByLabel(/^変更の理由/).fill("追加の疲労試験のため令和9年度の消耗品費を増額する。");
  await page.getByRole("textbox", { name: "令和9年度 消耗品費" }).fill("400000");
  await expect(yen(page, "indirect-2027")).toHaveText("174,900円");
  await shot(page, "contracts-amend", SHOTS);
  await page.getByRole("button", { name: "変更契約を保存" }).click();
  await expect(page).toHaveURL(new RegExp(`${contractUrl}$`));
  await expect(page.getByTestId("contract-number")).toContainText("第1版");
  await expect(page.getByTestId("contract-total")).toHaveText("1,774,500円");
  await page.getByTestId("contract-revisions").getByText("第1版（変更契約）").click();
  const changes = page.getByRole("dialog").getByTestId("revision-changes");
  await expect(changes).toContainText("年度別予算");
  await expect(changes).toContainText("令和9年度（2027年度）: 757,900円");
  await page.keyboard.press("Escape");

  // Research starts; the completion report is attached; the contract is completed.
  const actionsNow = page.getByTestId("contract-actions");
  await actionsNow.getByRole("button", { name: "実施開始" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "実施中にする" }).click();
  await expect(page.getByTestId("contract-status")).toHaveText("実施中");
  const documents = page.getByTestId("contract-documents");
  await documents.getByRole("textbox", { name: "種類" }).click();
  await page.getByRole("option", { name: "完了報告書" }).click();
  await documents.locator('input[type="file"]').setInputFiles({
    name: "完了報告書.pdf",
    mimeType: "application/pdf",
    buffer: await pdf.body(),
  });
  await expect(documents).toContainText("完了報告書.pdf");
  await actionsNow.getByRole("button", { name: "完了報告" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "完了にする" }).click();
  await expect(page.getByTestId("contract-status")).toHaveText("完了報告");
  await shot(page, "contracts-page-completed", SHOTS);

  // The invoices list: this invoice among all, paid.
  await page.getByRole("link", { name: "請求書", exact: true }).click();
  await expect(page.getByRole("heading", { name: "請求書一覧" })).toBeVisible();
  await page.getByRole("radiogroup", { name: "表示する請求書" }).getByText("すべて", { exact: true }).click();
  await expect(page.getByTestId("invoice-row").filter({ hasText: TITLE })).toContainText("入金済み");
  await shot(page, "contracts-invoices", SHOTS);
});

test("the invoices list: an overdue invoice stands out with its days overdue", async ({ page }) => {
  // The demo's overdue invoice is 豊橋's, which the admin sees (the 長岡 officer does not handle it).
  await signIn(page, "admin@demo.kyoso.example");
  await page.getByRole("link", { name: "請求書", exact: true }).click();
  await page
    .getByRole("radiogroup", { name: "表示する請求書" })
    .getByText("期限超過", { exact: true })
    .click();
  await expect(page).toHaveURL(/state=overdue/);
  const row = page.getByTestId("invoice-row").first();
  await expect(row.getByTestId("days-overdue")).toContainText(/\d+日超過/);
  await expect(row).toContainText("期限超過");
  await shot(page, "contracts-invoices-overdue", SHOTS);
  await row.getByRole("link", { name: /^K-\d{4}-\d{4}$/ }).click();
  await expect(page.getByTestId("contract-invoices").getByText("期限超過").first()).toBeVisible();
});
