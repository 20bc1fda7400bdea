/**
 * The HTTP application: API under /api (OpenAPI document at /api/openapi.json, a readable page at
 * /api/docs), /healthz, and the React SPA from the built web folder. Every request flows:
 * security headers → session → CSRF → route (access check → zod validation → domain call) → errors.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { authRoutes } from "./auth/routes";
import type { AppDeps, AppEnv } from "./http/context";
import { errorBody, handleError } from "./http/errors";
import { csrfProtection, securityHeaders, sessionLoader } from "./http/security";
import { auditRoutes } from "./modules/audit/routes";
import { caseRoutes } from "./modules/cases/routes";
import { catalogEditRoutes } from "./modules/catalog/routes-edit";
import { catalogImportRoutes } from "./modules/catalog/routes-import";
import { catalogPublicRoutes } from "./modules/catalog/routes-public";
import { SearchCache } from "./modules/catalog/search-cache";
import { openCallRoutes } from "./modules/contracts/open-call-routes";
import { contractRoutes } from "./modules/contracts/routes";
import { kpiRoutes } from "./modules/kpi/routes";
import { mailRoutes } from "./modules/mail/routes";
import { matchingRoutes } from "./modules/matching/routes";
import { needRoutes } from "./modules/needs/routes";
import { organizationRoutes } from "./modules/organizations/routes";
import { userRoutes } from "./modules/users/routes";
import { VERSION } from "./version";

export function createApp(given: AppDeps) {
  const deps: AppDeps = {
    ...given,
    searchCache:
      given.searchCache !== undefined
        ? given.searchCache
        : given.config.searchCache
          ? new SearchCache()
          : null,
  };
  const app = new OpenAPIHono<AppEnv>();
  app.onError(handleError);

  app.use("*", async (c, next) => {
    c.set("deps", deps);
    await next();
  });
  app.use("*", securityHeaders());
  if (deps.config.logRequests) {
    app.use("*", async (c, next) => {
      const t = performance.now();
      await next();
      console.log(`${c.req.method} ${c.req.path} ${c.res.status} ${(performance.now() - t).toFixed(1)}ms`);
    });
  }

  app.get("/healthz", (c) => c.json({ status: "ok", database: deps.database.kind, version: VERSION }));

  app.use("/api/*", requestSizeLimit());
  app.use("/api/*", sessionLoader());
  app.use("/api/*", csrfProtection());

  app.route("/api", authRoutes());
  app.route("/api", organizationRoutes());
  app.route("/api", userRoutes());
  app.route("/api", auditRoutes());
  app.route("/api", catalogPublicRoutes());
  app.route("/api", catalogEditRoutes());
  app.route("/api", catalogImportRoutes());
  app.route("/api", needRoutes());
  app.route("/api", matchingRoutes());
  app.route("/api", mailRoutes());
  app.route("/api", caseRoutes());
  app.route("/api", contractRoutes());
  app.route("/api", openCallRoutes());
  app.route("/api", kpiRoutes());

  app.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "kyoso_session",
    description:
      "Sign in with POST /api/auth/login. State-changing requests also need the X-CSRF-Token header from GET /api/auth/me.",
  });
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "kyoso API",
      version: VERSION,
      description:
        "The API of kyoso, the platform of the 地域産学官金協創プラットフォーム. Each operation's `x-kyoso-access` names the permission it needs (see src/server/auth/policy.ts).",
    },
  });
  mountApiDocs(app);

  app.all("/api/*", (c) => c.json(errorBody("NOT_FOUND", `No API route ${c.req.method} ${c.req.path}`), 404));

  mountSpa(app, deps.config.webDir);
  return app;
}

/** Request bodies: 1 MB in general; more where files are uploaded (seed images, import files). */
const BODY_LIMITS: { pattern: RegExp; bytes: number }[] = [
  { pattern: /^\/api\/imports$/, bytes: 64 * 1024 * 1024 },
  { pattern: /^\/api\/seeds\/[^/]+\/images$/, bytes: 3 * 1024 * 1024 },
  // Case files: 10 MB each (checked with a clear message in cases/files.ts) plus the form's overhead.
  { pattern: /^\/api\/cases\/[^/]+\/files$/, bytes: 11 * 1024 * 1024 },
];

function requestSizeLimit(): MiddlewareHandler<AppEnv> {
  const limiters = [...BODY_LIMITS, { pattern: /.*/, bytes: 1024 * 1024 }].map((l) => ({
    pattern: l.pattern,
    handler: bodyLimit({
      maxSize: l.bytes,
      onError: (c) =>
        c.json(errorBody("TOO_LARGE", `The request body is larger than ${l.bytes / 1024 / 1024} MB`), 413),
    }),
  }));
  return (c, next) => limiters.find((l) => l.pattern.test(c.req.path))!.handler(c, next);
}

/** Swagger UI from the swagger-ui-dist package, served locally (no CDN; the CSP allows only 'self'). */
function mountApiDocs(app: OpenAPIHono<AppEnv>) {
  const require = createRequire(import.meta.url);
  const dist = path.dirname(require.resolve("swagger-ui-dist/package.json"));
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>kyoso API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head><body><div id="swagger"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script><script src="/api/docs/init.js"></script></body></html>`;
  app.get("/api/docs", (c) => c.html(page));
  app.get("/api/docs/init.js", (c) => {
    c.header("Content-Type", "text/javascript; charset=utf-8");
    return c.body(
      'window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger", deepLinking: true });',
    );
  });
  for (const file of ["swagger-ui.css", "swagger-ui-bundle.js"]) {
    app.get(`/api/docs/${file}`, (c) => {
      c.header(
        "Content-Type",
        file.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8",
      );
      c.header("Cache-Control", "public, max-age=86400");
      return c.body(fs.readFileSync(path.join(dist, file)));
    });
  }
}

/** The built SPA; every other path gets index.html so that client-side routes survive a reload. */
function mountSpa(app: OpenAPIHono<AppEnv>, webDir: string) {
  const root = path.relative(process.cwd(), webDir) || ".";
  if (fs.existsSync(webDir)) {
    app.use(
      "/assets/*",
      serveStatic({
        root,
        onFound: (_p, c) => c.header("Cache-Control", "public, max-age=31536000, immutable"),
      }),
    );
    app.use("/favicon.svg", serveStatic({ root }));
  }
  app.get("*", (c) => {
    const index = path.join(webDir, "index.html");
    if (!fs.existsSync(index)) {
      return c.html(
        "<!doctype html><meta charset=utf-8><title>kyoso</title><p>The web UI has not been built. Run <code>npm start</code> (it builds it) or <code>npm run build:web</code>.</p>",
        503,
      );
    }
    c.header("Cache-Control", "no-cache");
    return c.html(fs.readFileSync(index, "utf8"));
  });
}
