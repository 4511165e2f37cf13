// The public pages of commitments: the index (/commitments, filtered by agency, status and overdue),
// one commitment (/commitments/{id}) with its dated history (status updates and public revisions), the
// update and revise forms, the Atom feed of both (/commitments/feed.atom?agency=slug), and a meeting's tracking list
// (/meetings/{id}/tracking) with the chair's decision forms. The same use cases as /api/v1/commitments.
import type { Hono } from "hono";
import { AppError, fail } from "../../platform/http/errors.ts";
import { isCalendarDate } from "../../platform/http/dates.ts";
import { renderAtom } from "../../platform/http/atom.ts";
import { listAgencies, type AppEnv } from "../../modules/directory/index.ts";
import {
  commitmentStatuses,
  createCommitment,
  getCommitment,
  listCommitments,
  nextStatuses,
  recentCommitmentUpdates,
  recordDecision,
  reviseCommitment,
  trackingDecisions,
  trackingList,
  updateCommitment,
  type CommitmentsDeps,
  type CommitmentStatus,
  type TrackingDecision,
} from "../../modules/commitments/index.ts";
import { meetingRef } from "../../modules/meetings/index.ts";
import { isPdis } from "../../modules/directory/index.ts";
import {
  Alert,
  emptyForm,
  Field,
  Form,
  Notice,
  Select,
  Submit,
  TextArea,
  type FormState,
} from "../components.tsx";
import { attempt, errorState, readForm, str, Validator, type FormValues } from "../forms.ts";
import type { PageKit } from "../deps.ts";
import { CsrfField, renderPage } from "../layout.tsx";
import { Time, type Ctx, type View } from "../view.tsx";
import { CommitmentLine } from "./commitment-parts.tsx";

type Label = { "zh-TW": string; en: string };
type CommitmentView = Awaited<ReturnType<typeof getCommitment>>;
type IndexPage = Awaited<ReturnType<typeof listCommitments>>;
type Tracking = Awaited<ReturnType<typeof trackingList>>;
type FeedEntry = Awaited<ReturnType<typeof recentCommitmentUpdates>>[number];
type Pair<T> = { before: T; after: T };
type Changes = {
  text?: Pair<string>;
  ownerAgency?: Pair<{ name: Label } | null>;
  dueOn?: Pair<string>;
};
type AgencyOption = { slug: string; name: Label };

const isHttp = (s: string) => /^https?:\/\/\S+$/i.test(s);

function IndexView(props: {
  v: View;
  filters: { agency?: string; status?: CommitmentStatus; overdue?: boolean; case?: number };
  agencies: Array<{ slug: string; name: Label }>;
  page: IndexPage;
}) {
  const { v, filters, page } = props;
  const { t } = v;
  const form = "commitment-filters";
  const filtered = !!(filters.agency || filters.status || filters.overdue || filters.case);
  const nextHref = (() => {
    if (!page.next) return null;
    const params = new URLSearchParams(v.url.search);
    params.set("cursor", page.next);
    return `/commitments?${params.toString()}`;
  })();
  const feed = `/commitments/feed.atom${filters.agency ? `?agency=${encodeURIComponent(filters.agency)}` : ""}`;
  return (
    <>
      <h1>{t("commitments.page.indexTitle")}</h1>
      <p class="lead">{t("commitments.page.indexLead")}</p>
      <section aria-labelledby="commitment-filters-title" class="archive-filters">
        <h2 id="commitment-filters-title">{t("commitments.page.filtersTitle")}</h2>
        <form method="get" action="/commitments" class="filter-form" id={form}>
          {filters.case ? <input type="hidden" name="case" value={String(filters.case)} /> : null}
          <div class="filter-grid">
            <Select
              v={v}
              form={form}
              name="agency"
              label={t("commitments.page.ownerAgency")}
              placeholder={t("commitments.page.any")}
              value={filters.agency ?? ""}
              options={props.agencies.map((a) => ({ value: a.slug, label: a.name[v.locale] }))}
            />
            <Select
              v={v}
              form={form}
              name="status"
              label={t("commitments.page.status")}
              placeholder={t("commitments.page.any")}
              value={filters.status ?? ""}
              options={commitmentStatuses.map((s) => ({ value: s, label: t(`commitments.status.${s}`) }))}
            />
            <Select
              v={v}
              form={form}
              name="overdue"
              label={t("commitments.page.overdueFilter")}
              placeholder={t("commitments.page.any")}
              value={filters.overdue ? "true" : ""}
              options={[{ value: "true", label: t("commitments.page.onlyOverdue") }]}
            />
          </div>
          <p class="actions">
            <Submit label={t("commitments.page.apply")} />
            {filtered ? (
              <a class="button button-secondary" href="/commitments">
                {t("commitments.page.clear")}
              </a>
            ) : null}
          </p>
        </form>
      </section>
      <p>
        {t("commitments.page.openData")} <a href="/api/v1/commitments/export.csv">CSV</a> ·{" "}
        <a href="/api/v1/commitments/export.json">JSON</a> · <a href={feed}>Atom</a>
      </p>
      {filters.case ? (
        <p>
          <a href={`/cases/${filters.case}`}>{t("commitments.page.caseLink", { number: filters.case })}</a>
        </p>
      ) : null}
      {page.items.length ? (
        <ul class="transcript-list" id="commitment-list">
          {page.items.map((c) => (
            <CommitmentLine v={v} c={c} />
          ))}
        </ul>
      ) : (
        <p class="empty">{filtered ? t("commitments.page.empty") : t("commitments.page.emptyAll")}</p>
      )}
      {nextHref ? (
        <nav aria-label={t("commitments.page.pages")} class="pager">
          <a href={nextHref} rel="next">
            {t("commitments.page.next")}
          </a>
        </nav>
      ) : null}
    </>
  );
}

function UpdateForm(props: { v: View; c: CommitmentView }) {
  const { v, c } = props;
  const { t } = v;
  const form = "commitment-update";
  return (
    <form method="post" action={`/commitments/${c.id}/updates#${form}`} class="stack-form" id={form}>
      <CsrfField v={v} />
      <h2>{t("commitments.page.updateTitle")}</h2>
      <Select
        v={v}
        form={form}
        name="status"
        label={t("commitments.page.status")}
        required
        value={c.status}
        options={nextStatuses(c.status).map((s) => ({ value: s, label: t(`commitments.status.${s}`) }))}
      />
      <TextArea
        v={v}
        form={form}
        name="body"
        label={t("commitments.page.updateBody")}
        hint={t("commitments.page.updateHint")}
        required
        rows={4}
      />
      <TextArea
        v={v}
        form={form}
        name="evidence"
        label={t("commitments.page.evidence")}
        hint={t("commitments.page.evidenceHint")}
        rows={2}
      />
      <Submit label={t("commitments.page.post")} />
    </form>
  );
}

/** The lines saying what a revision changed, before → after, in the reader's language. */
function changeLines(v: View, changes: Changes): string[] {
  const { t } = v;
  const lines: string[] = [];
  if (changes.dueOn) lines.push(t("commitments.page.changedDueOn", changes.dueOn));
  if (changes.ownerAgency)
    lines.push(
      t("commitments.page.changedOwner", {
        before: changes.ownerAgency.before?.name[v.locale] ?? "",
        after: changes.ownerAgency.after?.name[v.locale] ?? "",
      }),
    );
  if (changes.text) lines.push(t("commitments.page.changedText", changes.text));
  return lines;
}

/** A feed entry's title and summary: a status update, or a revision with what changed and why. */
function feedText(v: View, x: FeedEntry) {
  if (x.kind === "update")
    return { title: `${v.t(`commitments.status.${x.status}`)} — ${x.commitment.text}`, summary: x.body };
  const lines = changeLines(v, x.changes);
  return {
    title: `${v.t("commitments.page.revisedTag")} — ${x.commitment.text}`,
    summary: [...lines, v.t("commitments.page.revisionReason", { reason: x.reason })].join("\n"),
  };
}

function RevisionEntry(props: { v: View; r: CommitmentView["revisions"][number] }) {
  const { v, r } = props;
  const { t } = v;
  return (
    <li id={`revision-${r.id}`}>
      <Time v={v} at={r.at} style="date" /> <span class="tag">{t("commitments.page.revisedTag")}</span>
      {r.agency ? ` ${r.agency.name[v.locale]}` : null}
      <ul>
        {changeLines(v, r.changes).map((line) => (
          <li>{line}</li>
        ))}
      </ul>
      <p>{t("commitments.page.revisionReason", { reason: r.reason })}</p>
      {r.clearedOverdueAt ? <p>{t("commitments.page.overdueCleared")}</p> : null}
    </li>
  );
}

/** The commitment's public history, oldest first: recorded, status updates, revisions, overdue flags. */
function History(props: { v: View; c: CommitmentView }) {
  const { v, c } = props;
  const { t } = v;
  const flagged = (at: string) => (
    <li>
      <Time v={v} at={at} style="date" /> {t("commitments.page.flaggedOverdue")}
    </li>
  );
  const entries: Array<{ at: string; node: unknown }> = [
    {
      at: c.createdAt,
      node: (
        <li>
          <Time v={v} at={c.createdAt} style="date" /> {t("commitments.page.recorded")}
        </li>
      ),
    },
    ...c.updates.map((u) => ({
      at: u.at,
      node: (
        <li>
          <Time v={v} at={u.at} style="date" /> <span class="tag">{t(`commitments.status.${u.status}`)}</span>
          {u.agency ? ` ${u.agency.name[v.locale]}` : null}
          <p>{u.body}</p>
          {u.evidence.length ? (
            <ul>
              {u.evidence.map((e) => (
                <li>
                  <a href={e}>{e}</a>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ),
    })),
    ...c.revisions.flatMap((r) => [
      ...(r.clearedOverdueAt ? [{ at: r.clearedOverdueAt, node: flagged(r.clearedOverdueAt) }] : []),
      { at: r.at, node: <RevisionEntry v={v} r={r} /> },
    ]),
    ...(c.overdueAt ? [{ at: c.overdueAt, node: flagged(c.overdueAt) }] : []),
  ];
  // A stable sort: at the same instant, the order above (recorded, updates, revisions, flags) holds.
  entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return (
    <section aria-labelledby="commitment-history-title" id="commitment-history">
      <h2 id="commitment-history-title">{t("commitments.page.historyTitle")}</h2>
      <ol class="activity timeline">{entries.map((e) => e.node)}</ol>
    </section>
  );
}

/** The form revising a commitment (those who may record it from its sources; the reason is public). */
function ReviseForm(props: { v: View; c: CommitmentView; agencies: AgencyOption[]; state?: FormState }) {
  const { v, c } = props;
  const { t } = v;
  const form = "commitment-revise";
  const state =
    props.state ??
    emptyForm({ text: c.text, ownerAgency: c.ownerAgency?.slug ?? "", dueOn: c.dueOn, reason: "" });
  const options = [...props.agencies];
  if (c.ownerAgency && !options.some((a) => a.slug === c.ownerAgency!.slug)) options.unshift(c.ownerAgency);
  return (
    <Form
      v={v}
      id={form}
      action={`/commitments/${c.id}/revisions`}
      state={state}
      labels={{
        text: t("commitments.page.text"),
        ownerAgency: t("commitments.page.ownerAgency"),
        dueOn: t("commitments.page.dueOn"),
        reason: t("commitments.page.reviseReason"),
      }}
    >
      <h2>{t("commitments.page.reviseTitle")}</h2>
      <p class="hint">{t("commitments.page.reviseLead")}</p>
      <TextArea
        v={v}
        form={form}
        name="text"
        label={t("commitments.page.text")}
        state={state}
        required
        rows={3}
        maxlength={5_000}
      />
      <Select
        v={v}
        form={form}
        name="ownerAgency"
        label={t("commitments.page.ownerAgency")}
        state={state}
        required
        options={options.map((a) => ({ value: a.slug, label: a.name[v.locale] }))}
      />
      {c.can.moveDueDate ? (
        <Field
          v={v}
          form={form}
          name="dueOn"
          label={t("commitments.page.dueOn")}
          hint={t("commitments.page.dueHint")}
          state={state}
          required
        />
      ) : (
        <p class="hint" id={`${form}-own-due-date`}>
          {t("commitments.page.ownDueDate")}
        </p>
      )}
      <TextArea
        v={v}
        form={form}
        name="reason"
        label={t("commitments.page.reviseReason")}
        hint={t("commitments.page.reviseReasonHint")}
        state={state}
        required
        rows={3}
        maxlength={2_000}
      />
      <Submit label={t("commitments.page.revise")} variant="secondary" />
    </Form>
  );
}

function CommitmentPage(props: {
  v: View;
  c: CommitmentView;
  agencies: AgencyOption[];
  notice?: string;
  error?: string;
  revise?: FormState;
}) {
  const { v, c } = props;
  const { t } = v;
  return (
    <>
      <h1>{c.text}</h1>
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      {props.error ? <Alert>{props.error}</Alert> : null}
      <p class="notice notice-info">{t("commitments.page.visibility")}</p>
      <dl class="facts">
        <div>
          <dt>{t("commitments.page.status")}</dt>
          <dd>
            <span class="tag">{t(`commitments.status.${c.status}`)}</span>{" "}
            {c.overdue ? <strong class="tag tag-urgent">{t("commitments.page.overdue")}</strong> : null}
          </dd>
        </div>
        <div>
          <dt>{t("commitments.page.ownerAgency")}</dt>
          <dd>
            {c.ownerAgency ? (
              <a href={`/agencies/${c.ownerAgency.slug}`}>{c.ownerAgency.name[v.locale]}</a>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t("commitments.page.dueOn")}</dt>
          <dd>
            {c.dueOn}
            {c.originalDueOn ? ` ${t("commitments.page.originallyDue", { date: c.originalDueOn })}` : null}
          </dd>
        </div>
        {c.droppedReason ? (
          <div>
            <dt>{t("commitments.page.droppedReason")}</dt>
            <dd>{c.droppedReason}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("commitments.page.source")}</dt>
          <dd>
            <ul>
              {c.case ? (
                <li>
                  <a href={c.case.url}>
                    {t("commitments.page.caseLink", { number: c.case.number })} · {c.case.title}
                  </a>
                </li>
              ) : null}
              {c.meeting ? (
                <li>
                  <a href={c.meeting.url}>{t("commitments.page.meeting")}</a>
                </li>
              ) : null}
              {c.petition ? (
                <li>
                  <a href={c.petition.url}>
                    {t("commitments.page.petitionLink", { title: c.petition.title })}
                  </a>
                </li>
              ) : null}
            </ul>
          </dd>
        </div>
      </dl>
      <History v={v} c={c} />
      {c.can.update ? <UpdateForm v={v} c={c} /> : null}
      {c.can.revise ? <ReviseForm v={v} c={c} agencies={props.agencies} state={props.revise} /> : null}
    </>
  );
}

function TrackingPage(props: {
  v: View;
  meeting: { id: string; title: string; date: string; kind: string };
  items: Tracking;
  decide: boolean;
  notice?: string;
  error?: string;
}) {
  const { v, meeting, items } = props;
  const { t } = v;
  return (
    <>
      <h1>{t("commitments.page.trackingTitle", { title: meeting.title })}</h1>
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      {props.error ? <Alert>{props.error}</Alert> : null}
      <p class="lead">{t("commitments.page.trackingLead")}</p>
      <p>
        <a href={`/meetings/${meeting.id}`}>{t("commitments.page.backToMeeting")}</a>
      </p>
      {items.length ? (
        <ol class="transcript-list" id="tracking-list">
          {items.map((e) => {
            const form = `decision-${e.number}`;
            return (
              <li>
                <h2>
                  <a href={e.url}>
                    {t("commitments.page.caseLink", { number: e.number })} · {e.title}
                  </a>
                </h2>
                <p class="transcript-meta">
                  {e.leadAgency ? t("commitments.page.lead", { agency: e.leadAgency.name[v.locale] }) : null}{" "}
                  · {t("commitments.page.counts", e.commitments)}
                </p>
                {e.latestUpdate ? (
                  <p>
                    {t("commitments.page.latest")} <Time v={v} at={e.latestUpdate.at} style="date" />{" "}
                    <a href={e.latestUpdate.commitment.url}>{e.latestUpdate.commitment.text}</a>：
                    {e.latestUpdate.body}
                  </p>
                ) : (
                  <p class="empty">{t("commitments.page.noUpdate")}</p>
                )}
                <p>
                  {e.decision
                    ? t("commitments.page.decided", {
                        decision: t(`commitments.decision.${e.decision.decision}`),
                      })
                    : t("commitments.page.undecided")}
                  {e.decision?.note ? ` · ${e.decision.note}` : null}
                </p>
                {props.decide && meeting.kind === "monthly" ? (
                  <form
                    method="post"
                    action={`/meetings/${meeting.id}/tracking/decisions#${form}`}
                    class="stack-form"
                    id={form}
                  >
                    <CsrfField v={v} />
                    <input type="hidden" name="caseNumber" value={String(e.number)} />
                    <Select
                      v={v}
                      form={form}
                      name="decision"
                      label={t("commitments.page.decision")}
                      required
                      value={e.decision?.decision ?? ""}
                      options={trackingDecisions.map((d) => ({
                        value: d,
                        label: t(`commitments.decision.${d}`),
                      }))}
                    />
                    <Field v={v} form={form} name="note" label={t("commitments.page.note")} />
                    <Submit label={t("commitments.page.record")} variant="secondary" />
                  </form>
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : (
        <p class="empty">{t("commitments.page.noTracked")}</p>
      )}
    </>
  );
}

/**
 * A revision's refusal as the form's state: an unknown agency and a malformed date in the reader's
 * language next to their fields; the module's own errors (already in both languages) next to the field
 * they name, or at the top of the form.
 */
function revisionErrorState(v: View, err: AppError, values: FormValues): FormState {
  if (err.code === "invalid_input" && err.field === "ownerAgencyId")
    return { values, errors: { ownerAgency: v.t("commitments.page.noSuchAgency") } };
  if (err.code === "invalid_input" && err.field === "dueOn")
    return { values, errors: { dueOn: v.t("commitments.page.badDate") } };
  return errorState(v, err, values, { ownerAgencyId: "ownerAgency" });
}

/** The commitment pages and their forms. */
export function commitmentPages(app: Hono<AppEnv>, kit: PageKit) {
  const db = kit.deps.database.db;
  const deps: CommitmentsDeps = {
    db,
    clock: kit.deps.clock,
    publicUrl: kit.deps.config.publicUrl,
    meetingOf: (id) => meetingRef(db, id),
  };

  app.get("/commitments", async (c) => {
    const v = kit.view(c);
    const status = c.req.query("status") || undefined;
    if (status && !(commitmentStatuses as readonly string[]).includes(status))
      throw fail.invalid("status", "is not one of the choices");
    const rawCase = c.req.query("case") || undefined;
    if (rawCase && !/^\d{1,9}$/.test(rawCase)) throw fail.invalid("case", "must be a case number");
    const filters = {
      agency: c.req.query("agency") || undefined,
      status: status as CommitmentStatus | undefined,
      overdue: c.req.query("overdue") === "true" ? true : undefined,
      case: rawCase ? Number(rawCase) : undefined,
    };
    const [page, agencies] = await Promise.all([
      listCommitments(deps, { ...filters, cursor: c.req.query("cursor") || undefined, limit: 50 }),
      listAgencies(kit.dir, { level: 2, kind: "agency" }),
    ]);
    return c.html(
      renderPage(
        v,
        {
          title: v.t("commitments.page.indexTitle"),
          nav: "cases",
          feeds: [{ href: "/commitments/feed.atom", title: v.t("commitments.page.feedTitle") }],
        },
        <IndexView v={v} filters={filters} agencies={agencies} page={page} />,
      ),
    );
  });

  // Registered before /commitments/:id. Public records only: the dated status updates.
  app.get("/commitments/feed.atom", async (c) => {
    const v = kit.view(c);
    const agency = c.req.query("agency") || undefined;
    const items = await recentCommitmentUpdates(deps, { agency, limit: 50 });
    const q = agency ? `?agency=${encodeURIComponent(agency)}` : "";
    const self = `${deps.publicUrl}/commitments/feed.atom${q}`;
    const xml = renderAtom({
      id: self,
      title: v.t("commitments.page.feedTitle") + (agency ? ` — ${agency}` : ""),
      link: `${deps.publicUrl}/commitments${q}`,
      selfLink: self,
      language: v.locale,
      updated: new Date(items[0]?.at ?? 0),
      entries: items.map((x) => ({
        id: `${deps.publicUrl}${x.commitment.url}#${x.kind}-${x.id}`,
        ...feedText(v, x),
        link: `${deps.publicUrl}${x.commitment.url}`,
        updated: new Date(x.at),
      })),
    });
    return c.body(xml, 200, { "content-type": "application/atom+xml; charset=utf-8" });
  });

  /** One commitment's page, after a form's outcome when there was one. */
  const commitmentPage = async (
    c: Ctx,
    outcome: { notice?: string; error?: AppError | null; revise?: FormState; status?: number } = {},
  ) => {
    const v = kit.view(c);
    const view = await getCommitment(deps, v.actor, c.req.param("id") ?? "");
    const agencies = view.can.revise ? await listAgencies(kit.dir, { level: 2, kind: "agency" }) : [];
    const failed = !!outcome.error || (outcome.status ?? 200) >= 400;
    return c.html(
      renderPage(
        v,
        { title: view.text, nav: "cases", langPath: `/commitments/${view.id}`, hasError: failed },
        <CommitmentPage
          v={v}
          c={view}
          agencies={agencies}
          notice={outcome.notice}
          error={outcome.error?.localized(v.locale)}
          revise={outcome.revise}
        />,
      ),
      (outcome.status ?? (outcome.error ? outcome.error.def.status : 200)) as 200 | 400 | 403 | 409,
    );
  };

  app.get("/commitments/:id", (c) => commitmentPage(c));

  // A new commitment from a case's or a petition's page: on success, its own page.
  app.post("/commitments", async (c) => {
    const v = kit.view(c);
    if (!v.actor.personId) return c.redirect("/sign-in?redirectTo=%2Fcommitments", 303);
    const form = await readForm(c);
    const caseNumber = str(form, "caseNumber");
    const petitionId = str(form, "petitionId");
    const back = caseNumber
      ? `/cases/${caseNumber}`
      : petitionId
        ? `/petitions/${petitionId}`
        : "/commitments";
    try {
      const text = str(form, "text");
      if (!text) throw fail.invalid("text", "must not be empty");
      if (caseNumber && !/^\d{1,9}$/.test(caseNumber))
        throw fail.invalid("caseNumber", "must be a case number");
      if (petitionId && !/^[0-9a-f-]{36}$/i.test(petitionId))
        throw fail.invalid("petitionId", "must be a petition id");
      const created = await createCommitment(deps, v.actor, {
        text: text.slice(0, 5_000),
        ownerAgencyId: str(form, "ownerAgency"),
        dueOn: str(form, "dueOn"),
        caseNumber: caseNumber ? Number(caseNumber) : undefined,
        petitionId: petitionId || undefined,
      });
      return c.redirect(created.url, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.def.status >= 500) throw err;
      const body = (
        <>
          <h1>{v.t("commitments.page.newTitle")}</h1>
          <Alert>
            {err.localized(v.locale)}
            {err.field ? ` (${err.field})` : null}
          </Alert>
          <p>
            <a href={back}>{v.t("commitments.page.back")}</a>
          </p>
        </>
      );
      return c.html(
        renderPage(v, { title: v.t("commitments.page.newTitle"), hasError: true, noindex: true }, body),
        err.def.status as 400 | 403 | 404 | 409,
      );
    }
  });

  app.post("/commitments/:id/updates", async (c) => {
    const v = kit.view(c);
    const id = c.req.param("id");
    if (!v.actor.personId)
      return c.redirect(`/sign-in?redirectTo=${encodeURIComponent(`/commitments/${id}`)}`, 303);
    let notice: string | undefined;
    let error: AppError | null = null;
    try {
      const form = await readForm(c);
      const status = str(form, "status");
      if (!(commitmentStatuses as readonly string[]).includes(status))
        throw fail.invalid("status", "is not one of the choices");
      const body = str(form, "body");
      if (!body) throw fail.invalid("body", "must not be empty");
      const evidence = str(form, "evidence").split(/\s+/).filter(Boolean);
      const bad = evidence.findIndex((e) => !isHttp(e) || e.length > 2000);
      if (bad >= 0) throw fail.invalid(`evidence.${bad}`, "must be an http(s) address");
      await updateCommitment(deps, v.actor, id, {
        status: status as CommitmentStatus,
        body: body.slice(0, 10_000),
        evidence: evidence.slice(0, 20),
      });
      notice = v.t("commitments.page.posted");
    } catch (err) {
      if (!(err instanceof AppError) || err.def.status === 404 || err.def.status >= 500) throw err;
      error = err;
    }
    return commitmentPage(c, { notice, error });
  });

  // A public revision from the commitment's page: errors next to their fields, in the reader's language.
  app.post("/commitments/:id/revisions", async (c) => {
    const v = kit.view(c);
    const id = c.req.param("id");
    if (!v.actor.personId)
      return c.redirect(`/sign-in?redirectTo=${encodeURIComponent(`/commitments/${id}`)}`, 303);
    const form = new Validator(v, await readForm(c));
    const text = form.required("text", 5_000);
    const ownerAgency = form.optional("ownerAgency", 100);
    const dueOn = form.optional("dueOn", 10);
    if (dueOn && !isCalendarDate(dueOn)) form.fail("dueOn", "commitments.page.badDate");
    const reason = form.required("reason", 2_000);
    if (!form.ok) return commitmentPage(c, { revise: form.state(), status: 400 });
    const result = await attempt(() =>
      reviseCommitment(deps, v.actor, { id, text, ownerAgencyId: ownerAgency, dueOn, reason }),
    );
    if (!result.ok) {
      if (result.error.def.status === 404) throw result.error;
      return commitmentPage(c, {
        revise: revisionErrorState(v, result.error, form.values),
        status: result.error.def.status,
      });
    }
    return commitmentPage(c, { notice: v.t("commitments.page.revised") });
  });

  const trackingPage = async (c: Ctx, outcome: { notice?: string; error?: AppError | null } = {}) => {
    const v = kit.view(c);
    const meeting = await meetingRef(db, c.req.param("id") ?? "");
    if (!meeting) throw fail.notFound();
    const items = await trackingList(db, meeting.id);
    return c.html(
      renderPage(
        v,
        {
          title: v.t("commitments.page.trackingTitle", { title: meeting.title }),
          langPath: `/meetings/${meeting.id}/tracking`,
          hasError: !!outcome.error,
        },
        <TrackingPage
          v={v}
          meeting={meeting}
          items={items}
          decide={v.actor.isAdmin || isPdis(v.actor)}
          notice={outcome.notice}
          error={outcome.error?.localized(v.locale)}
        />,
      ),
      outcome.error ? (outcome.error.def.status as 400 | 403 | 409) : 200,
    );
  };

  app.get("/meetings/:id/tracking", (c) => trackingPage(c));

  app.post("/meetings/:id/tracking/decisions", async (c) => {
    const v = kit.view(c);
    const id = c.req.param("id");
    if (!v.actor.personId)
      return c.redirect(`/sign-in?redirectTo=${encodeURIComponent(`/meetings/${id}/tracking`)}`, 303);
    let notice: string | undefined;
    let error: AppError | null = null;
    try {
      const form = await readForm(c);
      const decision = str(form, "decision");
      if (!(trackingDecisions as readonly string[]).includes(decision))
        throw fail.invalid("decision", "is not one of the choices");
      const number = str(form, "caseNumber");
      if (!/^\d{1,9}$/.test(number)) throw fail.invalid("caseNumber", "must be a case number");
      await recordDecision(deps, v.actor, id, {
        caseNumber: Number(number),
        decision: decision as TrackingDecision,
        note: str(form, "note").slice(0, 5_000) || undefined,
      });
      notice = v.t("commitments.page.decisionRecorded");
    } catch (err) {
      if (!(err instanceof AppError) || err.def.status === 404 || err.def.status >= 500) throw err;
      error = err;
    }
    return trackingPage(c, { notice, error });
  });
}
