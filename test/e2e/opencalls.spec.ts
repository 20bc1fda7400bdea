/**
 * The open call journey in a browser: a coordinator writes and publishes a call; a company new to kyoso
 * applies through the public form (its account is created and invited); the demo company member applies
 * with the short form; the coordinator closes the call early, reviews both, accepts both with reasons and
 * makes the contract, whose member parties are the two companies; the decision mails are in the outbox;
 * the company reads its result. Screenshots go to .tmp/screens/.
 */
import { expect, type Page, test } from "@playwright/test";
import { makeCorporateNumber } from "../../src/shared/corporate-number";
import { shot, signIn } from "./helpers";

const SHOTS = ".tmp/screens";
const RUN = Date.now().toString(36);
const TITLE = `工場の排熱を使った乾燥技術 ${RUN}`;
const NEW_COMPANY = `株式会社テスト熱工業 ${RUN}`;
const NEW_EMAIL = `netsu-${RUN}@netsu.example`;
const DEMO_COMPANY = "越後精密加工株式会社";
const DEMO_EMAIL = "company-member@demo.kyoso.example";

test.describe.configure({ mode: "serial" });
test.use({ viewport: { width: 1440, height: 900 } });

let callId = "";
let contractId = "";

/** A `datetime-local` value `minutes` from now in Japan time. */
function jstInput(minutes: number): string {
  return new Date(Date.now() + minutes * 60_000 + 9 * 3_600_000).toISOString().slice(0, 16);
}

/** Screenshots without the "saved" notices in front (they close by themselves after a few seconds). */
async function quietShot(page: Page, name: string) {
  await expect(page.locator(".mantine-Notification-root")).toHaveCount(0, { timeout: 15_000 });
  await shot(page, name, SHOTS);
}

async function switchLanguage(page: Page, label: "English" | "日本語") {
  await page.getByRole("radiogroup").first().getByText(label, { exact: true }).click();
}

test("a coordinator writes a call and publishes it", async ({ page }) => {
  await signIn(page, "coordinator@demo.kyoso.example");
  await page.getByRole("link", { name: "公募", exact: true }).click();
  await expect(page.getByRole("heading", { name: "公募の管理" })).toBeVisible();
  await page.getByRole("link", { name: "新しい公募" }).click();
  await expect(page.getByRole("heading", { name: "新しい公募" })).toBeVisible();

  // Nothing filled in: every required text is named.
  await page.getByLabel("公募テーマ").fill("");
  await page.getByRole("button", { name: "下書きを保存" }).click();
  await expect(page.getByText("入力内容を確認してください")).toBeVisible();

  await page.getByLabel("公募テーマ").fill(TITLE);
  // The coordinator's own institution is chosen already.
  await expect(page.getByRole("textbox", { name: "実施機関" })).toHaveValue("豊橋技術科学大学");
  await page.getByLabel("締切（日本時間）").fill(jstInput(10));
  await page
    .getByRole("textbox", { name: "背景" })
    .fill("食品・化学工場の低温排熱（60〜90℃）は多くが捨てられている。");
  await page
    .getByRole("textbox", { name: "目的・目標" })
    .fill("排熱で農産物や汚泥を乾燥する装置を試作し、3年で実証する。");
  await page
    .getByRole("textbox", { name: "参加企業に期待すること（拠出・役割）" })
    .fill("年100万円以上の拠出と、実証の場（工場）の提供。");
  await page
    .getByRole("textbox", { name: "知的財産の取扱い" })
    .fill("成果は大学と参加企業の共有。参加企業は無償で実施できる。");
  await expect(page.getByRole("radio", { name: "オープンアプリケーション方式共同研究" })).toBeChecked();
  await shot(page, "opencalls-new-call", SHOTS);
  await page.getByRole("button", { name: "下書きを保存" }).click();

  await expect(page.getByRole("heading", { name: TITLE })).toBeVisible();
  await expect(page.getByTestId("call-phase")).toHaveText("下書き");
  callId = page.url().split("/").pop() ?? "";
  expect(callId).toMatch(/^[0-9a-f-]{36}$/);

  await page.getByRole("button", { name: "公開する" }).click();
  const confirm = page.getByRole("dialog");
  await expect(confirm).toContainText("公募を公開しますか？");
  await confirm.getByRole("button", { name: "公開する" }).click();
  await expect(page.getByTestId("call-phase")).toHaveText("受付中");
  await expect(page.getByText(/採否は締切（.+）の後/)).toBeVisible();
});

test("a company new to kyoso applies through the public form", async ({ page }) => {
  await page.goto("/open-calls");
  await expect(page.getByRole("heading", { name: "公募（オープンアプリケーション）" })).toBeVisible();
  const card = page.getByTestId("open-call-card").filter({ hasText: TITLE });
  await expect(card.getByTestId("call-phase")).toHaveText("受付中");
  await expect(card.getByTestId("call-deadline")).toHaveText(
    /^締切 \d{4}年\d{1,2}月\d{1,2}日（令和(元|\d+)年） \d{2}:\d{2}$/,
  );
  await expect(card).toContainText("豊橋技術科学大学");
  await shot(page, "opencalls-list", SHOTS);

  await card.getByRole("link", { name: TITLE }).click();
  await expect(page.getByRole("heading", { name: TITLE })).toBeVisible();
  await expect(page.getByText("食品・化学工場の低温排熱")).toBeVisible();
  await expect(page.getByText("オープンアプリケーション方式共同研究").first()).toBeVisible();
  await expect(page.getByTestId("account-note")).toContainText("招待リンク");

  // An empty form is refused field by field, before anything is sent.
  await page.getByRole("button", { name: "応募する" }).click();
  await expect(page.getByText("入力内容を確認してください")).toBeVisible();
  await expect(page.getByText("入力してください").first()).toBeVisible();

  // A company or an address already on kyoso is refused by the server, in the viewer's language.
  await page.getByLabel("会社名").fill(DEMO_COMPANY);
  await page.getByLabel("ご担当者名").fill("熱田 一郎");
  await page.getByLabel("メールアドレス").fill(DEMO_EMAIL);
  await page.getByRole("textbox", { name: "提案内容" }).fill("試しに送ります。");
  await page.getByRole("textbox", { name: "拠出予定額（年額）" }).fill("100000");
  await page.getByRole("button", { name: "応募する" }).click();
  await expect(page.getByText(`「${DEMO_COMPANY}」はすでに kyoso に登録されています。`)).toBeVisible();
  await expect(page.getByText("このメールアドレスはすでに kyoso に登録されています。")).toBeVisible();

  await page.getByLabel("会社名").fill(NEW_COMPANY);
  const base = String(Date.now()).slice(-12).padStart(12, "1");
  await page.getByLabel("法人番号").fill(makeCorporateNumber(base));
  await page.getByLabel("ご担当者名").fill("熱田 一郎");
  await page.getByLabel("メールアドレス").fill(NEW_EMAIL);
  await page
    .getByRole("textbox", { name: "提案内容" })
    .fill("当社の食品工場（愛知県）で排熱乾燥の実証ができます。乾燥前後の品質データを提供します。");
  await page.getByRole("textbox", { name: "拠出予定額（年額）" }).fill("1500000");
  await expect(page.getByRole("textbox", { name: "拠出予定額（年額）" })).toHaveValue("1,500,000円");
  await shot(page, "opencalls-call-public-form", SHOTS);

  await page.getByRole("button", { name: "応募する" }).click();
  const received = page.getByTestId("application-received");
  await expect(received.getByRole("heading", { name: "応募を受け付けました" })).toBeVisible();
  await expect(received).toContainText("1,500,000円");
  await expect(page.getByTestId("invitation-note")).toContainText(NEW_EMAIL);
  await shot(page, "opencalls-public-received", SHOTS);
});

test("the same page in English", async ({ page }) => {
  await page.goto(`/open-calls/${callId}`);
  await expect(page.getByRole("heading", { name: TITLE })).toBeVisible();
  await switchLanguage(page, "English");
  await expect(page.getByRole("heading", { name: "Apply to this call" })).toBeVisible();
  await expect(page.getByTestId("call-deadline")).toHaveText(/^\d{1,2} \w{3} \d{4}, \d{2}:\d{2} JST$/);
  await expect(page.getByText("Open-call joint research").first()).toBeVisible();
  await shot(page, "opencalls-call-en", SHOTS);
  await switchLanguage(page, "日本語");
});

test("the demo company member applies with the short form", async ({ page }) => {
  await signIn(page, DEMO_EMAIL);
  await page.getByRole("link", { name: "公募一覧", exact: true }).click();
  await page
    .getByTestId("open-call-card")
    .filter({ hasText: TITLE })
    .getByRole("link", { name: TITLE })
    .click();
  await expect(page.getByRole("heading", { name: "自社として応募する" })).toBeVisible();
  await expect(page.getByText(DEMO_COMPANY)).toBeVisible();
  await expect(page.getByLabel("会社名")).toHaveCount(0);
  await expect(page.getByLabel("ご担当者名")).toHaveValue("デモ 企業担当");
  await expect(page.getByLabel("メールアドレス")).toHaveValue(DEMO_EMAIL);
  await page
    .getByRole("textbox", { name: "提案内容" })
    .fill("精密加工の技術で乾燥装置の熱交換部を試作します。試作費の一部を負担します。");
  await page.getByRole("textbox", { name: "拠出予定額（年額）" }).fill("2000000");
  await shot(page, "opencalls-call-company-form", SHOTS);
  await page.getByRole("button", { name: "応募する" }).click();
  await expect(page.getByRole("heading", { name: "応募を受け付けました" })).toBeVisible();

  await page.getByRole("main").getByRole("link", { name: "応募状況" }).click();
  const row = page.getByTestId("my-application").filter({ hasText: TITLE });
  await expect(row.getByTestId("application-status")).toHaveText("審査中");
  await expect(row).toContainText("2,000,000円");

  // Once applied, the call's page says so instead of offering the form again.
  await row.getByRole("link", { name: TITLE }).click();
  await expect(page.getByText("この公募には応募済みです")).toBeVisible();
});

test("the coordinator closes the call, reviews, accepts both and makes the contract", async ({ page }) => {
  await signIn(page, "coordinator@demo.kyoso.example");
  await page.getByRole("link", { name: "公募", exact: true }).click();
  const listed = page.getByTestId("managed-call").filter({ hasText: TITLE });
  await expect(listed).toContainText("受付中");
  await listed.getByRole("link", { name: TITLE }).click();
  await expect(page.getByRole("heading", { name: TITLE })).toBeVisible();
  await expect(page.getByTestId("figure-applications")).toContainText("2");

  const mine = page.getByTestId("application-card").filter({ hasText: NEW_COMPANY });
  const demo = page.getByTestId("application-card").filter({ hasText: DEMO_COMPANY });
  await expect(mine).toContainText("1,500,000円");
  await expect(demo).toContainText("2,000,000円");
  // Before the deadline nobody decides: the buttons are off and say why.
  await expect(mine.getByRole("button", { name: "採択", exact: true })).toBeDisabled();
  await expect(mine).toContainText("採否は締切の後、または受付を終了した後に決められます。");

  // Close early.
  await page.getByRole("button", { name: "受付を終了する" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "受付を終了する" }).click();
  await expect(page.getByTestId("call-phase")).toHaveText("受付終了");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await shot(page, "opencalls-review-open", SHOTS);

  // Review both: a score and a comment each.
  for (const [card, score, comment] of [
    [mine, "4", "実証の場を提供できる点が大きい。"],
    [demo, "5", "熱交換部の試作力が高く、テーマに直結する。"],
  ] as const) {
    const review = card.getByTestId("my-review");
    await review.getByText(score, { exact: true }).click();
    await review.getByRole("textbox", { name: "コメント" }).fill(comment);
    await review.getByRole("button", { name: "評価を保存" }).click();
    await expect(card.getByTestId("review")).toContainText(`${score}/5`);
    await expect(card.getByTestId("review")).toContainText("デモ コーディネーター （あなた）");
    await expect(card.getByTestId("review")).toContainText(comment);
    await expect(card.getByTestId("average-score")).toContainText(`${score}.0`);
  }

  // Accept both, each with its reason (a reason is required).
  for (const [card, reason] of [
    [mine, "工場での実証が計画の要になるため採択します。"],
    [demo, "熱交換部の試作を担っていただくため採択します。"],
  ] as const) {
    await card.getByRole("button", { name: "採択", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "採択してメールを送る" }).click();
    await expect(dialog.getByText("理由を入力してください")).toBeVisible();
    await dialog.getByRole("textbox", { name: "理由" }).fill(reason);
    await dialog.getByRole("button", { name: "採択してメールを送る" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(card.getByTestId("application-status")).toHaveText("採択");
    await expect(card.getByTestId("decision-reason")).toHaveText(reason);
  }
  await expect(page.getByTestId("figure-acceptedTotal")).toContainText("3,500,000円");

  // The contract of the accepted companies.
  const panel = page.getByTestId("call-contract");
  await expect(panel).toContainText("採択した 2 社を参加企業として");
  await quietShot(page, "opencalls-review");
  await panel.getByRole("button", { name: "契約を作成" }).click();
  await expect(page.getByTestId("contract-number")).toBeVisible();
  await expect(page.getByTestId("call-phase")).toHaveText("契約済み");
  const href = (await page.getByTestId("contract-link").getAttribute("href")) ?? "";
  contractId = href.split("/").pop() ?? "";
  expect(contractId).toMatch(/^[0-9a-f-]{36}$/);
  // Decisions are final now: no more buttons on the applications.
  await expect(page.getByRole("button", { name: "採否を変更" })).toHaveCount(0);
  await quietShot(page, "opencalls-contract-made");

  // The contract, read with the page's session: both companies are its member parties.
  const contract = await (await page.request.get(`/api/contracts/${contractId}`)).json();
  expect(contract.type).toBe("open_call");
  expect(contract.title).toBe(TITLE);
  const members = (contract.parties as { name: string; role: string }[]).filter((p) => p.role === "member");
  expect(members.map((p) => p.name).sort()).toEqual([DEMO_COMPANY, NEW_COMPANY].sort());
  // …beside the institution that carries out the research.
  expect(contract.parties.map((p: { role: string }) => p.role).sort()).toEqual([
    "lead_institution",
    "member",
    "member",
  ]);
  await expect(page.getByTestId("contract-number")).toHaveText(contract.number);

  // The managed list counts nothing left to decide.
  await page.getByRole("link", { name: "公募の管理へ" }).click();
  await expect(page.getByTestId("managed-call").filter({ hasText: TITLE })).toContainText("契約済み");
  await quietShot(page, "opencalls-manage");
});

test("the decisions and the invitation are in the outbox", async ({ page }) => {
  await signIn(page, "admin@demo.kyoso.example");
  const list = async (q: string) =>
    (await (await page.request.get(`/api/mail?q=${encodeURIComponent(q)}&pageSize=50`)).json()) as {
      items: { id: string; to: string; kind: string; subject: string }[];
    };
  const decisions = await list(`審査結果: ${TITLE}`);
  expect(decisions.items.map((m) => m.to).sort()).toEqual([DEMO_EMAIL, NEW_EMAIL].sort());
  expect(
    decisions.items.every((m) => m.kind === "open_call_decision" && m.subject.includes("Accepted")),
  ).toBe(true);
  const decided = await (await page.request.get(`/api/mail/${decisions.items[0]!.id}`)).json();
  expect(decided.text).toContain("採択");
  expect(decided.text).toContain("【理由】");

  const receipts = await list(`応募受付: ${TITLE}`);
  const invite = receipts.items.find((m) => m.to === NEW_EMAIL);
  expect(invite?.kind).toBe("open_call_received");
  const receipt = await (await page.request.get(`/api/mail/${invite!.id}`)).json();
  expect(receipt.text).toMatch(/\/invite\/[\w-]+/);
  expect(receipt.text).toContain("1,500,000円");
});

test("the company reads the decision and its reason", async ({ page }) => {
  await signIn(page, DEMO_EMAIL);
  await page.getByRole("link", { name: "応募状況", exact: true }).click();
  const row = page.getByTestId("my-application").filter({ hasText: TITLE });
  await expect(row.getByTestId("application-status")).toHaveText("採択");
  await expect(row.getByTestId("decision-reason")).toHaveText(
    "熱交換部の試作を担っていただくため採択します。",
  );
  await shot(page, "opencalls-mine", SHOTS);
});
