import { randomUUID } from "node:crypto";
import { OpenAPIHono } from "@hono/zod-openapi";
import { getCookie, setCookie } from "hono/cookie";
import { secureHeaders } from "hono/secure-headers";
import { bodyLimit } from "hono/body-limit";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Config } from "./config/index.ts";
import type { Database } from "./platform/db/database.ts";
import type { Clock } from "./platform/clock/index.ts";
import { loggedPath, type Logger } from "./platform/log/index.ts";
import { AppError, fail, platformErrors } from "./platform/http/errors.ts";
import { negotiateLocale, translator } from "./platform/i18n/index.ts";
import { requestContext } from "./platform/context.ts";
import { safeEqual } from "./platform/http/tokens.ts";
import { enqueueMail } from "./platform/mail/outbox.ts";
import { directoryRoutes, invitationMail, publicActor, type AppEnv } from "./modules/directory/index.ts";
import { actorFromSession, actorFromToken, type AuthDeps } from "./modules/auth/index.ts";
import { authRoutes } from "./modules/auth/routes.ts";
import { calendarRoutes } from "./modules/calendar/index.ts";
import { matterFeeds, matterRoutes } from "./modules/matters/index.ts";
import { notificationRoutes } from "./modules/notifications/index.ts";
import { helpRequestRoutes } from "./modules/help-requests/index.ts";
import { earlyWarningRoutes } from "./modules/early-warnings/index.ts";
import { petitionRoutes } from "./modules/petitions/index.ts";
import { archiveRoutes, reviewRoutes, transcriptRoutes } from "./modules/transcripts/index.ts";
import { searchRoutes } from "./modules/search/index.ts";
import { meetingPlace, meetingRef, meetingRoutes } from "./modules/meetings/index.ts";
import { caseRoutes, casesOfPetition } from "./modules/cases/index.ts";
import { goalRoutes } from "./modules/goals/index.ts";
import { commitmentRoutes, commitmentsOfCase, commitmentsOfPetition } from "./modules/commitments/index.ts";
import { searchDepsFor } from "./search-deps.ts";
import { apiDocsPage, renderErrorPage, webPages } from "./web/pages.tsx";
import { version } from "./version.ts";

/** Everything the HTTP application is built from. */
export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  logger: Logger;
}

/** The name of the session cookie. */
export const SESSION_COOKIE = "po_session";
/** The name of the language cookie. */
export const LANG_COOKIE = "lang";
const MAX_BODY_BYTES = 1024 * 1024;

/** Builds the application: middleware, JSON API, OpenAPI document and pages. */
export function buildApp(deps: AppDeps) {
  const { config, database, clock, logger } = deps;
  const db = database.db;
  const searchDeps = searchDepsFor(database);
  const authDeps: AuthDeps = { db, clock, publicUrl: config.publicUrl, secret: config.sessionSecret };
  const secure = config.publicUrl.startsWith("https://");
  const app = new OpenAPIHono<AppEnv>();

  // Request id, structured log line, and the context deep code reads (audit entries carry the id).
  app.use("*", async (c, next) => {
    const requestId = c.req.header("x-request-id")?.slice(0, 100) || randomUUID();
    c.set("requestId", requestId);
    c.header("X-Request-Id", requestId);
    const started = performance.now();
    await requestContext.run({ requestId }, next);
    logger.info(
      {
        requestId,
        method: c.req.method,
        // Link tokens in paths are credentials: kept out of the logs.
        path: loggedPath(c.req.path),
        status: c.res.status,
        ms: Math.round(performance.now() - started),
        actor: c.get("actor")?.personId ?? null,
      },
      "request",
    );
  });

  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
      strictTransportSecurity: secure ? "max-age=31536000; includeSubDomains" : false,
      referrerPolicy: "same-origin",
    }),
  );

  app.use(
    "*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new AppError("payload_too_large", platformErrors.payload_too_large);
      },
    }),
  );

  // Language: ?lang= (remembered in a cookie), then the cookie, then Accept-Language; zh-TW by default.
  app.use("*", async (c, next) => {
    const query = c.req.query("lang");
    const locale = negotiateLocale(query, getCookie(c, LANG_COOKIE), c.req.header("accept-language"));
    if (query && query === locale) {
      setCookie(c, LANG_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "Lax", secure });
    }
    c.set("locale", locale);
    c.set("t", translator(locale));
    await next();
    c.header("Content-Language", locale);
    c.header("Vary", "Accept-Language, Cookie");
  });

  // Who is acting: a bearer token, or a session cookie; otherwise the public.
  app.use("*", async (c, next) => {
    c.set("actor", publicActor);
    c.set("csrfToken", null);
    c.set("authKind", "none");
    const authz = c.req.header("authorization");
    if (authz) {
      const m = /^Bearer\s+(\S+)$/i.exec(authz);
      const actor = m ? await actorFromToken(authDeps, m[1]!) : null;
      if (!actor) throw fail.unauthenticated();
      c.set("actor", actor);
      c.set("authKind", "token");
    } else {
      const cookie = getCookie(c, SESSION_COOKIE);
      const session = cookie ? await actorFromSession(authDeps, cookie) : null;
      if (session) {
        c.set("actor", session.actor);
        c.set("csrfToken", session.csrfToken);
        c.set("authKind", "session");
      }
    }
    await next();
  });

  // CSRF: a browser session's unsafe request must carry its token (form field or header).
  app.use("*", async (c, next) => {
    if (c.get("authKind") === "session" && !["GET", "HEAD", "OPTIONS"].includes(c.req.method)) {
      const expected = c.get("csrfToken")!;
      let given = c.req.header("x-csrf-token") ?? null;
      const type = c.req.header("content-type") ?? "";
      if (
        !given &&
        (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"))
      ) {
        const form = await c.req.parseBody();
        given = typeof form["_csrf"] === "string" ? form["_csrf"] : null;
      }
      if (!given || !safeEqual(given, expected)) {
        throw new AppError("csrf_failed", platformErrors.csrf_failed);
      }
    }
    await next();
  });

  app.get("/healthz", async (c) => {
    await db.execute("select 1");
    return c.json({ status: "ok", db: database.engine, version });
  });

  const api = new OpenAPIHono<AppEnv>();
  // Changes need a signed-in person: answer 401 before looking at the body.
  api.use("*", async (c, next) => {
    const unsafe = !["GET", "HEAD", "OPTIONS"].includes(c.req.method);
    // Sign-in itself, speakers' review links and voters' ballot links (the token in the address is
    // the credential) excepted.
    const open =
      c.req.path.startsWith("/api/v1/auth/") ||
      c.req.path.startsWith("/api/v1/review/") ||
      c.req.path.startsWith("/api/v1/ballot/");
    if (unsafe && !c.get("actor").personId && !open) {
      throw fail.unauthenticated();
    }
    await next();
  });
  api.route(
    "/",
    directoryRoutes(
      { db, clock },
      {
        onInvited: async (tx, inv) => {
          await enqueueMail(tx, invitationMail(config.publicUrl, inv), clock.now());
        },
      },
    ),
  );
  api.route("/", authRoutes(authDeps, { trustProxy: config.trustProxy }));
  api.route("/", calendarRoutes({ db, clock }));
  api.route("/", matterRoutes({ db, clock }));
  api.route("/", notificationRoutes({ db, clock }));
  api.route("/", helpRequestRoutes({ db, clock, publicUrl: config.publicUrl }));
  api.route("/", earlyWarningRoutes({ db, clock, publicUrl: config.publicUrl }));
  api.route(
    "/",
    petitionRoutes({
      db,
      clock,
      publicUrl: config.publicUrl,
      linkedCases: casesOfPetition,
      linkedCommitments: commitmentsOfPetition,
    }),
  );
  api.route("/", transcriptRoutes({ db, clock }));
  api.route("/", searchRoutes(searchDeps));
  api.route("/", archiveRoutes({ db, clock, publicUrl: config.publicUrl }));
  api.route(
    "/",
    reviewRoutes(
      { db, clock, publicUrl: config.publicUrl, secret: config.sessionSecret },
      { trustProxy: config.trustProxy },
    ),
  );
  api.route(
    "/",
    caseRoutes({
      db,
      clock,
      publicUrl: config.publicUrl,
      commitmentsOf: (id) => commitmentsOfCase(db, id),
      meetingOf: meetingPlace,
    }),
  );
  api.route("/", goalRoutes({ db, clock, publicUrl: config.publicUrl }));
  api.route(
    "/",
    commitmentRoutes({ db, clock, publicUrl: config.publicUrl, meetingOf: (id) => meetingRef(db, id) }),
  );
  api.route(
    "/",
    meetingRoutes(
      { db, clock, publicUrl: config.publicUrl, secret: config.sessionSecret },
      { trustProxy: config.trustProxy },
    ),
  );
  app.route("/api/v1", api);
  app.route("/", matterFeeds({ db, clock }, config.publicUrl));

  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "Personal access token (`po-network token create --email E`, or My account → Tokens)",
  });
  const openApiConfig = {
    openapi: "3.0.3",
    info: {
      title: "PO Network API",
      version,
      description:
        "Open data and actions of the Participation Officer network. Errors share one shape: " +
        '`{"error":{"code","message","field"?}}`.',
    },
    servers: [{ url: config.publicUrl }],
  };
  app.get("/api/openapi.json", (c) => {
    const doc = app.getOpenAPIDocument(openApiConfig);
    return c.json(doc);
  });
  app.get("/api/docs", (c) => c.html(apiDocsPage(c, app.getOpenAPIDocument(openApiConfig))));

  app.route("/", webPages({ config, database, clock, authDeps }));

  app.notFound((c) => {
    throw fail.notFound();
    return c.body(null);
  });

  app.onError((err, c) => errorResponse(err, c, logger));
  return app;
}

/** Maps any error to the one error shape (JSON for the API, a page for browsers). */
function errorResponse(err: Error, c: Context<AppEnv>, logger: Logger) {
  let appErr: AppError;
  if (err instanceof AppError) appErr = err;
  else if (err instanceof HTTPException && err.status === 400)
    appErr = fail.invalid("body", "is not valid JSON");
  else if (err instanceof HTTPException && err.status === 413) {
    appErr = new AppError("payload_too_large", platformErrors.payload_too_large);
  } else if (err instanceof HTTPException && err.status < 500) {
    appErr = new AppError("invalid_input", { ...platformErrors.invalid_input, status: 400 }, undefined, {
      detail: err.message,
    });
  } else if (isUniqueViolation(err)) appErr = fail.conflict("a record with the same key exists");
  else if (isInvalidText(err)) appErr = fail.invalid("id", "is not a valid identifier");
  else if (isOutOfRange(err)) {
    // A check of the route let it through: answer 400 all the same, and leave a trace to add the check.
    logger.warn({ err, requestId: c.get("requestId") }, "the database refused an input value");
    appErr = new AppError("invalid_input", platformErrors.invalid_input, undefined, {
      detail: "a date or number is out of range",
    });
  } else {
    logger.error({ err, requestId: c.get("requestId") }, "unhandled error");
    appErr = new AppError("internal", platformErrors.internal);
  }
  const locale = c.get("locale") ?? "zh-TW";
  const body = {
    error: {
      code: appErr.code,
      message: appErr.localized(locale),
      ...(appErr.field ? { field: appErr.field } : {}),
    },
  };
  const status = appErr.def.status;
  const wantsHtml = !c.req.path.startsWith("/api/") && (c.req.header("accept") ?? "").includes("text/html");
  if (wantsHtml) return renderErrorPage(c, body.error, status);
  return c.json(body, status);
}

/** The SQLSTATE of a database error, also when the query builder wraps it (as its `cause`). */
function sqlState(err: unknown): string | undefined {
  for (let e = err, depth = 0; typeof e === "object" && e !== null && depth < 3; depth++) {
    const { code, cause } = e as { code?: unknown; cause?: unknown };
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = cause;
  }
  return undefined;
}
function isUniqueViolation(err: unknown): boolean {
  return sqlState(err) === "23505";
}
function isInvalidText(err: unknown): boolean {
  return sqlState(err) === "22P02";
}
/** Invalid datetime format, datetime field overflow, numeric value out of range: input the checks missed. */
function isOutOfRange(err: unknown): boolean {
  const code = sqlState(err);
  return code === "22007" || code === "22008" || code === "22003";
}
