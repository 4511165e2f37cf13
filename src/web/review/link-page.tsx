// The speaker's review page, reached through the personal link e-mailed to them: no account needed.
// The token in the address is the credential; forms carry the CSRF field only when the visitor also
// happens to be signed in (the app checks CSRF for session requests), as on the sign-in page.
import type { Hono } from "hono";
import type { AppEnv } from "../../modules/directory/index.ts";
import {
  MAX_SPEECH_TEXT,
  deleteOwnSpeech,
  editOwnSpeech,
  getReviewByLink,
  markReviewDone,
  pseudonymiseOwnSpeech,
  type ReviewByLink,
} from "../../modules/transcripts/index.ts";
import { clientKey } from "../../platform/http/client-key.ts";
import { Alert, Form, Notice, Submit, TextArea, type FormState } from "../components.tsx";
import type { PageKit } from "../deps.ts";
import { attempt, errorState, readForm, str } from "../forms.ts";
import { renderPage } from "../layout.tsx";
import { htmlLang, Time, tx, type Ctx, type View } from "../view.tsx";
import { ContentHeading, paragraphs, ReviewNotice, reviewDeps } from "./parts.tsx";

const doneMessages = ["saved", "pseudonymised", "deleted", "finished", "published"] as const;

/** Forms re-rendered after a failed submission, by speech id (or "done"); `alert` for the page. */
interface LinkForms {
  bySpeech?: Record<string, FormState>;
  alert?: string;
}

function OwnSpeech(props: {
  v: View;
  base: string;
  s: ReviewByLink["content"][number];
  pseudonym: string;
  /** The transcript's language, for the text being edited. */
  lang: string;
  state?: FormState;
}) {
  const { v, base, s } = props;
  const { t } = v;
  const form = `edit-${s.id}`;
  const state = props.state ?? { values: { text: s.text }, errors: {} };
  return (
    <div class="speech panel" id={`s-${s.id}`}>
      <p class="speaker">
        {s.speaker} <span class="tag tag-current">{t("review.link.yours")}</span>
      </p>
      <Form
        v={v}
        id={form}
        action={`${base}/speeches/${s.id}`}
        state={props.state}
        labels={{ text: t("review.link.textLabel") }}
      >
        <TextArea
          v={v}
          form={form}
          name="text"
          label={t("review.link.textLabel")}
          rows={Math.min(20, Math.max(4, Math.ceil(s.text.length / 60)))}
          maxlength={MAX_SPEECH_TEXT}
          lang={props.lang}
          required
          state={state}
        />
        <Submit label={t("review.link.save")} />
      </Form>
      <details class="form-panel">
        <summary>{t("review.link.pseudonymiseTitle")}</summary>
        <p>{t("review.link.pseudonymiseIntro", { example: props.pseudonym })}</p>
        <Form v={v} id={`pseudonymise-${s.id}`} action={`${base}/speeches/${s.id}/pseudonymise`}>
          <Submit label={t("review.link.pseudonymiseConfirm")} variant="secondary" />
        </Form>
      </details>
      <details class="form-panel">
        <summary>{t("review.link.deleteTitle")}</summary>
        <p>{t("review.link.deleteIntro")}</p>
        <Form v={v} id={`delete-${s.id}`} action={`${base}/speeches/${s.id}/delete`}>
          <Submit label={t("review.link.deleteConfirm")} variant="danger" />
        </Form>
      </details>
    </div>
  );
}

function ReviewLinkView(props: { v: View; r: ReviewByLink; base: string; forms: LinkForms; done?: string }) {
  const { v, r, base, forms } = props;
  const { t } = v;
  const lang = htmlLang(r.transcript.language);
  const pseudonymExample = r.you.pseudonym ?? (r.transcript.language === "en" ? "Participant A" : "與會者 A");
  return (
    <>
      <h1>{t("review.link.title")}</h1>
      <ReviewNotice v={v} />
      {props.done && (doneMessages as readonly string[]).includes(props.done) ? (
        <Notice>{t(`review.link.done.${props.done}`)}</Notice>
      ) : null}
      {forms.alert ? (
        <Alert>
          <p>{forms.alert}</p>
        </Alert>
      ) : null}
      <p class="lead">
        {tx(v, "review.link.lead", {
          speaker: <span lang={lang}>{r.you.speaker}</span>,
          title: <span lang={lang}>{r.transcript.title}</span>,
        })}
      </p>
      {r.readOnly ? (
        <p class="notice notice-info">
          {r.transcript.state === "published" ? t("review.link.published") : t("review.link.readOnly")}
          {r.transcript.state === "published" ? (
            <>
              {" "}
              <a href={`/transcripts/${encodeURIComponent(r.transcript.slug)}`}>
                {t("review.link.publicLink")}
              </a>
            </>
          ) : null}
        </p>
      ) : null}
      <section aria-labelledby="you-title">
        <h2 id="you-title">{t("review.link.facts")}</h2>
        <dl class="facts">
          <div>
            <dt>{t("review.link.speaker")}</dt>
            <dd lang={lang}>{r.you.speaker}</dd>
          </div>
          {r.you.pseudonym ? (
            <div>
              <dt>{t("review.link.pseudonym")}</dt>
              <dd lang={lang}>{r.you.pseudonym}</dd>
            </div>
          ) : null}
          {r.transcript.reviewEndsAt ? (
            <div>
              <dt>{t("review.link.windowEnds")}</dt>
              <dd>
                <Time v={v} at={r.transcript.reviewEndsAt} />
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{t("review.link.progress")}</dt>
            <dd>{t("review.link.progressValue", { done: r.progress.done, total: r.progress.total })}</dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="content-title" class="transcript" lang={lang}>
        <h2 id="content-title" lang={htmlLang(v.locale)}>
          <span lang={lang}>{r.transcript.title}</span>
        </h2>
        {r.content.map((s) => {
          if (s.kind === "heading") return <ContentHeading level={s.headingLevel} text={s.text} />;
          if (s.kind === "narrative") return <p class="note">{s.text}</p>;
          if (s.mine && !r.readOnly) {
            return (
              <div lang={htmlLang(v.locale)}>
                <OwnSpeech
                  v={v}
                  base={base}
                  s={s}
                  pseudonym={pseudonymExample}
                  lang={lang}
                  state={forms.bySpeech?.[s.id]}
                />
              </div>
            );
          }
          return (
            <div class="speech" id={`s-${s.id}`}>
              <p class="speaker">
                {s.speaker ?? ""}
                {s.mine ? (
                  <>
                    {" "}
                    <span class="tag tag-current" lang={htmlLang(v.locale)}>
                      {t("review.link.yours")}
                    </span>
                  </>
                ) : null}
              </p>
              {paragraphs(s.text).map((p) => (
                <p>{p}</p>
              ))}
            </div>
          );
        })}
      </section>
      {r.readOnly ? null : (
        <section aria-labelledby="done-title" class="panel" id="done">
          <h2 id="done-title">{t("review.link.doneTitle")}</h2>
          {r.you.doneAt ? (
            <p>{tx(v, "review.link.doneAlready", { date: <Time v={v} at={r.you.doneAt} /> })}</p>
          ) : (
            <>
              <p>{t("review.link.doneIntro")}</p>
              <Form v={v} id="done-form" action={`${base}/done`}>
                <Submit label={t("review.link.doneButton")} />
              </Form>
            </>
          )}
        </section>
      )}
    </>
  );
}

/** The speaker's review page and its forms: edit, pseudonymise, delete, done. */
export function reviewLinkPages(app: Hono<AppEnv>, kit: PageKit) {
  const deps = reviewDeps(kit);
  const linkOf = (c: Ctx) => ({
    token: c.req.param("token") ?? "",
    clientKey: clientKey(c, kit.deps.config.trustProxy),
  });

  async function render(c: Ctx, forms: LinkForms = {}, status = 200) {
    const v = kit.view(c);
    const link = linkOf(c);
    const r = await getReviewByLink(deps, link);
    const base = `/review/${link.token}`;
    c.header("Cache-Control", "no-store");
    return c.html(
      renderPage(
        v,
        { title: v.t("review.link.title"), noindex: true, langPath: base, hasError: status >= 400 },
        <ReviewLinkView
          v={v}
          r={r}
          base={base}
          forms={forms}
          done={status === 200 ? c.req.query("done") : undefined}
        />,
      ),
      status as 200,
    );
  }

  app.get("/review/:token", (c) => render(c));

  app.post("/review/:token/speeches/:id", async (c) => {
    const v = kit.view(c);
    const id = c.req.param("id");
    const values = await readForm(c);
    const result = await attempt(() => editOwnSpeech(deps, linkOf(c), id, { text: str(values, "text") }));
    if (!result.ok) {
      const state = errorState(v, result.error, { text: typeof values.text === "string" ? values.text : "" });
      return render(
        c,
        state.alert ? { alert: state.alert } : { bySpeech: { [id]: state } },
        result.error.def.status,
      );
    }
    return c.redirect(`/review/${linkOf(c).token}?done=saved#s-${id}`, 303);
  });

  const actions: Array<[string, string, (link: ReturnType<typeof linkOf>, id: string) => Promise<unknown>]> =
    [
      ["pseudonymise", "pseudonymised", (link, id) => pseudonymiseOwnSpeech(deps, link, id)],
      ["delete", "deleted", (link, id) => deleteOwnSpeech(deps, link, id)],
    ];
  for (const [action, done, run] of actions) {
    app.post(`/review/:token/speeches/:id/${action}`, async (c) => {
      const id = c.req.param("id");
      const result = await attempt(() => run(linkOf(c), id));
      if (!result.ok) {
        return render(c, { alert: result.error.localized(kit.view(c).locale) }, result.error.def.status);
      }
      return c.redirect(
        `/review/${linkOf(c).token}?done=${done}${action === "delete" ? "" : `#s-${id}`}`,
        303,
      );
    });
  }

  app.post("/review/:token/done", async (c) => {
    const result = await attempt(() => markReviewDone(deps, linkOf(c)));
    if (!result.ok) {
      return render(c, { alert: result.error.localized(kit.view(c).locale) }, result.error.def.status);
    }
    return c.redirect(
      `/review/${linkOf(c).token}?done=${result.value.published ? "published" : "finished"}`,
      303,
    );
  });
}
