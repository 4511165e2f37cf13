import type { Hono } from "hono";
import type { Child } from "hono/jsx";
import { listAudit, type AuditView } from "../modules/audit/index.ts";
import { listAgencies, type AppEnv } from "../modules/directory/index.ts";
import { pick } from "../platform/i18n/index.ts";
import { loadAuditRefs, publicEntries, publicSentence } from "./audit-sentences.tsx";
import type { PageKit } from "./deps.ts";
import { renderPage } from "./layout.tsx";
import { Time, type View } from "./view.tsx";

type AgencyItem = Awaited<ReturnType<typeof listAgencies>>[number];

const principles = ["transparency", "participation", "accountability", "inclusion"] as const;

/** The entity types whose changes may be public; the entries are filtered further by action. */
const PUBLIC_ENTITY_TYPES = ["org", "membership", "po-invitation", "roster", "directory"] as const;
const ACTIVITY_LIMIT = 10;

function HomeView(props: { v: View; activity: Array<{ entry: AuditView; sentence: Child }> }) {
  const { v } = props;
  const { t } = v;
  return (
    <>
      <section class="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t("web.home.title")}</h1>
        <p class="lead">{t("web.home.lead")}</p>
        <p>{t("web.home.what")}</p>
        <p>{t("web.home.invitation")}</p>
        <p class="actions">
          <a class="button button-primary" href="/directory">
            {t("web.home.toDirectory")}
          </a>
          <a class="button button-secondary" href="/resources">
            {t("web.home.toResources")}
          </a>
        </p>
      </section>

      <section aria-labelledby="principles-title">
        <h2 id="principles-title">{t("web.home.principlesTitle")}</h2>
        <ul class="principles">
          {principles.map((p) => (
            <li>
              <h3>{t(`web.principle.${p}.name`)}</h3>
              <p>{t(`web.principle.${p}.text`)}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="activity-title">
        <h2 id="activity-title">{t("web.home.activityTitle")}</h2>
        <p class="muted">{t("web.home.activityIntro")}</p>
        {props.activity.length ? (
          <ol class="activity">
            {props.activity.map((a) => (
              <li>
                <span class="activity-text">{a.sentence}</span>{" "}
                <span class="activity-time">
                  <Time v={v} at={a.entry.at} />
                </span>
              </li>
            ))}
          </ol>
        ) : (
          <p class="empty">{t("web.home.noActivity")}</p>
        )}
      </section>

      {v.actor.personId ? null : (
        <section aria-labelledby="network-title" class="panel">
          <h2 id="network-title">{t("web.home.networkTitle")}</h2>
          <p>{t("web.home.networkText")}</p>
          <p>
            <a href="/sign-in">{t("web.home.signIn")}</a>
          </p>
        </section>
      )}
    </>
  );
}

/** The group of a second-level agency by the last character of its name: 部, 會 or other. */
function groupOf(a: AgencyItem): "ministries" | "councils" | "others" | "subAgencies" {
  if (a.level !== 2) return a.level === 3 ? "subAgencies" : "others";
  const name = a.name["zh-TW"];
  if (name.endsWith("部")) return "ministries";
  if (name.endsWith("會")) return "councils";
  return "others";
}

function AgencyList(props: { v: View; agencies: AgencyItem[]; counts: Map<string, number> }) {
  const { v } = props;
  const { t, locale } = v;
  return (
    <ul class="agency-list">
      {props.agencies.map((a) => {
        const abbr = a.abbreviation ? pick(a.abbreviation, locale) : null;
        return (
          <li>
            <a href={`/agencies/${a.slug}`} class="agency-name">
              {pick(a.name, locale)}
            </a>
            {abbr && abbr !== pick(a.name, locale) ? (
              <span class="abbr"> {t("web.common.inParens", { text: abbr })}</span>
            ) : null}
            <p class="agency-meta">
              <span>{t("web.directory.poCount", { count: props.counts.get(a.id) ?? 0 })}</span>
              <span>{t("web.agency.sizeValue", { agencies: a.size.subAgencies, units: a.size.units })}</span>
            </p>
          </li>
        );
      })}
    </ul>
  );
}

function DirectoryView(props: { v: View; agencies: AgencyItem[]; counts: Map<string, number>; q: string }) {
  const { v, q } = props;
  const { t } = v;
  // Names in the reader's collation (stroke order for Chinese, alphabetical for English).
  const collator = new Intl.Collator(v.locale === "en" ? "en" : "zh-Hant-TW");
  const byName = (a: AgencyItem, b: AgencyItem) =>
    collator.compare(pick(a.name, v.locale), pick(b.name, v.locale));
  const groups = (["ministries", "councils", "others", "subAgencies"] as const)
    .map((g) => ({ key: g, items: props.agencies.filter((a) => groupOf(a) === g).sort(byName) }))
    .filter((g) => g.items.length);
  return (
    <>
      <h1>{t("web.directory.title")}</h1>
      <p class="lead">{t("web.directory.intro")}</p>
      <form method="get" action="/directory" role="search" class="search-form">
        <label for="directory-q">{t("web.directory.searchLabel")}</label>
        <div class="search-row">
          <input id="directory-q" name="q" type="search" value={q} maxlength={100} autocomplete="off" />
          <button type="submit" class="button button-primary">
            {t("web.directory.search")}
          </button>
        </div>
      </form>
      {q ? (
        <p role="status">
          {t("web.directory.results", { count: props.agencies.length, q })}{" "}
          <a href="/directory">{t("web.directory.clear")}</a>
        </p>
      ) : null}
      {groups.length ? (
        groups.map((g) => (
          <section aria-labelledby={`group-${g.key}`}>
            <h2 id={`group-${g.key}`}>
              {t(`web.directory.group.${g.key}`)}{" "}
              <span class="count">{t("web.directory.groupCount", { count: g.items.length })}</span>
            </h2>
            <AgencyList v={v} agencies={g.items} counts={props.counts} />
          </section>
        ))
      ) : (
        <p class="empty">{q ? t("web.directory.noResults") : t("web.directory.empty")}</p>
      )}
    </>
  );
}

/** Public pages: home and directory (the person page and the resources page have their own files). */
export function publicPages(app: Hono<AppEnv>, kit: PageKit) {
  const { dir } = kit;
  const db = dir.db;

  app.get("/", async (c) => {
    const v = kit.view(c);
    const pages = await Promise.all(
      PUBLIC_ENTITY_TYPES.map((entityType) =>
        // Staff memberships are not public news: read further back so PO arrivals are not crowded out.
        listAudit(db, { entityType, limit: entityType === "membership" ? 50 : ACTIVITY_LIMIT }),
      ),
    );
    const entries = publicEntries(pages.flatMap((p) => p.items))
      .sort((a, b) => b.id - a.id)
      .slice(0, ACTIVITY_LIMIT);
    const refs = await loadAuditRefs(db, entries);
    const activity = entries.map((entry) => ({ entry, sentence: publicSentence(v, entry, refs) }));
    return c.html(
      renderPage(v, { title: v.t("web.site.name"), nav: "home" }, <HomeView v={v} activity={activity} />),
    );
  });

  app.get("/directory", async (c) => {
    const v = kit.view(c);
    const q = (c.req.query("q") ?? "").trim().slice(0, 100);
    const agencies = q
      ? (await listAgencies(dir, { q })).filter((a) => a.kind === "agency")
      : await listAgencies(dir, { level: 2 });
    const counts = new Map(agencies.map((a) => [a.id, a.poCount]));
    return c.html(
      renderPage(
        v,
        { title: v.t("web.directory.title"), nav: "directory" },
        <DirectoryView v={v} agencies={agencies} counts={counts} q={q} />,
      ),
    );
  });
}
