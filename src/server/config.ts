/**
 * Configuration, read from the environment once and validated. Every problem is listed together, so
 * that an operator fixes them in one go; no other module reads process.env.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const boolish = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off"])
  .transform((v) => ["1", "true", "yes", "on"].includes(v));

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).optional(),
    KYOSO_DATA_DIR: z.string().min(1).default("./data"),
    DATABASE_URL: z
      .string()
      .refine((v) => /^postgres(ql)?:\/\/.+/.test(v), "must be a postgres:// or postgresql:// URL")
      .optional(),
    KYOSO_DEMO: boolish.default(true),
    KYOSO_DEMO_SIZE: z
      .enum(["full", "small"], {
        message: "must be full (4,200 researchers, 10,000 seeds) or small (a tenth)",
      })
      .default("full"),
    KYOSO_DEMO_PASSWORD: z.string().min(10, "must be at least 10 characters").optional(),
    KYOSO_PUBLIC_URL: z.url().optional(),
    KYOSO_SESSION_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .default(12),
    KYOSO_WEB_DIR: z.string().min(1).default("dist/web"),
    KYOSO_LOG_REQUESTS: boolish.default(false),
    KYOSO_SEARCH_CACHE: boolish.default(true),
    KYOSO_RESEARCHMAP_API: z.url({ message: "must be a URL such as https://api.researchmap.jp" }).optional(),
    KYOSO_SMTP_URL: z
      .string()
      .refine((v) => {
        try {
          const u = new URL(v);
          return (u.protocol === "smtp:" || u.protocol === "smtps:") && !!u.hostname;
        } catch {
          return false;
        }
      }, "must be an SMTP URL such as smtp://user:password@mail.example.jp:587 (smtps:// for TLS from the start)")
      .optional(),
    KYOSO_MAIL_FROM: z
      .string()
      .refine(
        (v) =>
          /^[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+$/.test(v) || /^[^<>]*<[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+>$/.test(v),
        "must be an address such as kyoso@example.ac.jp or 'kyoso 協創 <kyoso@example.ac.jp>'",
      )
      .optional(),
    KYOSO_EMBEDDINGS_ONNX_DIR: z.string().min(1).optional(),
    KYOSO_EMBEDDINGS_URL: z
      .url({
        message: "must be a URL such as http://127.0.0.1:8080/v1 (an OpenAI-compatible embeddings API)",
      })
      .optional(),
    KYOSO_EMBEDDINGS_MODEL: z.string().min(1).optional(),
    KYOSO_EMBEDDINGS_API_KEY: z.string().min(1).optional(),
  })
  .superRefine((e, ctx) => {
    if (e.KYOSO_EMBEDDINGS_URL && e.KYOSO_EMBEDDINGS_ONNX_DIR) {
      ctx.addIssue({
        code: "custom",
        path: ["KYOSO_EMBEDDINGS_URL"],
        message:
          "cannot be used together with KYOSO_EMBEDDINGS_ONNX_DIR: set one of the two (an OpenAI-compatible embeddings endpoint or a local ONNX model folder)",
      });
    }
    if (e.KYOSO_EMBEDDINGS_URL && !e.KYOSO_EMBEDDINGS_MODEL) {
      ctx.addIssue({
        code: "custom",
        path: ["KYOSO_EMBEDDINGS_MODEL"],
        message:
          "is required with KYOSO_EMBEDDINGS_URL: the model name the endpoint expects, e.g. intfloat/multilingual-e5-small",
      });
    }
    if (e.KYOSO_SMTP_URL && !e.KYOSO_MAIL_FROM) {
      ctx.addIssue({
        code: "custom",
        path: ["KYOSO_MAIL_FROM"],
        message:
          "is required with KYOSO_SMTP_URL: the sender address, e.g. 'kyoso 協創 <kyoso@example.ac.jp>'",
      });
    }
  });

export interface Config {
  port: number;
  host: string | undefined;
  /** Absolute path of the PGlite data folder (unused when databaseUrl is set). */
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  demoPassword: string | undefined;
  /** How much demo seeds data: full (4,200 researchers, 10,000 seeds) or small (a tenth, for quick trials and tests). */
  demoSize: "full" | "small";
  publicUrl: string | undefined;
  /** Secure cookies when the public URL is https. */
  secureCookies: boolean;
  sessionHours: number;
  webDir: string;
  logRequests: boolean;
  /** Keep public catalogue search answers in memory until the catalogue changes (see search-cache.ts). */
  searchCache: boolean;
  /** researchmap's read API (e.g. https://api.researchmap.jp); live imports are off without it. */
  researchmapApi: string | undefined;
  /** SMTP server for outgoing mail (nodemailer URL); without it mails stay in the outbox for admins to read. */
  smtpUrl: string | undefined;
  /** The From: address of outgoing mail (required with smtpUrl). */
  mailFrom: string;
  /** Absolute path of a local ONNX sentence-embedding model folder (semantic matching; see docs/semantic.md). */
  embeddingsOnnxDir: string | undefined;
  /** An OpenAI-compatible embeddings endpoint (…/v1 or …/v1/embeddings); exclusive with embeddingsOnnxDir. */
  embeddingsUrl: string | undefined;
  /** The model name sent to embeddingsUrl (required with it). */
  embeddingsModel: string | undefined;
  /** Bearer key for embeddingsUrl, if the endpoint needs one. */
  embeddingsApiKey: string | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`kyoso cannot start; fix the configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Parses the environment; throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const blanksRemoved = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ""),
  );
  const parsed = envSchema.safeParse(blanksRemoved);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = String(i.path[0]);
        return `${name}=${JSON.stringify(env[name] ?? "")}: ${i.message}`;
      }),
    );
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(cwd, e.KYOSO_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    demo: e.KYOSO_DEMO,
    demoPassword: e.KYOSO_DEMO_PASSWORD,
    demoSize: e.KYOSO_DEMO_SIZE,
    publicUrl: e.KYOSO_PUBLIC_URL,
    secureCookies: e.KYOSO_PUBLIC_URL?.startsWith("https:") ?? false,
    sessionHours: e.KYOSO_SESSION_HOURS,
    webDir: path.resolve(cwd, e.KYOSO_WEB_DIR),
    logRequests: e.KYOSO_LOG_REQUESTS,
    searchCache: e.KYOSO_SEARCH_CACHE,
    researchmapApi: e.KYOSO_RESEARCHMAP_API,
    smtpUrl: e.KYOSO_SMTP_URL,
    mailFrom: e.KYOSO_MAIL_FROM ?? "kyoso <no-reply@kyoso.invalid>",
    embeddingsOnnxDir: e.KYOSO_EMBEDDINGS_ONNX_DIR
      ? path.resolve(cwd, e.KYOSO_EMBEDDINGS_ONNX_DIR)
      : undefined,
    embeddingsUrl: e.KYOSO_EMBEDDINGS_URL,
    embeddingsModel: e.KYOSO_EMBEDDINGS_MODEL,
    embeddingsApiKey: e.KYOSO_EMBEDDINGS_API_KEY,
  };
}

/**
 * Checks that the data folder can be created and written; returns a problem description or null.
 * Only relevant for the embedded database.
 */
export function checkDataDir(dir: string): string | null {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const probe = path.join(dir, `.write-test-${process.pid}`);
    fs.writeFileSync(probe, "ok");
    fs.rmSync(probe);
    return null;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "error";
    return `KYOSO_DATA_DIR=${dir}: the data folder is not writable (${code}). Choose another folder with KYOSO_DATA_DIR or fix its permissions.`;
  }
}
