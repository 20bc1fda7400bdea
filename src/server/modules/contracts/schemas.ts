/** Request schemas of contracts, rates, invoices and open calls (the messages name the field at fault). */
import { z } from "@hono/zod-openapi";
import { optionalText, requiredText } from "../../http/fields";
import {
  CONTRACT_TYPES,
  DOCUMENT_KINDS,
  MEMBER_KINDS,
  OPEN_CALL_CONTRACT_TYPES,
  PARTY_ROLES,
  SCORE_MAX,
  SCORE_MIN,
} from "./codes";

export const IsoDate = z
  .string({ message: "is required" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date such as 2026-04-01")
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    "is not a real date",
  );
export const Yen = z
  .number({ message: "must be a number of yen" })
  .int("must be a whole number of yen")
  .min(0, "must not be negative")
  .max(1e13, "is too large");
const FiscalYear = z
  .number()
  .int("must be a year such as 2026")
  .min(1990, "must be 1990 or later")
  .max(2100, "must be 2100 or earlier");
const Id = z.uuid({ message: "must be an id (UUID)" });

const FyAmount = z.object({ fiscalYear: FiscalYear, amount: Yen });

export const PartyBody = z.object({
  organizationId: Id,
  role: z.enum(PARTY_ROLES, { message: `must be one of ${PARTY_ROLES.join(", ")}` }),
  department: optionalText(200),
  contactName: optionalText(100),
  contactEmail: optionalText(200),
  postalCode: optionalText(10),
  address: optionalText(300),
  contributions: z.array(FyAmount).max(20).optional(),
});

export const MemberBody = z.object({
  kind: z.enum(MEMBER_KINDS, { message: `must be one of ${MEMBER_KINDS.join(", ")}` }),
  researcherId: Id.nullish(),
  name: optionalText(100),
  organizationId: Id.nullish(),
  task: optionalText(500),
  fees: z.array(FyAmount).max(20).optional(),
});

export const BudgetYearBody = z.object({
  fiscalYear: FiscalYear,
  personnel: Yen,
  consumables: Yen,
  travel: Yen,
  equipment: Yen,
  other: Yen,
});

const Rate = z.number().int("must be whole basis points (3000 = 30%)").min(0).max(100_000);

export const ContentBody = z.object({
  title: requiredText(300),
  purpose: optionalText(5000),
  place: optionalText(500),
  startDate: IsoDate,
  endDate: IsoDate,
  ipTerms: optionalText(5000),
  confidentialityTerms: optionalText(5000),
  publicationTerms: optionalText(5000),
  equipmentTerms: optionalText(5000),
  steeringCommittee: optionalText(5000),
  rateStep: z.union([z.literal(1), z.literal(10), z.literal(100), z.literal(1000)], {
    message: "must be 1, 10, 100 or 1000 yen",
  }),
  taxRateBp: z.number().int().min(0).max(10_000).nullable(),
  parties: z.array(PartyBody).max(100),
  members: z.array(MemberBody).max(200),
  budget: z.array(BudgetYearBody).max(20),
});

export const ContractBody = ContentBody.extend({
  type: z.enum(CONTRACT_TYPES, { message: `must be one of ${CONTRACT_TYPES.join(", ")}` }),
  institutionId: Id,
  caseId: Id.nullish(),
  needId: Id.nullish(),
  rateException: z
    .object({ rateBp: Rate, basis: z.enum(["direct", "total"]), reason: requiredText(1000) })
    .nullish(),
});

export const ContractUpdateBody = ContractBody.extend({ version: z.number().int() });

export const TransitionBody = z.object({
  action: z.enum(["accept", "sign", "start", "complete", "cancel"]),
  version: z.number().int(),
  date: IsoDate.optional(),
  reason: optionalText(2000),
});

export const AmendmentBody = z.object({
  version: z.number().int(),
  effectiveOn: IsoDate,
  reason: requiredText(2000),
  content: ContentBody,
  reallocate: z
    .object({ personnel: Yen, consumables: Yen, travel: Yen, equipment: Yen, other: Yen })
    .nullish(),
});

export const ContractListQuery = z.object({
  q: z.string().max(200).optional(),
  status: z.string().max(40).optional(),
  type: z.string().max(40).optional(),
  institution: Id.optional(),
  fiscalYear: z.coerce.number().int().min(1990).max(2100).optional(),
  exception: z.enum(["true", "false"]).optional(),
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
});

export const RateBody = z.object({
  organizationId: Id,
  contractTypes: z.array(z.string().max(40)).max(10),
  effectiveFrom: IsoDate,
  rateBp: Rate,
  basis: z.enum(["direct", "total"]),
  note: optionalText(500),
});

export const InvoiceBody = z.object({
  partyId: Id,
  fiscalYear: FiscalYear,
  amount: Yen,
  issueDate: IsoDate.optional(),
  dueDate: IsoDate.optional(),
  subject: optionalText(200),
});

export const PaymentBody = z.object({
  paidOn: IsoDate,
  amount: Yen,
  note: optionalText(500),
  version: z.number().int(),
});

export const CancelInvoiceBody = z.object({ reason: requiredText(1000), version: z.number().int() });

export const BillingBody = z.object({
  department: optionalText(200),
  postalCode: optionalText(10),
  address: optionalText(300),
  phone: optionalText(40),
  email: optionalText(200),
  registrationNumber: z
    .string()
    .trim()
    .regex(/^(T\d{13})?$/, "must be T followed by the 13-digit corporate number")
    .nullish()
    .transform((v) => v || null),
  bankName: optionalText(100),
  branchName: optionalText(100),
  accountType: z.enum(["普通", "当座"]).nullish(),
  accountNumber: z
    .string()
    .trim()
    .regex(/^(\d{7})?$/, "must be the 7-digit account number")
    .nullish()
    .transform((v) => v || null),
  accountHolder: optionalText(100),
});

export const DocumentKindQuery = z.object({
  kind: z.enum(DOCUMENT_KINDS, { message: `must be one of ${DOCUMENT_KINDS.join(", ")}` }),
});

// --- open calls ---

export const OpenCallBody = z.object({
  title: requiredText(300),
  background: requiredText(10_000),
  goals: requiredText(10_000),
  expectedContribution: requiredText(5000),
  ipRule: requiredText(5000),
  deadline: z.iso.datetime({
    offset: true,
    message: "must be a date and time such as 2026-12-31T17:00:00+09:00",
  }),
  institutionId: Id,
  contractType: z.enum(OPEN_CALL_CONTRACT_TYPES).default("open_call"),
});
export const OpenCallUpdateBody = OpenCallBody.extend({ version: z.number().int() });

export const ApplicationBody = z.object({
  proposal: requiredText(10_000),
  contribution: Yen,
  contactName: requiredText(100),
  contactEmail: z.email({ message: "must be an e-mail address" }),
});

/** Applying without an account: the company and the person, who get an invitation to set a password. */
export const PublicApplicationBody = ApplicationBody.extend({
  companyName: requiredText(200),
  corporateNumber: z
    .string()
    .trim()
    .regex(/^(\d{13})?$/, "must be the 13-digit 法人番号")
    .nullish()
    .transform((v) => v || null),
  /** The honeypot: a hidden field people leave empty. */
  website: z.string().max(500).optional(),
});

export const ReviewBody = z.object({
  score: z
    .number()
    .int(`must be a whole number from ${SCORE_MIN} to ${SCORE_MAX}`)
    .min(SCORE_MIN, `must be from ${SCORE_MIN} to ${SCORE_MAX}`)
    .max(SCORE_MAX, `must be from ${SCORE_MIN} to ${SCORE_MAX}`),
  comment: optionalText(5000),
});

export const DecisionBody = z.object({
  decision: z.enum(["accepted", "rejected"]),
  reason: requiredText(5000),
});

export const CallContractBody = z.object({
  title: requiredText(300).optional(),
  startDate: IsoDate,
  endDate: IsoDate,
  version: z.number().int(),
});
