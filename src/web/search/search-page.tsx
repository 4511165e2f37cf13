// The search page (/search) and the Atom feed of a search (/search/feed.atom): the same use case as
// GET /api/v1/search, over the public record: published transcripts, petitions, published responses
// and cases.
import type { Hono } from "hono";
import type { AppEnv } from "../../modules/directory/index.ts";
import {
  search,
  type SearchInput,
  type SearchOutcome,
  type SearchResult,
} from "../../modules/search/index.ts";
import { transcriptKinds } from "../../modules/transcripts/index.ts";
import { AppError, fail } from "../../platform/http/errors.ts";
import { renderAtom } from "../../platform/http/atom.ts";
import { SEARCH_TYPES, SearchQuery } from "../../modules/search/schema.ts";
import { searchDepsFor } from "../../search-deps.ts";
import { Alert } from "../components.tsx";
import type { PageKit } from "../deps.ts";
import { renderPage } from "../layout.tsx";
import type { View } from "../view.tsx";

const enc = encodeURIComponent;
const FIELDS = ["q", "type", "speaker", "from", "to", "kind", "language"] as const;
type Params = Partial<Record<(typeof FIELDS)[number] | "cursor", string>>;

/** Reads the query string: the same schema as the API, so the page and the API agree on every rule. */
function readParams(url: URL): { params: Params; input: SearchInput | null; error: AppError | null } {
  const params: Params = {};
  for (const k of [...FIELDS, "cursor"] as const) {
    const value = url.searchParams.get(k)?.trim();
    if (value) params[k] = value;
  }
  if (!params.q) return { params, input: null, error: null };
  const parsed = SearchQuery.safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join(".") || "q";
    return {
      params,
      input: null,
      error: fail.invalid(field, issue?.message ?? "is invalid"),
    };
  }
  return { params, input: parsed.data, error: null };
}

function Segments(props: { r: SearchResult }) {
  return (
    <p class="search-snippet">{props.r.segments.map((s) => (s.match ? <mark>{s.text}</mark> : s.text))}</p>
  );
}

function SearchForm(props: { v: View; params: Params; invalidField: string | null }) {
  const { v, params } = props;
  const t = v.t;
  const invalid = (name: string) => (props.invalidField === name ? { "aria-invalid": "true" as const } : {});
  return (
    <form method="get" action="/search" class="search-form" role="search">
      <div class="field">
        <label for="search-q">{t("search.form.q")}</label>
        <input
          id="search-q"
          name="q"
          type="search"
          value={params.q ?? ""}
          maxlength={500}
          required
          {...invalid("q")}
        />
      </div>
      <fieldset class="search-filters">
        <legend>{t("search.form.filters")}</legend>
        <div class="field">
          <label for="search-type">{t("search.form.type")}</label>
          <select id="search-type" name="type" {...invalid("type")}>
            <option value="">{t("search.form.anyType")}</option>
            {SEARCH_TYPES.map((k) => (
              <option value={k} selected={params.type === k}>
                {t(`search.type.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="search-speaker">{t("search.form.speaker")}</label>
          <input
            id="search-speaker"
            name="speaker"
            type="text"
            value={params.speaker ?? ""}
            aria-describedby="search-speaker-hint"
            {...invalid("speaker")}
          />
          <p class="hint" id="search-speaker-hint">
            {t("search.form.speakerHint")}
          </p>
        </div>
        <div class="field">
          <label for="search-from">{t("search.form.from")}</label>
          <input id="search-from" name="from" type="date" value={params.from ?? ""} {...invalid("from")} />
        </div>
        <div class="field">
          <label for="search-to">{t("search.form.to")}</label>
          <input id="search-to" name="to" type="date" value={params.to ?? ""} {...invalid("to")} />
        </div>
        <div class="field">
          <label for="search-kind">{t("search.form.kind")}</label>
          <select id="search-kind" name="kind" {...invalid("kind")}>
            <option value="">{t("search.form.any")}</option>
            {transcriptKinds.map((k) => (
              <option value={k} selected={params.kind === k}>
                {t(`search.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="search-language">{t("search.form.language")}</label>
          <select id="search-language" name="language" {...invalid("language")}>
            <option value="">{t("search.form.any")}</option>
            {(["zh-TW", "en"] as const).map((l) => (
              <option value={l} selected={params.language === l}>
                {t(`search.language.${l}`)}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <button type="submit" class="button primary">
        {t("search.form.submit")}
      </button>
    </form>
  );
}

function nextHref(params: Params, cursor: string): string {
  const q = new URLSearchParams();
  for (const k of FIELDS) if (params[k]) q.set(k, params[k]!);
  q.set("cursor", cursor);
  return `/search?${q}`;
}

function feedHref(params: Params): string {
  const q = new URLSearchParams();
  for (const k of FIELDS) if (params[k]) q.set(k, params[k]!);
  return `/search/feed.atom?${q}`;
}

/** A petition, a published response or a case: labelled by its type, linked to its page. */
function CivicResult(props: { v: View; x: SearchResult }) {
  const { v, x } = props;
  const t = v.t;
  return (
    <li class={`search-result search-result-${x.type}`}>
      <h3>
        <a href={x.url}>{x.title}</a>
      </h3>
      <p class="meta">
        <span class="tag">{t(`search.type.${x.type}`)}</span>
        {x.state === "withdrawn" ? (
          <>
            {" "}
            <span class="tag">{t("search.withdrawn")}</span>
          </>
        ) : null}
        {x.date ? (
          <>
            {" · "}
            <time datetime={x.date}>{x.date}</time>
          </>
        ) : null}
      </p>
      <Segments r={x} />
    </li>
  );
}

function Results(props: { v: View; params: Params; r: SearchOutcome }) {
  const { v, r, params } = props;
  const t = v.t;
  const count = r.total.toLocaleString(v.locale);
  return (
    <section aria-labelledby="search-results">
      <h2 id="search-results">{t("search.results")}</h2>
      <p role="status">
        {r.total === 0
          ? t("search.none")
          : r.capped
            ? t("search.countCapped", { count })
            : t("search.count", { count })}
      </p>
      <ol class="search-results">
        {r.results.map((x) => {
          if (x.type !== "speech" || !x.transcript) return <CivicResult v={v} x={x} />;
          const [, speechId] = x.id.split("/");
          return (
            <li>
              <h3>
                <a href={`/transcripts/${enc(x.transcript!.slug)}#s-${speechId}`}>{x.title}</a>
              </h3>
              <p class="meta">
                {x.date ? <time datetime={x.date}>{x.date}</time> : null}
                {x.speaker ? (
                  <>
                    {" · "}
                    <a href={`/speakers/${enc(x.speaker.slug)}`}>
                      {t("search.speakerLink", { name: x.speaker.name })}
                    </a>
                  </>
                ) : null}
              </p>
              <Segments r={x} />
              <p class="meta">
                <a href={x.url}>{t("search.permalink")}</a>
              </p>
            </li>
          );
        })}
      </ol>
      {r.nextCursor ? (
        <p>
          <a href={nextHref(params, r.nextCursor)} rel="next">
            {t("search.next")}
          </a>
        </p>
      ) : null}
      <p>
        <a href={feedHref(params)} type="application/atom+xml">
          {t("search.feed")}
        </a>
      </p>
    </section>
  );
}

/** `/search` and `/search/feed.atom`. */
export function searchPages(app: Hono<AppEnv>, kit: PageKit) {
  const deps = searchDepsFor(kit.deps.database);
  const publicUrl = kit.deps.config.publicUrl;

  app.get("/search/feed.atom", async (c) => {
    const { params, input, error } = readParams(new URL(c.req.url));
    if (error) throw error;
    if (!input) return c.redirect("/search", 302);
    const r = await search(deps, { ...input, cursor: undefined });
    const t = c.get("t");
    const self = `${publicUrl}${feedHref(params)}`;
    const xml = renderAtom({
      id: self,
      title: t("search.feedTitle", { q: params.q! }),
      link: `${publicUrl}/search?${new URLSearchParams(Object.entries(params).filter(([k]) => k !== "cursor"))}`,
      selfLink: self,
      language: c.get("locale"),
      updated: r.results.reduce((max, x) => {
        const d = x.date ? new Date(`${x.date}T00:00:00+08:00`) : new Date(0);
        return d > max ? d : max;
      }, new Date(0)),
      entries: r.results.map((x) => {
        const at = x.date ? new Date(`${x.date}T00:00:00+08:00`) : new Date(0);
        return {
          id: `${publicUrl}${x.url}`,
          title:
            x.type !== "speech"
              ? `${t(`search.type.${x.type}`)} — ${x.title}`
              : x.speaker
                ? `${x.speaker.name} — ${x.title}`
                : x.title,
          link: `${publicUrl}${x.url}`,
          updated: at,
          published: at,
          summary: x.snippet,
        };
      }),
    });
    return c.body(xml, 200, { "content-type": "application/atom+xml; charset=utf-8" });
  });

  app.get("/search", async (c) => {
    const v = kit.view(c);
    const { params, input, error } = readParams(new URL(c.req.url));
    let outcome: SearchOutcome | null = null;
    let failure: AppError | null = error;
    if (input) {
      try {
        outcome = await search(deps, input);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        failure = e;
      }
    }
    const title = params.q ? v.t("search.titleWithQuery", { q: params.q }) : v.t("search.title");
    return c.html(
      renderPage(
        v,
        {
          title,
          nav: "search",
          hasError: failure !== null,
          noindex: true,
          feeds: outcome ? [{ href: feedHref(params), title: v.t("search.feed") }] : undefined,
        },
        <>
          <h1>{v.t("search.title")}</h1>
          <p>{v.t("search.intro")}</p>
          {failure ? <Alert>{failure.localized(v.locale)}</Alert> : null}
          <SearchForm v={v} params={params} invalidField={failure?.field ?? null} />
          {outcome ? <Results v={v} params={params} r={outcome} /> : null}
        </>,
      ),
      failure ? 400 : 200,
    );
  });
}
