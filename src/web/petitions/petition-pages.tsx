import type { Hono } from "hono";
import { listAgencies, publicActor, type AppEnv } from "../../modules/directory/index.ts";
import { casesOfPetition } from "../../modules/cases/index.ts";
import { commitmentsOfPetition } from "../../modules/commitments/index.ts";
import { PetitionCommitmentsSection } from "../commitments/commitment-parts.tsx";
import {
  addUpdate,
  assignPetition,
  canOnPetition,
  extendResponse,
  followPetition,
  getPetition,
  listPetitions,
  petitionStates,
  publishPlan,
  publishResponse,
  recordEndorsements,
  saveResponse,
  withdrawPetition,
  type PetitionsDeps,
  type PetitionView,
} from "../../modules/petitions/index.ts";
import { renderAtom } from "../../platform/http/atom.ts";
import { fail, type AppError } from "../../platform/http/errors.ts";
import { pick } from "../../platform/i18n/index.ts";
import {
  ActionButton,
  Field,
  Form,
  Notice,
  Select,
  Submit,
  TextArea,
  type FormState,
} from "../components.tsx";
import type { PageKit } from "../deps.ts";
import { attempt, errorState, readForm, str, Validator } from "../forms.ts";
import { renderPage } from "../layout.tsx";
import { Time, type Ctx, type View } from "../view.tsx";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Summary = PetitionView;
type Agency = { id: string; slug: string; name: { "zh-TW": string; en: string } };
type FormKey = "plan" | "response" | "extension" | "update" | "assignment" | "endorsements" | "withdraw";
type Forms = Partial<Record<FormKey, FormState>>;

function StateBadge(props: { v: View; state: string }) {
  return <span class={`state state-${props.state}`}>{props.v.t(`petitions.state.${props.state}`)}</span>;
}

function agencyName(v: View, a: Agency) {
  return <a href={`/agencies/${a.slug}`}>{pick(a.name, v.locale)}</a>;
}

function AgencyList(props: { v: View; items: Agency[] }) {
  if (!props.items.length) return <span class="muted">{props.v.t("petitions.none")}</span>;
  return (
    <>
      {props.items.map((a, i) => (
        <>
          {i ? props.v.t("web.common.listSeparator") : null}
          {agencyName(props.v, a)}
        </>
      ))}
    </>
  );
}

/** One deadline in words: due date, and whether it is met, running or overdue. */
function Deadline(props: {
  v: View;
  clock: { dueAt: string; stoppedAt: string | null; lapsed: boolean } | null;
}) {
  const { v, clock } = props;
  if (!clock) return <span class="muted">{v.t("petitions.none")}</span>;
  return (
    <>
      <Time v={v} at={clock.dueAt} style="date" />{" "}
      {clock.stoppedAt ? (
        <span>
          {v.t("petitions.clock.met")} <Time v={v} at={clock.stoppedAt} style="date" />
        </span>
      ) : clock.lapsed ? (
        <span class="clock-overdue">{v.t("petitions.clock.overdue")}</span>
      ) : (
        <span>{v.t("petitions.clock.running")}</span>
      )}
    </>
  );
}

function Endorsements(props: { v: View; p: { endorsementCount: number; threshold: number; kind: string } }) {
  const { v, p } = props;
  if (p.kind !== "petition") return null;
  return (
    <span>
      {v.t("petitions.endorsementsOf", {
        count: p.endorsementCount.toLocaleString("en"),
        threshold: p.threshold.toLocaleString("en"),
      })}
    </span>
  );
}

function IndexView(props: {
  v: View;
  items: Awaited<ReturnType<typeof listPetitions>>["items"];
  next: string | null;
  agencies: Agency[];
  query: Record<string, string>;
  canManage: boolean;
}) {
  const { v, query } = props;
  const { t } = v;
  const nextHref = props.next
    ? `/petitions?${new URLSearchParams({ ...query, before: props.next }).toString()}`
    : null;
  const select = (name: string, options: Array<{ value: string; label: string }>, any: string) => (
    <div class="field">
      <label for={`petition-filter-${name}`}>{t(`petitions.filter.${name}`)}</label>
      <select id={`petition-filter-${name}`} name={name}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option value={o.value} selected={query[name] === o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <>
      <h1>{t("petitions.index.title")}</h1>
      <p class="lead">{t("petitions.index.lead")}</p>
      {props.canManage ? (
        <p>
          <a href="/petitions/new">{t("petitions.entry.heading")}</a> ·{" "}
          <a href="/petitions/import">{t("petitions.import.heading")}</a>
        </p>
      ) : null}
      <form method="get" action="/petitions" role="search" class="stack-form" id="petition-filters">
        <div class="filter-grid">
          <div class="field">
            <label for="petition-filter-q">{t("petitions.filter.q")}</label>
            <input id="petition-filter-q" name="q" type="search" value={query.q ?? ""} maxlength={200} />
          </div>
          {select(
            "kind",
            ["petition", "notice"].map((k) => ({ value: k, label: t(`petitions.kind.${k}`) })),
            t("petitions.filter.any"),
          )}
          {select(
            "state",
            petitionStates.map((s) => ({ value: s, label: t(`petitions.state.${s}`) })),
            t("petitions.filter.any"),
          )}
          {select(
            "agency",
            props.agencies.map((a) => ({ value: a.slug, label: pick(a.name, v.locale) })),
            t("petitions.filter.any"),
          )}
          <div class="field">
            <label>
              <input type="checkbox" name="overdue" value="true" checked={query.overdue === "true"} />{" "}
              {t("petitions.filter.overdue")}
            </label>
          </div>
        </div>
        <p class="actions">
          <Submit label={t("petitions.filter.submit")} />
        </p>
      </form>
      <p>
        {t("petitions.openData")} <a href="/api/v1/petitions/export.csv">CSV</a> ·{" "}
        <a href="/api/v1/petitions/export.json">JSON</a> · {t("petitions.responsesData")}{" "}
        <a href="/api/v1/petitions/responses/export.csv">CSV</a> ·{" "}
        <a href="/api/v1/petitions/responses/export.json">JSON</a> ·{" "}
        <a href={`/petitions/feed.atom${query.agency ? `?agency=${encodeURIComponent(query.agency)}` : ""}`}>
          Atom
        </a>
      </p>
      {props.items.length ? (
        <ul class="card-list">
          {props.items.map((p) => (
            <li>
              <h2 class="card-title">
                <a href={`/petitions/${p.id}`}>{p.title}</a>
              </h2>
              <p>
                <StateBadge v={v} state={p.state} /> {t(`petitions.kind.${p.kind}`)}{" "}
                <Endorsements v={v} p={p} />
                {p.overdue ? (
                  <>
                    {" "}
                    <span class="clock-overdue">{t("petitions.clock.overdue")}</span>
                  </>
                ) : null}
              </p>
              <p class="muted">
                {p.agencies.lead ? (
                  <>
                    {t("petitions.lead")}: {agencyName(v, p.agencies.lead)}
                  </>
                ) : (
                  <>
                    {t("petitions.named")}: <AgencyList v={v} items={p.agencies.named} />
                  </>
                )}
                {p.responseDueAt && !p.respondedAt ? (
                  <>
                    {" · "}
                    {t("petitions.responseDue")} <Time v={v} at={p.responseDueAt} style="date" />
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t("petitions.index.empty")}</p>
      )}
      {nextHref ? (
        <p>
          <a href={nextHref}>{t("petitions.index.next")}</a>
        </p>
      ) : null}
    </>
  );
}

function ResponseComposer(props: { v: View; p: Summary; state?: FormState }) {
  const { v, p } = props;
  const { t } = v;
  const r = p.response;
  const values: FormState = props.state ?? {
    values: r
      ? {
          analysis: r.analysis,
          suggestion: r.suggestion,
          plan: r.plan,
          references: r.references.map((x) => (x.url ? `${x.title} | ${x.url}` : x.title)).join("\n"),
          citations: r.citations.map((c) => `/speeches/${c.speechId}`).join("\n"),
          evaluatedBy: r.evaluatedBy,
          evaluationMethod: r.evaluationMethod,
        }
      : {},
    errors: {},
  };
  const labels = {
    analysis: t("petitions.response.analysis"),
    suggestion: t("petitions.response.suggestion"),
    plan: t("petitions.response.plan"),
    references: t("petitions.response.references"),
    citations: t("petitions.response.citations"),
    evaluatedBy: t("petitions.response.evaluatedBy"),
    evaluationMethod: t("petitions.response.evaluationMethod"),
  };
  return (
    <Form v={v} id="response-form" action={`/petitions/${p.id}/response`} state={values} labels={labels}>
      <TextArea
        v={v}
        form="response-form"
        name="analysis"
        label={labels.analysis}
        state={values}
        required
        rows={5}
      />
      <TextArea
        v={v}
        form="response-form"
        name="suggestion"
        label={labels.suggestion}
        state={values}
        required
        rows={4}
      />
      <TextArea v={v} form="response-form" name="plan" label={labels.plan} state={values} required rows={4} />
      <TextArea
        v={v}
        form="response-form"
        name="references"
        label={labels.references}
        hint={t("petitions.response.referencesHint")}
        state={values}
        rows={3}
      />
      <TextArea
        v={v}
        form="response-form"
        name="citations"
        label={labels.citations}
        hint={t("petitions.response.citationsHint")}
        state={values}
        rows={3}
      />
      <Field
        v={v}
        form="response-form"
        name="evaluatedBy"
        label={labels.evaluatedBy}
        state={values}
        required
      />
      <TextArea
        v={v}
        form="response-form"
        name="evaluationMethod"
        label={labels.evaluationMethod}
        state={values}
        required
        rows={2}
      />
      <Submit
        label={
          r?.status === "published" ? t("petitions.response.saveEdit") : t("petitions.response.saveDraft")
        }
      />
    </Form>
  );
}

/** PDIS's forms: the endorsement count seen on the source, and the assignment of agencies. */
function ManageForms(props: { v: View; p: Summary; forms: Forms; agencies: Agency[] }) {
  const { v, p, forms } = props;
  const { t } = v;
  const qualifiedOrLater = ["qualified", "assigned", "plan-published", "responded"].includes(p.state);
  const options = props.agencies.map((a) => ({ value: a.slug, label: pick(a.name, v.locale) }));
  const listOf = (xs: Agency[]) => xs.map((a) => a.slug).join(", ");
  return (
    <>
      {p.kind === "petition" ? (
        <section aria-labelledby="endorsements-form-title">
          <h2 id="endorsements-form-title">{t("petitions.forms.endorsements")}</h2>
          <Form
            v={v}
            id="endorsements-form"
            action={`/petitions/${p.id}/endorsements`}
            state={forms.endorsements}
          >
            <Field
              v={v}
              form="endorsements-form"
              name="count"
              type="number"
              inputmode="numeric"
              min={0}
              label={t("petitions.endorsements")}
              value={String(p.endorsementCount)}
              state={forms.endorsements}
              required
            />
            <Submit label={t("petitions.forms.record")} />
          </Form>
        </section>
      ) : null}
      {p.kind === "notice" || qualifiedOrLater ? (
        <section aria-labelledby="assignment-form-title">
          <h2 id="assignment-form-title">{t("petitions.forms.assignment")}</h2>
          <Form v={v} id="assignment-form" action={`/petitions/${p.id}/assignment`} state={forms.assignment}>
            <Select
              v={v}
              form="assignment-form"
              name="lead"
              label={t("petitions.lead")}
              options={options}
              value={p.agencies.lead?.slug ?? ""}
              placeholder=""
              state={forms.assignment}
              required
            />
            <Field
              v={v}
              form="assignment-form"
              name="co"
              label={t("petitions.co")}
              hint={t("petitions.forms.slugsHint")}
              value={listOf(p.agencies.co)}
              state={forms.assignment}
            />
            <Field
              v={v}
              form="assignment-form"
              name="related"
              label={t("petitions.related")}
              hint={t("petitions.forms.slugsHint")}
              value={listOf(p.agencies.related)}
              state={forms.assignment}
            />
            {p.agencies.lead ? (
              <TextArea
                v={v}
                form="assignment-form"
                name="reason"
                label={t("petitions.forms.reassignReason")}
                state={forms.assignment}
                required
                rows={2}
              />
            ) : null}
            <Submit label={t("petitions.forms.assign")} />
          </Form>
        </section>
      ) : null}
      {p.state !== "withdrawn" && p.state !== "responded" && !p.cases.length && !p.commitments.length ? (
        <section aria-labelledby="withdraw-form-title">
          <h2 id="withdraw-form-title">{t("petitions.forms.withdraw")}</h2>
          <Form v={v} id="withdraw-form" action={`/petitions/${p.id}/withdraw`} state={forms.withdraw}>
            <TextArea
              v={v}
              form="withdraw-form"
              name="reason"
              label={t("petitions.forms.reason")}
              hint={t("petitions.forms.withdrawHint")}
              state={forms.withdraw}
              required
              rows={2}
            />
            <Submit label={t("petitions.forms.withdrawSubmit")} />
          </Form>
        </section>
      ) : null}
    </>
  );
}

function PetitionViewPage(props: { v: View; p: Summary; forms: Forms; done?: string; agencies: Agency[] }) {
  const { v, p, forms } = props;
  const { t } = v;
  const r = p.response;
  return (
    <>
      <p class="muted">
        <a href="/petitions">{t("petitions.index.title")}</a>
      </p>
      <h1>{p.title}</h1>
      {props.done ? <Notice>{t(`petitions.done.${props.done}`)}</Notice> : null}
      {p.withdrawal ? (
        <p class="notice" role="note">
          {t("petitions.withdrawnOn")} <Time v={v} at={p.withdrawal.at} style="date" />
          {t("petitions.withdrawnReason")}
          {p.withdrawal.reason}
        </p>
      ) : null}
      <p>
        <StateBadge v={v} state={p.state} /> {t(`petitions.kind.${p.kind}`)}{" "}
        {p.overdue ? <span class="clock-overdue">{t("petitions.clock.overdue")}</span> : null}
      </p>
      <dl class="facts">
        {p.proposer ? (
          <div>
            <dt>{t("petitions.proposer")}</dt>
            <dd>{p.proposer}</dd>
          </div>
        ) : null}
        {p.url ? (
          <div>
            <dt>{t("petitions.source")}</dt>
            <dd>
              <a href={p.url} rel="noopener noreferrer">
                {p.externalId ?? p.url}
              </a>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t(p.kind === "notice" ? "petitions.noticePeriod" : "petitions.window")}</dt>
          <dd>
            <Time v={v} at={p.opensAt} style="date" /> – <Time v={v} at={p.closesAt} style="date" />
          </dd>
        </div>
        {p.kind === "petition" ? (
          <div>
            <dt>{t("petitions.endorsements")}</dt>
            <dd>
              <Endorsements v={v} p={p} />
            </dd>
          </div>
        ) : null}
        {p.qualifiedAt ? (
          <div>
            <dt>{t("petitions.qualifiedAt")}</dt>
            <dd>
              <Time v={v} at={p.qualifiedAt} style="date" />
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t("petitions.named")}</dt>
          <dd>
            <AgencyList v={v} items={p.agencies.named} />
          </dd>
        </div>
        <div>
          <dt>{t("petitions.lead")}</dt>
          <dd>
            {p.agencies.lead ? (
              agencyName(v, p.agencies.lead)
            ) : (
              <span class="muted">{t("petitions.none")}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t("petitions.co")}</dt>
          <dd>
            <AgencyList v={v} items={p.agencies.co} />
          </dd>
        </div>
        <div>
          <dt>{t("petitions.related")}</dt>
          <dd>
            <AgencyList v={v} items={p.agencies.related} />
          </dd>
        </div>
      </dl>

      <section aria-labelledby="text-title">
        <h2 id="text-title">{t("petitions.text")}</h2>
        {p.text.split(/\n{2,}/).map((para) => (
          <p>{para}</p>
        ))}
      </section>

      <section aria-labelledby="deadlines-title">
        <h2 id="deadlines-title">{t("petitions.deadlines")}</h2>
        <ul class="clock-list">
          {p.kind === "petition" ? (
            <>
              <li>
                {t("petitions.planDue")}: <Deadline v={v} clock={p.clocks.plan} />
              </li>
              <li>
                {t("petitions.responseDue")}: <Deadline v={v} clock={p.clocks.response} />
              </li>
            </>
          ) : (
            <li>
              {t("petitions.replyDue")}: <Deadline v={v} clock={p.clocks.reply} />
            </li>
          )}
        </ul>
        {p.extension ? (
          <p>
            {t("petitions.extended", { reason: p.extension.reason })}{" "}
            {p.originalResponseDueAt ? (
              <span class="muted">
                ({t("petitions.originalDue")} <Time v={v} at={p.originalResponseDueAt} style="date" />)
              </span>
            ) : null}
          </p>
        ) : null}
      </section>

      {p.plan ? (
        <section aria-labelledby="plan-title">
          <h2 id="plan-title">{t("petitions.plan")}</h2>
          <p>{p.plan.body}</p>
          <p class="muted">
            <Time v={v} at={p.plan.publishedAt} />
          </p>
        </section>
      ) : null}

      <section aria-labelledby="response-title">
        <h2 id="response-title">{t("petitions.response.title")}</h2>
        {r ? (
          <>
            {r.status === "draft" ? (
              <p class="notice notice-info">{t("petitions.response.draftNotice")}</p>
            ) : null}
            <h3>{t("petitions.response.analysis")}</h3>
            <p>{r.analysis}</p>
            <h3>{t("petitions.response.suggestion")}</h3>
            <p>{r.suggestion}</p>
            <h3>{t("petitions.response.plan")}</h3>
            <p>{r.plan}</p>
            <p>{t("petitions.response.evaluated", { who: r.evaluatedBy, how: r.evaluationMethod })}</p>
            {r.references.length ? (
              <>
                <h3>{t("petitions.response.references")}</h3>
                <ul class="link-list">
                  {r.references.map((x) => (
                    <li>{x.url ? <a href={x.url}>{x.title}</a> : x.title}</li>
                  ))}
                </ul>
              </>
            ) : null}
            {r.citations.length ? (
              <>
                <h3>{t("petitions.response.citations")}</h3>
                <ul class="link-list">
                  {r.citations.map((c) => (
                    <li>
                      <a href={`/speeches/${c.speechId}`}>{c.note ?? `/speeches/${c.speechId}`}</a>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <p class="muted">
              {t("petitions.response.lastUpdated")} <Time v={v} at={r.lastUpdatedAt} />
            </p>
          </>
        ) : (
          <p class="empty">{t("petitions.response.none")}</p>
        )}
      </section>

      {p.updates.length ? (
        <section aria-labelledby="updates-title">
          <h2 id="updates-title">{t("petitions.updates")}</h2>
          <ol class="activity">
            {p.updates.map((u) => (
              <li>
                <span class="activity-text">{u.body}</span>{" "}
                <span class="activity-time">
                  <Time v={v} at={u.at} />
                </span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {p.cases.length ? (
        <section aria-labelledby="cases-title">
          <h2 id="cases-title">{t("petitions.cases")}</h2>
          <ul>
            {p.cases.map((c) => (
              <li>
                <a href={c.url}>{t("petitions.caseLink", { number: c.number, title: c.title })}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <PetitionCommitmentsSection v={v} p={p} />

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t("petitions.timeline")}</h2>
        <p>
          <a href={`/petitions/${p.id}/feed.atom`}>{t("petitions.feed.petition")}</a>
        </p>
        <ol class="activity timeline">
          {p.timeline.map((e, i) => (
            <li id={`timeline-${i}`}>
              <span class="activity-text">
                {t(`petitions.event.${e.kind}`)}
                {e.internal ? ` ${t("petitions.internalMark")}` : null}
              </span>{" "}
              <span class="activity-time">
                <Time v={v} at={e.at} />
              </span>
            </li>
          ))}
        </ol>
        {p.endorsements.length ? (
          <details>
            <summary>{t("petitions.endorsementHistory")}</summary>
            <ul class="plain-list">
              {p.endorsements.map((e) => (
                <li>
                  <Time v={v} at={e.at} />: {e.count.toLocaleString("en")}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="follow-title" class="panel">
        <h2 id="follow-title">{t("petitions.follow.title")}</h2>
        <p>{t("petitions.follow.count", { count: p.followers.count })}</p>
        {p.can.follow ? (
          <ActionButton
            v={v}
            action={`/petitions/${p.id}/${p.followers.following ? "unfollow" : "follow"}`}
            label={p.followers.following ? t("petitions.follow.stop") : t("petitions.follow.start")}
          />
        ) : (
          <p>
            <a href={`/sign-in?redirectTo=${encodeURIComponent(`/petitions/${p.id}`)}`}>
              {t("petitions.follow.signIn")}
            </a>
          </p>
        )}
      </section>

      {p.internal ? (
        <section aria-labelledby="internal-title" class="panel">
          <h2 id="internal-title">{t("petitions.internal.title")}</h2>
          <p class="muted">{t("petitions.internal.lead")}</p>
          {p.internal.escalations.length ? (
            <ol class="escalation-trail">
              {p.internal.escalations.map((e) => (
                <li>
                  {t("petitions.internal.escalation", {
                    clock: t(`petitions.clockName.${e.clock}`),
                    level: e.level,
                    target: t(`petitions.step.${e.targetKind}`),
                  })}{" "}
                  <Time v={v} at={e.at} />
                </li>
              ))}
            </ol>
          ) : (
            <p>{t("petitions.internal.noEscalation")}</p>
          )}
          {p.internal.warnings.thresholdShare || p.internal.warnings.noResponse ? (
            <ul class="link-list">
              {p.internal.warnings.thresholdShare ? (
                <li>
                  <a href={`/early-warnings/${p.internal.warnings.thresholdShare}`}>
                    {t("petitions.internal.warnShare")}
                  </a>
                </li>
              ) : null}
              {p.internal.warnings.noResponse ? (
                <li>
                  <a href={`/early-warnings/${p.internal.warnings.noResponse}`}>
                    {t("petitions.internal.warnNoResponse")}
                  </a>
                </li>
              ) : null}
            </ul>
          ) : null}
        </section>
      ) : null}

      {p.can.manage ? <ManageForms v={v} p={p} forms={forms} agencies={props.agencies} /> : null}
      {p.can.plan ? (
        <section aria-labelledby="plan-form-title">
          <h2 id="plan-form-title">{t("petitions.forms.plan")}</h2>
          <Form v={v} id="plan-form" action={`/petitions/${p.id}/plan`} state={forms.plan}>
            <TextArea
              v={v}
              form="plan-form"
              name="body"
              label={t("petitions.plan")}
              state={forms.plan}
              required
              rows={4}
            />
            <Submit label={t("petitions.forms.publishPlan")} />
          </Form>
        </section>
      ) : null}
      {p.can.respond || (p.can.plan && r) ? (
        <section aria-labelledby="composer-title">
          <h2 id="composer-title">{t("petitions.forms.composer")}</h2>
          <p class="muted">{t("petitions.forms.composerLead")}</p>
          <ResponseComposer v={v} p={p} state={forms.response} />
          {r?.status === "draft" ? (
            <ActionButton
              v={v}
              action={`/petitions/${p.id}/publish`}
              label={t("petitions.forms.publish")}
              variant="primary"
            />
          ) : null}
        </section>
      ) : null}
      {p.can.extend ? (
        <section aria-labelledby="extension-title">
          <h2 id="extension-title">{t("petitions.forms.extension")}</h2>
          <Form v={v} id="extension-form" action={`/petitions/${p.id}/extension`} state={forms.extension}>
            <TextArea
              v={v}
              form="extension-form"
              name="reason"
              label={t("petitions.forms.reason")}
              hint={t("petitions.forms.reasonHint")}
              state={forms.extension}
              required
              rows={3}
            />
            <Submit label={t("petitions.forms.extend")} />
          </Form>
        </section>
      ) : null}
      {p.can.update ? (
        <section aria-labelledby="update-title">
          <h2 id="update-title">{t("petitions.forms.update")}</h2>
          <Form v={v} id="update-form" action={`/petitions/${p.id}/updates`} state={forms.update}>
            <TextArea
              v={v}
              form="update-form"
              name="body"
              label={t("petitions.updates")}
              state={forms.update}
              required
              rows={3}
            />
            <Submit label={t("petitions.forms.addUpdate")} />
          </Form>
        </section>
      ) : null}
    </>
  );
}

/** Lines "title | url" into references. */
function references(text: string) {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [title, url] = l.split(/\s+\|\s+/);
      return { title: title!.trim(), url: url?.trim() || null };
    });
}

/** Public petition pages (index with filters, a petition with its timeline and response) and their forms. */
export function petitionPages(app: Hono<AppEnv>, kit: PageKit) {
  const deps: PetitionsDeps = {
    db: kit.deps.database.db,
    clock: kit.deps.clock,
    publicUrl: kit.deps.config.publicUrl,
    linkedCases: casesOfPetition,
    linkedCommitments: commitmentsOfPetition,
  };

  app.get("/petitions", async (c) => {
    const v = kit.view(c);
    const query: Record<string, string> = {};
    for (const k of ["q", "kind", "state", "agency", "overdue"]) {
      const val = (c.req.query(k) ?? "").trim().slice(0, 200);
      if (val) query[k] = val;
    }
    const kind = query.kind === "petition" || query.kind === "notice" ? query.kind : undefined;
    const state = (petitionStates as readonly string[]).includes(query.state ?? "")
      ? (query.state as (typeof petitionStates)[number])
      : undefined;
    const agencies = (await listAgencies(kit.dir, { level: 2 })) as Agency[];
    const agency = agencies.some((a) => a.slug === query.agency) ? query.agency : undefined;
    const before = c.req.query("before");
    const result = await listPetitions(deps, v.actor, {
      kind,
      state,
      agency,
      q: query.q,
      overdue: query.overdue === "true",
      before: before && before.length < 200 ? before : undefined,
      limit: 30,
    });
    return c.html(
      renderPage(
        v,
        { title: v.t("petitions.index.title"), nav: "petitions" },
        <IndexView
          v={v}
          items={result.items}
          next={result.next}
          agencies={agencies}
          query={query}
          canManage={canOnPetition(v.actor, { do: "manage" })}
        />,
      ),
    );
  });

  // Atom feeds, registered before /petitions/:id. Public records only, whoever asks: a feed is read
  // by programs and shared, so it is built as the anonymous public sees the petitions.
  app.get("/petitions/feed.atom", async (c) => {
    const v = kit.view(c);
    const raw = (c.req.query("agency") ?? "").trim();
    const agency = raw && /^[a-z0-9-]{1,60}$/.test(raw) ? raw : undefined;
    if (raw && !agency) throw fail.invalid("agency", "is not an agency's short name");
    const { items } = await listPetitions(deps, publicActor, { agency, limit: 50 });
    const query = agency ? `?agency=${encodeURIComponent(agency)}` : "";
    const self = `${deps.publicUrl}/petitions/feed.atom${query}`;
    const xml = renderAtom({
      id: self,
      title: v.t("petitions.feed.indexTitle") + (agency ? ` — ${agency}` : ""),
      link: `${deps.publicUrl}/petitions${query}`,
      selfLink: self,
      language: v.locale,
      updated: items.reduce(
        (max, x) => (new Date(x.updatedAt) > max ? new Date(x.updatedAt) : max),
        new Date(0),
      ),
      entries: items.map((x) => ({
        id: `${deps.publicUrl}/petitions/${x.id}`,
        title: x.title,
        link: `${deps.publicUrl}/petitions/${x.id}`,
        updated: new Date(x.updatedAt),
        published: new Date(x.createdAt),
        summary:
          `${v.t(`petitions.state.${x.state}`)} · ${v.t(`petitions.kind.${x.kind}`)}` +
          (x.kind === "petition"
            ? ` · ${v.t("petitions.endorsementsOf", { count: x.endorsementCount, threshold: x.threshold })}`
            : ""),
      })),
    });
    return c.body(xml, 200, { "content-type": "application/atom+xml; charset=utf-8" });
  });

  app.get("/petitions/:id/feed.atom", async (c) => {
    const v = kit.view(c);
    const id = c.req.param("id");
    if (!UUID.test(id)) throw fail.notFound();
    const p = await getPetition(deps, publicActor, id);
    const page = `${deps.publicUrl}/petitions/${p.id}`;
    const self = `${page}/feed.atom`;
    const updates = new Map(p.updates.map((u) => [u.id, u.body]));
    const summaryOf = (e: (typeof p.timeline)[number]) => {
      const data = (e.data ?? {}) as Record<string, unknown>;
      if (e.kind === "update" && typeof data.id === "string") return updates.get(data.id);
      if (typeof data.reason === "string") return data.reason;
      if (e.kind === "responded" && p.response) return p.response.plan;
      if (e.kind === "plan-published" && p.plan) return p.plan.body;
      return undefined;
    };
    const entries = [...p.timeline].reverse().map((e, i, all) => ({
      id: `${page}#timeline-${all.length - 1 - i}`,
      title: `${v.t(`petitions.event.${e.kind}`)} — ${p.title}`,
      link: page,
      updated: new Date(e.at),
      summary: summaryOf(e)?.slice(0, 2000),
    }));
    const xml = renderAtom({
      id: self,
      title: p.title,
      link: page,
      selfLink: self,
      language: v.locale,
      updated: new Date(entries[0]?.updated ?? p.updatedAt),
      entries,
    });
    return c.body(xml, 200, { "content-type": "application/atom+xml; charset=utf-8" });
  });

  async function render(c: Ctx, id: string, forms: Forms = {}, status: 200 | 400 | 403 | 409 = 200) {
    const v = kit.view(c);
    if (!UUID.test(id)) throw fail.notFound();
    const p = await getPetition(deps, v.actor, id);
    const agencies = p.can.manage ? ((await listAgencies(kit.dir, { level: 2 })) as Agency[]) : [];
    const done = c.req.query("done");
    return c.html(
      renderPage(
        v,
        { title: p.title, nav: "petitions", hasError: status !== 200 },
        <PetitionViewPage
          v={v}
          p={p}
          forms={forms}
          agencies={agencies}
          done={done && /^[a-z-]{1,20}$/.test(done) ? done : undefined}
        />,
      ),
      status,
    );
  }

  app.get("/petitions/:id", (c) => render(c, c.req.param("id")));

  /** Runs a form's use case; on failure re-renders the petition with the error in that form. */
  async function act(c: Ctx, key: FormKey, form: Validator, run: () => Promise<unknown>, done: string) {
    const id = c.req.param("id") ?? "";
    if (!UUID.test(id)) throw fail.notFound();
    if (!form.ok) return render(c, id, { [key]: form.state() }, 400);
    const result = await attempt(run);
    if (result.ok) return c.redirect(`/petitions/${id}?done=${done}`, 303);
    const error: AppError = result.error;
    if (error.def.status === 404 || error.def.status === 401) throw error;
    const fieldMap: Record<string, string> = { "citations.0.speech": "citations" };
    // Agencies named by position (`co.1`) point at the form's field.
    if (error.field && /^(co|related)\.\d+$/.test(error.field))
      fieldMap[error.field] = error.field.split(".")[0]!;
    if (error.field === "lead.0") fieldMap[error.field] = "lead";
    const state = errorState(kit.view(c), error, form.values, fieldMap);
    const status = error.def.status === 403 || error.def.status === 409 ? error.def.status : 400;
    return render(c, id, { [key]: state }, status);
  }

  const person = (c: Ctx) => {
    const actor = c.get("actor");
    if (!actor.personId) throw fail.unauthenticated();
    return actor;
  };

  app.post("/petitions/:id/follow", async (c) => {
    const id = c.req.param("id");
    if (!UUID.test(id)) throw fail.notFound();
    await followPetition(deps, person(c), id, true);
    return c.redirect(`/petitions/${id}?done=followed`, 303);
  });
  app.post("/petitions/:id/unfollow", async (c) => {
    const id = c.req.param("id");
    if (!UUID.test(id)) throw fail.notFound();
    await followPetition(deps, person(c), id, false);
    return c.redirect(`/petitions/${id}?done=unfollowed`, 303);
  });

  app.post("/petitions/:id/endorsements", async (c) => {
    const actor = person(c);
    const form = new Validator(kit.view(c), await readForm(c));
    const count = form.int("count", 0, 100_000_000);
    return act(
      c,
      "endorsements",
      form,
      () => recordEndorsements(deps, actor, c.req.param("id"), { count }),
      "endorsements",
    );
  });
  app.post("/petitions/:id/assignment", async (c) => {
    const actor = person(c);
    const form = new Validator(kit.view(c), await readForm(c));
    const lead = form.required("lead", 100);
    const slugs = (name: string) =>
      str(form.values, name)
        .split(/[\s,，、;]+/)
        .filter(Boolean);
    const input = {
      lead,
      co: slugs("co"),
      related: slugs("related"),
      reason: str(form.values, "reason") || undefined,
    };
    return act(
      c,
      "assignment",
      form,
      () => assignPetition(deps, actor, c.req.param("id"), input),
      "assigned",
    );
  });
  app.post("/petitions/:id/plan", async (c) => {
    const actor = person(c);
    const form = new Validator(kit.view(c), await readForm(c));
    const body = form.required("body", 20_000);
    return act(c, "plan", form, () => publishPlan(deps, actor, c.req.param("id"), { body }), "plan");
  });
  app.post("/petitions/:id/response", async (c) => {
    const actor = person(c);
    const form = new Validator(kit.view(c), await readForm(c));
    const input = {
      analysis: form.required("analysis", 50_000),
      suggestion: form.required("suggestion", 50_000),
      plan: form.required("plan", 50_000),
      references: references(str(form.values, "references")),
      citations: str(form.values, "citations")
        .split(/\s+/)
        .filter(Boolean)
        .map((speech) => ({ speech })),
      evaluatedBy: form.required("evaluatedBy", 2000),
      evaluationMethod: form.required("evaluationMethod", 5000),
    };
    return act(c, "response", form, () => saveResponse(deps, actor, c.req.param("id"), input), "response");
  });
  app.post("/petitions/:id/publish", async (c) => {
    const actor = person(c);
    const form = new Validator(kit.view(c), {});
    return act(c, "response", form, () => publishResponse(deps, actor, c.req.param("id")), "published");
  });
  app.post("/petitions/:id/extension", async (c) => {
    const actor = person(c);
    const form = new Validator(kit.view(c), await readForm(c));
    const reason = form.required("reason", 5000);
    return act(
      c,
      "extension",
      form,
      () => extendResponse(deps, actor, c.req.param("id"), { reason }),
      "extended",
    );
  });
  app.post("/petitions/:id/withdraw", async (c) => {
    const actor = person(c);
    const form = new Validator(kit.view(c), await readForm(c));
    const reason = form.required("reason", 5000);
    return act(
      c,
      "withdraw",
      form,
      () => withdrawPetition(deps, actor, c.req.param("id"), { reason }),
      "withdrawn",
    );
  });
  app.post("/petitions/:id/updates", async (c) => {
    const actor = person(c);
    const form = new Validator(kit.view(c), await readForm(c));
    const body = form.required("body", 20_000);
    return act(c, "update", form, () => addUpdate(deps, actor, c.req.param("id"), { body }), "updated");
  });
}
