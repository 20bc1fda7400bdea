/**
 * researchmap affiliations are free text ("豊橋技術科学大学 工学部", "独立行政法人国立高等専門学校機構
 * 長岡工業高等専門学校", "National Institute of Technology, Nagaoka College"). This finds the member
 * institution an affiliation names, using the reference names (official and short, Japanese and English).
 */
import { REFERENCE_INSTITUTIONS } from "../../organizations/reference-data";

const squash = (s: string) =>
  s
    .normalize("NFKC")
    .replace(/[\s\u3000]+/g, "")
    .toLowerCase();

interface Needle {
  code: string;
  text: string;
}

const JA_NEEDLES: Needle[] = REFERENCE_INSTITUTIONS.flatMap((i) => [
  { code: i.code, text: squash(i.nameJa) },
  { code: i.code, text: squash(i.shortNameJa) },
  // 長岡技術科学大学 is also written 長岡技科大; 豊橋技科大 is the reference short name.
  ...(i.type === "university"
    ? [{ code: i.code, text: squash(i.shortNameJa.replace(/技大$/, "技科大")) }]
    : []),
]).sort((a, b) => b.text.length - a.text.length);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

interface EnPattern {
  code: string;
  re: RegExp;
  kosen: boolean;
}

const EN_PATTERNS: EnPattern[] = REFERENCE_INSTITUTIONS.flatMap((i): EnPattern[] => {
  if (i.type === "university") {
    return [{ code: i.code, re: new RegExp(`\\b${escapeRegExp(i.nameEn.toLowerCase())}\\b`), kosen: false }];
  }
  const place = i.nameEn
    .replace(/^.*\), /, "")
    .replace(/ College$/, "")
    .toLowerCase();
  return [{ code: i.code, re: new RegExp(`\\b${escapeRegExp(place)} (?:kosen|college)\\b`), kosen: true }];
});

/**
 * The code of the institution that an affiliation names (Japanese or English), or null. The longest
 * matching name wins, so 長岡技術科学大学 is never taken for 長岡高専 and 大島商船 never for 広島商船.
 */
export function matchInstitution(affiliationJa: string): string | null {
  const s = squash(affiliationJa);
  if (s === "") return null;
  // Exact institution code ("tut", "kosen-nagaoka").
  const byCode = REFERENCE_INSTITUTIONS.find((i) => i.code === s);
  if (byCode) return byCode.code;
  for (const n of JA_NEEDLES) if (n.text !== "" && s.includes(n.text)) return n.code;
  const en = affiliationJa.normalize("NFKC").toLowerCase().replace(/\s+/g, " ");
  const isKosen = /national institute of technology|kosen|\bnit\b/.test(en);
  for (const p of EN_PATTERNS) if ((!p.kosen || isKosen) && p.re.test(en)) return p.code;
  return null;
}
