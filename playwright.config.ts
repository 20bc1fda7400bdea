import { defineConfig } from "@playwright/test";

// Browser journeys against the real server started the way users start it (scripts/start.mjs), on a
// fresh embedded database with demo data, in Debian's Chromium (/usr/bin/chromium).
const PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_DEMO_PASSWORD = "e2e-demo-password";

export default defineConfig({
  testDir: "test/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [["list"]],
  outputDir: ".tmp/e2e-results",
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "rm -rf .tmp/e2e-data && node scripts/start.mjs",
    url: `http://localhost:${PORT}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      KYOSO_DATA_DIR: ".tmp/e2e-data",
      KYOSO_DEMO_PASSWORD: E2E_DEMO_PASSWORD,
      KYOSO_DEMO_SIZE: "small",
      DATABASE_URL: "",
    },
  },
});
