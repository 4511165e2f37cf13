import type { Hono } from "hono";
import { requirePerson, type AppEnv } from "../modules/directory/index.ts";
import { getPreference, listInbox, markRead, setPreference } from "../modules/notifications/index.ts";
import { fail } from "../platform/http/errors.ts";
import { pick } from "../platform/i18n/index.ts";
import { ActionButton, Choices, Form, Notice, Submit, type FormState } from "./components.tsx";
import type { PageKit } from "./deps.ts";
import { readForm, Validator } from "./forms.ts";
import { renderPage } from "./layout.tsx";
import { isLocalPath, Time, type Ctx, type View } from "./view.tsx";

type Inbox = Awaited<ReturnType<typeof listInbox>>;
type Item = Inbox["items"][number];

const PAGE = 50;
const emailModes = ["immediate", "daily", "none"] as const;
const doneMessages = ["read", "read-one", "preference"] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function InboxItem(props: { v: View; n: Item }) {
  const { v, n } = props;
  const { t, locale } = v;
  const unread = !n.readAt;
  const title = pick(n.title, locale);
  const body = n.body ? pick(n.body, locale) : null;
  return (
    <li class={`inbox-item${unread ? " unread" : ""}`} id={`n-${n.id}`}>
      <p class="inbox-flags">
        {unread ? <span class="tag tag-unread">{t("web.inbox.unread")}</span> : null}
        {n.urgent ? <span class="tag tag-urgent">{t("web.inbox.urgent")}</span> : null}
      </p>
      <h3 class="inbox-title">{n.url && isLocalPath(n.url) ? <a href={n.url}>{title}</a> : title}</h3>
      {body && body !== title ? <p class="inbox-body">{body}</p> : null}
      <p class="muted">
        <Time v={v} at={n.updatedAt} />
        {n.count > 1 ? ` · ${t("web.inbox.repeated", { count: n.count })}` : ""}
      </p>
      {unread ? (
        <ActionButton
          v={v}
          action={`/inbox/${n.id}/read`}
          label={t("web.inbox.markRead")}
          ariaLabel={t("web.inbox.markReadFor", { title })}
        />
      ) : null}
    </li>
  );
}

function InboxView(props: {
  v: View;
  inbox: Inbox;
  email: (typeof emailModes)[number];
  prefState?: FormState;
  done?: string;
}) {
  const { v, inbox } = props;
  const { t } = v;
  const anyUnread = inbox.items.some((n) => !n.readAt) || (v.unread ?? 0) > 0;
  return (
    <>
      <h1>{t("web.inbox.title")}</h1>
      <p class="lead">{t("web.inbox.lead")}</p>
      {props.done && (doneMessages as readonly string[]).includes(props.done) ? (
        <Notice>{t(`web.inbox.done.${props.done}`)}</Notice>
      ) : null}
      <section aria-labelledby="items-title" id="items">
        <h2 id="items-title">{t("web.inbox.itemsTitle")}</h2>
        {anyUnread ? (
          <Form v={v} id="read-all-form" action="/inbox/read" class="inline-form">
            <Submit label={t("web.inbox.markAllRead")} variant="secondary" />
          </Form>
        ) : null}
        {inbox.items.length ? (
          <ol class="inbox-list">
            {inbox.items.map((n) => (
              <InboxItem v={v} n={n} />
            ))}
          </ol>
        ) : (
          <p class="empty">{t("web.inbox.empty")}</p>
        )}
        {inbox.next ? (
          <p>
            <a href={`/inbox?before=${encodeURIComponent(inbox.next)}`}>{t("web.inbox.older")}</a>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="email-title" id="email">
        <h2 id="email-title">{t("web.inbox.email.title")}</h2>
        <p>{t("web.inbox.email.intro")}</p>
        <p>
          <strong>{t("web.inbox.email.urgent")}</strong>
        </p>
        <Form
          v={v}
          id="preference-form"
          action="/inbox/preference"
          state={props.prefState}
          labels={{ email: t("web.inbox.email.legend") }}
        >
          <Choices
            v={v}
            form="preference-form"
            name="email"
            type="radio"
            legend={t("web.inbox.email.legend")}
            options={emailModes.map((m) => ({ value: m, label: t(`web.inbox.email.mode.${m}`) }))}
            checked={[props.email]}
            required
            state={props.prefState}
          />
          <Submit label={t("web.inbox.email.submit")} />
        </Form>
      </section>
    </>
  );
}

/** The inbox (newest first, unread marked) and the e-mail preference. */
export function inboxPages(app: Hono<AppEnv>, kit: PageKit) {
  const { deps } = kit;
  const db = deps.database.db;

  async function render(c: Ctx, prefState?: FormState, status = 200) {
    const actor = requirePerson(c);
    const v = kit.view(c);
    const before = c.req.query("before") || undefined;
    if (before && Number.isNaN(new Date(before).getTime())) throw fail.invalid("before", "is not a time");
    const [inbox, pref] = await Promise.all([
      listInbox(db, actor.personId, { before, limit: PAGE }),
      getPreference(db, actor.personId),
    ]);
    c.header("Cache-Control", "no-store");
    return c.html(
      renderPage(
        v,
        { title: v.t("web.inbox.title"), nav: "inbox", langPath: "/inbox", hasError: status >= 400 },
        <InboxView
          v={v}
          inbox={inbox}
          email={pref.email}
          prefState={prefState}
          done={status === 200 ? c.req.query("done") : undefined}
        />,
      ),
      status as 200,
    );
  }

  app.get("/inbox", (c) => {
    if (!c.get("actor").personId) return c.redirect("/sign-in?redirectTo=%2Finbox", 303);
    return render(c);
  });

  app.post("/inbox/read", async (c) => {
    const actor = requirePerson(c);
    await markRead(db, actor.personId, [], deps.clock.now());
    return c.redirect("/inbox?done=read", 303);
  });

  app.post("/inbox/:id/read", async (c) => {
    const actor = requirePerson(c);
    const id = c.req.param("id");
    if (!UUID.test(id)) throw fail.notFound();
    await markRead(db, actor.personId, [id], deps.clock.now());
    return c.redirect("/inbox?done=read-one#items", 303);
  });

  app.post("/inbox/preference", async (c) => {
    const actor = requirePerson(c);
    const v = kit.view(c);
    const form = new Validator(v, await readForm(c));
    const email = form.oneOf("email", emailModes);
    if (!form.ok) return render(c, form.state(), 400);
    await setPreference(db, actor.personId, email, deps.clock.now());
    return c.redirect("/inbox?done=preference#email", 303);
  });
}
