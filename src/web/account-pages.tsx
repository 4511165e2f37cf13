import type { Hono } from "hono";
import { clientKey } from "../platform/http/client-key.ts";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { listAudit, type AuditView } from "../modules/audit/index.ts";
import {
  actorFromSession,
  consumeSignInLink,
  createApiToken,
  listApiTokens,
  listSessions,
  requestSignInLink,
  revokeApiToken,
  revokeSession,
  SESSION_TTL_MS,
} from "../modules/auth/index.ts";
import {
  getPerson,
  listInvitations,
  requirePerson,
  respondToInvitation,
  roleNames,
  type AppEnv,
} from "../modules/directory/index.ts";
import { AppError } from "../platform/http/errors.ts";
import { pick } from "../platform/i18n/index.ts";
import { loadAuditRefs, personalSentence, type AuditRefs } from "./audit-sentences.tsx";
import { ActionButton, Alert, Field, Form, Notice, Submit, Tags, type FormState } from "./components.tsx";
import type { PageKit } from "./deps.ts";
import { attempt, errorState, readForm, Validator } from "./forms.ts";
import { renderPage } from "./layout.tsx";
import { isLocalPath, personName, Time, tx, type Ctx, type View } from "./view.tsx";

/** The session cookie's name (the same as app.ts's SESSION_COOKIE; importing it would be a cycle). */
const SESSION_COOKIE = "po_session";

type Person = Awaited<ReturnType<typeof getPerson>>;
type Invitation = Awaited<ReturnType<typeof listInvitations>>[number];
type Session = Awaited<ReturnType<typeof listSessions>>[number];
type Token = Awaited<ReturnType<typeof listApiTokens>>[number];

/** Pages with one person's data must not be kept by shared caches or the back-forward cache. */
function noStore(c: Ctx) {
  c.header("Cache-Control", "no-store");
}

function SignInView(props: { v: View; state?: FormState; redirectTo: string | null }) {
  const { v, state } = props;
  const { t } = v;
  return (
    <div class="narrow">
      <h1>{t("web.signIn.title")}</h1>
      {v.actor.personId ? (
        <Notice kind="info">
          {t("web.signIn.already", { name: personName({ name: v.actor.name ?? "" }, v.locale) })}{" "}
          <a href="/account">{t("web.nav.account")}</a>
        </Notice>
      ) : null}
      <p class="lead">{t("web.signIn.intro")}</p>
      <Form v={v} id="sign-in-form" action="/sign-in" state={state} labels={{ email: t("web.signIn.email") }}>
        {props.redirectTo ? <input type="hidden" name="redirectTo" value={props.redirectTo} /> : null}
        <Field
          v={v}
          form="sign-in-form"
          name="email"
          type="email"
          label={t("web.signIn.email")}
          hint={t("web.signIn.emailHint")}
          autocomplete="email"
          required
          state={state}
        />
        <Submit label={t("web.signIn.submit")} />
      </Form>
      <p class="muted">{t("web.signIn.newcomers")}</p>
    </div>
  );
}

function SentView(props: { v: View }) {
  const { v } = props;
  const { t } = v;
  return (
    <div class="narrow">
      <h1>{t("web.signIn.sentTitle")}</h1>
      <Notice>{t("web.signIn.sent")}</Notice>
      <p>{t("web.signIn.sentHelp")}</p>
      {v.devMailbox ? (
        <p class="notice notice-info">
          {t("web.signIn.devHint")} <a href="/dev/mailbox">{t("web.mailbox.title")}</a>
        </p>
      ) : null}
      <p>
        <a href="/sign-in">{t("web.signIn.again")}</a>
      </p>
    </div>
  );
}

function LinkFailedView(props: { v: View }) {
  const { t } = props.v;
  return (
    <div class="narrow">
      <h1>{t("web.signIn.linkFailedTitle")}</h1>
      <p>{t("web.signIn.linkFailed")}</p>
      <p>
        <a class="button button-primary" href="/sign-in">
          {t("web.signIn.getNewLink")}
        </a>
      </p>
    </div>
  );
}

/** What the account page shows, and a message for a failed action. */
interface AccountData {
  person: Person;
  invitations: Invitation[];
  sessions: Session[];
  currentSessionId: string | null;
  tokens: Token[];
  audit: AuditView[];
  refs: AuditRefs;
}

interface AccountState {
  alert?: { section: "invitations" | "sessions" | "tokens"; message: string };
  tokenForm?: FormState;
  done?: string;
}

const doneKeys = ["accepted", "declined", "token-revoked", "session-ended"] as const;

function AccountView(props: { v: View; data: AccountData; state: AccountState }) {
  const { v, data, state } = props;
  const { t, locale, actor } = v;
  const me = actor.personId!;
  const activeRoles = data.person.roles.filter((r) => !r.endedAt);
  const pending = data.invitations.filter((i) => i.state === "pending");
  const past = data.invitations.filter((i) => i.state !== "pending");
  const sectionAlert = (section: NonNullable<AccountState["alert"]>["section"]) =>
    state.alert?.section === section ? <Alert>{state.alert.message}</Alert> : null;
  return (
    <>
      <h1>{t("web.account.title")}</h1>
      <p class="lead">
        {t("web.account.signedInAs", { name: personName(data.person, locale), email: actor.email ?? "" })}
      </p>
      {state.done && (doneKeys as readonly string[]).includes(state.done) ? (
        <Notice>{t(`web.account.done.${state.done}`)}</Notice>
      ) : null}
      <nav aria-label={t("web.account.onThisPage")} class="toc">
        <ul>
          {(["roles", "invitations", "sessions", "tokens", "audit"] as const).map((s) => (
            <li>
              <a href={`#${s}`}>{t(`web.account.${s}.title`)}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="roles-title" id="roles">
        <h2 id="roles-title">{t("web.account.roles.title")}</h2>
        <Tags v={v} tags={roleNames(actor)} prefix="web.role." />
        {activeRoles.length ? (
          <ul class="role-list">
            {activeRoles.map((r) => {
              const agency = <a href={`/agencies/${r.agency.slug}`}>{pick(r.agency.name, locale)}</a>;
              return (
                <li>
                  {r.role === "po"
                    ? tx(v, "web.person.role.po", { agency })
                    : r.role === "supervisor"
                      ? tx(v, "web.person.role.supervisor", { agency })
                      : r.role === "pdis"
                        ? t("web.person.role.pdis")
                        : tx(v, "web.person.role.staff", {
                            unit: <a href={`/agencies/${r.org.slug}`}>{pick(r.org.name, locale)}</a>,
                          })}
                  <Tags v={v} tags={r.role === "po" ? r.tags : []} />
                </li>
              );
            })}
          </ul>
        ) : (
          <p class="empty">{t("web.account.roles.none")}</p>
        )}
        <ul class="link-list">
          <li>
            <a href={`/people/${me}`}>{t("web.account.roles.profile")}</a>
          </li>
          <li>
            <a href={`/people/${me}?edit=details#edit-details`}>{t("web.account.roles.editDetails")}</a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="invitations-title" id="invitations">
        <h2 id="invitations-title">{t("web.account.invitations.title")}</h2>
        <p>{t("web.account.invitations.intro")}</p>
        {sectionAlert("invitations")}
        {pending.length ? (
          <ul class="card-list">
            {pending.map((inv) => {
              const agencyName = pick(inv.agency.name, locale);
              return (
                <li class="card">
                  <h3>{t("web.account.invitations.item", { agency: agencyName })}</h3>
                  <p class="muted">
                    {tx(v, "web.account.invitations.sent", { date: <Time v={v} at={inv.createdAt} /> })}
                  </p>
                  <Tags v={v} tags={inv.tags} />
                  {inv.message ? <blockquote class="notes">{inv.message}</blockquote> : null}
                  <div class="button-row">
                    <ActionButton
                      v={v}
                      action={`/account/invitations/${inv.id}/accept#invitations`}
                      label={t("web.account.invitations.accept")}
                      ariaLabel={t("web.account.invitations.acceptFor", { agency: agencyName })}
                      variant="primary"
                    />
                    <ActionButton
                      v={v}
                      action={`/account/invitations/${inv.id}/decline#invitations`}
                      label={t("web.account.invitations.decline")}
                      ariaLabel={t("web.account.invitations.declineFor", { agency: agencyName })}
                    />
                  </div>
                </li>
              );
            })}
          </ul>
        ) : (
          <p class="empty">{t("web.account.invitations.none")}</p>
        )}
        {past.length ? (
          <>
            <h3>{t("web.account.invitations.past")}</h3>
            <ul class="plain-list">
              {past.map((inv) => (
                <li>
                  {t(`web.account.invitations.state.${inv.state}`, { agency: pick(inv.agency.name, locale) })}{" "}
                  <span class="muted">
                    <Time v={v} at={inv.respondedAt ?? inv.createdAt} style="date" />
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="sessions-title" id="sessions">
        <h2 id="sessions-title">{t("web.account.sessions.title")}</h2>
        <p>{t("web.account.sessions.intro")}</p>
        {sectionAlert("sessions")}
        <ul class="card-list">
          {data.sessions.map((s) => {
            const current = s.id === data.currentSessionId;
            return (
              <li class="card">
                <p class="ua">{s.userAgent || t("web.account.sessions.unknownBrowser")}</p>
                {current ? <p class="tag tag-current">{t("web.account.sessions.current")}</p> : null}
                <p class="muted">
                  {tx(v, "web.account.sessions.times", {
                    start: <Time v={v} at={s.createdAt} />,
                    seen: <Time v={v} at={s.lastSeenAt} />,
                  })}
                </p>
                <ActionButton
                  v={v}
                  action={`/account/sessions/${s.id}/revoke#sessions`}
                  label={current ? t("web.account.sessions.signOutHere") : t("web.account.sessions.signOut")}
                  variant="secondary"
                />
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="tokens-title" id="tokens">
        <h2 id="tokens-title">{t("web.account.tokens.title")}</h2>
        <p>{t("web.account.tokens.intro")}</p>
        {sectionAlert("tokens")}
        {data.tokens.length ? (
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">{t("web.account.tokens.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("web.account.tokens.name")}</th>
                  <th scope="col">{t("web.account.tokens.prefix")}</th>
                  <th scope="col">{t("web.account.tokens.created")}</th>
                  <th scope="col">{t("web.account.tokens.lastUsed")}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t("web.account.tokens.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.tokens.map((tok) => (
                  <tr>
                    <td>{tok.name}</td>
                    <td>
                      <code>{tok.prefix}…</code>
                    </td>
                    <td>
                      <Time v={v} at={tok.createdAt} />
                    </td>
                    <td>
                      {tok.lastUsedAt ? <Time v={v} at={tok.lastUsedAt} /> : t("web.account.tokens.never")}
                    </td>
                    <td>
                      <ActionButton
                        v={v}
                        action={`/account/tokens/${tok.id}/revoke#tokens`}
                        label={t("web.account.tokens.revoke")}
                        ariaLabel={t("web.account.tokens.revokeFor", { name: tok.name })}
                        variant="danger"
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p class="empty">{t("web.account.tokens.none")}</p>
        )}
        <section aria-labelledby="new-token-title" class="panel">
          <h3 id="new-token-title">{t("web.account.tokens.createTitle")}</h3>
          <Form
            v={v}
            id="token-form"
            action="/account/tokens"
            state={state.tokenForm}
            labels={{ name: t("web.account.tokens.name") }}
          >
            <Field
              v={v}
              form="token-form"
              name="name"
              label={t("web.account.tokens.name")}
              hint={t("web.account.tokens.nameHint")}
              maxlength={100}
              required
              state={state.tokenForm}
            />
            <Submit label={t("web.account.tokens.create")} />
          </Form>
        </section>
      </section>

      <section aria-labelledby="audit-title" id="audit">
        <h2 id="audit-title">{t("web.account.audit.title")}</h2>
        <p>{t("web.account.audit.intro")}</p>
        {data.audit.length ? (
          <ol class="activity">
            {data.audit.map((e) => (
              <li>
                <span class="activity-text">{personalSentence(v, e, data.refs, me)}</span>{" "}
                <span class="activity-time">
                  <Time v={v} at={e.at} />
                </span>
              </li>
            ))}
          </ol>
        ) : (
          <p class="empty">{t("web.account.audit.none")}</p>
        )}
      </section>
    </>
  );
}

function TokenCreatedView(props: { v: View; token: { name: string; token: string } }) {
  const { v } = props;
  const { t } = v;
  return (
    <div class="narrow">
      <h1>{t("web.account.tokens.createdTitle")}</h1>
      <Notice>{t("web.account.tokens.createdOnce", { name: props.token.name })}</Notice>
      <p>
        <label for="new-token">{t("web.account.tokens.yourToken")}</label>
      </p>
      <p>
        <input id="new-token" class="token-output" type="text" readonly value={props.token.token} />
      </p>
      <p>{t("web.account.tokens.howTo")}</p>
      <pre class="code">
        <code>{`Authorization: Bearer ${props.token.token}`}</code>
      </pre>
      <p>
        <a href="/account#tokens">{t("web.account.tokens.back")}</a>
      </p>
    </div>
  );
}

/** Sign-in by e-mail link, sign-out, and the signed-in person's account. */
export function accountPages(app: Hono<AppEnv>, kit: PageKit) {
  const { deps, dir } = kit;
  const { authDeps } = deps;
  const secure = deps.config.publicUrl.startsWith("https://");

  function redirectParam(c: Ctx, value: string | undefined | null): string | null {
    return isLocalPath(value) && !value.startsWith("/sign-in") ? value : null;
  }

  app.get("/sign-in", (c) => {
    const v = kit.view(c);
    return c.html(
      renderPage(
        v,
        { title: v.t("web.signIn.title"), nav: "sign-in" },
        <SignInView v={v} redirectTo={redirectParam(c, c.req.query("redirectTo"))} />,
      ),
    );
  });

  app.post("/sign-in", async (c) => {
    const v = kit.view(c);
    const form = new Validator(v, await readForm(c));
    const email = form.email("email", true);
    const redirectTo = redirectParam(c, form.values.redirectTo as string | undefined);
    const page = (state: FormState, status: number) =>
      c.html(
        renderPage(
          v,
          { title: v.t("web.signIn.title"), nav: "sign-in", langPath: "/sign-in", hasError: true },
          <SignInView v={v} state={state} redirectTo={redirectTo} />,
        ),
        status as 400,
      );
    if (!form.ok) return page(form.state(), 400);
    const result = await attempt(() =>
      requestSignInLink(
        authDeps,
        { email, redirectTo: redirectTo ?? undefined, locale: v.locale },
        clientKey(c, kit.deps.config.trustProxy),
      ),
    );
    if (!result.ok) return page(errorState(v, result.error, form.values), result.error.def.status);
    noStore(c);
    return c.html(
      renderPage(
        v,
        { title: v.t("web.signIn.sentTitle"), nav: "sign-in", langPath: "/sign-in" },
        <SentView v={v} />,
      ),
    );
  });

  app.get("/sign-in/:token", async (c) => {
    const v = kit.view(c);
    noStore(c);
    let session;
    try {
      session = await consumeSignInLink(authDeps, c.req.param("token"), c.req.header("user-agent") ?? null);
    } catch (err) {
      if (!(err instanceof AppError) || err.def.status >= 500) throw err;
      return c.html(
        renderPage(
          v,
          { title: v.t("web.signIn.linkFailedTitle"), langPath: "/sign-in", noindex: true },
          <LinkFailedView v={v} />,
        ),
        400,
      );
    }
    setCookie(c, SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: "Lax",
      path: "/",
      secure,
      maxAge: Math.floor(SESSION_TTL_MS / 1000),
    });
    return c.redirect(isLocalPath(session.redirectTo) ? session.redirectTo : "/account", 303);
  });

  app.post("/sign-out", async (c) => {
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie) {
      const session = await actorFromSession(authDeps, cookie);
      if (session?.actor.personId) {
        const actor = { ...session.actor, personId: session.actor.personId };
        await revokeSession(authDeps, actor, session.sessionId);
      }
    }
    deleteCookie(c, SESSION_COOKIE, { path: "/", secure });
    return c.redirect("/", 303);
  });

  async function accountData(c: Ctx): Promise<AccountData> {
    const actor = requirePerson(c);
    const cookie = c.get("authKind") === "session" ? getCookie(c, SESSION_COOKIE) : undefined;
    const [person, invitations, sessions, tokens, audit, current] = await Promise.all([
      getPerson(dir, actor, actor.personId),
      listInvitations(dir, actor, { mine: true }),
      listSessions(authDeps, actor.personId),
      listApiTokens(authDeps, actor.personId),
      listAudit(dir.db, { aboutPersonId: actor.personId, limit: 50 }),
      cookie ? actorFromSession(authDeps, cookie) : Promise.resolve(null),
    ]);
    const refs = await loadAuditRefs(dir.db, audit.items);
    return {
      person,
      invitations,
      sessions,
      currentSessionId: current?.sessionId ?? null,
      tokens,
      audit: audit.items,
      refs,
    };
  }

  async function renderAccount(c: Ctx, state: AccountState = {}, status = 200) {
    const v = kit.view(c);
    const data = await accountData(c);
    noStore(c);
    return c.html(
      renderPage(
        v,
        { title: v.t("web.account.title"), nav: "account", langPath: "/account", hasError: status >= 400 },
        <AccountView v={v} data={data} state={state} />,
      ),
      status as 200,
    );
  }

  app.get("/account", (c) => {
    if (!c.get("actor").personId) return c.redirect("/sign-in?redirectTo=%2Faccount", 303);
    return renderAccount(c, { done: c.req.query("done") });
  });

  for (const answer of ["accept", "decline"] as const) {
    app.post(`/account/invitations/:id/${answer}`, async (c) => {
      const actor = requirePerson(c);
      const result = await attempt(() => respondToInvitation(dir, actor, c.req.param("id"), answer));
      if (!result.ok) {
        return renderAccount(
          c,
          { alert: { section: "invitations", message: result.error.localized(kit.view(c).locale) } },
          result.error.def.status,
        );
      }
      return c.redirect(`/account?done=${answer === "accept" ? "accepted" : "declined"}#invitations`, 303);
    });
  }

  app.post("/account/tokens", async (c) => {
    const actor = requirePerson(c);
    const v = kit.view(c);
    const form = new Validator(v, await readForm(c));
    const name = form.required("name", 100);
    if (!form.ok) return renderAccount(c, { tokenForm: form.state() }, 400);
    const created = await createApiToken(authDeps, actor, actor.personId, name);
    noStore(c);
    return c.html(
      renderPage(
        v,
        {
          title: v.t("web.account.tokens.createdTitle"),
          nav: "account",
          langPath: "/account",
          noindex: true,
        },
        <TokenCreatedView v={v} token={created} />,
      ),
      201,
    );
  });

  app.post("/account/tokens/:id/revoke", async (c) => {
    const actor = requirePerson(c);
    const result = await attempt(() => revokeApiToken(authDeps, actor, c.req.param("id")));
    if (!result.ok) {
      return renderAccount(
        c,
        { alert: { section: "tokens", message: result.error.localized(kit.view(c).locale) } },
        result.error.def.status,
      );
    }
    return c.redirect("/account?done=token-revoked#tokens", 303);
  });

  app.post("/account/sessions/:id/revoke", async (c) => {
    const actor = requirePerson(c);
    const id = c.req.param("id");
    const cookie = c.get("authKind") === "session" ? getCookie(c, SESSION_COOKIE) : undefined;
    const current = cookie ? await actorFromSession(authDeps, cookie) : null;
    const result = await attempt(() => revokeSession(authDeps, actor, id));
    if (!result.ok) {
      return renderAccount(
        c,
        { alert: { section: "sessions", message: result.error.localized(kit.view(c).locale) } },
        result.error.def.status,
      );
    }
    if (current?.sessionId === id) {
      deleteCookie(c, SESSION_COOKIE, { path: "/", secure });
      return c.redirect("/", 303);
    }
    return c.redirect("/account?done=session-ended#sessions", 303);
  });
}
