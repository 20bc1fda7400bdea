/**
 * The needs intake journey in a browser: an anonymous visitor and a referral partner submit needs and get
 * reference numbers; a coordinator screens one (with the version check); an admin reads the
 * acknowledgements in the outbox. Set E2E_SHOTS_DIR to keep a screenshot of each page.
 */
import { expect, test } from "@playwright/test";
import { shot, signIn } from "./helpers";

const REFERENCE = /^N-\d{4}-\d{6,}$/;

test.describe.configure({ mode: "serial" });

let partnerReference = "";
let publicReference = "";

test("an anonymous visitor submits the public form and gets a reference number", async ({ page }) => {
  await page.goto("/catalog");
  await page.getByRole("link", { name: "技術相談を申し込む" }).click();
  await expect(page.getByRole("heading", { name: "技術相談（ニーズ）の申し込み" })).toBeVisible();
  // The honeypot is not offered to people nor to assistive technology.
  await expect(page.getByRole("textbox", { name: /ウェブサイト/ })).toHaveCount(0);
  await expect(page.locator("#need-website")).toHaveAttribute("tabindex", "-1");
  await shot(page, "01-public-form");

  // Sent empty: every missing field says so, next to it.
  await page.getByRole("button", { name: "送信する" }).click();
  await expect(page.getByText("入力内容を確認してください")).toBeVisible();
  await expect(page.getByText("入力してください").first()).toBeVisible();
  await expect(page.getByText("同意が必要です")).toBeVisible();
  await shot(page, "02-public-form-errors");

  await page.getByLabel("件名").fill("射出成形品のヒケを減らしたい");
  await page.getByLabel("困っていること・解決したい課題").fill("短い");
  await page.getByRole("button", { name: "送信する" }).click();
  await expect(page.getByText("10文字以上で書いてください")).toBeVisible();
  await page
    .getByLabel("困っていること・解決したい課題")
    .fill("PP製の筐体部品で肉厚部にヒケが出る。金型温度と保圧の調整では不良率3%から下がらない。");
  await page
    .getByLabel("これまでに試したこと")
    .fill("保圧時間の延長、ゲート位置の変更（シミュレーションのみ）");
  await page.getByRole("textbox", { name: "希望エリア" }).click();
  await page.getByRole("option", { name: "信越" }).click();
  await page.getByLabel("会社名").fill("株式会社デモ樹脂工業");
  await page.getByLabel("ご担当者名").fill("樹脂 花子");
  await page.getByLabel("メールアドレス").fill("hanako@jushi.example");
  await page.getByLabel("電話番号（任意）").fill("０２５８−１２−３４５６");
  await page.getByRole("radio", { name: "会員に公開" }).check();
  await page.getByRole("checkbox", { name: /NDA/ }).check();
  await page.getByRole("checkbox", { name: /同意します/ }).check();
  await page.getByRole("button", { name: "送信する" }).click();

  await expect(page.getByRole("heading", { name: "ご相談を受け付けました" })).toBeVisible();
  const reference = page.getByTestId("reference-number");
  await expect(reference).toHaveText(REFERENCE);
  publicReference = (await reference.textContent()) ?? "";
  await expect(page.getByTestId("ack-email")).toHaveText(
    "受付確認のメールを hanako@jushi.example にお送りしました。",
  );
  await expect(page.getByRole("button", { name: "受付番号をコピー" })).toBeVisible();
  await shot(page, "03-public-submitted");
});

test("the public form puts the server's field errors by their fields and explains the hourly limit", async ({
  page,
}) => {
  await page.goto("/needs/new");
  await page.getByLabel("件名").fill("溶接部の外観検査を自動化したい");
  await page
    .getByLabel("困っていること・解決したい課題")
    .fill("TIG溶接のビード外観を目視で全数検査している。");
  await page.getByLabel("会社名").fill("株式会社デモ溶接");
  await page.getByLabel("ご担当者名").fill("溶接 次郎");
  await page.getByLabel("メールアドレス").fill("jiro@yosetsu.example");
  await page.getByLabel("電話番号（任意）").fill("call me");
  await page.getByRole("checkbox", { name: /同意します/ }).check();
  await page.getByRole("button", { name: "送信する" }).click();
  await expect(page.getByText("0258-00-0000 のように")).toBeVisible();
  await page.getByLabel("電話番号（任意）").fill("");

  // The server names a field the browser could not check: the message sits by that field.
  await page.route("**/api/needs/public", (route) =>
    route.fulfill({
      status: 400,
      json: {
        error: {
          code: "VALIDATION",
          message: 'preferredAreaCode: there is no area "atlantis"',
          fields: [{ field: "preferredAreaCode", message: 'there is no area "atlantis"' }],
        },
      },
    }),
  );
  await page.getByRole("button", { name: "送信する" }).click();
  await expect(page.getByText('there is no area "atlantis"')).toBeVisible();
  await expect(page.getByRole("textbox", { name: "希望エリア" })).toHaveAttribute("aria-invalid", "true");

  // Too many from one network: when to try again, from Retry-After.
  await page.unroute("**/api/needs/public");
  await page.route("**/api/needs/public", (route) =>
    route.fulfill({
      status: 429,
      headers: { "retry-after": "1800" },
      json: { error: { code: "RATE_LIMITED", message: "Too many needs were sent from your network" } },
    }),
  );
  await page.getByRole("button", { name: "送信する" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "送信回数の上限（1時間に5件）に達しました" });
  await expect(alert).toContainText("約30分後");
  await shot(page, "02b-public-form-429");
});

test("a referral partner submits a client's need with branch and staff", async ({ page }) => {
  await signIn(page, "referral-partner@demo.kyoso.example");
  await page.getByRole("link", { name: "ニーズを登録", exact: true }).click();
  await expect(page.getByRole("heading", { name: "お取引先のニーズを紹介" })).toBeVisible();
  await expect(page.getByText("長岡みらい信用金庫（デモ）")).toBeVisible();
  await page.getByLabel("件名").fill("金属加工の切削条件を最適化したい");
  await page
    .getByLabel("困っていること・解決したい課題")
    .fill("ステンレスの深穴加工で工具寿命が短い。取引先は加工条件の見直しを大学に相談したい。");
  await page.getByRole("textbox", { name: "予算の目安" }).click();
  await page.getByRole("option", { name: "100万〜500万円" }).click();
  await page.getByLabel("お取引先の会社名").fill("株式会社デモ精密");
  await page.getByLabel("お取引先のご担当者名").fill("精密 一郎");
  await page.getByLabel("支店・部署").fill("長岡駅前支店");
  await expect(page.getByLabel("ご担当者（貴機関）")).toHaveValue("デモ 信金担当");
  await page.getByRole("checkbox", { name: /お取引先の同意を得て/ }).check();
  await shot(page, "04-partner-form");
  await page.getByRole("button", { name: "登録する" }).click();

  const reference = page.getByTestId("reference-number");
  await expect(reference).toHaveText(REFERENCE);
  partnerReference = (await reference.textContent()) ?? "";
  await expect(page.getByTestId("ack-email")).toContainText("referral-partner@demo.kyoso.example");
  await shot(page, "05-partner-submitted");

  await page.getByRole("link", { name: "登録したニーズを開く" }).click();
  await expect(page.getByRole("heading", { name: "金属加工の切削条件を最適化したい" })).toBeVisible();
  await expect(page.getByText("長岡みらい信用金庫（デモ） / 長岡駅前支店 / デモ 信金担当")).toBeVisible();
  await shot(page, "06-partner-detail");

  await page.getByRole("link", { name: "ニーズ一覧", exact: true }).click();
  await expect(page.getByRole("heading", { name: "紹介したニーズ" })).toBeVisible();
  await expect(page.locator("tbody tr").filter({ hasText: partnerReference })).toContainText(
    "株式会社デモ精密",
  );
  await shot(page, "07-partner-list");
});

test("a coordinator screens the referred need; a stale edit is refused and reloaded", async ({
  page,
  context,
}) => {
  expect(partnerReference).toMatch(REFERENCE);
  await signIn(page, "coordinator@demo.kyoso.example");
  await page.getByRole("link", { name: "ニーズ一覧", exact: true }).click();
  await expect(page.getByRole("heading", { name: "ニーズ一覧" })).toBeVisible();
  await expect(page.locator("tbody tr").filter({ hasText: publicReference })).toContainText(
    "株式会社デモ樹脂工業",
  );
  await shot(page, "08-coordinator-list");
  await page.getByRole("textbox", { name: "検索" }).fill(partnerReference);
  await page.getByRole("textbox", { name: "検索" }).press("Enter");
  await expect(page.getByTestId("result-count")).toHaveText("1件");
  await page.getByRole("link", { name: partnerReference }).click();
  await expect(page.getByRole("heading", { name: "金属加工の切削条件を最適化したい" })).toBeVisible();
  const url = page.url();

  // A second tab opened on the same version, to be saved after the first one.
  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByRole("heading", { name: "精査（コーディネーター）" })).toBeVisible();
  await page.bringToFront(); // a background tab's animation frames are throttled

  await page
    .getByLabel("公開用の要約")
    .fill("ステンレス深穴加工の工具寿命を延ばす切削条件の検討（金属加工業）");
  await page.getByRole("textbox", { name: "公開範囲" }).click();
  await page.getByRole("option", { name: "要約のみ公開" }).click();
  await shot(page, "09-coordinator-detail");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByText("精査内容を保存しました")).toBeVisible();
  const header = page.locator("main").getByText("要約のみ公開").first();
  await expect(header).toBeVisible();

  await page.getByRole("button", { name: "変更履歴" }).click();
  const drawer = page.getByRole("dialog");
  await expect(drawer.getByText("公開範囲").first()).toBeVisible();
  await expect(drawer.getByText("コーディネーターのみ").first()).toBeVisible();
  await shot(page, "10-history");
  await page.keyboard.press("Escape");

  await other.bringToFront();
  await other.getByRole("textbox", { name: "NDA" }).click();
  await other.getByRole("option", { name: "締結待ち" }).click();
  await other.getByRole("button", { name: "保存", exact: true }).click();
  await expect(other.getByText("他の人が先に変更しました")).toBeVisible();
  await shot(other, "11-conflict");
  await other.getByRole("button", { name: "再読み込み" }).click();
  await expect(other.getByLabel("公開用の要約")).toHaveValue(/ステンレス深穴加工/);
  await other.getByRole("textbox", { name: "NDA" }).click();
  await other.getByRole("option", { name: "締結待ち" }).click();
  await other.getByRole("button", { name: "保存", exact: true }).click();
  await expect(other.getByText("精査内容を保存しました")).toBeVisible();
  await other.close();
});

test("an admin reads the acknowledgements in the outbox", async ({ page }) => {
  await signIn(page, "admin@demo.kyoso.example");
  await page.getByRole("link", { name: "送信メール", exact: true }).click();
  await expect(page.getByRole("heading", { name: "送信メール" })).toBeVisible();
  await expect(page.getByTestId("smtp-state")).toContainText("SMTPサーバーが設定されていない");
  const rows = page.locator("tbody tr");
  await expect(rows.filter({ hasText: publicReference })).toContainText("hanako@jushi.example");
  await expect(rows.filter({ hasText: partnerReference })).toContainText(
    "referral-partner@demo.kyoso.example",
  );
  await expect(rows.filter({ hasText: publicReference })).toContainText("保管のみ");
  await shot(page, "12-outbox");

  await rows.filter({ hasText: publicReference }).getByRole("button").click();
  const drawer = page.getByRole("dialog");
  await expect(drawer.getByTestId("mail-text")).toContainText(`受付番号: ${publicReference}`);
  await expect(drawer.getByTestId("mail-text")).toContainText("樹脂 花子 様");
  await shot(page, "13-outbox-mail");
  await drawer.getByRole("button", { name: "再送する" }).click();
  await expect(page.getByText("再送の待ち行列に入れました")).toBeVisible();
});

test("a member sees only the summary of a members' need until its NDA is signed (and in English)", async ({
  page,
}) => {
  await signIn(page, "researcher@demo.kyoso.example");
  await page.getByRole("link", { name: "ニーズ一覧", exact: true }).click();
  const row = page.locator("tbody tr").filter({ hasText: publicReference });
  await expect(row).toContainText("（要約のみ公開）");
  await row.getByRole("link", { name: publicReference }).click();
  await expect(page.getByTestId("summary-only")).toHaveText(/NDA締結後に全文を表示します/);
  await expect(page.getByText("PP製の筐体部品")).toHaveCount(0);
  await expect(page.getByText("株式会社デモ樹脂工業")).toHaveCount(0);
  await shot(page, "14-member-summary-only");

  await page.getByRole("radiogroup").first().getByText("English", { exact: true }).click();
  await expect(page.getByTestId("summary-only")).toHaveText(/once the NDA is signed/);
  await shot(page, "15-member-summary-only-en");
  await page.goto("/needs/new");
  await expect(page).toHaveURL(/\/needs\/new/);
  await expect(page.getByRole("heading", { name: "Ask for technical help (submit a need)" })).toBeVisible();
  await shot(page, "16-public-form-en");
  await page.getByRole("radiogroup").first().getByText("日本語", { exact: true }).click();
});
