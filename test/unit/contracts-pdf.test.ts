import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  type AcceptanceNoticePdf,
  type InvoicePdf,
  renderAcceptanceNoticePdf,
  renderInvoicePdf,
} from "../../src/server/modules/contracts/pdf";
import { formatDateWareki } from "../../src/shared/dates";
import { pdfPageTexts } from "../helpers/pdf";

const pageTexts = pdfPageTexts;

/** Kept in .tmp/screens (ignored by git) for a person to look at. */
function keepForLook(name: string, pdf: Buffer): void {
  const dir = path.join(process.cwd(), ".tmp", "screens");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, name), pdf);
}

const issuer = {
  name: "国立大学法人長岡技術科学大学",
  department: "研究推進課 産学連携係",
  postalCode: "940-2188",
  address: "新潟県長岡市上富岡町1603-1",
  phone: "0258-46-6000",
  email: "kenkyu@example.ac.jp",
  registrationNumber: "T8110005001234",
};

function invoice(over: Partial<InvoicePdf> = {}): InvoicePdf {
  return {
    number: "INV-2026-0012",
    issueDate: "2026-11-25",
    dueDate: "2026-12-25",
    recipient: {
      name: "株式会社越後精密工業",
      department: "技術開発部",
      contactName: "山田 花子",
      postalCode: "950-0088",
      address: "新潟県新潟市中央区万代1-1-1 万代ビル5階",
    },
    issuer,
    subject: "共同研究経費（第1回／全2回）",
    contractNumber: "KY-2026-0007",
    contractTitle: "AIを用いた金型表面欠陥の自動検出と熟練技能の形式知化に関する研究",
    lines: [
      { label: "直接経費", amount: 800_000 },
      { label: "間接経費", amount: 240_000 },
      { label: "研究料", amount: 80_000 },
    ],
    taxRateBp: 1000,
    subtotal: 1_120_000,
    tax: 112_000,
    total: 1_232_000,
    bank: {
      bankName: "第四北越銀行",
      branchName: "長岡支店",
      accountType: "普通",
      accountNumber: "1234567",
      accountHolder: "コクリツダイガクホウジンナガオカギジュツカガクダイガク",
    },
    notes: ["振込手数料は貴社にてご負担ください。", "請求書番号をお振込人名の前にご記入ください。"],
    ...over,
  };
}

const notice: AcceptanceNoticePdf = {
  number: "長技大産第2026-031号",
  issueDate: "2026-04-01",
  recipient: { name: "株式会社越後精密工業", postalCode: "950-0088", address: "新潟県新潟市中央区万代1-1-1" },
  issuer: { name: "国立大学法人長岡技術科学大学長", department: "技術科学イノベーション推進機構" },
  contractTypeLabel: "共同研究",
  title: "AIを用いた金型表面欠陥の自動検出に関する研究",
  principalInvestigator: "長岡 太郎（機械系 教授）",
  period: { start: "2026-04-01", end: "2027-03-31" },
  amounts: [
    { label: "直接経費", amount: 1_000_000 },
    { label: "間接経費", amount: 300_000 },
  ],
  total: 1_300_000,
  conditions: ["知的財産権は双方の持分を各50%とする。", "研究成果の公表は事前に協議のうえ行う。"],
};

describe("formatDateWareki", () => {
  it("writes era, year, month and day", () => {
    expect(formatDateWareki("2026-11-25")).toBe("令和8年11月25日");
    expect(formatDateWareki("2019-05-01")).toBe("令和元年5月1日");
    expect(formatDateWareki("2019-04-30")).toBe("平成31年4月30日");
  });
});

describe("invoice PDF (請求書)", () => {
  it("holds the title, parties, amounts, bank account and dates in Japanese text", async () => {
    const pdf = await renderInvoicePdf(invoice());
    const pages = await pageTexts(pdf);
    expect(pages).toHaveLength(1);
    const t = pages[0]!;
    for (const s of [
      "請求書",
      "株式会社越後精密工業",
      "技術開発部御中",
      "ご担当山田花子様",
      "〒950-0088",
      "請求書番号INV-2026-0012",
      "発行日令和8年11月25日（2026年11月25日）",
      "お支払期限令和8年12月25日（2026年12月25日）",
      "下記のとおりご請求申し上げます。",
      "ご請求金額￥1,232,000－（税込）",
      "件名共同研究経費（第1回／全2回）",
      "契約番号KY-2026-0007",
      "AIを用いた金型表面欠陥の自動検出と熟練技能の形式知化に関する研究",
      "直接経費800,000円",
      "間接経費240,000円",
      "研究料80,000円",
      "小計1,120,000円",
      "消費税（10%）112,000円",
      "合計1,232,000円",
      "振込先",
      "第四北越銀行長岡支店",
      "普通1234567",
      "コクリツダイガクホウジンナガオカギジュツカガクダイガク",
      "国立大学法人長岡技術科学大学",
      "登録番号T8110005001234",
      "備考",
      "振込手数料は貴社にてご負担ください。",
    ])
      expect(t).toContain(s);
  });

  it("addresses the organisation alone with 御中 and shows 不課税 when not taxable", async () => {
    const pdf = await renderInvoicePdf(
      invoice({
        recipient: { name: "ミナトテック株式会社" },
        taxRateBp: null,
        tax: 0,
        total: 1_120_000,
        notes: [],
      }),
    );
    const t = (await pageTexts(pdf))[0]!;
    expect(t).toContain("ミナトテック株式会社御中");
    expect(t).not.toContain("様");
    expect(t).toContain("ご請求金額￥1,120,000－（不課税）");
    expect(t).toContain("消費税不課税");
    expect(t).toContain("合計1,120,000円");
    expect(t).not.toContain("税込");
    expect(t).not.toContain("備考");
  });

  it("refuses amounts that do not add up, naming which", async () => {
    await expect(renderInvoicePdf(invoice({ subtotal: 1_100_000 }))).rejects.toThrow(
      /subtotal 1100000 is not the sum of the lines \(1120000\)/,
    );
    await expect(renderInvoicePdf(invoice({ total: 1_230_000 }))).rejects.toThrow(
      /total 1230000 is not subtotal \+ tax \(1232000\)/,
    );
    await expect(renderInvoicePdf(invoice({ taxRateBp: null }))).rejects.toThrow(/not taxable/);
    await expect(renderInvoicePdf(invoice({ dueDate: "25/12/2026" }))).rejects.toThrow(/dueDate/);
  });

  it("continues a long table on further pages without losing a line", async () => {
    const lines = Array.from({ length: 40 }, (_, i) => ({
      label: `研究費内訳 第${i + 1}項（消耗品・旅費・謝金 ほか）`,
      amount: 10_000 * (i + 1),
    }));
    const subtotal = lines.reduce((a, l) => a + l.amount, 0);
    const tax = subtotal / 10;
    const pdf = await renderInvoicePdf(invoice({ lines, subtotal, tax, total: subtotal + tax }));
    const pages = await pageTexts(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const all = pages.join("");
    for (const l of lines)
      expect(all).toContain(`${l.label.replace(/\s+/g, "")}${l.amount.toLocaleString("ja-JP")}円`);
    expect(pages[1]).toContain("請求書（続き）");
    expect(pages[1]).toContain("摘要金額"); // the table header is repeated
    // the sums stay on the page of the last line
    const sumsPage = pages.find((p) => p.includes(`合計${(subtotal + tax).toLocaleString("ja-JP")}円`));
    expect(sumsPage).toContain("第40項");
    expect(all).toContain(`1/${pages.length}`);
    keepForLook("invoice-40-lines.pdf", pdf);
  });

  it("embeds subsets of Noto Sans JP only, stays small and is the same for the same input", async () => {
    const pdf = await renderInvoicePdf(invoice());
    const raw = pdf.toString("latin1");
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansJP-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansJP-Bold/);
    expect(raw).not.toContain("Helvetica");
    expect(pdf.length).toBeLessThan(300 * 1024);
    expect(raw).toContain("/Author");
    expect((await renderInvoicePdf(invoice())).equals(pdf)).toBe(true);

    keepForLook("invoice.pdf", pdf);
  });
});

describe("acceptance notice PDF (受入決定通知書)", () => {
  it("holds the title, parties, research, period, amounts and conditions", async () => {
    const pdf = await renderAcceptanceNoticePdf(notice);
    const pages = await pageTexts(pdf);
    expect(pages).toHaveLength(1);
    const t = pages[0]!;
    for (const s of [
      "共同研究受入決定通知書",
      "長技大産第2026-031号",
      "令和8年4月1日（2026年4月1日）",
      "株式会社越後精密工業御中",
      "国立大学法人長岡技術科学大学長",
      "下記のとおり受け入れることを決定しましたので通知します。",
      "記",
      "研究題目AIを用いた金型表面欠陥の自動検出に関する研究",
      "研究代表者長岡太郎（機械系教授）",
      "研究期間令和8年4月1日（2026年4月1日）から令和9年3月31日（2027年3月31日）まで",
      "直接経費1,000,000円",
      "間接経費300,000円",
      "合計1,300,000円",
      "条件1.知的財産権は双方の持分を各50%とする。",
      "2.研究成果の公表は事前に協議のうえ行う。",
      "以上",
    ])
      expect(t).toContain(s);
    expect(pdf.toString("latin1")).toMatch(/NotoSansJP-Regular/);
    keepForLook("notice.pdf", pdf);
  });

  it("continues long conditions on the next page", async () => {
    const conditions = Array.from(
      { length: 30 },
      (_, i) => `第${i + 1}条 ${"知的財産権の取扱いは双方協議のうえ別途定める。".repeat(1 + (i % 3))}`,
    );
    const pages = await pageTexts(await renderAcceptanceNoticePdf({ ...notice, conditions }));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const all = pages.join("");
    conditions.forEach((c, i) => {
      expect(all).toContain(`${i + 1}.${c.replace(/\s+/g, "")}`);
    });
    expect(pages[1]).toContain("条件（続き）");
    expect(pages.at(-1)).toContain("以上");
  });

  it("refuses a total that is not the sum of the amounts", async () => {
    await expect(renderAcceptanceNoticePdf({ ...notice, total: 1 })).rejects.toThrow(
      /total 1 is not the sum of the amounts \(1300000\)/,
    );
  });
});
