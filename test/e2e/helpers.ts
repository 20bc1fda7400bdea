/** What the browser journeys share: signing in through the form, and screenshots of whole pages. */
import { mkdirSync } from "node:fs";
import { expect, type Page } from "@playwright/test";
import { E2E_DEMO_PASSWORD } from "../../playwright.config";

export async function signIn(page: Page, email: string, password = E2E_DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByRole("textbox", { name: "パスワード", exact: true }).fill(password);
  await page.getByRole("button", { name: "サインイン" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/**
 * The whole page in one viewport (a full-page capture would repeat the fixed header mid-page), into `dir`
 * (default: E2E_SHOTS_DIR; nothing when neither is set).
 */
export async function shot(page: Page, name: string, dir = process.env.E2E_SHOTS_DIR) {
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const size = page.viewportSize() ?? { width: 1280, height: 720 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.min(Math.max(height, size.height), 4000) });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: `${dir}/${name}.png` });
  await page.setViewportSize(size);
}
