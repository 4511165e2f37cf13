// The public pages of collaborative meeting cases: the index (/cases, filtered by agency, stage and
// year) and one case (/cases/{number}) with its stages, roles, seats, livestream, links and evidence.
// The same use cases as GET /api/v1/cases and /api/v1/cases/{number}.
import type { Hono } from "hono";
import { AppError, fail } from "../../platform/http/errors.ts";
import { listAgencies, type AppEnv } from "../../modules/directory/index.ts";
import {
  addSeat,
  advanceStage,
  caseStages,
  evidenceAudiences,
  recordEvidence,
  releaseCase,
  getCase,
  listCases,
  livestreamConsents,
  type CaseStage,
  type CasesDeps,
} from "../../modules/cases/index.ts";
import { ActionButton, Alert, Choices, Field, Notice, Select, Submit } from "../components.tsx";
import { list, readForm, str } from "../forms.ts";
import type { PageKit } from "../deps.ts";
import { CsrfField, renderPage } from "../layout.tsx";
import { Time, type Ctx, type View } from "../view.tsx";
import { renderAtom } from "../../platform/http/atom.ts";
import { commitmentsOfCase } from "../../modules/commitments/index.ts";
import { meetingPlace } from "../../modules/meetings/index.ts";
import { CaseCommitmentsSection } from "../commitments/commitment-parts.tsx";
import { handbookPages } from "./handbook-page.tsx";
import { managePages } from "./manage-page.tsx";
import { researchPages } from "./research-page.tsx";

type CaseView = Awaited<ReturnType<typeof getCase>>;
type IndexPage = Awaited<ReturnType<typeof listCases>>;
type Label = { "zh-TW": string; en: string };

const label = (v: View, l: Label | null | undefined) => (l ? l[v.locale] : "");
const isHttp = (s: string | null) => !!s && /^https?:\/\//i.test(s);

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

function IndexView(props: {
  v: View;
  filters: { agency?: string; stage?: CaseStage; year?: number };
  agencies: Array<{ slug: string; name: Label }>;
  page: IndexPage;
}) {
  const { v, filters, page } = props;
  const { t } = v;
  const form = "case-filters";
  const filtered = !!(filters.agency || filters.stage || filters.year);
  const thisYear = new Date().getUTCFullYear();
  const years = Array.from({ length: thisYear - 2016 }, (_, i) => String(thisYear + 1 - i));
  const nextHref = (() => {
    if (!page.next) return null;
    const params = new URLSearchParams(v.url.search);
    params.set("cursor", page.next);
    return `/cases?${params.toString()}`;
  })();
  return (
    <>
      <h1>{t("cases.index.title")}</h1>
      <p class="lead">{t("cases.index.lead")}</p>
      <section aria-labelledby="case-filters-title" class="archive-filters">
        <h2 id="case-filters-title">{t("cases.index.filtersTitle")}</h2>
        <form method="get" action="/cases" class="filter-form" id={form}>
          <div class="filter-grid">
            <Select
              v={v}
              form={form}
              name="agency"
              label={t("cases.index.agency")}
              placeholder={t("cases.index.any")}
              value={filters.agency ?? ""}
              options={props.agencies.map((a) => ({ value: a.slug, label: a.name[v.locale] }))}
            />
            <Select
              v={v}
              form={form}
              name="stage"
              label={t("cases.index.stage")}
              placeholder={t("cases.index.any")}
              value={filters.stage ?? ""}
              options={caseStages.map((s) => ({ value: s, label: t(`cases.stage.${s}`) }))}
            />
            <Select
              v={v}
              form={form}
              name="year"
              label={t("cases.index.year")}
              placeholder={t("cases.index.any")}
              value={filters.year ? String(filters.year) : ""}
              options={years.map((y) => ({ value: y, label: y }))}
            />
          </div>
          <p class="actions">
            <Submit label={t("cases.index.apply")} />
            {filtered ? (
              <a class="button button-secondary" href="/cases">
                {t("cases.index.clear")}
              </a>
            ) : null}
          </p>
        </form>
      </section>
      <p>
        {t("cases.index.openData")} <a href="/api/v1/cases/export.csv">CSV</a> ·{" "}
        <a href="/api/v1/cases/export.json">JSON</a> ·{" "}
        <a href={`/cases/feed.atom${filters.agency ? `?agency=${encodeURIComponent(filters.agency)}` : ""}`}>
          Atom
        </a>
      </p>
      {page.items.length ? (
        <ol class="transcript-list" id="case-list">
          {page.items.map((c) => (
            <li>
              <a href={c.url} class="transcript-title">
                {t("cases.case.number", { number: c.number })} · {c.title}
              </a>
              <p class="transcript-meta">
                <span class="tag">{t(`cases.stage.${c.stage}`)}</span>{" "}
                {c.urgent ? <span class="tag">{t("cases.case.urgent")}</span> : null}{" "}
                <span>
                  {c.leadAgency
                    ? t("cases.index.lead-agency", { agency: label(v, c.leadAgency.name) })
                    : t("cases.index.noLead")}
                </span>{" "}
                <Time v={v} at={c.selectedAt} style="date" />
              </p>
            </li>
          ))}
        </ol>
      ) : (
        <p class="empty">{filtered ? t("cases.index.empty") : t("cases.index.emptyAll")}</p>
      )}
      {nextHref ? (
        <nav aria-label={t("cases.index.pages")} class="pager">
          <a href={nextHref} rel="next">
            {t("cases.index.next")}
          </a>
        </nav>
      ) : null}
    </>
  );
}

function SignUp(props: { v: View; c: CaseView }) {
  const { v, c } = props;
  const { t } = v;
  const form = "case-signup";
  return (
    <section aria-labelledby="case-signup-title" id="case-signup">
      <h2 id="case-signup-title">{t("cases.signup.title")}</h2>
      <p>{t("cases.signup.lead", { cap: c.seats.coSigners.cap })}</p>
      {v.actor.personId ? (
        <form method="post" action={`/cases/${c.number}/seats#${form}`} id={form} class="stack-form">
          <CsrfField v={v} />
          <Select
            v={v}
            form={form}
            name="livestreamConsent"
            label={t("cases.signup.consent")}
            required
            value="none"
            options={livestreamConsents.map((l) => ({ value: l, label: t(`cases.livestream.${l}`) }))}
          />
          <Submit label={t("cases.signup.submit")} />
        </form>
      ) : (
        <p>
          <a href={`/sign-in?redirectTo=${encodeURIComponent(`/cases/${c.number}`)}`}>
            {t("cases.signup.signIn")}
          </a>
        </p>
      )}
    </section>
  );
}

function OrganisePanel(props: { v: View; c: CaseView }) {
  const { v, c } = props;
  const { t } = v;
  const next = caseStages[caseStages.indexOf(c.stage) + 1];
  const base = `/cases/${c.number}`;
  return (
    <section aria-labelledby="case-organise-title" id="case-organise">
      <h2 id="case-organise-title">{t("cases.organise.title")}</h2>
      <p>
        <a href={`${base}/manage`}>{t("cases.organise.manage")}</a> ·{" "}
        <a href={`${base}/research`}>{t("cases.organise.research")}</a>
      </p>
      {next && next !== "released" ? (
        <form method="post" action={`${base}/advance`} class="stack-form" id="case-advance">
          <CsrfField v={v} />
          <input type="hidden" name="to" value={next} />
          <Field
            v={v}
            form="case-advance"
            name="artefactUrl"
            type="url"
            label={t("cases.organise.artefactUrl")}
          />
          <Field v={v} form="case-advance" name="note" label={t("cases.organise.note")} />
          <Submit label={t("cases.organise.advance", { stage: t(`cases.stage.${next}`) })} />
        </form>
      ) : null}
      <form method="post" action={`${base}/evidence`} class="stack-form" id="case-evidence-form">
        <CsrfField v={v} />
        <h3>{t("cases.organise.evidenceTitle")}</h3>
        <Select
          v={v}
          form="case-evidence-form"
          name="kind"
          label={t("cases.organise.kind")}
          required
          options={(["link", "post", "mail-out"] as const).map((k) => ({
            value: k,
            label: t(`cases.evidenceKind.${k}`),
          }))}
        />
        <Choices
          v={v}
          form="case-evidence-form"
          name="audiences"
          type="checkbox"
          legend={t("cases.organise.audiences")}
          options={evidenceAudiences.map((a) => ({ value: a, label: t(`cases.audience.${a}`) }))}
        />
        <Field v={v} form="case-evidence-form" name="url" type="url" label={t("cases.organise.url")} />
        <Field v={v} form="case-evidence-form" name="note" label={t("cases.organise.evidenceNote")} />
        <Submit label={t("cases.organise.record")} variant="secondary" />
      </form>
      {c.stage === "tracked" ? (
        <ActionButton
          v={v}
          action={`${base}/release`}
          variant="primary"
          label={t("cases.organise.release")}
        />
      ) : null}
    </section>
  );
}

function CaseView(props: { v: View; c: CaseView; notice?: string; error?: string }) {
  const { v, c } = props;
  const { t } = v;
  const lead = c.roles.find((r) => r.kind === "lead");
  return (
    <>
      <h1>
        {t("cases.case.number", { number: c.number })} · {c.title}
      </h1>
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      {props.error ? <Alert>{props.error}</Alert> : null}
      <p class="notice notice-info">{t("cases.case.visibility")}</p>
      <p class="transcript-meta">
        <span class="tag">{t(`cases.case.origin.${c.origin}`)}</span>{" "}
        {c.urgent ? <span class="tag">{t("cases.case.urgent")}</span> : null}{" "}
        <span>{t("cases.case.currentStage", { stage: t(`cases.stage.${c.stage}`) })}</span>
      </p>
      {c.summary ? <p class="lead">{c.summary}</p> : null}
      {c.pendingLead ? (
        <p class="notice notice-info">
          {t("cases.case.pendingLead", { agency: label(v, c.pendingLead.agency?.name) })}
        </p>
      ) : null}

      <section aria-labelledby="case-stages-title" id="case-stages">
        <h2 id="case-stages-title">{t("cases.case.stagesTitle")}</h2>
        <ol class="stage-list">
          {c.stages.map((s) => (
            <li aria-current={s.status === "current" ? "step" : undefined}>
              <strong>{t(`cases.stage.${s.stage}`)}</strong>{" "}
              <span class="tag">{t(`cases.case.status.${s.status}`)}</span>
              {s.ownerAgency || s.ownerPerson ? (
                <>
                  {" "}
                  {t("cases.case.owner", {
                    owner: [label(v, s.ownerAgency?.name), s.ownerPerson?.name].filter(Boolean).join(" · "),
                  })}
                </>
              ) : null}
              {s.dueOn ? <> · {t("cases.case.due", { date: s.dueOn })}</> : null}
              {s.startedAt ? (
                <>
                  {" "}
                  · {t("cases.case.started")} <Time v={v} at={s.startedAt} style="date" />
                </>
              ) : null}
              {s.completedAt && s.status === "done" ? (
                <>
                  {" "}
                  · {t("cases.case.completed")} <Time v={v} at={s.completedAt} style="date" />
                </>
              ) : null}
              {s.meeting ? (
                <>
                  {" "}
                  · <a href={s.meeting.url}>{t("cases.case.meeting")}</a>
                </>
              ) : null}
              {isHttp(s.artefactUrl) ? (
                <>
                  {" "}
                  · <a href={s.artefactUrl!}>{t("cases.case.artefact")}</a>
                </>
              ) : null}
              {s.note ? <p>{s.note}</p> : null}
            </li>
          ))}
        </ol>
      </section>

      <p id="case-handbook">
        {c.handbook.publishedAt ? (
          <a href={c.handbook.url}>{t("cases.handbook.link")}</a>
        ) : c.can.organise ? (
          <a href={c.handbook.url}>{t("cases.handbook.previewLink")}</a>
        ) : (
          t("cases.handbook.notYet")
        )}
      </p>

      <section aria-labelledby="case-roles-title" id="case-roles">
        <h2 id="case-roles-title">{t("cases.case.rolesTitle")}</h2>
        {c.roles.length ? (
          <ul>
            {c.roles.map((r) => (
              <li>
                {t(`cases.role.${r.kind}`)}：
                {r.agency ? <a href={`/agencies/${r.agency.slug}`}>{label(v, r.agency.name)}</a> : null}
                {r.person ? (
                  <a href={`/people/${r.person.id}`}>
                    {v.locale === "en" ? r.person.nameEn || r.person.name : r.person.name}
                  </a>
                ) : null}
                {r.label ? ` (${r.label})` : null}
                {r.consented && r === lead ? ` ${t("cases.case.consented")}` : null}
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">{t("cases.case.noRoles")}</p>
        )}
        <p>
          <a href={`/cases/${c.number}/checklist`}>{t("goals.checklist.organiserLink")}</a>
        </p>
      </section>

      <section aria-labelledby="case-links-title" id="case-links">
        <h2 id="case-links-title">{t("cases.case.linksTitle")}</h2>
        {c.links.meeting || c.links.petition || c.links.transcript || c.links.response ? (
          <ul>
            {c.links.meeting ? (
              <li>
                {t("cases.case.selectedAt")}：
                <a href={c.links.meeting.url}>{t("cases.case.selectedMeeting")}</a>
              </li>
            ) : null}
            {c.links.petition ? (
              <li>
                {t("cases.case.petition")}：
                {c.links.petition.url ? (
                  <a href={c.links.petition.url}>{c.links.petition.title}</a>
                ) : isHttp(c.links.petition.ref) ? (
                  <a href={c.links.petition.ref!}>{c.links.petition.ref}</a>
                ) : (
                  (c.links.petition.ref ?? c.links.petition.id)
                )}
              </li>
            ) : null}
            {c.links.transcript ? (
              <li>
                {t("cases.case.transcript")}：<a href={c.links.transcript.url}>{c.links.transcript.title}</a>
              </li>
            ) : null}
            {c.links.response ? (
              <li>
                {t("cases.case.response")}：<a href={c.links.response.url}>{t("cases.case.responseLink")}</a>{" "}
                (
                <Time v={v} at={c.links.response.publishedAt} style="date" />)
              </li>
            ) : null}
          </ul>
        ) : (
          <p class="empty">{t("cases.case.noLinks")}</p>
        )}
      </section>

      <section aria-labelledby="case-seats-title" id="case-seats">
        <h2 id="case-seats-title">{t("cases.case.seatsTitle")}</h2>
        <ul>
          {c.seats.agencyStakeholders.byAgency.length ? (
            c.seats.agencyStakeholders.byAgency.map((a) => (
              <li>
                {t("cases.case.agencySeats", {
                  agency: label(v, a.agency?.name),
                  count: a.count,
                  cap: c.seats.agencyStakeholders.cap,
                })}
              </li>
            ))
          ) : (
            <li>{t("cases.case.noAgencySeats", { cap: c.seats.agencyStakeholders.cap })}</li>
          )}
          <li>{t("cases.case.coSigners", c.seats.coSigners)}</li>
          <li>
            {t("cases.case.others", {
              confirmed: c.seats.otherStakeholders.confirmed,
              cap: c.seats.otherStakeholders.cap,
            })}
            {c.seats.otherStakeholders.groups.length
              ? ` ${t("cases.case.groups", { groups: c.seats.otherStakeholders.groups.join(t("common.listSeparator")) })}`
              : null}
          </li>
        </ul>
        <h3>{t("cases.case.livestreamTitle")}</h3>
        <p>
          {t("cases.case.livestream", {
            requested: t(`cases.livestream.${c.livestream.requested}`),
            effective: t(`cases.livestream.${c.livestream.effective}`),
          })}{" "}
          {t("cases.case.consentCounts", c.livestream.consents)}
        </p>
      </section>

      <CaseCommitmentsSection v={v} c={c} />

      {c.stage !== "released" ? <SignUp v={v} c={c} /> : null}
      {c.can.organise ? <OrganisePanel v={v} c={c} /> : null}

      <section aria-labelledby="case-evidence-title" id="case-evidence">
        <h2 id="case-evidence-title">{t("cases.case.evidenceTitle")}</h2>
        {c.evidence.length ? (
          <ul>
            {c.evidence.map((e) => (
              <li>
                {t(`cases.evidenceKind.${e.kind}`)}：
                {e.audiences.map((a) => t(`cases.audience.${a}`)).join(t("common.listSeparator"))}
                {isHttp(e.url) ? (
                  <>
                    {" "}
                    · <a href={e.url!}>{e.url}</a>
                  </>
                ) : null}
                {e.note ? ` · ${e.note}` : null} · <Time v={v} at={e.at} style="date" />
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">{t("cases.case.noEvidence")}</p>
        )}
        {c.releasedAt ? (
          <p>
            {t("cases.case.releasedAt")} <Time v={v} at={c.releasedAt} style="date" />
          </p>
        ) : null}
      </section>

      <section aria-labelledby="case-history-title" id="case-history">
        <h2 id="case-history-title">{t("cases.case.historyTitle")}</h2>
        <p>
          <a href={`/cases/${c.number}/feed.atom`}>Atom</a>
        </p>
        <ol>
          {c.history.map((h) => (
            <li>
              <Time v={v} at={h.at} /> {t(`cases.event.${h.kind}`)}
              {h.kind === "stage" && h.data && typeof h.data === "object" && "to" in h.data
                ? `：${t(`cases.stage.${String((h.data as { to: string }).to)}`)}`
                : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/** The case pages. */
export function casePages(app: Hono<AppEnv>, kit: PageKit) {
  const deps: CasesDeps = {
    db: kit.deps.database.db,
    clock: kit.deps.clock,
    publicUrl: kit.deps.config.publicUrl,
    commitmentsOf: (id) => commitmentsOfCase(kit.deps.database.db, id),
    meetingOf: meetingPlace,
  };
  handbookPages(app, kit, deps);
  managePages(app, kit, deps);
  researchPages(app, kit, deps);

  app.get("/cases", async (c) => {
    const v = kit.view(c);
    const filters = {
      agency: c.req.query("agency") || undefined,
      stage: oneOf(c, "stage", caseStages),
      year: yearOf(c),
    };
    const [page, agencies] = await Promise.all([
      listCases(deps, { ...filters, cursor: c.req.query("cursor") || undefined, limit: 50 }),
      listAgencies(kit.dir, { level: 2, kind: "agency" }),
    ]);
    return c.html(
      renderPage(
        v,
        { title: v.t("cases.index.title"), nav: "cases" },
        <IndexView v={v} filters={filters} agencies={agencies} page={page} />,
      ),
    );
  });

  // Atom feeds, registered before /cases/:number (which takes only numbers). Public records only:
  // the index as the public reads it, and a case's public history.
  app.get("/cases/feed.atom", async (c) => {
    const v = kit.view(c);
    const agency = c.req.query("agency") || undefined;
    const { items } = await listCases(deps, { agency, limit: 50 });
    const self = `${deps.publicUrl}/cases/feed.atom${agency ? `?agency=${encodeURIComponent(agency)}` : ""}`;
    const xml = renderAtom({
      id: self,
      title: v.t("cases.feed.indexTitle") + (agency ? ` — ${agency}` : ""),
      link: `${deps.publicUrl}/cases${agency ? `?agency=${encodeURIComponent(agency)}` : ""}`,
      selfLink: self,
      language: v.locale,
      updated: items.reduce(
        (max, x) => (new Date(x.updatedAt) > max ? new Date(x.updatedAt) : max),
        new Date(0),
      ),
      entries: items.map((x) => ({
        id: `${deps.publicUrl}${x.url}`,
        title: `${v.t("cases.case.number", { number: x.number })} · ${x.title}`,
        link: `${deps.publicUrl}${x.url}`,
        updated: new Date(x.updatedAt),
        published: new Date(x.selectedAt),
        summary: v.t("cases.feed.stage", { stage: v.t(`cases.stage.${x.stage}`) }),
      })),
    });
    return c.body(xml, 200, { "content-type": "application/atom+xml; charset=utf-8" });
  });

  app.get("/cases/:number/feed.atom", async (c) => {
    const v = kit.view(c);
    const raw = c.req.param("number");
    if (!/^\d{1,9}$/.test(raw)) throw fail.notFound();
    const view = await getCase(deps, v.actor, raw);
    const self = `${deps.publicUrl}/cases/${view.number}/feed.atom`;
    const name = `${v.t("cases.case.number", { number: view.number })} · ${view.title}`;
    const history = [...view.history].reverse();
    const xml = renderAtom({
      id: self,
      title: name,
      link: `${deps.publicUrl}${view.url}`,
      selfLink: self,
      language: v.locale,
      updated: new Date(history[0]?.at ?? view.updatedAt),
      entries: history.map((h, i) => ({
        id: `${deps.publicUrl}${view.url}#history-${history.length - 1 - i}`,
        title: `${v.t(`cases.event.${h.kind}`)} — ${name}`,
        link: `${deps.publicUrl}${view.url}#case-history`,
        updated: new Date(h.at),
      })),
    });
    return c.body(xml, 200, { "content-type": "application/atom+xml; charset=utf-8" });
  });

  app.get("/cases/:number", async (c) => {
    const v = kit.view(c);
    const raw = c.req.param("number");
    if (!/^\d{1,9}$/.test(raw)) throw fail.notFound();
    const view = await getCase(deps, v.actor, raw);
    return c.html(
      renderPage(
        v,
        { title: `${v.t("cases.case.number", { number: view.number })} · ${view.title}`, nav: "cases" },
        <CaseView v={v} c={view} />,
      ),
    );
  });

  /**
   * Runs a signed-in person's action from the case page (the use case checks who may), then shows
   * the case with the outcome: a notice, or the refusal with its status.
   */
  const caseAction = (path: string, run: (c: Ctx, number: string) => Promise<string>) =>
    app.post(`/cases/:number/${path}`, async (c) => {
      const v = kit.view(c);
      const raw = c.req.param("number");
      if (!/^\d{1,9}$/.test(raw)) throw fail.notFound();
      if (!v.actor.personId)
        return c.redirect(`/sign-in?redirectTo=${encodeURIComponent(`/cases/${raw}`)}`, 303);
      let notice: string | undefined;
      let error: AppError | null = null;
      try {
        notice = await run(c, raw);
      } catch (err) {
        if (!(err instanceof AppError) || err.def.status === 404 || err.def.status >= 500) throw err;
        error = err;
      }
      const view = await getCase(deps, v.actor, raw);
      return c.html(
        renderPage(
          v,
          {
            title: `${v.t("cases.case.number", { number: view.number })} · ${view.title}`,
            nav: "cases",
            langPath: `/cases/${view.number}`,
            hasError: !!error,
          },
          <CaseView v={v} c={view} notice={notice} error={error?.localized(v.locale)} />,
        ),
        error ? (error.def.status as 400 | 403 | 409) : 200,
      );
    });

  // A signed-in person takes a co-signer seat (or joins the waiting list), with their livestream consent.
  caseAction("seats", async (c, number) => {
    const v = kit.view(c);
    const form = await c.req.parseBody();
    const consent = (livestreamConsents as readonly string[]).includes(String(form["livestreamConsent"]))
      ? (String(form["livestreamConsent"]) as (typeof livestreamConsents)[number])
      : "none";
    const seat = await addSeat(deps, v.actor, number, { category: "co-signer", livestreamConsent: consent });
    return v.t(seat.state === "waiting" ? "cases.signup.waiting" : "cases.signup.confirmed");
  });

  caseAction("advance", async (c, number) => {
    const v = kit.view(c);
    const form = await readForm(c);
    const to = str(form, "to");
    if (!(caseStages as readonly string[]).includes(to)) throw fail.invalid("to", "is not a stage");
    const url = str(form, "artefactUrl");
    if (url && !/^https?:\/\/\S+$/i.test(url))
      throw fail.invalid("artefactUrl", "must be an http(s) address");
    await advanceStage(deps, v.actor, number, {
      to: to as CaseStage,
      artefactUrl: url || undefined,
      note: str(form, "note") || undefined,
    });
    return v.t("cases.organise.advanced", { stage: v.t(`cases.stage.${to}`) });
  });
  caseAction("evidence", async (c, number) => {
    const v = kit.view(c);
    const form = await readForm(c);
    const kind = str(form, "kind");
    if (!["link", "post", "mail-out"].includes(kind)) throw fail.invalid("kind", "is not one of the choices");
    const audiences = list(form, "audiences").filter((a) =>
      (evidenceAudiences as readonly string[]).includes(a),
    );
    if (!audiences.length) throw fail.invalid("audiences", "name at least one audience");
    const url = str(form, "url");
    if (url && !/^https?:\/\/\S+$/i.test(url)) throw fail.invalid("url", "must be an http(s) address");
    await recordEvidence(deps, v.actor, number, {
      kind: kind as "link" | "post" | "mail-out",
      audiences: audiences as Array<(typeof evidenceAudiences)[number]>,
      url: url || undefined,
      note: str(form, "note") || undefined,
    });
    return v.t("cases.organise.recorded");
  });
  caseAction("release", async (c, number) => {
    const v = kit.view(c);
    await releaseCase(deps, v.actor, number, {});
    return v.t("cases.organise.released");
  });
}
