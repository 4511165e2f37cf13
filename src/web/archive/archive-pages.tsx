// The public transcript archive's pages: the archive index, a transcript, a speech's permalink, a
// speaker. Only published transcripts are shown, except to PDIS and administrators on the transcript
// page (with the notice that the record is reviewed by its speakers first).
import type { Hono } from "hono";
import { fail } from "../../platform/http/errors.ts";
import { translator } from "../../platform/i18n/index.ts";
import type { AppEnv } from "../../modules/directory/index.ts";
import { casesOfTranscript } from "../../modules/cases/index.ts";
import {
  archiveYears,
  getSpeaker,
  getSpeech,
  listArchive,
  readArchiveTranscript,
  snippetOf,
  transcriptKinds,
  type ArchiveItem,
  type TranscriptKind,
  type TranscriptLanguage,
  type TranscriptsDeps,
} from "../../modules/transcripts/index.ts";
import { Select, Submit } from "../components.tsx";
import type { PageKit } from "../deps.ts";
import { renderPage } from "../layout.tsx";
import { htmlLang, personName, Time, tx, type Ctx, type View } from "../view.tsx";
import { archiveFeeds } from "./feeds.ts";

const PAGE = 50;
const SPEAKER_PAGE = 30;
const languages = ["zh-TW", "en"] as const;

const enc = encodeURIComponent;
const transcriptPath = (slug: string) => `/transcripts/${enc(slug)}`;
const speakerPath = (slug: string) => `/speakers/${enc(slug)}`;
const speechPath = (id: string) => `/speeches/${id}`;

/** A speech's paragraphs (stored joined by a blank line). */
const paragraphs = (text: string) => text.split(/\n{2,}/);

/** The page's address with the cursor set (or removed), keeping the filters. */
function pageHref(url: URL, cursor: string | null): string {
  const params = new URLSearchParams(url.search);
  params.delete("cursor");
  if (cursor) params.set("cursor", cursor);
  const q = params.toString();
  return q ? `${url.pathname}?${q}` : url.pathname;
}

function Crumbs(props: { v: View; items: Array<{ href?: string; label: string; lang?: string }> }) {
  return (
    <nav aria-label={props.v.t("archive.breadcrumb")} class="breadcrumb">
      <ol>
        {props.items.map((i) => (
          <li>
            {i.href ? (
              <a href={i.href} lang={i.lang}>
                {i.label}
              </a>
            ) : (
              <span aria-current="page" lang={i.lang}>
                {i.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

function DateOf(props: { v: View; date: string | null }) {
  return props.date ? <Time v={props.v} at={props.date} style="date" /> : <>{props.v.t("archive.noDate")}</>;
}

// ── The archive index ───────────────────────────────────────────────────────────────────────────

interface IndexFilters {
  kind?: TranscriptKind;
  language?: TranscriptLanguage;
  year?: number;
}

function IndexView(props: {
  v: View;
  filters: IndexFilters;
  years: number[];
  page: { items: ArchiveItem[]; next: string | null };
}) {
  const { v, filters, page } = props;
  const { t } = v;
  const form = "archive-filters";
  const filtered = !!(filters.kind || filters.language || filters.year);
  const paged = !!v.url.searchParams.get("cursor");
  return (
    <>
      <h1>{t("archive.index.title")}</h1>
      <p class="lead">{t("archive.index.lead")}</p>
      <p class="feed-link">
        <a href="/transcripts/feed.atom" type="application/atom+xml">
          {t("archive.index.feed")}
        </a>
      </p>

      <section aria-labelledby="archive-filters-title" class="archive-filters">
        <h2 id="archive-filters-title">{t("archive.index.filtersTitle")}</h2>
        <form method="get" action="/transcripts" class="filter-form" id={form}>
          <div class="filter-grid">
            <Select
              v={v}
              form={form}
              name="kind"
              label={t("archive.index.kindLabel")}
              placeholder={t("archive.index.any")}
              value={filters.kind ?? ""}
              options={transcriptKinds.map((k) => ({ value: k, label: t(`archive.kind.${k}`) }))}
            />
            <Select
              v={v}
              form={form}
              name="language"
              label={t("archive.index.languageLabel")}
              placeholder={t("archive.index.any")}
              value={filters.language ?? ""}
              options={languages.map((l) => ({ value: l, label: t(`archive.language.${l}`) }))}
            />
            <Select
              v={v}
              form={form}
              name="year"
              label={t("archive.index.yearLabel")}
              placeholder={t("archive.index.any")}
              value={filters.year ? String(filters.year) : ""}
              options={props.years.map((y) => ({ value: String(y), label: String(y) }))}
            />
          </div>
          <p class="actions">
            <Submit label={t("archive.index.apply")} />
            {filtered ? (
              <a class="button button-secondary" href="/transcripts">
                {t("archive.index.clear")}
              </a>
            ) : null}
          </p>
        </form>
      </section>

      <section aria-labelledby="archive-list-title" id="archive-list">
        <h2 id="archive-list-title">{t("archive.index.listTitle")}</h2>
        {page.items.length ? (
          <ol class="transcript-list">
            {page.items.map((i) => (
              <li>
                <a href={transcriptPath(i.slug)} class="transcript-title" lang={htmlLang(i.language)}>
                  {i.title}
                </a>
                <p class="transcript-meta">
                  <DateOf v={v} date={i.date} />
                  <span class="tag">{t(`archive.kind.${i.kind}`)}</span>
                  <span class="tag">{t(`archive.language.${i.language}`)}</span>
                </p>
              </li>
            ))}
          </ol>
        ) : (
          <p class="empty">
            {filtered || paged ? t("archive.index.noneMatching") : t("archive.index.empty")}
          </p>
        )}
        {page.next || paged ? (
          <nav aria-label={t("archive.index.pages")} class="pager">
            {page.next ? (
              <a href={`${pageHref(v.url, page.next)}#archive-list`} rel="next">
                {t("archive.index.older")}
              </a>
            ) : null}
            {paged ? <a href={`${pageHref(v.url, null)}#archive-list`}>{t("archive.index.newest")}</a> : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}

// ── A transcript ────────────────────────────────────────────────────────────────────────────────

type Loaded = Extract<Awaited<ReturnType<typeof readArchiveTranscript>>, { redirect: null }>;
type Section = Loaded["transcript"]["sections"][number];
type Item = Section["speeches"][number];

function SpeechBlock(props: { v: View; s: Item; publicUrl: string }) {
  const { v, s } = props;
  const ui = htmlLang(v.locale);
  if (s.kind === "narrative") {
    return (
      <p class="note" id={`s-${s.id}`}>
        {s.text}
      </p>
    );
  }
  const speaker = s.speaker?.name ?? v.t("archive.speech.unknownSpeaker");
  return (
    <div class="speech" id={`s-${s.id}`}>
      <p class="speaker">
        {s.speaker ? <a href={speakerPath(s.speaker.slug)}>{s.speaker.name}</a> : null}{" "}
        <a
          class="permalink"
          href={speechPath(s.id)}
          data-url={`${props.publicUrl}${speechPath(s.id)}`}
          aria-label={v.t("archive.transcript.permalink", { speaker })}
          lang={ui}
        >
          #
        </a>
      </p>
      {paragraphs(s.text).map((p) => (
        <p>{p}</p>
      ))}
    </div>
  );
}

function TranscriptView(props: {
  v: View;
  loaded: Loaded;
  publicUrl: string;
  cases: Array<{ number: number; title: string }>;
}) {
  const { v, publicUrl } = props;
  const { transcript: tr, twins } = props.loaded;
  const { t } = v;
  const lang = htmlLang(tr.language);
  const exportHref = (format: string) => `/api/v1/transcripts/${enc(tr.slug)}/export?format=${format}`;
  const empty = tr.sections.every((s) => s.heading === null && s.speeches.length === 0);
  return (
    <>
      <Crumbs
        v={v}
        items={[
          { href: "/transcripts", label: t("archive.index.title") },
          { label: tr.title, lang },
        ]}
      />
      <h1 lang={lang}>{tr.title}</h1>
      <p class="transcript-meta">
        <DateOf v={v} date={tr.date} />
        <span class={`state state-${tr.state}`}>{t(`archive.state.${tr.state}`)}</span>
        <span class="tag">{t(`archive.kind.${tr.kind}`)}</span>
        <span class="tag">{t(`archive.language.${tr.language}`)}</span>
      </p>
      {tr.state !== "published" ? (
        <div class="notice notice-info review-notice" role="note">
          <p>{t("archive.transcript.unpublished")}</p>
          <p>{t("archive.transcript.notice")}</p>
          <p lang={htmlLang(v.locale === "en" ? "zh-TW" : "en")}>
            {translator(v.locale === "en" ? "zh-TW" : "en")("archive.transcript.notice")}
          </p>
        </div>
      ) : null}
      {props.cases.length ? (
        <p class="transcript-cases">
          {t("archive.transcript.caseOf")}{" "}
          {props.cases.map((c, i) => (
            <>
              {i ? "、" : null}
              <a href={`/cases/${c.number}`}>
                {t("archive.transcript.caseNumber", { number: c.number })} {c.title}
              </a>
            </>
          ))}
        </p>
      ) : null}
      {twins.length ? (
        <nav aria-label={t("archive.transcript.twins")} class="twins">
          <ul class="inline-list">
            {twins.map((tw) => (
              <li>
                <a
                  href={transcriptPath(tw.slug)}
                  hreflang={htmlLang(tw.language)}
                  lang={htmlLang(tw.language)}
                  rel="alternate"
                >
                  {translator(tw.language)("archive.transcript.twinLink")}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      <div class="transcript" lang={lang}>
        {empty ? <p class="empty">{t("archive.transcript.empty")}</p> : null}
        {tr.sections.map((section, i) =>
          section.heading !== null ? (
            <section aria-labelledby={`sec-${i}`}>
              <h2 id={`sec-${i}`}>{section.heading}</h2>
              {section.speeches.map((s) => (
                <SpeechBlock v={v} s={s} publicUrl={publicUrl} />
              ))}
            </section>
          ) : (
            section.speeches.map((s) => <SpeechBlock v={v} s={s} publicUrl={publicUrl} />)
          ),
        )}
      </div>

      <section aria-labelledby="downloads-title" class="downloads">
        <h2 id="downloads-title">{t("archive.transcript.downloads")}</h2>
        <p>{t("archive.transcript.downloadsIntro")}</p>
        <ul>
          <li>
            <a href={exportHref("markdown")} type="text/markdown">
              {t("archive.transcript.markdown")}
            </a>
          </li>
          <li>
            <a href={exportHref("akomantoso")} type="application/xml">
              {t("archive.transcript.akomaNtoso")}
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}

// ── A speech ────────────────────────────────────────────────────────────────────────────────────

type SpeechData = Awaited<ReturnType<typeof getSpeech>>;

function SpeechView(props: { v: View; s: SpeechData; citation: string }) {
  const { v, s } = props;
  const { t } = v;
  const lang = htmlLang(s.transcript.language);
  const speaker = s.speaker?.name ?? t("archive.speech.unknownSpeaker");
  const inTranscript = `${transcriptPath(s.transcript.slug)}#s-${s.id}`;
  return (
    <>
      <Crumbs
        v={v}
        items={[
          { href: "/transcripts", label: t("archive.index.title") },
          { href: transcriptPath(s.transcript.slug), label: s.transcript.title, lang },
          { label: t("archive.speech.crumb") },
        ]}
      />
      <h1>{tx(v, "archive.speech.title", { speaker: <span lang={lang}>{speaker}</span> })}</h1>
      <p class="transcript-meta">
        <span>
          {tx(v, "archive.speech.from", {
            title: (
              <a href={transcriptPath(s.transcript.slug)} lang={lang}>
                {s.transcript.title}
              </a>
            ),
          })}
        </span>
        <DateOf v={v} date={s.transcript.date} />
      </p>
      <blockquote class="speech-single" lang={lang} id={`s-${s.id}`}>
        {paragraphs(s.text).map((p) => (
          <p>{p}</p>
        ))}
      </blockquote>
      <ul class="inline-list speech-links">
        <li>
          <a href={inTranscript}>{t("archive.speech.inContext")}</a>
        </li>
        {s.speaker ? (
          <li>
            <a href={speakerPath(s.speaker.slug)}>
              {tx(v, "archive.speech.moreBy", { speaker: <span lang={lang}>{s.speaker.name}</span> })}
            </a>
          </li>
        ) : null}
      </ul>
      {s.previous || s.next ? (
        <nav aria-label={t("archive.speech.nav")} class="pager">
          {s.previous ? (
            <a href={speechPath(s.previous)} rel="prev">
              {t("archive.speech.previous")}
            </a>
          ) : null}
          {s.next ? (
            <a href={speechPath(s.next)} rel="next">
              {t("archive.speech.next")}
            </a>
          ) : null}
        </nav>
      ) : null}
      <section aria-labelledby="cite-title" class="cite">
        <h2 id="cite-title">{t("archive.speech.cite")}</h2>
        <label for="citation">{t("archive.speech.citeLabel")}</label>
        <p class="hint" id="citation-hint">
          {t("archive.speech.citeHint")}
        </p>
        <textarea id="citation" class="citation" readonly rows={3} aria-describedby="citation-hint">
          {props.citation}
        </textarea>
      </section>
    </>
  );
}

// ── A speaker ───────────────────────────────────────────────────────────────────────────────────

type SpeakerData = Awaited<ReturnType<typeof getSpeaker>>;

function SpeakerView(props: { v: View; sp: SpeakerData }) {
  const { v, sp } = props;
  const { t } = v;
  const paged = !!v.url.searchParams.get("cursor");
  const feed = `${speakerPath(sp.slug)}/feed.atom`;
  return (
    <>
      <Crumbs v={v} items={[{ href: "/transcripts", label: t("archive.index.title") }, { label: sp.name }]} />
      <h1>{sp.name}</h1>
      {sp.person ? (
        <p>
          {tx(v, "archive.speaker.person", {
            link: <a href={`/people/${sp.person.id}`}>{personName(sp.person, v.locale)}</a>,
          })}
        </p>
      ) : null}
      <p class="feed-link">
        <a href={feed} type="application/atom+xml">
          {t("archive.speaker.feed", { name: sp.name })}
        </a>
      </p>
      <section aria-labelledby="speaker-speeches-title" id="speaker-speeches">
        <h2 id="speaker-speeches-title">{t("archive.speaker.speeches")}</h2>
        <p class="muted">{t("archive.speaker.intro")}</p>
        {sp.speeches.items.length ? (
          <ol class="speech-list">
            {sp.speeches.items.map((s) => {
              const lang = htmlLang(s.transcript.language);
              return (
                <li>
                  <a href={speechPath(s.id)} class="snippet" lang={lang}>
                    {snippetOf(s.text)}
                  </a>
                  <p class="transcript-meta">
                    <span>
                      {tx(v, "archive.speaker.in", {
                        title: (
                          <a href={`${transcriptPath(s.transcript.slug)}#s-${s.id}`} lang={lang}>
                            {s.transcript.title}
                          </a>
                        ),
                      })}
                    </span>
                    <DateOf v={v} date={s.transcript.date} />
                  </p>
                </li>
              );
            })}
          </ol>
        ) : (
          <p class="empty">{t("archive.speaker.empty")}</p>
        )}
        {sp.speeches.next || paged ? (
          <nav aria-label={t("archive.index.pages")} class="pager">
            {sp.speeches.next ? (
              <a href={`${pageHref(v.url, sp.speeches.next)}#speaker-speeches`} rel="next">
                {t("archive.speaker.older")}
              </a>
            ) : null}
            {paged ? (
              <a href={`${pageHref(v.url, null)}#speaker-speeches`}>{t("archive.speaker.newest")}</a>
            ) : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}

// ── Routes ──────────────────────────────────────────────────────────────────────────────────────

/** A query value of a closed set, or undefined when empty; anything else is a 400 naming the field. */
function oneOf<T extends string>(c: Ctx, name: string, allowed: readonly T[]): T | undefined {
  const value = c.req.query(name);
  if (value === undefined || value === "") return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw fail.invalid(name, "is not one of the choices");
  return value as T;
}

function yearOf(c: Ctx): number | undefined {
  const value = c.req.query("year");
  if (value === undefined || value === "") return undefined;
  if (!/^\d{4}$/.test(value)) throw fail.invalid("year", "must be a year");
  return Number(value);
}

/** A speech's citation in the reader's language: speaker, title, date and the absolute permalink. */
function citationOf(v: View, s: SpeechData, publicUrl: string): string {
  return v.t("archive.speech.citation", {
    speaker: s.speaker?.name ?? v.t("archive.speech.unknownSpeaker"),
    title: s.transcript.title,
    date: s.transcript.date ?? v.t("archive.noDate"),
    url: `${publicUrl}${speechPath(s.id)}`,
  });
}

/** The archive's pages and feeds: /transcripts, /transcripts/{slug}, /speeches/{id}, /speakers/{slug}. */
export function archivePages(app: Hono<AppEnv>, kit: PageKit) {
  const deps: TranscriptsDeps = { db: kit.deps.database.db, clock: kit.deps.clock };
  const publicUrl = kit.deps.config.publicUrl;
  archiveFeeds(app, deps, publicUrl);

  app.get("/transcripts", async (c) => {
    const v = kit.view(c);
    const filters: IndexFilters = {
      kind: oneOf(c, "kind", transcriptKinds),
      language: oneOf(c, "language", languages),
      year: yearOf(c),
    };
    const [page, years] = await Promise.all([
      listArchive(deps, v.actor, { ...filters, limit: PAGE, cursor: c.req.query("cursor") || undefined }),
      archiveYears(deps),
    ]);
    return c.html(
      renderPage(
        v,
        {
          title: v.t("archive.index.title"),
          nav: "transcripts",
          feeds: [{ href: "/transcripts/feed.atom", title: v.t("archive.feed.transcripts") }],
        },
        <IndexView v={v} filters={filters} years={years} page={page} />,
      ),
    );
  });

  app.get("/transcripts/:slug", async (c) => {
    const v = kit.view(c);
    const slug = c.req.param("slug");
    const loaded = await readArchiveTranscript(deps, v.actor, slug);
    if (loaded.redirect !== null) return c.redirect(transcriptPath(loaded.redirect), 301);
    // Drafts are for PDIS's eyes only: keep them out of shared caches.
    if (loaded.transcript.state !== "published") c.header("Cache-Control", "no-store");
    return c.html(
      renderPage(
        v,
        {
          title: loaded.transcript.title,
          nav: "transcripts",
          langPath: transcriptPath(loaded.transcript.slug),
          noindex: loaded.transcript.state !== "published",
        },
        <TranscriptView
          v={v}
          loaded={loaded}
          publicUrl={publicUrl}
          cases={await casesOfTranscript(deps.db, loaded.transcript.slug)}
        />,
      ),
    );
  });

  app.get("/speeches/:id", async (c) => {
    const v = kit.view(c);
    const s = await getSpeech(deps, v.actor, c.req.param("id"));
    const title = v.t("archive.speech.title", {
      speaker: s.speaker?.name ?? v.t("archive.speech.unknownSpeaker"),
    });
    return c.html(
      renderPage(
        v,
        { title: `${title} — ${s.transcript.title}`, nav: "transcripts", langPath: speechPath(s.id) },
        <SpeechView v={v} s={s} citation={citationOf(v, s, publicUrl)} />,
      ),
    );
  });

  app.get("/speakers/:slug", async (c) => {
    const v = kit.view(c);
    const sp = await getSpeaker(deps, v.actor, c.req.param("slug"), {
      limit: SPEAKER_PAGE,
      cursor: c.req.query("cursor") || undefined,
    });
    const feed = `${speakerPath(sp.slug)}/feed.atom`;
    return c.html(
      renderPage(
        v,
        {
          title: sp.name,
          nav: "transcripts",
          feeds: [{ href: feed, title: v.t("archive.feed.speaker", { name: sp.name }) }],
        },
        <SpeakerView v={v} sp={sp} />,
      ),
    );
  });
}
