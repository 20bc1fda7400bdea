/**
 * The case board journey in a browser: a fresh need arrives through the public form; the coordinator
 * finds its case on the board, drags it to the next stage (it stays there after a reload), opens the
 * case, writes a note and schedules an online meeting; a referral partner reads its referrals.
 * Screenshots of the board, the list, the case page and the referrals go to .tmp/screens/.
 */
import { expect, test } from "@playwright/test";
import { shot, signIn } from "./helpers";

const SHOTS = ".tmp/screens";
const TITLE = `金型の摩耗を予測したい ${Date.now().toString(36)}`;

test.describe.configure({ mode: "serial" });
test.use({ viewport: { width: 1440, height: 900 } });

let reference = "";

test("a company submits a need; its case opens at the first stage", async ({ page }) => {
  await page.goto("/needs/new");
  await page.getByLabel("件名").fill(TITLE);
  await page
    .getByLabel("困っていること・解決したい課題")
    .fill("プレス金型の摩耗で寸法不良が出る前に、交換時期を予測できるようにしたい。");
  await page.getByRole("textbox", { name: "希望エリア" }).click();
  await page.getByRole("option", { name: "東海" }).click();
  await page.getByLabel("会社名").fill("株式会社デモ金型");
  await page.getByLabel("ご担当者名").fill("金型 三郎");
  await page.getByLabel("メールアドレス").fill("saburo@kanagata.example");
  await page.getByRole("checkbox", { name: /同意します/ }).check();
  await page.getByRole("button", { name: "送信する" }).click();
  await expect(page.getByRole("heading", { name: "ご相談を受け付けました" })).toBeVisible();
  reference = (await page.getByTestId("reference-number").textContent()) ?? "";
  expect(reference).toMatch(/^N-\d{4}-\d{6,}$/);
});

test("the coordinator drags the case to the next stage, writes a note and schedules a meeting", async ({
  page,
}) => {
  await signIn(page, "coordinator@demo.kyoso.example");
  await expect(page.getByTestId("coordinator-home")).toBeVisible();
  await shot(page, "home", SHOTS);
  // The bell: the latest notifications (if any), all marked read at once.
  await page.getByRole("button", { name: /お知らせ（未読 \d+ 件）/ }).click();
  const markAll = page.getByRole("button", { name: "すべて既読にする" });
  await expect(markAll).toBeVisible();
  await shot(page, "notifications", SHOTS);
  if (await markAll.isEnabled()) {
    await markAll.click();
    await expect(page.getByRole("button", { name: "お知らせ（未読 0 件）" })).toBeVisible();
  }
  await page.keyboard.press("Escape");
  await page.getByRole("link", { name: "案件ボード", exact: true }).click();
  await expect(page.getByRole("heading", { name: "案件ボード" })).toBeVisible();
  await shot(page, "board", SHOTS);

  await page.getByRole("textbox", { name: "検索" }).fill(reference);
  await page.getByRole("textbox", { name: "検索" }).press("Enter");
  // The board answers the search (one card) before the drag, so that nothing moves under the mouse.
  await expect(page.getByTestId("board-total")).toHaveText("1件");
  const received = page.getByTestId("column-received");
  const screening = page.getByTestId("column-screening");
  const card = page.locator(`[data-testid="case-card"][data-reference="${reference}"]`);
  await expect(received.locator(`[data-reference="${reference}"]`)).toBeVisible();
  await expect(received.locator(`[data-reference="${reference}"]`).getByText("未割当")).toBeVisible();

  await card.dragTo(screening);
  await expect(screening.locator(`[data-reference="${reference}"]`)).toBeVisible();
  await expect(received.locator(`[data-reference="${reference}"]`)).toHaveCount(0);
  // Moving an unassigned case on makes it the mover's.
  await expect(screening.locator(`[data-reference="${reference}"]`)).toContainText("担当:");
  await page.reload();
  await expect(page.getByTestId("column-screening").locator(`[data-reference="${reference}"]`)).toBeVisible();

  // Without dragging: the card's menu. A close asks for its reason, and a note for その他.
  const moved = page.getByTestId("column-screening").locator(`[data-reference="${reference}"]`);
  await moved.getByRole("button", { name: `${reference} の段階を移す` }).click();
  await page.getByRole("menuitem", { name: "見送り" }).click();
  const closing = page.getByRole("dialog");
  await expect(closing).toContainText("「見送り」として終了する");
  await closing.getByRole("textbox", { name: "終了理由" }).click();
  await page.getByRole("option", { name: "その他" }).click();
  await closing.getByRole("button", { name: "段階を移す" }).click();
  await expect(closing.getByText("入力してください")).toBeVisible();
  await closing.getByRole("button", { name: "キャンセル" }).click();
  await expect(closing).toBeHidden();

  // Someone else changed the case meanwhile (a second tab moves it on): the first tab's move is refused
  // by the server (409); the board says so and offers a reload, never overwrites.
  const other = await page.context().newPage();
  await other.goto(`/cases/board?q=${encodeURIComponent(reference)}`);
  await expect(other.getByTestId("board-total")).toHaveText("1件");
  await other
    .getByTestId("column-screening")
    .getByRole("button", { name: `${reference} の段階を移す` })
    .click();
  await other.getByRole("menuitem", { name: "マッチング" }).click();
  await expect(other.getByTestId("column-matching").locator(`[data-reference="${reference}"]`)).toBeVisible();
  await other.close();
  await page.bringToFront();
  await moved.getByRole("button", { name: `${reference} の段階を移す` }).click();
  await page.getByRole("menuitem", { name: "面談・技術相談" }).click();
  const conflict = page.getByRole("alert").filter({ hasText: "他の人が先に変更しました" });
  await expect(conflict).toBeVisible();
  await conflict.getByRole("button", { name: "再読み込み" }).click();
  await expect(conflict).toBeHidden();
  const nowIn = page.getByTestId("column-matching").locator(`[data-reference="${reference}"]`);
  await expect(nowIn).toBeVisible();
  await expect(
    page.getByTestId("column-consultation").locator(`[data-reference="${reference}"]`),
  ).toHaveCount(0);

  // The list shows it too, with its stage.
  await page.getByRole("link", { name: "一覧で見る" }).click();
  await expect(page.getByRole("heading", { name: "案件一覧" })).toBeVisible();
  const row = page.locator("tbody tr").filter({ hasText: reference });
  await expect(row).toContainText("マッチング");
  await page.getByRole("textbox", { name: "検索" }).fill("");
  await page.getByRole("textbox", { name: "検索" }).press("Enter");
  await expect(page.locator("tbody tr").nth(1)).toBeVisible(); // the whole list, not the searched one
  await shot(page, "list", SHOTS);
  await page.getByRole("textbox", { name: "検索" }).fill(reference);
  await page.getByRole("textbox", { name: "検索" }).press("Enter");

  await page
    .locator("tbody tr")
    .filter({ hasText: reference })
    .getByRole("link", { name: reference })
    .click();
  await expect(page.getByRole("heading", { name: TITLE })).toBeVisible();
  await expect(page.getByTestId("case-stage")).toHaveText("マッチング");
  const needCard = page.getByTestId("case-need");
  await expect(needCard).toContainText("交換時期を予測できるようにしたい");
  await expect(needCard).toContainText("saburo@kanagata.example");
  await expect(page.getByText("まだありません")).toBeVisible();
  const timeline = page.getByTestId("timeline");
  await expect(timeline).toContainText("段階を「受付」から「スクリーニング」へ移しました");

  await page.getByRole("textbox", { name: "メモ" }).fill("先方に金型の材質と加工数量を確認する。");
  await page.getByRole("button", { name: "記録する" }).click();
  await expect(timeline).toContainText("メモを残しました");
  await expect(timeline).toContainText("先方に金型の材質と加工数量を確認する。");

  await page.getByRole("button", { name: "面談を設定" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("件名").fill("初回の技術相談");
  await dialog.getByLabel("会議のURL").fill("ftp://example.invalid");
  await dialog.getByLabel("開始").fill("2030-01-15T10:00");
  await expect(dialog.getByLabel("終了")).toHaveValue("2030-01-15T11:00");
  await dialog.getByRole("button", { name: "出席者を追加" }).click();
  await dialog.getByRole("textbox", { name: "出席者1の氏名" }).fill("金型 三郎");
  await dialog.getByRole("textbox", { name: "出席者1のメールアドレス" }).fill("saburo@kanagata.example");
  // The server's field error stands by its field.
  await dialog.getByRole("button", { name: "設定する" }).click();
  await expect(dialog.getByText("must be the meeting's URL").first()).toBeVisible();
  await dialog.getByLabel("会議のURL").fill("https://meet.example.jp/kanagata");
  await dialog.getByRole("button", { name: "設定する" }).click();
  await expect(dialog).toBeHidden();
  const meeting = page.getByTestId("meeting").filter({ hasText: "初回の技術相談" });
  await expect(meeting).toContainText("2030-01-15 10:00");
  await expect(meeting).toContainText("オンライン");
  await expect(meeting).toContainText("金型 三郎");
  await expect(timeline).toContainText("面談「初回の技術相談」を設定しました");
  await shot(page, "case", SHOTS);

  // The need's page leads back to its case.
  await page.getByRole("link", { name: "ニーズのページを開く" }).click();
  await expect(page.getByTestId("need-reference")).toHaveText(reference);
  await page.getByRole("link", { name: "案件を開く" }).click();
  await expect(page.getByTestId("case-reference")).toHaveText(reference);

  // The same page in English.
  await page.getByRole("radiogroup").first().getByText("English", { exact: true }).click();
  await expect(page.getByTestId("timeline")).toContainText("scheduled the meeting “初回の技術相談”");
  await shot(page, "case-en", SHOTS);
  await page.getByRole("link", { name: "Case board", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Case board" })).toBeVisible();
  await shot(page, "board-en", SHOTS);
  await page.getByRole("radiogroup").first().getByText("日本語", { exact: true }).click();
});

test("a referral partner sees its referrals with the figures", async ({ page }) => {
  await signIn(page, "referral-partner@demo.kyoso.example");
  await page.getByRole("link", { name: "紹介・相談の状況", exact: true }).click();
  await expect(page.getByRole("heading", { name: "紹介・相談の状況" })).toBeVisible();
  await expect(page.getByTestId("figure-referrals")).toBeVisible();
  await shot(page, "referrals", SHOTS);
  const first = page.locator("tbody tr").first();
  if ((await first.getByRole("cell").count()) > 1) {
    await first.click();
    await expect(page.getByRole("dialog")).toContainText("段階の履歴");
    await page.waitForTimeout(500); // the drawer's slide-in, for the picture
    await shot(page, "referral-progress", SHOTS);
  }
});

test("an admin edits a stage list; the server's field errors stand by their fields", async ({ page }) => {
  await signIn(page, "admin@demo.kyoso.example");
  await page.getByRole("link", { name: "段階リスト", exact: true }).click();
  await expect(page.getByRole("heading", { name: "段階リスト" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "表示名（日本語） screening" })).toHaveValue(
    "スクリーニング",
  );
  await page.getByRole("button", { name: "段階を追加" }).click();
  await page.getByRole("textbox", { name: "コード" }).fill("Site Visit");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByText("must be 2–40 lowercase letters").first()).toBeVisible();
  // The reasons of 対応不可: a new one with a bad code is refused by its field, then saved.
  await page.reload();
  const refused = page.getByTestId("close-reasons-refused");
  await expect(refused.getByRole("textbox", { name: "表示名（日本語） simple_test" })).toHaveValue(
    "単純な試験・分析の依頼",
  );
  await refused.getByRole("button", { name: "理由を追加" }).click();
  await refused.getByRole("textbox", { name: "コード" }).fill("Public Lab");
  await refused.getByRole("textbox", { name: "表示名（日本語） Public Lab" }).fill("公設試を紹介");
  await refused.getByRole("textbox", { name: "表示名（英語） Public Lab" }).fill("Referred to a public lab");
  await refused.getByRole("button", { name: "「対応不可」の理由を保存" }).click();
  await expect(refused.getByText("must be 2–60 lowercase letters")).toBeVisible();
  await refused.getByRole("textbox", { name: "コード" }).fill("public_lab");
  await refused.getByRole("button", { name: "「対応不可」の理由を保存" }).click();
  await expect(page.getByText("保存しました").first()).toBeVisible();
  await page.reload();
  await expect(
    page.getByTestId("close-reasons-refused").getByRole("textbox", { name: "表示名（日本語） public_lab" }),
  ).toHaveValue("公設試を紹介");
  await shot(page, "stage-lists", SHOTS);

  await page.goto("/account");
  await expect(page.getByText("お知らせの設定")).toBeVisible();
  await page.getByText("1日1回まとめて", { exact: true }).click();
  await expect(page.getByText("その日のお知らせを1通のメールにまとめて送ります。")).toBeVisible();
  await page.getByRole("textbox", { name: /動きのない案件を知らせるまでの日数/ }).fill("30");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByText("保存しました")).toBeVisible();
  await shot(page, "account", SHOTS);
});
