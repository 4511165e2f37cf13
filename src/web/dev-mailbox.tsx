import type { Hono } from "hono";
import type { Child } from "hono/jsx";
import type { AppEnv } from "../modules/directory/index.ts";
import { fail } from "../platform/http/errors.ts";
import { recentMail } from "../platform/mail/outbox.ts";
import { devMailboxEnabled, type PageKit } from "./deps.ts";
import { renderPage } from "./layout.tsx";
import { Time, type View } from "./view.tsx";

type Mail = Awaited<ReturnType<typeof recentMail>>[number];

const URL_PATTERN = /https?:\/\/[^\s<>"'）」]+/g;

/** Plain text with its http(s) links as elements; everything stays escaped. */
export function linkify(text: string): Child[] {
  const out: Child[] = [];
  let last = 0;
  for (const m of text.matchAll(URL_PATTERN)) {
    // A sentence's closing punctuation is not part of the link.
    const url = m[0].replace(/[.,;:!?)]+$/, "");
    out.push(text.slice(last, m.index));
    out.push(<a href={url}>{url}</a>);
    last = m.index + url.length;
  }
  out.push(text.slice(last));
  return out;
}

function MailboxView(props: { v: View; mail: Mail[] }) {
  const { v } = props;
  const { t } = v;
  return (
    <>
      <h1>{t("web.mailbox.title")}</h1>
      <p class="lead">{t("web.mailbox.intro")}</p>
      {props.mail.length ? (
        <ol class="mail-list">
          {props.mail.map((m) => (
            <li class="card">
              <article aria-labelledby={`mail-${m.id}`}>
                <h2 id={`mail-${m.id}`} class="mail-subject">
                  {m.subject}
                </h2>
                <dl class="facts compact">
                  <div>
                    <dt>{t("web.mailbox.to")}</dt>
                    <dd>{m.to}</dd>
                  </div>
                  <div>
                    <dt>{t("web.mailbox.queued")}</dt>
                    <dd>
                      <Time v={v} at={m.createdAt} />
                    </dd>
                  </div>
                </dl>
                <pre class="mail-text">{linkify(m.text)}</pre>
              </article>
            </li>
          ))}
        </ol>
      ) : (
        <p class="empty">{t("web.mailbox.empty")}</p>
      )}
    </>
  );
}

/** The development mailbox: the outbox as a page, when no SMTP server is configured (never in production). */
export function devMailboxPages(app: Hono<AppEnv>, kit: PageKit) {
  app.get("/dev/mailbox", async (c) => {
    if (!devMailboxEnabled(kit.deps.config)) throw fail.notFound();
    const v = kit.view(c);
    const mail = await recentMail(kit.dir.db, 50);
    c.header("Cache-Control", "no-store");
    return c.html(
      renderPage(v, { title: v.t("web.mailbox.title"), noindex: true }, <MailboxView v={v} mail={mail} />),
    );
  });
}
