/**
 * PDF documents of the contracts module: the 請求書 (invoice) and the 受入決定通知書 (acceptance notice).
 *
 * - pdfkit draws A4 portrait pages with 20 mm margins; every position is computed here (no flowing text),
 *   and tables continue on a new page (header repeated, page numbers in the footer) instead of overflowing.
 * - Japanese text is set in Noto Sans JP (Regular 400 and Bold 700, OFL-1.1) from the npm package
 *   `@expo-google-fonts/noto-sans-jp`, so a bare machine needs nothing but `npm install`. pdfkit embeds only
 *   the glyphs used (a subset with a ToUnicode map): a one-page invoice is some tens of KB and its text can
 *   be searched and copied. The two font files (about 5.5 MB each) are read once per process, on first use.
 * - Dates are shown in both calendars (令和8年11月25日（2026年11月25日）), amounts as whole yen with
 *   thousands separators (`src/shared/dates.ts`, `src/shared/money.ts`).
 * - The amounts are the caller's: nothing is recomputed, but an invoice whose subtotal is not the sum of
 *   its lines, or whose total is not subtotal + tax, is refused with an Error naming which.
 * - Output is deterministic: the same input gives the same bytes (CreationDate is the issue date).
 *
 * @example
 *   const pdf = await renderInvoicePdf(invoice); // Buffer, "%PDF-1.3…"
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { formatDateWareki, jstParts } from "../../../shared/dates";
import { assertYen, formatYen } from "../../../shared/money";

export interface PdfParty {
  name: string;
  department?: string | null;
  contactName?: string | null;
  postalCode?: string | null;
  address?: string | null;
}

export interface PdfIssuer {
  name: string;
  department?: string | null;
  postalCode?: string | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  /** 適格請求書発行事業者登録番号 "T" + 13 digits, when registered */
  registrationNumber?: string | null;
}

export interface PdfBankAccount {
  bankName: string;
  branchName: string;
  accountType: "普通" | "当座";
  accountNumber: string;
  accountHolder: string;
}

export interface InvoicePdf {
  /** 請求書番号, e.g. "INV-2026-0012" */
  number: string;
  /** 発行日, YYYY-MM-DD */
  issueDate: string;
  /** お支払期限, YYYY-MM-DD */
  dueDate: string;
  /** 宛名: the organisation with 御中; a contact person, when given, on the line below with 様 */
  recipient: PdfParty;
  issuer: PdfIssuer;
  /** 件名, e.g. "共同研究経費（第1回／全2回）" */
  subject: string;
  /** 契約番号 */
  contractNumber: string;
  /** 研究題目 */
  contractTitle: string;
  /** e.g. 直接経費, 間接経費, 研究料 (integer yen, ≥ 0) */
  lines: { label: string; amount: number }[];
  /** Consumption tax: rate in basis points (1000 = 10%), or null when the amount is not taxable (不課税) */
  taxRateBp: number | null;
  subtotal: number;
  tax: number;
  total: number;
  /** 振込先 */
  bank: PdfBankAccount;
  /** 備考 lines */
  notes?: string[];
}

export interface AcceptanceNoticePdf {
  number: string;
  issueDate: string;
  recipient: PdfParty;
  issuer: PdfIssuer;
  /** e.g. "共同研究" → 「共同研究受入決定通知書」 */
  contractTypeLabel: string;
  /** 研究題目 */
  title: string;
  /** 研究代表者 (name and department) */
  principalInvestigator: string;
  /** 研究期間, YYYY-MM-DD */
  period: { start: string; end: string };
  /** 受入額 lines (e.g. 直接経費/間接経費/研究料) */
  amounts: { label: string; amount: number }[];
  total: number;
  /** 条件 (e.g. IP terms summary) */
  conditions?: string[];
}

// ---------------------------------------------------------------------------------------------- fonts

const REGULAR = "NotoSansJP-Regular";
const BOLD = "NotoSansJP-Bold";
const FONT_FILES = {
  regular: "@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf",
  bold: "@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf",
} as const;

let fontCache: Promise<{ regular: Buffer; bold: Buffer }> | undefined;

/** The font files, read once per process (a failed read is retried on the next call). */
function loadFonts(): Promise<{ regular: Buffer; bold: Buffer }> {
  if (!fontCache) {
    const resolve = createRequire(import.meta.url).resolve;
    fontCache = Promise.all([readFile(resolve(FONT_FILES.regular)), readFile(resolve(FONT_FILES.bold))]).then(
      ([regular, bold]) => ({ regular, bold }),
      (err: unknown) => {
        fontCache = undefined;
        throw err;
      },
    );
  }
  return fontCache;
}

// --------------------------------------------------------------------------------------------- layout

const MM = 72 / 25.4;
const PAGE_W = 595.28; // A4 in points
const PAGE_H = 841.89;
const MARGIN = 20 * MM;
const LEFT = MARGIN;
const RIGHT = PAGE_W - MARGIN;
const WIDTH = RIGHT - LEFT;
const BOTTOM = PAGE_H - MARGIN;
const INK = "#1a1a1a";
const MUTED = "#555555";
const LINE = "#7a7a7a";
const FILL = "#eeeeee";
const PAD = 5;

type Doc = PDFKit.PDFDocument;

interface Style {
  size: number;
  bold?: boolean;
  align?: "left" | "center" | "right";
  color?: string;
}

/** A page cursor over a pdfkit document: explicit positions, page breaks decided before drawing. */
class Sheet {
  y = MARGIN;
  /** Drawn at the top of every page after the first (the document's "continued" line). */
  continuation: (() => void) | undefined;

  constructor(readonly doc: Doc) {}

  private style(s: Style): Doc {
    return this.doc
      .font(s.bold ? BOLD : REGULAR)
      .fontSize(s.size)
      .fillColor(s.color ?? INK);
  }

  height(text: string, width: number, s: Style): number {
    return this.style(s).heightOfString(text, { width, align: s.align ?? "left" });
  }

  width(text: string, s: Style): number {
    return this.style(s).widthOfString(text);
  }

  /** Draws text in a box of the given width; returns its height. */
  text(text: string, x: number, y: number, width: number, s: Style): number {
    const h = this.height(text, width, s);
    this.style(s).text(text, x, y, { width, align: s.align ?? "left" });
    return h;
  }

  /** A paragraph with a hanging marker ("・", "1."): the marker at x, the text indented beside it. */
  item(marker: string, markerW: number, text: string, x: number, y: number, width: number, s: Style): number {
    if (marker) this.style(s).text(marker, x, y, { lineBreak: false });
    return this.text(text, x + markerW, y, width - markerW, s);
  }

  itemHeight(markerW: number, text: string, width: number, s: Style): number {
    return this.height(text, width - markerW, s);
  }

  /** Text vertically centred in a cell. */
  cellText(text: string, x: number, y: number, w: number, h: number, s: Style): void {
    const th = this.height(text, w - 2 * PAD, s);
    this.text(text, x + PAD, y + (h - th) / 2, w - 2 * PAD, s);
  }

  box(x: number, y: number, w: number, h: number, fill?: string): void {
    this.doc.lineWidth(0.6);
    if (fill) this.doc.rect(x, y, w, h).fillAndStroke(fill, LINE);
    else this.doc.rect(x, y, w, h).stroke(LINE);
  }

  hline(x1: number, x2: number, y: number, width = 0.6): void {
    this.doc.lineWidth(width).moveTo(x1, y).lineTo(x2, y).stroke(INK);
  }

  room(): number {
    return BOTTOM - this.y;
  }

  /** Starts a new page unless `h` points still fit; `afterBreak` redraws e.g. a table header. */
  ensure(h: number, afterBreak?: () => void): boolean {
    if (this.y + h <= BOTTOM) return false;
    this.newPage();
    afterBreak?.();
    return true;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = MARGIN;
    this.continuation?.();
  }
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** 令和8年11月25日（2026年11月25日） */
function dateBoth(iso: string): string {
  const p = jstParts(iso);
  return `${formatDateWareki(iso)}（${p.year}年${p.month}月${p.day}日）`;
}

function yen(amount: number): string {
  return formatYen(amount, "ja");
}

/** ￥1,234,000－ as written in a boxed amount. */
function yenBoxed(amount: number): string {
  return `￥${formatYen(amount, "ja").replace(/円$/, "")}－`;
}

function taxRateLabel(bp: number): string {
  return `${bp / 100}%`;
}

async function render(
  info: { title: string; author: string; subject: string; issueDate: string },
  draw: (sheet: Sheet) => void,
  footerLabel: string,
): Promise<Buffer> {
  const fonts = await loadFonts();
  const p = jstParts(info.issueDate);
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: "ja-JP",
    displayTitle: true,
    info: {
      Title: info.title,
      Author: info.author,
      Subject: info.subject,
      Creator: "kyoso",
      CreationDate: new Date(`${p.year}-${pad2(p.month)}-${pad2(p.day)}T00:00:00+09:00`),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont(REGULAR, fonts.regular);
  doc.registerFont(BOLD, fonts.bold);
  const sheet = new Sheet(doc);
  draw(sheet);
  const { start, count } = doc.bufferedPageRange();
  if (count > 1) {
    for (let i = start; i < start + count; i++) {
      doc.switchToPage(i);
      doc.page.margins.bottom = 0; // the footer sits in the bottom margin; do not let pdfkit add a page
      sheet.text(`${footerLabel}　${i - start + 1} / ${count}`, LEFT, BOTTOM + 18, WIDTH, {
        size: 8,
        align: "center",
        color: MUTED,
      });
    }
  }
  doc.end();
  return done;
}

// ------------------------------------------------------------------------------------ shared blocks

/** 宛名: 〒, address, organisation (and department) with 御中, contact person with 様. Returns the end y. */
function drawRecipient(s: Sheet, r: PdfParty, x: number, y: number, w: number): number {
  let cy = y;
  const small: Style = { size: 9.5 };
  if (r.postalCode) cy += s.text(`〒${r.postalCode}`, x, cy, w, small);
  if (r.address) cy += s.text(r.address, x, cy, w, small);
  cy += 4;
  const name: Style = { size: 13, bold: true };
  if (r.department) {
    cy += s.text(r.name, x, cy, w, name);
    cy += s.text(`${r.department}　御中`, x, cy, w, { size: 12, bold: true });
  } else {
    cy += s.text(`${r.name}　御中`, x, cy, w, name);
  }
  s.hline(x, x + w, cy + 1, 0.9);
  cy += 5;
  if (r.contactName) cy += s.text(`ご担当　${r.contactName}　様`, x, cy, w, { size: 10.5 });
  return cy;
}

/** 発行者: name, department, address, phone, e-mail, 登録番号. Returns the end y. */
function drawIssuer(s: Sheet, i: PdfIssuer, x: number, y: number, w: number): number {
  let cy = y;
  const small: Style = { size: 9 };
  cy += s.text(i.name, x, cy, w, { size: 11, bold: true });
  if (i.department) cy += s.text(i.department, x, cy, w, { size: 9.5 });
  const address = [i.postalCode ? `〒${i.postalCode}` : "", i.address ?? ""].filter(Boolean).join("　");
  if (address) cy += s.text(address, x, cy, w, small);
  if (i.phone) cy += s.text(`TEL　${i.phone}`, x, cy, w, small);
  if (i.email) cy += s.text(`E-mail　${i.email}`, x, cy, w, small);
  if (i.registrationNumber) cy += s.text(`登録番号　${i.registrationNumber}`, x, cy, w, small);
  return cy;
}

/** Right-aligned lines at the top right (document number and date). Returns the end y. */
function drawMeta(s: Sheet, lines: string[], y: number, width = WIDTH): number {
  let cy = y;
  for (const line of lines) cy += s.text(line, RIGHT - width, cy, width, { size: 9.5, align: "right" });
  return cy;
}

interface Item {
  marker: string;
  text: string;
}

type KvValue = string | { items: Item[] } | { pairs: { label: string; amount: string; bold?: boolean }[] };

interface KvRow {
  label: string;
  value: KvValue;
}

const KV_STYLE: Style = { size: 10 };

/**
 * A two-column table of label and value cells. A row of items (paragraphs) that does not fit the page is
 * split between items and continued on the next page under "label（続き）".
 */
function drawKvTable(s: Sheet, rows: KvRow[], labelWidth: number): void {
  const vx = LEFT + labelWidth;
  const vw = WIDTH - labelWidth;
  const inner = vw - 2 * PAD;
  const pairAmountWidth = 130;

  const drawRow = (label: string, h: number, drawValue: (y: number) => void) => {
    s.box(LEFT, s.y, labelWidth, h, FILL);
    s.box(vx, s.y, vw, h);
    s.cellText(label, LEFT, s.y, labelWidth, h, { size: 10, bold: true });
    drawValue(s.y + PAD);
    s.y += h;
  };

  for (const row of rows) {
    const v = row.value;
    if (typeof v === "string") {
      const h = s.height(v, inner, KV_STYLE) + 2 * PAD;
      s.ensure(h);
      drawRow(row.label, h, (y) => s.text(v, vx + PAD, y, inner, KV_STYLE));
    } else if ("pairs" in v) {
      const lineH = s.height("0", inner, KV_STYLE) + 2;
      const h = v.pairs.length * lineH + 2 * PAD;
      s.ensure(h);
      drawRow(row.label, h, (y) => {
        v.pairs.forEach((p, i) => {
          const st: Style = { ...KV_STYLE, bold: p.bold };
          const py = y + i * lineH;
          s.text(p.label, vx + PAD, py, inner - pairAmountWidth, st);
          s.text(p.amount, vx + vw - PAD - pairAmountWidth, py, pairAmountWidth, { ...st, align: "right" });
          if (p.bold && i > 0) s.hline(vx + PAD, vx + vw - PAD, py - 1, 0.4);
        });
      });
    } else {
      const markerW = markerWidth(s, v.items, KV_STYLE);
      let rest = v.items.slice();
      let label = row.label;
      while (rest.length > 0) {
        const heights = rest.map((t) => s.itemHeight(markerW, t.text, inner, KV_STYLE));
        let n = 0;
        let h = 2 * PAD;
        while (n < rest.length && s.y + h + heights[n]! <= BOTTOM) h += heights[n++]!;
        if (n === 0) {
          if (s.y > MARGIN + 40) {
            s.newPage();
            continue;
          }
          // One item taller than a whole page: drawn anyway (pdfkit continues it on a new page).
          n = 1;
          h += heights[0]!;
        }
        const part = rest.slice(0, n);
        drawRow(label, h, (y) => {
          let py = y;
          for (const t of part) py += s.item(t.marker, markerW, t.text, vx + PAD, py, inner, KV_STYLE);
        });
        rest = rest.slice(n);
        label = `${row.label}（続き）`;
        if (rest.length > 0) s.newPage();
      }
    }
  }
}

/** The width that the widest marker of a list needs, plus a small gap. */
function markerWidth(s: Sheet, items: Item[], st: Style): number {
  const widest = Math.max(0, ...items.map((i) => (i.marker ? s.width(i.marker, st) : 0)));
  return widest > 0 ? widest + 3 : 0;
}

// -------------------------------------------------------------------------------------------- invoice

function checkDate(what: string, iso: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(Date.parse(`${iso}T00:00:00Z`)))
    throw new Error(`${what} must be a date YYYY-MM-DD, got "${iso}"`);
}

function checkInvoice(inv: InvoicePdf): void {
  const at = `invoice ${inv.number}`;
  checkDate(`${at}: issueDate`, inv.issueDate);
  checkDate(`${at}: dueDate`, inv.dueDate);
  if (inv.lines.length === 0) throw new Error(`${at}: no lines`);
  for (const [i, l] of inv.lines.entries()) {
    assertYen(l.amount, `${at}: line ${i + 1} (${l.label}) amount`);
    if (l.amount < 0) throw new Error(`${at}: line ${i + 1} (${l.label}) amount is negative`);
  }
  assertYen(inv.subtotal, `${at}: subtotal`);
  assertYen(inv.tax, `${at}: tax`);
  assertYen(inv.total, `${at}: total`);
  if (inv.taxRateBp !== null && (!Number.isSafeInteger(inv.taxRateBp) || inv.taxRateBp < 0))
    throw new Error(`${at}: taxRateBp must be a whole number of basis points, got ${inv.taxRateBp}`);
  const sum = inv.lines.reduce((a, l) => a + l.amount, 0);
  if (inv.subtotal !== sum)
    throw new Error(`${at}: subtotal ${inv.subtotal} is not the sum of the lines (${sum})`);
  if (inv.taxRateBp === null && inv.tax !== 0)
    throw new Error(`${at}: tax ${inv.tax} on an amount that is not taxable (taxRateBp null)`);
  if (inv.total !== inv.subtotal + inv.tax)
    throw new Error(`${at}: total ${inv.total} is not subtotal + tax (${inv.subtotal + inv.tax})`);
}

const AMOUNT_COL = 140;

function drawInvoice(s: Sheet, inv: InvoicePdf): void {
  s.continuation = () => {
    s.text(`請求書（続き）　請求書番号　${inv.number}`, LEFT, s.y, WIDTH, { size: 9, color: MUTED });
    s.y += 22;
  };

  s.text("請求書", LEFT, s.y, WIDTH, { size: 24, bold: true, align: "center" });
  s.y += 46;

  // 宛名 left; number, date and issuer right.
  const colW = 215;
  const top = s.y;
  const leftW = WIDTH - colW - 40;
  const leftEnd = drawRecipient(s, inv.recipient, LEFT, top, leftW);
  const meta = [`請求書番号　${inv.number}`, `発行日　${dateBoth(inv.issueDate)}`];
  let rightEnd = drawMeta(s, meta, top, WIDTH - leftW - 10);
  rightEnd = drawIssuer(s, inv.issuer, RIGHT - colW, rightEnd + 10, colW);
  s.y = Math.max(leftEnd, rightEnd) + 16;

  s.text("下記のとおりご請求申し上げます。", LEFT, s.y, WIDTH, { size: 10.5 });
  s.y += 22;

  // ご請求金額 box
  const boxH = 38;
  const labelW = 96;
  const boxW = 310;
  s.box(LEFT, s.y, labelW, boxH, FILL);
  s.box(LEFT + labelW, s.y, boxW - labelW, boxH);
  s.cellText("ご請求金額", LEFT, s.y, labelW, boxH, { size: 11, bold: true });
  const amount = yenBoxed(inv.total);
  const big: Style = { size: 17, bold: true };
  const suffix = inv.taxRateBp === null ? "（不課税）" : "（税込）";
  const amountW = s.width(amount, big);
  const suffixW = s.width(suffix, { size: 9.5 });
  const ax = LEFT + labelW + (boxW - labelW - amountW - suffixW) / 2;
  const ay = s.y + (boxH - s.height(amount, amountW + 10, big)) / 2;
  s.text(amount, ax, ay, amountW + 2, big);
  // same baseline: pdfkit places the top of the line box at y, the baseline at y + ascent × size
  s.text(suffix, ax + amountW + 2, ay + 1.16 * (17 - 9.5), suffixW + 2, { size: 9.5 });
  s.y += boxH + 16;

  drawKvTable(
    s,
    [
      { label: "件名", value: inv.subject },
      { label: "契約番号", value: inv.contractNumber },
      { label: "研究題目", value: inv.contractTitle },
      { label: "お支払期限", value: dateBoth(inv.dueDate) },
    ],
    84,
  );
  s.y += 16;

  // 摘要 / 金額
  const descW = WIDTH - AMOUNT_COL;
  const headH = 22;
  const header = () => {
    s.box(LEFT, s.y, descW, headH, FILL);
    s.box(LEFT + descW, s.y, AMOUNT_COL, headH, FILL);
    s.cellText("摘要", LEFT, s.y, descW, headH, { size: 10, bold: true, align: "center" });
    s.cellText("金額", LEFT + descW, s.y, AMOUNT_COL, headH, { size: 10, bold: true, align: "center" });
    s.y += headH;
  };
  // 小計 / 消費税 / 合計 under the amount column, kept on one page with the last line
  const sumRowH = 22;
  const sumLabelW = 130;
  const sums: { label: string; value: string; bold?: boolean }[] = [
    { label: "小計", value: yen(inv.subtotal) },
    inv.taxRateBp === null
      ? { label: "消費税", value: "不課税" }
      : { label: `消費税（${taxRateLabel(inv.taxRateBp)}）`, value: yen(inv.tax) },
    { label: "合計", value: yen(inv.total), bold: true },
  ];
  const body: Style = { size: 10 };
  const rowH = (label: string) => s.height(label, descW - 2 * PAD, body) + 2 * PAD;
  const sumsH = sums.length * sumRowH;
  const last = inv.lines.length - 1;
  s.ensure(headH + rowH(inv.lines[0]!.label) + (last === 0 ? sumsH : 0));
  header();
  inv.lines.forEach((line, i) => {
    const h = rowH(line.label);
    s.ensure(i === last ? h + sumsH : h, header);
    s.box(LEFT, s.y, descW, h);
    s.box(LEFT + descW, s.y, AMOUNT_COL, h);
    s.cellText(line.label, LEFT, s.y, descW, h, body);
    s.cellText(yen(line.amount), LEFT + descW, s.y, AMOUNT_COL, h, { ...body, align: "right" });
    s.y += h;
  });
  const sx = RIGHT - AMOUNT_COL - sumLabelW;
  for (const row of sums) {
    s.box(sx, s.y, sumLabelW, sumRowH, FILL);
    s.box(RIGHT - AMOUNT_COL, s.y, AMOUNT_COL, sumRowH);
    const st: Style = { size: row.bold ? 11 : 10, bold: row.bold };
    s.cellText(row.label, sx, s.y, sumLabelW, sumRowH, { ...st, bold: true, align: "center" });
    s.cellText(row.value, RIGHT - AMOUNT_COL, s.y, AMOUNT_COL, sumRowH, { ...st, align: "right" });
    s.y += sumRowH;
  }
  s.y += 18;

  // 振込先
  const b = inv.bank;
  const bankRows: KvRow[] = [
    { label: "金融機関", value: `${b.bankName}　${b.branchName}` },
    { label: "口座", value: `${b.accountType}　${b.accountNumber}` },
    { label: "口座名義", value: b.accountHolder },
  ];
  const headingH = s.height("振込先", WIDTH, { size: 10.5, bold: true }) + 4;
  s.ensure(headingH + 3 * 26);
  s.text("振込先", LEFT, s.y, WIDTH, { size: 10.5, bold: true });
  s.y += headingH;
  drawKvTable(s, bankRows, 84);

  // 備考
  const notes = inv.notes ?? [];
  if (notes.length > 0) {
    s.y += 14;
    const noteStyle: Style = { size: 9.5 };
    const markerW = s.width("・", noteStyle);
    s.ensure(headingH + s.itemHeight(markerW, notes[0]!, WIDTH, noteStyle));
    s.text("備考", LEFT, s.y, WIDTH, { size: 10.5, bold: true });
    s.y += headingH;
    for (const note of notes) {
      s.ensure(s.itemHeight(markerW, note, WIDTH, noteStyle));
      s.y += s.item("・", markerW, note, LEFT, s.y, WIDTH, noteStyle);
    }
  }
}

/** The 請求書 as an A4 PDF. Throws when the amounts do not add up (naming subtotal or total). */
export async function renderInvoicePdf(doc: InvoicePdf): Promise<Buffer> {
  checkInvoice(doc);
  return render(
    {
      title: `請求書 ${doc.number}`,
      author: doc.issuer.name,
      subject: doc.subject,
      issueDate: doc.issueDate,
    },
    (s) => drawInvoice(s, doc),
    `請求書番号　${doc.number}`,
  );
}

// --------------------------------------------------------------------------------- acceptance notice

function checkNotice(n: AcceptanceNoticePdf): void {
  const at = `acceptance notice ${n.number}`;
  checkDate(`${at}: issueDate`, n.issueDate);
  checkDate(`${at}: period.start`, n.period.start);
  checkDate(`${at}: period.end`, n.period.end);
  if (n.period.end < n.period.start)
    throw new Error(`${at}: period ends (${n.period.end}) before it starts (${n.period.start})`);
  for (const [i, a] of n.amounts.entries()) assertYen(a.amount, `${at}: amount ${i + 1} (${a.label})`);
  assertYen(n.total, `${at}: total`);
  const sum = n.amounts.reduce((acc, a) => acc + a.amount, 0);
  if (n.total !== sum) throw new Error(`${at}: total ${n.total} is not the sum of the amounts (${sum})`);
}

function drawNotice(s: Sheet, n: AcceptanceNoticePdf): void {
  const title = `${n.contractTypeLabel}受入決定通知書`;
  s.continuation = () => {
    s.text(`${title}（続き）　${n.number}`, LEFT, s.y, WIDTH, { size: 9, color: MUTED });
    s.y += 22;
  };

  s.y = drawMeta(s, [n.number, dateBoth(n.issueDate)], s.y) + 14;
  s.y = drawRecipient(s, n.recipient, LEFT, s.y, 270) + 16;
  const colW = 230;
  s.y = drawIssuer(s, n.issuer, RIGHT - colW, s.y, colW) + 28;

  s.y += s.text(title, LEFT, s.y, WIDTH, { size: 17, bold: true, align: "center" });
  s.y += 20;
  s.y += s.text("下記のとおり受け入れることを決定しましたので通知します。", LEFT + 10.5, s.y, WIDTH - 10.5, {
    size: 10.5,
  });
  s.y += 14;
  s.y += s.text("記", LEFT, s.y, WIDTH, { size: 11, align: "center" });
  s.y += 12;

  const rows: KvRow[] = [
    { label: "研究題目", value: n.title },
    { label: "研究代表者", value: n.principalInvestigator },
    { label: "研究期間", value: `${dateBoth(n.period.start)} から\n${dateBoth(n.period.end)} まで` },
    {
      label: "受入額",
      value: {
        pairs: [
          ...n.amounts.map((a) => ({ label: a.label, amount: yen(a.amount) })),
          { label: "合計", amount: yen(n.total), bold: true },
        ],
      },
    },
  ];
  const conditions = n.conditions ?? [];
  if (conditions.length > 0)
    rows.push({
      label: "条件",
      value: {
        items: conditions.map((c, i) => ({ marker: conditions.length > 1 ? `${i + 1}.` : "", text: c })),
      },
    });
  drawKvTable(s, rows, 96);

  s.y += 12;
  s.ensure(20);
  s.text("以上", LEFT, s.y, WIDTH, { size: 10.5, align: "right" });
}

/** The 受入決定通知書 (e.g. 共同研究受入決定通知書) as an A4 PDF. */
export async function renderAcceptanceNoticePdf(doc: AcceptanceNoticePdf): Promise<Buffer> {
  checkNotice(doc);
  return render(
    {
      title: `${doc.contractTypeLabel}受入決定通知書 ${doc.number}`,
      author: doc.issuer.name,
      subject: doc.title,
      issueDate: doc.issueDate,
    },
    (s) => drawNotice(s, doc),
    doc.number,
  );
}
