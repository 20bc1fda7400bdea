import path from "node:path";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("anyone searches the catalogue in Japanese, filters, opens a seed and reads it in English", async ({
  page,
}) => {
  await page.goto("/login");
  await page.getByRole("link", { name: /サインインせずに研究シーズを探す/ }).click();
  await expect(page.getByRole("heading", { name: "研究シーズを探す" })).toBeVisible();

  await page.getByRole("textbox", { name: "検索" }).fill("センサ");
  await page.getByRole("button", { name: "検索" }).click();
  await expect(page).toHaveURL(/q=%E3%82%BB%E3%83%B3%E3%82%B5/);
  const count = page.getByTestId("result-count");
  await expect(count).toHaveText(/^\d+件$/);
  const all = Number((await count.textContent())?.replace("件", ""));
  expect(all).toBeGreaterThan(0);

  await page.getByRole("textbox", { name: "分野" }).click();
  await page.getByRole("option", { name: "機械", exact: true }).click();
  await expect(page).toHaveURL(/field=mechanical/);
  await expect(count).not.toHaveText(`${all}件`);
  const cards = page.getByTestId("seed-card");
  await expect(cards.first()).toContainText("機械");

  const title = (await cards.first().getByRole("link").textContent()) ?? "";
  await cards.first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("heading", { name: "技術の概要" })).toBeVisible();

  await page.getByRole("radiogroup").first().getByText("English", { exact: true }).click();
  await expect(page.getByRole("heading", { name: "Technology", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: /Back to results/ })).toBeVisible();
  await page.getByRole("radiogroup").first().getByText("日本語", { exact: true }).click();
});

test("a researcher edits their own seed, and the change is public", async ({ page }) => {
  await signIn(page, "researcher@demo.kyoso.example");
  await page.getByRole("link", { name: "シーズ管理" }).click();
  await expect(page.getByRole("heading", { name: "自分のシーズ" })).toBeVisible();
  await page.getByRole("link", { name: "編集", exact: true }).first().click();
  await expect(page.getByRole("heading", { name: "研究シーズの編集" })).toBeVisible();
  const title = page.getByRole("textbox", { name: "タイトル", exact: true });
  const newTitle = `${await title.inputValue()}（改訂）`;
  await title.fill(newTitle);
  await page.getByText("公開", { exact: true }).click();
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("保存しました")).toBeVisible();

  await page.getByRole("button", { name: "変更履歴" }).click();
  await expect(page.getByRole("dialog").getByText("titleJa")).toBeVisible();
  await page.keyboard.press("Escape");

  await page.getByRole("link", { name: "公開ページを見る" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(newTitle);
});

test("an admin imports the example researchmap file and a CSV of seeds", async ({ page }) => {
  await signIn(page, "admin@demo.kyoso.example");
  await page.getByRole("link", { name: "インポート" }).click();
  await expect(page.getByRole("heading", { name: "インポート" })).toBeVisible();

  await page
    .locator('input[type="file"]')
    .setInputFiles(path.resolve("docs/examples/researchmap-sample.json"));
  await page.getByLabel("試行（変更内容を確認するだけで、書き込まない）").uncheck();
  await page.getByRole("button", { name: "取り込み開始" }).click();
  await expect(page.getByTestId("import-status")).toHaveText("完了", { timeout: 30_000 });
  await expect(page.getByTestId("import-created")).toHaveText("2");

  // The example seeds refer to the researchers of the example researcher files: import those first.
  for (const [file, created] of [
    ["researchers.jsonl", "6"],
    ["researchers.csv", "4"],
  ] as const) {
    await page.locator('input[type="file"]').setInputFiles(path.resolve("docs/examples", file));
    await page.getByRole("button", { name: "取り込み開始" }).click();
    await expect(page.getByTestId("import-job").getByText(file)).toBeVisible();
    await expect(page.getByTestId("import-created")).toHaveText(created, { timeout: 30_000 });
  }

  await page.getByText("研究シーズ", { exact: true }).first().click();
  await page.locator('input[type="file"]').setInputFiles(path.resolve("docs/examples/seeds-sjis.csv"));
  await page.getByRole("button", { name: "取り込み開始" }).click();
  await expect(page.getByTestId("import-status")).toHaveText("完了", { timeout: 30_000 });
  await expect(page.getByTestId("import-created")).toHaveText("4");

  // Importing the same file again changes nothing.
  await page.getByRole("button", { name: "取り込み開始" }).click();
  await expect(page.getByTestId("import-unchanged")).toHaveText("4", { timeout: 30_000 });
});
