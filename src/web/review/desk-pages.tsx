// The review desk for PDIS staff and administrators: new drafts, speakers, the review window,
// versions and restores. Every draft page carries the co-editing notice.
import type { Hono } from "hono";
import { requirePerson, type AppEnv } from "../../modules/directory/index.ts";
import {
  createDraft,
  getDraft,
  listDrafts,
  listSpeechVersions,
  openReview,
  resendReviewLink,
  restoreSpeechVersion,
  setPublishNotBefore,
  setReviewParticipants,
  transcriptKinds,
  type DraftView,
  type ParticipantInput,
  type TranscriptKind,
} from "../../modules/transcripts/index.ts";
import { fail } from "../../platform/http/errors.ts";
import {
  ActionButton,
  Alert,
  ErrorSummary,
  Field,
  Form,
  Notice,
  Select,
  Submit,
  TextArea,
  emptyForm,
  type FormState,
} from "../components.tsx";
import type { PageKit } from "../deps.ts";
import { attempt, errorState, readForm, str, type FormValues } from "../forms.ts";
import { CsrfField, renderPage } from "../layout.tsx";
import { htmlLang, isLocalPath, Time, tx, type Ctx, type View } from "../view.tsx";
import { ContentHeading, Crumbs, draftPath, paragraphs, ReviewNotice, reviewDeps } from "./parts.tsx";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})$/;
const draftDone = ["created", "mapped", "opened", "resent", "scheduled", "restored"] as const;

/** A Taipei local time for a datetime-local field. */
function localInput(iso: string | null): string {
  if (!iso) return "";
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16);
}

function deskCrumbs(v: View, current?: string) {
  const items: Array<{ href?: string; label: string }> = [{ href: "/work", label: v.t("web.nav.work") }];
  items.push(
    current ? { href: "/drafts", label: v.t("review.desk.title") } : { label: v.t("review.desk.title") },
  );
  if (current) items.push({ label: current });
  return <Crumbs v={v} items={items} />;
}

// ── The desk ──────────────────────────────────────────────────────────────────────────────────────

function DeskView(props: { v: View; items: Awaited<ReturnType<typeof listDrafts>>["items"] }) {
  const { v, items } = props;
  const { t } = v;
  return (
    <>
      {deskCrumbs(v)}
      <h1>{t("review.desk.title")}</h1>
      <p class="lead">{t("review.desk.lead")}</p>
      <p>
        <a class="button button-primary" href="/drafts/new">
          {t("review.desk.new")}
        </a>
      </p>
      {items.length ? (
        <ul class="transcript-list">
          {items.map((d) => (
            <li>
              <a class="transcript-title" href={draftPath(d.slug)}>
                {d.title}
              </a>
              <p class="transcript-meta">
                <span class="state">{t(`review.state.${d.state}`)}</span>
                <span>{t(`review.kind.${d.kind}`)}</span>
                <span>{d.date ?? t("review.desk.noDate")}</span>
                {d.reviewEndsAt ? (
                  <span>{tx(v, "review.desk.windowEnds", { date: <Time v={v} at={d.reviewEndsAt} /> })}</span>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t("review.desk.empty")}</p>
      )}
    </>
  );
}

// ── A new draft ───────────────────────────────────────────────────────────────────────────────────

function NewDraftView(props: { v: View; state?: FormState }) {
  const { v, state } = props;
  const { t } = v;
  const form = "draft-form";
  const fileError = state?.errors.file;
  const labels = {
    file: t("review.new.file"),
    markdown: t("review.new.markdown"),
    slug: t("review.new.slug"),
    kind: t("review.new.kind"),
  };
  return (
    <>
      {deskCrumbs(v, t("review.new.title"))}
      <h1>{t("review.new.title")}</h1>
      <ReviewNotice v={v} />
      <p class="lead">{t("review.new.lead")}</p>
      <form
        method="post"
        action={`/drafts#${form}`}
        id={form}
        class="stack-form"
        enctype="multipart/form-data"
        novalidate
      >
        <CsrfField v={v} />
        <ErrorSummary v={v} form={form} state={state} labels={labels} />
        <div class={`field${fileError ? " field-invalid" : ""}`}>
          <label for={`${form}-file`}>
            {labels.file}
            <span class="optional">{t("web.form.optional")}</span>
          </label>
          <p class="hint" id={`${form}-file-hint`}>
            {t("review.new.fileHint")}
          </p>
          {fileError ? (
            <p class="field-error" id={`${form}-file-error`}>
              <span class="visually-hidden">{t("web.form.errorPrefix")}</span>
              {fileError}
            </p>
          ) : null}
          <input
            id={`${form}-file`}
            name="file"
            type="file"
            accept=".md,text/markdown,text/plain"
            aria-describedby={`${form}-file-hint${fileError ? ` ${form}-file-error` : ""}`}
            aria-invalid={fileError ? "true" : undefined}
          />
        </div>
        <TextArea v={v} form={form} name="markdown" label={labels.markdown} rows={12} state={state} />
        <Field
          v={v}
          form={form}
          name="slug"
          label={labels.slug}
          hint={t("review.new.slugHint")}
          state={state}
        />
        <Select
          v={v}
          form={form}
          name="kind"
          label={labels.kind}
          options={transcriptKinds.map((k) => ({ value: k, label: t(`review.kind.${k}`) }))}
          placeholder={t("review.new.kindGuess")}
          state={state}
        />
        <Submit label={t("review.new.submit")} />
      </form>
    </>
  );
}

// ── A draft ───────────────────────────────────────────────────────────────────────────────────────

interface DraftForms {
  speakers?: FormState;
  open?: string;
  schedule?: FormState;
  alert?: string;
}

/** Each speaker with their contact, mapped or not, in name order. */
function speakerRows(d: DraftView) {
  const rows = [
    ...d.participants.map((p) => ({
      name: p.speaker.name,
      contact: p.personId && !p.email ? p.personId : (p.email ?? ""),
      p,
    })),
    ...d.unmappedSpeakers.map((name) => ({ name, contact: "", p: null })),
  ];
  return rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function DraftPageView(props: { v: View; d: DraftView; forms: DraftForms; done?: string }) {
  const { v, d, forms } = props;
  const { t } = v;
  const base = draftPath(d.slug);
  const lang = htmlLang(d.language);
  const rows = speakerRows(d);
  const editable = d.state !== "published";
  const speakersState =
    forms.speakers ??
    emptyForm(
      Object.fromEntries(
        rows.flatMap((r, i) => [
          [`speaker.${i}`, r.name],
          [`contact.${i}`, r.contact],
        ]),
      ),
    );
  return (
    <>
      {deskCrumbs(v, d.title)}
      <h1 lang={lang}>{d.title}</h1>
      {d.state === "published" ? null : <ReviewNotice v={v} />}
      {props.done && (draftDone as readonly string[]).includes(props.done) ? (
        <Notice>{t(`review.draft.done.${props.done}`)}</Notice>
      ) : null}
      {forms.alert ? (
        <Alert>
          <p>{forms.alert}</p>
        </Alert>
      ) : null}
      <section aria-labelledby="facts-title">
        <h2 id="facts-title">{t("review.draft.facts")}</h2>
        <dl class="facts">
          <div>
            <dt>{t("review.draft.state")}</dt>
            <dd>
              <span class="state">{t(`review.state.${d.state}`)}</span>
            </dd>
          </div>
          <div>
            <dt>{t("review.draft.kind")}</dt>
            <dd>{t(`review.kind.${d.kind}`)}</dd>
          </div>
          <div>
            <dt>{t("review.draft.date")}</dt>
            <dd>{d.date ?? t("review.desk.noDate")}</dd>
          </div>
          <div>
            <dt>{t("review.draft.windowEnds")}</dt>
            <dd>{d.reviewEndsAt ? <Time v={v} at={d.reviewEndsAt} /> : t("review.draft.windowNotOpen")}</dd>
          </div>
          <div>
            <dt>{t("review.draft.publishNotBefore")}</dt>
            <dd>{d.publishNotBefore ? <Time v={v} at={d.publishNotBefore} /> : t("review.draft.notSet")}</dd>
          </div>
          {d.publishedAt ? (
            <div>
              <dt>{t("review.draft.publishedAt")}</dt>
              <dd>
                <Time v={v} at={d.publishedAt} />{" "}
                <a href={`/transcripts/${encodeURIComponent(d.slug)}`}>{t("review.draft.publicLink")}</a>
              </dd>
            </div>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="speakers-title" id="speakers">
        <h2 id="speakers-title">{t("review.draft.speakersTitle")}</h2>
        <p>{t("review.draft.speakersIntro")}</p>
        {d.unmappedSpeakers.length ? (
          <p class="muted">
            {t("review.draft.unmapped", { names: d.unmappedSpeakers.join(v.locale === "en" ? ", " : "、") })}
          </p>
        ) : null}
        {d.state !== "draft" && d.participants.length ? (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("review.draft.speakerCol")}</th>
                  <th scope="col">{t("review.draft.contactCol")}</th>
                  <th scope="col">{t("review.draft.linkCol")}</th>
                  <th scope="col">{t("review.draft.doneCol")}</th>
                  <th scope="col">{t("review.draft.pseudonymCol")}</th>
                  {d.state === "in-review" ? <td /> : null}
                </tr>
              </thead>
              <tbody>
                {d.participants.map((p) => (
                  <tr>
                    <th scope="row" lang={lang}>
                      {p.speaker.name}
                    </th>
                    <td>{p.personName ? `${p.personName} <${p.email ?? ""}>` : (p.email ?? "")}</td>
                    <td>{p.linkSentAt ? <Time v={v} at={p.linkSentAt} /> : t("review.draft.notSent")}</td>
                    <td>{p.doneAt ? <Time v={v} at={p.doneAt} /> : t("review.draft.notDone")}</td>
                    <td lang={lang}>{p.pseudonym ?? ""}</td>
                    {d.state === "in-review" ? (
                      <td>
                        <ActionButton
                          v={v}
                          action={`${base}/participants/${p.id}/resend`}
                          label={t("review.draft.resend")}
                          ariaLabel={t("review.draft.resendLabel", { speaker: p.speaker.name })}
                        />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {editable && rows.length ? (
          <Form
            v={v}
            id="speakers-form"
            action={`${base}/participants`}
            state={forms.speakers}
            labels={Object.fromEntries(
              rows.map((r, i) => [`contact.${i}`, t("review.draft.contactLabel", { speaker: r.name })]),
            )}
          >
            {rows.map((r, i) => (
              <>
                <input type="hidden" name={`speaker.${i}`} value={r.name} />
                <Field
                  v={v}
                  form="speakers-form"
                  name={`contact.${i}`}
                  label={t("review.draft.contactLabel", { speaker: r.name })}
                  state={speakersState}
                  maxlength={254}
                  required
                />
              </>
            ))}
            <Submit label={t("review.draft.saveSpeakers")} variant="secondary" />
          </Form>
        ) : null}
      </section>

      {d.state === "draft" ? (
        <section aria-labelledby="open-title" class="panel" id="open">
          <h2 id="open-title">{t("review.draft.openTitle")}</h2>
          <p>{t("review.draft.openIntro")}</p>
          <Form
            v={v}
            id="open-form"
            action={`${base}/open`}
            state={forms.open ? { values: {}, errors: {}, alert: forms.open } : undefined}
          >
            <Submit label={t("review.draft.open")} />
          </Form>
        </section>
      ) : null}

      {editable ? (
        <section aria-labelledby="schedule-title" id="schedule">
          <h2 id="schedule-title">{t("review.draft.scheduleTitle")}</h2>
          <p>{t("review.draft.scheduleIntro")}</p>
          <Form
            v={v}
            id="schedule-form"
            action={`${base}/schedule`}
            state={forms.schedule}
            labels={{ at: t("review.draft.scheduleField") }}
          >
            <ScheduleField v={v} state={forms.schedule} value={localInput(d.publishNotBefore)} />
            <Submit label={t("review.draft.scheduleSave")} variant="secondary" />
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="content-title" id="content" class="transcript">
        <h2 id="content-title">{t("review.draft.contentTitle")}</h2>
        <div lang={lang}>
          {d.content.map((r) => {
            const versions = `${base}/speeches/${r.id}/versions`;
            const meta = (
              <a class="permalink" href={versions} lang={htmlLang(v.locale)}>
                {t("review.draft.version", { n: r.version })}
              </a>
            );
            if (r.kind === "heading") return <ContentHeading level={r.headingLevel} text={r.text} />;
            if (r.kind === "narrative")
              return (
                <p class="note" id={`s-${r.id}`}>
                  {r.text} {meta}
                </p>
              );
            return (
              <div class="speech" id={`s-${r.id}`}>
                <p class="speaker">
                  {r.speaker?.name ?? t("review.draft.unknownSpeaker")} {meta}
                </p>
                {paragraphs(r.text).map((p) => (
                  <p>{p}</p>
                ))}
              </div>
            );
          })}
        </div>
      </section>

      {d.deleted.length ? (
        <section aria-labelledby="deleted-title" id="deleted">
          <h2 id="deleted-title">{t("review.draft.deletedTitle")}</h2>
          <p>{t("review.draft.deletedIntro")}</p>
          {d.deleted.map((r) => (
            <div class="speech" id={`s-${r.id}`}>
              <p class="speaker" lang={lang}>
                {r.speaker ?? t("review.draft.unknownSpeaker")}{" "}
                <a class="permalink" href={`${base}/speeches/${r.id}/versions`} lang={htmlLang(v.locale)}>
                  {t("review.draft.version", { n: r.version })}
                </a>
              </p>
              {paragraphs(r.text).map((p) => (
                <p lang={lang}>{p}</p>
              ))}
              {editable ? (
                <ActionButton
                  v={v}
                  action={`${base}/speeches/${r.id}/versions/${r.version}/restore`}
                  label={t("review.draft.restore")}
                  ariaLabel={t("review.draft.restoreLabel", { speaker: r.speaker ?? "" })}
                />
              ) : null}
            </div>
          ))}
        </section>
      ) : null}
    </>
  );
}

function ScheduleField(props: { v: View; state?: FormState; value: string }) {
  const { v } = props;
  const id = "schedule-form-at";
  const error = props.state?.errors.at;
  const value = typeof props.state?.values.at === "string" ? props.state.values.at : props.value;
  return (
    <div class={`field${error ? " field-invalid" : ""}`}>
      <label for={id}>
        {v.t("review.draft.scheduleField")}
        <span class="optional">{v.t("web.form.optional")}</span>
      </label>
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          <span class="visually-hidden">{v.t("web.form.errorPrefix")}</span>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        name="at"
        type="datetime-local"
        value={value}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
    </div>
  );
}

// ── Versions ──────────────────────────────────────────────────────────────────────────────────────

function VersionsView(props: {
  v: View;
  d: { slug: string; title: string };
  r: Awaited<ReturnType<typeof listSpeechVersions>>;
  done?: string;
}) {
  const { v, d, r } = props;
  const { t } = v;
  const base = draftPath(d.slug);
  const latest = r.items[r.items.length - 1]!;
  const editable = r.transcript.state !== "published";
  const speaker = latest.speaker ?? t("review.draft.unknownSpeaker");
  return (
    <>
      <Crumbs
        v={v}
        items={[
          { href: "/work", label: t("web.nav.work") },
          { href: "/drafts", label: t("review.desk.title") },
          { href: base, label: d.title },
          { label: t("review.versions.title") },
        ]}
      />
      <h1>{t("review.draft.versionsOf", { speaker })}</h1>
      {props.done === "restored" ? <Notice>{t("review.draft.done.restored")}</Notice> : null}
      {r.transcript.state === "published" ? null : <ReviewNotice v={v} />}
      <p class="lead">{t("review.versions.lead")}</p>
      {r.exists ? null : <p class="notice notice-info">{t("review.versions.gone")}</p>}
      <ol class="speech-list">
        {r.items.map((x) => (
          <li id={`v-${x.version}`}>
            <p class="transcript-meta">
              <strong>{t("review.draft.version", { n: x.version })}</strong>
              <span>{t(`review.versions.action.${x.action}`)}</span>
              <span>
                {x.by.kind === "participant"
                  ? t("review.versions.byParticipant", { name: x.by.name ?? "" })
                  : x.by.kind === "person"
                    ? t("review.versions.byPerson", { name: x.by.name ?? "" })
                    : t("review.versions.bySystem")}
              </span>
              <Time v={v} at={x.at} />
            </p>
            <div class="speech">
              <p class="speaker">{x.speaker ?? t("review.draft.unknownSpeaker")}</p>
              {paragraphs(x.text).map((p) => (
                <p>{p}</p>
              ))}
            </div>
            {editable && !(x === latest && r.exists) ? (
              <ActionButton
                v={v}
                action={`${base}/speeches/${r.speechId}/versions/${x.version}/restore`}
                label={t("review.versions.restore", { n: x.version })}
              />
            ) : null}
          </li>
        ))}
      </ol>
      <p>
        <a href={`${base}#content`}>{t("review.versions.back")}</a>
      </p>
    </>
  );
}

// ── Routes ────────────────────────────────────────────────────────────────────────────────────────

/** The review desk's pages: list, new draft, a draft, its speakers, window, schedule, versions. */
export function reviewDeskPages(app: Hono<AppEnv>, kit: PageKit) {
  const deps = reviewDeps(kit);

  /** Signed-out visitors go to sign-in first, then come back. */
  const signInFirst = (c: Ctx) => {
    const here = new URL(c.req.url);
    const path = `${here.pathname}${here.search}`;
    return c.redirect(`/sign-in?redirectTo=${encodeURIComponent(isLocalPath(path) ? path : "/drafts")}`, 303);
  };

  const page = (
    c: Ctx,
    title: string,
    body: Parameters<typeof renderPage>[2],
    status = 200,
    langPath?: string,
  ) => {
    c.header("Cache-Control", "no-store");
    return c.html(
      renderPage(kit.view(c), { title, nav: "work", noindex: true, hasError: status >= 400, langPath }, body),
      status as 200,
    );
  };

  app.get("/drafts", async (c) => {
    if (!c.get("actor").personId) return signInFirst(c);
    const v = kit.view(c);
    const list = await listDrafts(deps, v.actor);
    return page(c, v.t("review.desk.title"), <DeskView v={v} items={list.items} />);
  });

  app.get("/drafts/new", async (c) => {
    if (!c.get("actor").personId) return signInFirst(c);
    const v = kit.view(c);
    await listDrafts(deps, v.actor, 1); // the same rule as the desk: PDIS and administrators
    return page(c, v.t("review.new.title"), <NewDraftView v={v} />);
  });

  app.post("/drafts", async (c) => {
    const actor = requirePerson(c);
    const v = kit.view(c);
    const body = await c.req.parseBody();
    const file = body["file"];
    const values: FormValues = {
      markdown: typeof body["markdown"] === "string" ? body["markdown"] : "",
      slug: typeof body["slug"] === "string" ? body["slug"] : "",
      kind: typeof body["kind"] === "string" ? body["kind"] : "",
    };
    const uploaded = file instanceof File && file.size > 0 ? file : null;
    const markdown = str(values, "markdown");
    const again = (state: FormState, status: number) =>
      page(c, v.t("review.new.title"), <NewDraftView v={v} state={state} />, status, "/drafts/new");
    if (!uploaded && !markdown) {
      return again({ values, errors: { file: v.t("review.new.sourceRequired") } }, 400);
    }
    const kind = str(values, "kind");
    if (kind && !(transcriptKinds as readonly string[]).includes(kind)) {
      return again({ values, errors: { kind: v.t("web.form.choice") } }, 400);
    }
    const slug = str(values, "slug") || undefined;
    const source = uploaded ? { fileName: uploaded.name, text: await uploaded.text() } : { text: markdown };
    const result = await attempt(() =>
      createDraft(deps, actor, { source, slug, kind: (kind || undefined) as TranscriptKind | undefined }),
    );
    if (!result.ok) {
      const state = errorState(v, result.error, values, {
        "source.text": uploaded ? "file" : "markdown",
        source: "file",
      });
      if (result.error.field === "source.text" && uploaded)
        state.errors = { file: result.error.localized(v.locale) };
      return again(state, result.error.def.status);
    }
    return c.redirect(`${draftPath(result.value.slug)}?done=created`, 303);
  });

  async function renderDraft(c: Ctx, forms: DraftForms = {}, status = 200) {
    const v = kit.view(c);
    const d = await getDraft(deps, v.actor, c.req.param("slug") ?? "");
    return page(
      c,
      d.title,
      <DraftPageView v={v} d={d} forms={forms} done={status === 200 ? c.req.query("done") : undefined} />,
      status,
      draftPath(d.slug),
    );
  }

  app.get("/drafts/:slug", async (c) => {
    if (!c.get("actor").personId) return signInFirst(c);
    return renderDraft(c);
  });

  app.post("/drafts/:slug/participants", async (c) => {
    const actor = requirePerson(c);
    const v = kit.view(c);
    const values = await readForm(c);
    const list: ParticipantInput[] = [];
    const fieldMap: Record<string, string> = {};
    for (let i = 0; str(values, `speaker.${i}`); i++) {
      const contact = str(values, `contact.${i}`);
      if (!contact) continue;
      const k = list.length;
      for (const f of ["speaker", "email", "personId"]) fieldMap[`participants.${k}.${f}`] = `contact.${i}`;
      list.push(
        UUID.test(contact)
          ? { speaker: str(values, `speaker.${i}`), personId: contact }
          : { speaker: str(values, `speaker.${i}`), email: contact },
      );
    }
    const result = await attempt(() => setReviewParticipants(deps, actor, c.req.param("slug"), list));
    if (!result.ok) {
      return renderDraft(
        c,
        { speakers: errorState(v, result.error, values, fieldMap) },
        result.error.def.status,
      );
    }
    return c.redirect(`${draftPath(result.value.slug)}?done=mapped#speakers`, 303);
  });

  app.post("/drafts/:slug/open", async (c) => {
    const actor = requirePerson(c);
    const result = await attempt(() => openReview(deps, actor, c.req.param("slug")));
    if (!result.ok) {
      return renderDraft(c, { open: result.error.localized(kit.view(c).locale) }, result.error.def.status);
    }
    return c.redirect(`${draftPath(result.value.slug)}?done=opened`, 303);
  });

  app.post("/drafts/:slug/participants/:id/resend", async (c) => {
    const actor = requirePerson(c);
    const id = c.req.param("id");
    if (!UUID.test(id)) throw fail.notFound();
    const result = await attempt(() => resendReviewLink(deps, actor, c.req.param("slug"), id));
    if (!result.ok) {
      return renderDraft(c, { alert: result.error.localized(kit.view(c).locale) }, result.error.def.status);
    }
    return c.redirect(`${draftPath(result.value.slug)}?done=resent#speakers`, 303);
  });

  app.post("/drafts/:slug/schedule", async (c) => {
    const actor = requirePerson(c);
    const v = kit.view(c);
    const values = await readForm(c);
    const raw = str(values, "at");
    let at: Date | null = null;
    if (raw) {
      const m = LOCAL_TIME.exec(raw);
      at = m ? new Date(`${m[1]}T${m[2]}:00+08:00`) : null;
      if (!at || Number.isNaN(at.getTime())) {
        return renderDraft(
          c,
          { schedule: { values, errors: { at: v.t("review.draft.scheduleInvalid") } } },
          400,
        );
      }
    }
    const result = await attempt(() => setPublishNotBefore(deps, actor, c.req.param("slug"), at));
    if (!result.ok) {
      return renderDraft(
        c,
        { schedule: errorState(v, result.error, values, { publishNotBefore: "at" }) },
        result.error.def.status,
      );
    }
    return c.redirect(`${draftPath(result.value.slug)}?done=scheduled#schedule`, 303);
  });

  app.get("/drafts/:slug/speeches/:id/versions", async (c) => {
    if (!c.get("actor").personId) return signInFirst(c);
    const v = kit.view(c);
    const slug = c.req.param("slug");
    const r = await listSpeechVersions(deps, v.actor, slug, c.req.param("id"));
    return page(
      c,
      v.t("review.versions.title"),
      <VersionsView
        v={v}
        d={{ slug: r.transcript.slug, title: r.transcript.title }}
        r={r}
        done={c.req.query("done")}
      />,
    );
  });

  app.post("/drafts/:slug/speeches/:id/versions/:version/restore", async (c) => {
    const actor = requirePerson(c);
    const slug = c.req.param("slug");
    const id = c.req.param("id");
    const version = Number(c.req.param("version"));
    if (!Number.isInteger(version) || version < 1) throw fail.notFound();
    const result = await attempt(() => restoreSpeechVersion(deps, actor, slug, id, version));
    if (!result.ok) {
      return renderDraft(c, { alert: result.error.localized(kit.view(c).locale) }, result.error.def.status);
    }
    return c.redirect(`${draftPath(slug)}/speeches/${id}/versions?done=restored`, 303);
  });
}
