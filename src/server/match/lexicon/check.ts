/**
 * Checks the bilingual term lexicon: malformed lines, empty sides, duplicate headwords, Japanese script on
 * the English side; prints counts. Exits with 1 when there is any problem.
 *
 *   npx tsx src/server/match/lexicon/check.ts [file]
 */
import path from "node:path";
import { readTermLexicon, TERMS_JA_EN_FILE } from "./terms";

const file = process.argv[2] ? path.resolve(process.argv[2]) : TERMS_JA_EN_FILE;
const report = readTermLexicon(file);
const forms = report.entries.reduce((n, e) => n + e.en.length, 0);

console.log(`${path.relative(process.cwd(), file)}`);
console.log(`  entries:              ${report.entries.length}`);
console.log(
  `  English forms:        ${forms} (${(forms / Math.max(1, report.entries.length)).toFixed(2)} per entry)`,
);
console.log(`  comment lines:        ${report.comments}`);
console.log(`  Latin headwords:      ${report.latinHeadwords} (acronyms and the like: IoT, CNC …)`);
console.log(
  `  folded variants:      ${report.foldedVariants.length} (spellings the analyser treats as one, e.g. ${
    report.foldedVariants
      .slice(0, 3)
      .map((v) => v.join("/"))
      .join(", ") || "none"
  })`,
);
if (report.problems.length === 0) {
  console.log("  problems:             none");
} else {
  console.log(`  problems:             ${report.problems.length}`);
  for (const p of report.problems.slice(0, 200)) console.log(`    line ${p.line}: ${p.kind}: ${p.message}`);
  process.exitCode = 1;
}
