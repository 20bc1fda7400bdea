import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./helpers";

/** The language switch is a segmented control: click its visible label. */
async function switchLanguage(page: Page, label: "English" | "日本語") {
  await page.getByRole("radiogroup").first().getByText(label, { exact: true }).click();
}

test("sign in, switch to English and back; the choice is remembered", async ({ page }) => {
  await signIn(page, "admin@demo.kyoso.example");
  await expect(page.getByRole("heading", { name: "デモ 管理者 さん、ようこそ" })).toBeVisible();
  await expect(page.getByText(/令和\d+年度（\d{4}年度）/).first()).toBeVisible();

  await switchLanguage(page, "English");
  await expect(page.getByRole("heading", { name: "Welcome, デモ 管理者" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Organisations", exact: true })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await page.reload();
  await expect(page.getByRole("heading", { name: "Welcome, デモ 管理者" })).toBeVisible();

  await switchLanguage(page, "日本語");
  await expect(page.getByRole("heading", { name: "デモ 管理者 さん、ようこそ" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
});

test("filter the institutions by area", async ({ page }) => {
  await signIn(page, "coordinator@demo.kyoso.example");
  await page.getByRole("link", { name: "機関・組織", exact: true }).click();
  await page.getByRole("textbox", { name: "種別" }).click();
  await page.getByRole("option", { name: "技術科学大学" }).click();
  await page.getByRole("option", { name: "高専" }).click();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("result-count")).toHaveText("53件");

  await page.getByRole("textbox", { name: "エリア" }).click();
  await page.getByRole("option", { name: "信越" }).click();
  await expect(page.getByTestId("result-count")).toHaveText("3件");
  await expect(page).toHaveURL(/area=shinetsu/);
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: "長岡技術科学大学" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "長岡工業高等専門学校" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "長野工業高等専門学校" })).toHaveCount(1);

  // Kana search across scripts: katakana finds the hiragana reading.
  await page.getByRole("textbox", { name: "検索" }).fill("ナガノ");
  await expect(page.getByTestId("result-count")).toHaveText("1件");
  await rows.first().click();
  await expect(page.getByRole("heading", { name: "長野工業高等専門学校" })).toBeVisible();
});

test("an admin creates a user, who then signs in and sets a password", async ({ page, browser }) => {
  await signIn(page, "admin@demo.kyoso.example");
  await page.getByRole("link", { name: "ユーザー管理", exact: true }).click();
  await page.getByRole("button", { name: "ユーザー作成" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("メールアドレス").fill("new.coordinator@test.example");
  await dialog.getByLabel("氏名").fill("新規 コーディネーター");
  await dialog.getByRole("textbox", { name: "ロール" }).click();
  await page.getByRole("option", { name: "産学連携コーディネーター" }).click();
  await dialog.getByRole("textbox", { name: "所属組織" }).click();
  await dialog.getByRole("textbox", { name: "所属組織" }).fill("豊橋");
  await page.getByRole("option", { name: /豊橋技術科学大学/ }).click();
  await dialog.getByLabel("仮パスワードを設定（初回サインイン時に変更）").check();
  await dialog.getByRole("textbox", { name: "仮パスワード", exact: true }).fill("temporary-pass-1");
  await dialog.getByRole("button", { name: "作成" }).click();
  await expect(page.getByText("new.coordinator@test.example")).toBeVisible();

  const other = await browser.newContext({ locale: "ja-JP" });
  const newUser = await other.newPage();
  await signIn(newUser, "new.coordinator@test.example", "temporary-pass-1");
  await expect(newUser.getByText("仮パスワードでサインインしています")).toBeVisible();
  await newUser.getByLabel("現在のパスワード").fill("temporary-pass-1");
  await newUser.getByRole("textbox", { name: "新しいパスワード", exact: true }).fill("my-own-password-2026");
  await newUser.getByLabel("新しいパスワード（確認）").fill("my-own-password-2026");
  await newUser.getByRole("button", { name: "パスワード変更" }).click();
  await expect(newUser.getByText("パスワードを変更しました")).toBeVisible();
  await newUser.getByRole("link", { name: "ホーム" }).click();
  await expect(newUser.getByRole("heading", { name: "新規 コーディネーター さん、ようこそ" })).toBeVisible();
  await other.close();

  // The creation is in the audit log.
  await page.getByRole("link", { name: "監査ログ", exact: true }).click();
  await expect(page.getByText("new.coordinator@test.example").first()).toBeVisible();
});

test("an invited user accepts the link and is signed in", async ({ page, browser }) => {
  await signIn(page, "admin@demo.kyoso.example");
  await page.goto("/admin/users");
  await page.getByRole("button", { name: "ユーザー作成" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("メールアドレス").fill("invited.researcher@test.example");
  await dialog.getByLabel("氏名").fill("招待 研究者");
  await dialog.getByRole("textbox", { name: "ロール" }).click();
  await page.getByRole("option", { name: "研究者", exact: true }).click();
  await dialog.getByRole("textbox", { name: "所属組織" }).click();
  await dialog.getByRole("textbox", { name: "所属組織" }).fill("長岡工業");
  await page.getByRole("option", { name: /長岡工業高等専門学校/ }).click();
  await dialog.getByRole("button", { name: "作成" }).click();
  const link = (await page.getByTestId("invite-url").textContent()) ?? "";
  expect(link).toMatch(/\/invite\/[\w-]+$/);

  const other = await browser.newContext({ locale: "ja-JP" });
  const invited = await other.newPage();
  await invited.goto(link);
  await expect(invited.getByText("invited.researcher@test.example")).toBeVisible();
  await invited.getByRole("textbox", { name: "新しいパスワード", exact: true }).fill("researcher-pass-2026");
  await invited.getByLabel("新しいパスワード（確認）").fill("researcher-pass-2026");
  await invited.getByRole("button", { name: "パスワードを設定してサインイン" }).click();
  await expect(invited.getByRole("heading", { name: "招待 研究者 さん、ようこそ" })).toBeVisible();
  // A researcher has no user administration.
  await expect(invited.getByRole("link", { name: "ユーザー管理", exact: true })).toHaveCount(0);
  await other.close();
});
