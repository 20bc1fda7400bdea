/**
 * The choices one text of the demo catalogue is built from (catalog-text.ts), drawn so that they fit
 * together: a topic of the field, an action it allows, a method that suits both, and the procedures, uses,
 * conventional approach and benefits scoped to the topic. Also the small helpers shared by the builders.
 */
import { FIELDS, type FieldCode } from "../../../shared/seeds";
import type { Bilingual } from "../catalog/import/records";
import type { Department } from "./catalog-people";
import {
  type Action,
  BANKS,
  type Benefit,
  DEVICE_ADJECTIVES,
  fits,
  forTopic,
  GENERIC,
  HOW,
  type Method,
  type Pair,
  type Topic,
} from "./catalog-phrases";
import type { Rng } from "./catalog-rng";
import type { Ctx, Tpl } from "./catalog-text";
import { QUALIFIERS } from "./catalog-titles";

/** What a researcher works on; the seeds of a researcher are drawn from it. */
export interface Profile {
  externalId: string;
  institution: string;
  dept: Department;
  primary: FieldCode;
  secondary: FieldCode | null;
  topics: Topic[];
  secTopics: Topic[];
  methods: Method[];
  english: boolean;
}

/** Fields whose seeds are data, software or teaching rather than laboratory prototypes. */
export const NON_LAB = new Set<FieldCode>(["information", "math_data", "education"]);

export const FIELD_LABEL = Object.fromEntries(FIELDS.map((f) => [f.code, { ja: f.ja, en: f.en }])) as Record<
  FieldCode,
  Pair
>;

export const pad = (n: number, width = 5) => String(n).padStart(width, "0");
export const bi = (ja: string | null, en: string | null): Bilingual => ({ ja, en });

/** The choices a text is built from: a topic of the field with a fitting action, target and method. */
export function makeCtx(rng: Rng, field: FieldCode, topic: Topic, preferredMethods: Method[] | null): Ctx {
  const bank = BANKS[field];
  const A = rng.pick(topic.actions);
  const topicMethods = topic.methods.length > 0 ? topic.methods : bank.methods;
  const processes = topicMethods.filter((m) => m.proc);
  const suited = A.phys && processes.length > 0 ? processes : topicMethods;
  // not a method the subject already names (酵素 for 酵素反応)
  const distinctFromSubject = suited.filter((m) => !topic.ja.includes(m.ja));
  const fitting = distinctFromSubject.length > 0 ? distinctFromSubject : suited;
  const preferred = (preferredMethods ?? []).filter((m) => fitting.includes(m));
  const M = preferred.length > 0 && rng.chance(0.6) ? rng.pick(preferred) : rng.pick(fitting);
  const rest = topicMethods.filter((m) => m !== M);
  const M2 = rng.pick(rest.length > 0 ? rest : bank.methods.filter((m) => m !== M));
  const B = benefit(rng, bank.benefits, topic, A, !NON_LAB.has(field), null);
  const B2 = benefit(rng, bank.benefits, topic, A, !NON_LAB.has(field), B);
  const procs = rng.sample(forTopic(bank.procedures, topic, 2, GENERIC.procedures), 2);
  const [P, P2] = [procs[0]!, procs[1] ?? procs[0]!];
  const [Q, Q2] = distinct(() =>
    mix(
      rng,
      bank.qualities.filter((q) => q.kinds.includes(A.kind)),
      GENERIC.qualities.filter((q) => q.kinds.includes(A.kind)),
    ),
  );
  const uses = rng.sample(forTopic(bank.uses, topic, 3), 3);
  const C = rng.pick(forTopic(bank.conventional, topic, 1));
  const U: [Pair, Pair, Pair] = [uses[0]!, uses[1] ?? uses[0]!, uses[2] ?? uses[0]!];
  return {
    S: topic,
    A,
    M,
    M2,
    T: rng.pick(topic.targets),
    F: FIELD_LABEL[field],
    G:
      NON_LAB.has(field) && bank.goals.length > 0
        ? rng.pick(bank.goals)
        : mix(rng, bank.goals, GENERIC.goals),
    D: rng.pick(DEVICE_ADJECTIVES),
    H: HOW[A.kind],
    Z: rng.pick(QUALIFIERS[A.kind]),
    U,
    B,
    B2,
    C,
    X: C.problem ?? mix(rng, bank.problems, GENERIC.problems),
    P,
    P2,
    Q,
    Q2,
    phase: "basic",
    hasPatent: false,
    lab: !NON_LAB.has(field),
  };
}

/**
 * A benefit that fits the kind of action, the field's own more often than a generic one, and is not the
 * phrase of `other` (with another number); `{n}` filled in.
 */
function benefit(
  rng: Rng,
  all: Benefit[],
  topic: Topic,
  action: Action,
  lab: boolean,
  other: Pair | null,
): Pair {
  const bare = (ja: string) => ja.replace("{n}", "").replace(/\d+/g, "");
  const differs = (b: Benefit) => !other || bare(b.ja) !== bare(other.ja);
  const own = all.filter((b) => b.kinds.includes(action.kind) && fits(b, topic) && differs(b));
  const generic = GENERIC.benefits.filter(
    (b) => b.kinds.includes(action.kind) && (lab || !b.lab) && differs(b),
  );
  const b = own.length > 0 && (all.length >= 4 || rng.chance(0.55)) ? rng.pick(own) : rng.pick(generic);
  if (!b.ja.includes("{n}")) return { ja: b.ja, en: b.en };
  const n = String(b.min + b.step * rng.int(0, Math.floor((b.max - b.min) / b.step)));
  return { ja: b.ja.replaceAll("{n}", n), en: b.en.replaceAll("{n}", n) };
}

function distinct(make: () => Pair): [Pair, Pair] {
  const a = make();
  let b = make();
  for (let i = 0; i < 6 && b.ja === a.ja; i++) b = make();
  return [a, b];
}

/** Field-specific phrases where the field has enough of them, otherwise a mix with the generic ones. */
export function mix(rng: Rng, own: Pair[], generic: Pair[]): Pair {
  return own.length >= 4 || (own.length > 0 && rng.chance(0.5)) ? rng.pick(own) : rng.pick(generic);
}

/** A random template that applies to the context (every list has unconditional templates). */
export function pickTpl(rng: Rng, tpls: Tpl[], c: Ctx): [string, string] {
  for (;;) {
    const out = rng.pick(tpls)(c);
    if (out) return out;
  }
}

/** An optional extra sentence that repeats none of the seed's phrases already in `text` (or none at all). */
export function extra(rng: Rng, tpls: Tpl[], c: Ctx, text: string): [string, string] | null {
  const phrases = [c.P.ja, c.P2.ja, c.B.ja, c.B2.ja, c.M2.ja, c.U[0].ja];
  for (let i = 0; i < 8; i++) {
    const out = rng.pick(tpls)(c);
    if (out && !phrases.some((p) => text.includes(p) && out[0].includes(p))) return out;
  }
  return null;
}

export function join(parts: ([string, string] | null)[]): [string, string] {
  const present = parts.filter((p): p is [string, string] => p !== null);
  return [present.map((p) => p[0]).join(""), present.map((p) => p[1]).join(" ")];
}
