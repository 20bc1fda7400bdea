/** The text of a PDF, for tests: each page's text items joined, all white space (also U+3000) removed. */
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export async function pdfPageTexts(pdf: Uint8Array): Promise<string[]> {
  const task = getDocument({ data: new Uint8Array(pdf), isEvalSupported: false });
  const doc = await task.promise;
  try {
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      pages.push(
        content.items
          .map((it) => ("str" in it ? it.str : ""))
          .join("")
          .replace(/\s+/g, ""),
      );
    }
    return pages;
  } finally {
    await task.destroy();
  }
}
