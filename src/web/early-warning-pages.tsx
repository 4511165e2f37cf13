import type { Hono } from "hono";
import type { Child } from "hono/jsx";
import type { AppEnv } from "../modules/directory/index.ts";
import {
  answerOutcome,
  canOnWarning,
  commentOnWarning,
  convertEarlyWarning,
  getEarlyWarning,
  listEarlyWarnings,
  lookBack,
  mergeEarlyWarning,
  raiseEarlyWarning,
} from "../modules/early-warnings/index.ts";
import type { AppError } from "../platform/http/errors.ts";
import { fail } from "../platform/http/errors.ts";
import { pick } from "../platform/i18n/index.ts";
import {
  Alert,
  Choices,
  ErrorSummary,
  Field,
  Form,
  Notice,
  Select,
  Submit,
  TextArea,
  type FormState,
  type Option,
} from "./components.tsx";
import { agencyOptions, directoryChoices, type DirectoryChoices } from "./coordination-parts.tsx";
import type { PageKit } from "./deps.ts";
import {
  AgencyChecks,
  agencyNames,
  daysText,
  FilterSelect,
  happenedValues,
  maySeeWarnings,
  outcomeText,
  SeverityBadge,
  severities,
  signalSources,
  StateBadge,
  WarningCard,
  warningStates,
  whoText,
  WindowSentence,
  type Warning,
  type WarningItem,
} from "./early-warning-parts.tsx";
import { attempt, errorState, list, readForm, str, Validator, type FormValues } from "./forms.ts";
import { renderPage } from "./layout.tsx";
import { Time, tx, type Ctx, type View } from "./view.tsx";

const PAGE = 30;
/** How many open warnings the merge form offers as the survivor. */
const MERGE_CANDIDATES = 200;
const MAX_LINKS = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The window filter of the radar: still running, ending within N days, or ended. */
const windowChoices = ["running", "ending", "ended"] as const;

type ListInput = Parameters<typeof listEarlyWarnings>[2];
type LookBackInput = Parameters<typeof lookBack>[2];
type LookBackResult = Awaited<ReturnType<typeof lookBack>>;

/** The request's query as form values (for the GET filter forms). */
function queryValues(c: Ctx, names: readonly string[]): FormValues {
  const values: FormValues = {};
  for (const name of names) {
    const s = c.req.query(name);
    if (s !== undefined) values[name] = s;
  }
  return values;
}

/** An optional filter that must be one of the allowed values ("" = any). */
function optionalOf<T extends string>(form: Validator, name: string, allowed: readonly T[]): T | undefined {
  const s = str(form.values, name);
  if (!s) return undefined;
  if (!allowed.includes(s as T)) {
    form.fail(name, "web.form.choice");
    return undefined;
  }
  return s as T;
}

/** The address of the next page: the same filters, with the cursor. */
function nextHref(url: URL, cursor: string): string {
  const params = new URLSearchParams(url.search);
  params.delete("done");
  params.set("after", cursor);
  return `${url.pathname}?${params.toString()}`;
}

/** The address of the first page: the same filters, without the cursor. */
function firstHref(url: URL): string {
  const params = new URLSearchParams(url.search);
  params.delete("done");
  params.delete("after");
  const q = params.toString();
  return q ? `${url.pathname}?${q}` : url.pathname;
}

function WarningsBreadcrumb(props: { v: View; current?: string }) {
  const { t } = props.v;
  return (
    <nav aria-label={t("web.warning.breadcrumb")} class="breadcrumb">
      <ol>
        <li>
          <a href="/early-warnings">{t("web.warning.radar.title")}</a>
        </li>
        {props.current ? (
          <li>
            <span aria-current="page">{props.current}</span>
          </li>
        ) : null}
      </ol>
    </nav>
  );
}

/** Who sees warnings, said on every page of them. */
function WhoSees(props: { v: View }) {
  return <p class="muted">{props.v.t("web.warning.whoSees")}</p>;
}

const sourceOptions = (v: View): Option[] =>
  signalSources.map((s) => ({ value: s, label: v.t(`web.warning.source.${s}`) }));
const severityOptions = (v: View): Option[] =>
  severities.map((s) => ({ value: s, label: v.t(`web.warning.severity.${s}`) }));

/** The agency, source and severity filters shared by the radar and the look-back. */
function SignalFilters(props: { v: View; form: string; choices: DirectoryChoices; state: FormState }) {
  const { v, form, choices, state } = props;
  const t = v.t;
  return (
    <>
      <FilterSelect
        v={v}
        form={form}
        name="agency"
        label={t("web.warning.radar.agency")}
        any={t("web.warning.radar.anyAgency")}
        options={agencyOptions(v, choices)}
        state={state}
      />
      <FilterSelect
        v={v}
        form={form}
        name="source"
        label={t("web.warning.sourceLabel")}
        any={t("web.warning.radar.anySource")}
        options={sourceOptions(v)}
        state={state}
      />
      <FilterSelect
        v={v}
        form={form}
        name="severity"
        label={t("web.warning.severityLabel")}
        any={t("web.warning.radar.anySeverity")}
        options={severityOptions(v)}
        state={state}
      />
    </>
  );
}

// ── The radar ────────────────────────────────────────────────────────────────────────────────

const radarFields = ["agency", "source", "severity", "state", "window", "days"] as const;

/** Reads the radar's filters; an unknown value is an error next to its select. */
function readRadarFilters(form: Validator, choices: DirectoryChoices) {
  const agency = optionalOf(
    form,
    "agency",
    choices.agencies.map((a) => a.slug),
  );
  const source = optionalOf(form, "source", signalSources);
  const severity = optionalOf(form, "severity", severities);
  const state = optionalOf(form, "state", warningStates);
  const window = optionalOf(form, "window", windowChoices);
  let endingWithinDays: number | undefined;
  if (window === "ending") endingWithinDays = form.int("days", 1, 365);
  const input: Omit<ListInput, "limit" | "after"> = {
    agency,
    source,
    severity,
    state,
    window: window === "running" || window === "ended" ? window : undefined,
    endingWithinDays,
  };
  return input;
}

function RadarView(props: {
  v: View;
  choices: DirectoryChoices;
  filters: FormState;
  page: { items: WarningItem[]; next: string | null } | null;
  filtered: boolean;
  mayRaise: boolean;
}) {
  const { v, choices, filters, page } = props;
  const { t } = v;
  const form = "radar-filters";
  const paged = !!v.url.searchParams.get("after");
  return (
    <>
      <h1>{t("web.warning.radar.title")}</h1>
      <p class="lead">{t("web.warning.radar.lead")}</p>
      <WhoSees v={v} />
      <p class="actions">
        {props.mayRaise ? (
          <a class="button button-primary" href="/early-warnings/new">
            {t("web.warning.radar.raise")}
          </a>
        ) : null}
        <a class="button button-secondary" href="/early-warnings/look-back">
          {t("web.warning.lookBack.title")}
        </a>
      </p>

      <section aria-labelledby="filters-title" id="filters">
        <h2 id="filters-title">{t("web.warning.radar.filtersTitle")}</h2>
        <form method="get" action="/early-warnings" class="filter-form" id={form} novalidate>
          <ErrorSummary
            v={v}
            form={form}
            state={filters}
            labels={{
              agency: t("web.warning.agenciesLabel"),
              source: t("web.warning.sourceLabel"),
              severity: t("web.warning.severityLabel"),
              state: t("web.warning.stateLabel"),
              window: t("web.warning.windowLabel"),
              days: t("web.warning.radar.days"),
            }}
          />
          <div class="filter-grid">
            <SignalFilters v={v} form={form} choices={choices} state={filters} />
            <FilterSelect
              v={v}
              form={form}
              name="state"
              label={t("web.warning.stateLabel")}
              any={t("web.warning.radar.anyState")}
              options={warningStates.map((s) => ({ value: s, label: t(`web.warning.state.${s}`) }))}
              state={filters}
            />
            <FilterSelect
              v={v}
              form={form}
              name="window"
              label={t("web.warning.windowLabel")}
              any={t("web.warning.radar.anyWindow")}
              options={windowChoices.map((w) => ({ value: w, label: t(`web.warning.radar.window.${w}`) }))}
              state={filters}
            />
            <Field
              v={v}
              form={form}
              name="days"
              type="number"
              inputmode="numeric"
              min={1}
              max={365}
              label={t("web.warning.radar.days")}
              hint={t("web.warning.radar.daysHint")}
              value="30"
              state={filters}
            />
          </div>
          <p class="actions">
            <Submit label={t("web.warning.radar.filter")} />
            {props.filtered ? (
              <a class="button button-secondary" href="/early-warnings">
                {t("web.warning.radar.clear")}
              </a>
            ) : null}
          </p>
        </form>
      </section>

      <section aria-labelledby="warnings-title" id="warnings">
        <h2 id="warnings-title">{t("web.warning.radar.listTitle")}</h2>
        {page === null ? (
          <p class="empty">{t("web.warning.radar.fixFilters")}</p>
        ) : page.items.length ? (
          <ul class="card-list">
            {page.items.map((w) => (
              <WarningCard v={v} w={w} />
            ))}
          </ul>
        ) : (
          <p class="empty">
            {props.filtered || paged ? t("web.warning.radar.noneMatching") : t("web.warning.radar.none")}
          </p>
        )}
        {page?.next || paged ? (
          <p class="actions">
            {page?.next ? (
              <a href={`${nextHref(v.url, page.next)}#warnings`}>{t("web.warning.radar.older")}</a>
            ) : null}
            {paged ? <a href={`${firstHref(v.url)}#warnings`}>{t("web.warning.radar.newest")}</a> : null}
          </p>
        ) : null}
      </section>
    </>
  );
}

// ── Raising a warning ────────────────────────────────────────────────────────────────────────

const raiseLabels = (v: View) => ({
  title: v.t("web.warning.form.title"),
  description: v.t("web.warning.form.description"),
  signalSource: v.t("web.warning.form.source"),
  evidence: v.t("web.warning.form.evidence"),
  agencyIds: v.t("web.warning.form.agencies"),
  flareUpWithinDays: v.t("web.warning.form.days"),
  severity: v.t("web.warning.form.severity"),
});

function NewWarningView(props: { v: View; choices: DirectoryChoices; state?: FormState }) {
  const { v, choices, state } = props;
  const { t } = v;
  const form = "warning-form";
  return (
    <>
      <WarningsBreadcrumb v={v} current={t("web.warning.new.title")} />
      <h1>{t("web.warning.new.title")}</h1>
      <p class="lead">{t("web.warning.new.lead")}</p>
      <WhoSees v={v} />
      <Form v={v} id={form} action="/early-warnings" state={state} labels={raiseLabels(v)}>
        <Field
          v={v}
          form={form}
          name="title"
          label={t("web.warning.form.title")}
          hint={t("web.warning.form.titleHint")}
          maxlength={200}
          required
          state={state}
        />
        <TextArea
          v={v}
          form={form}
          name="description"
          label={t("web.warning.form.description")}
          hint={t("web.warning.form.descriptionHint")}
          rows={6}
          maxlength={20000}
          state={state}
        />
        <Choices
          v={v}
          form={form}
          name="signalSource"
          type="radio"
          legend={t("web.warning.form.source")}
          options={signalSources.map((s) => ({ value: s, label: t(`web.warning.sourceExplained.${s}`) }))}
          required
          state={state}
        />
        <TextArea
          v={v}
          form={form}
          name="evidence"
          label={t("web.warning.form.evidence")}
          hint={t("web.warning.form.evidenceHint")}
          rows={4}
          state={state}
        />
        <AgencyChecks
          v={v}
          form={form}
          name="agencyIds"
          legend={t("web.warning.form.agencies")}
          hint={t("web.warning.form.agenciesHint")}
          state={state}
          choices={choices}
        />
        <Field
          v={v}
          form={form}
          name="flareUpWithinDays"
          type="number"
          inputmode="numeric"
          min={1}
          max={365}
          label={t("web.warning.form.days")}
          hint={t("web.warning.form.daysHint")}
          required
          state={state}
        />
        <Choices
          v={v}
          form={form}
          name="severity"
          type="radio"
          legend={t("web.warning.form.severity")}
          options={severities.map((s) => ({ value: s, label: t(`web.warning.severityExplained.${s}`) }))}
          required
          state={state}
        />
        <Submit label={t("web.warning.new.submit")} />
      </Form>
    </>
  );
}

/** Evidence links, one per line: each must be an http(s) address. */
function readEvidence(form: Validator): string[] {
  const lines = str(form.values, "evidence")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length > MAX_LINKS) form.fail("evidence", "web.warning.form.tooManyLinks", { max: MAX_LINKS });
  lines.forEach((link, i) => {
    const ok = URL.canParse(link) && /^https?:$/.test(new URL(link).protocol);
    if (!ok) form.fail("evidence", "web.warning.form.badLink", { line: i + 1, link });
    else if (link.length > 2000) form.fail("evidence", "web.warning.form.longLink", { line: i + 1 });
  });
  return lines;
}

/** Where the use case's field errors go in the raise form. */
const raiseFieldMap: Record<string, string> = {
  agencyIds: "agencyIds",
  evidence: "evidence",
  ...Object.fromEntries(Array.from({ length: MAX_LINKS }, (_, i) => [`evidence.${i}`, "evidence"])),
};

// ── One warning ──────────────────────────────────────────────────────────────────────────────

/** Forms of the warning page re-rendered after a failed submission. */
interface WarningForms {
  comment?: FormState;
  merge?: FormState;
  convert?: FormState;
  outcome?: FormState;
}

const doneMessages = ["raised", "commented", "merged", "answered"] as const;

/** One history entry as a sentence. */
function historySentence(v: View, e: Warning["history"][number]): string {
  const { t } = v;
  const who = whoText(v, e.actor);
  const d = e.data;
  const text = (k: string) => (typeof d[k] === "string" ? (d[k] as string) : "");
  switch (e.kind) {
    case "created":
      return t("web.warning.history.created", { who });
    case "merged":
      return t("web.warning.history.merged", { who, title: text("title") });
    case "merged-in":
      return t("web.warning.history.mergedIn", { who, title: text("title") });
    case "converted":
      return t("web.warning.history.converted", { who, reference: text("reference") });
    case "asked":
      return t("web.warning.history.asked");
    case "answered": {
      const happened = happenedValues.find((h) => h === text("happened"));
      const answer = happened ? outcomeText(v, happened) : text("happened");
      return text("note")
        ? t("web.warning.history.answeredNote", { who, answer, note: text("note") })
        : t("web.warning.history.answered", { who, answer });
    }
    default:
      return t("web.warning.history.other", { who, kind: e.kind });
  }
}

/** Merge candidates as options: those sharing an affected agency first. */
function mergeOptions(v: View, w: Warning, candidates: WarningItem[]): Option[] {
  const mine = new Set(w.agencies.map((a) => a.id));
  const label = (c: WarningItem) =>
    v.t("web.warning.merge.option", {
      title: c.title,
      agencies: agencyNames(v, c),
      date: new Intl.DateTimeFormat(v.locale === "en" ? "en-GB" : "zh-TW", {
        timeZone: "Asia/Taipei",
        dateStyle: "medium",
      }).format(new Date(c.createdAt)),
    });
  const near = candidates.filter((c) => c.agencies.some((a) => mine.has(a.id)));
  const far = candidates.filter((c) => !c.agencies.some((a) => mine.has(a.id)));
  return [
    ...near.map((c) => ({ value: c.id, label: label(c), group: v.t("web.warning.merge.sameAgencies") })),
    ...far.map((c) => ({ value: c.id, label: label(c), group: v.t("web.warning.merge.otherWarnings") })),
  ];
}

function WarningView(props: {
  v: View;
  w: Warning;
  candidates: WarningItem[];
  forms: WarningForms;
  done: string | undefined;
}) {
  const { v, w, forms, candidates } = props;
  const { t, locale } = v;
  const base = `/early-warnings/${w.id}`;
  const anyAction = w.can.merge || w.can.convert;
  // A form that failed because the warning changed meanwhile (merged, converted) may be gone from the
  // page: its message is shown at the top instead.
  const shown: Record<keyof WarningForms, boolean> = {
    comment: w.can.comment,
    merge: w.can.merge && candidates.length > 0,
    convert: w.can.convert,
    outcome: w.can.answer,
  };
  const orphaned = (Object.keys(shown) as Array<keyof WarningForms>)
    .filter((k) => forms[k] && !shown[k])
    .flatMap((k) => [forms[k]!.alert, ...Object.values(forms[k]!.errors)])
    .filter((m): m is string => !!m);
  return (
    <>
      <WarningsBreadcrumb v={v} current={w.title} />
      <h1>{w.title}</h1>
      {props.done && (doneMessages as readonly string[]).includes(props.done) ? (
        <Notice>{t(`web.warning.done.${props.done}`)}</Notice>
      ) : null}
      {orphaned.length ? (
        <Alert>
          {orphaned.map((m) => (
            <p>{m}</p>
          ))}
        </Alert>
      ) : null}
      {w.mergedInto ? (
        <div class="notice notice-info">
          <p>
            {tx(v, "web.warning.mergedInto", {
              link: <a href={`/early-warnings/${w.mergedInto.id}`}>{w.mergedInto.title}</a>,
              date: <Time v={v} at={w.mergedInto.at} />,
            })}
          </p>
        </div>
      ) : null}
      {w.convertedTo ? (
        <div class="notice notice-info">
          <p>
            {w.convertedTo.reference
              ? tx(v, "web.warning.convertedTo", {
                  link: <a href={`/matters/${w.convertedTo.reference}`}>{w.convertedTo.reference}</a>,
                  who: whoText(v, w.convertedTo.by),
                  date: <Time v={v} at={w.convertedTo.at} />,
                })
              : t("web.warning.convertedNoLink")}
          </p>
        </div>
      ) : null}
      <p class="badges">
        <SeverityBadge v={v} severity={w.severity} /> <StateBadge v={v} state={w.state} />
      </p>
      <dl class="facts">
        <div>
          <dt>{t("web.warning.sourceLabel")}</dt>
          <dd>{t(`web.warning.source.${w.signalSource}`)}</dd>
        </div>
        <div>
          <dt>{t("web.warning.severityLabel")}</dt>
          <dd>{t(`web.warning.severity.${w.severity}`)}</dd>
        </div>
        <div>
          <dt>{t("web.warning.agenciesLabel")}</dt>
          <dd>
            {w.agencies.length ? (
              <ul class="inline-list">
                {w.agencies.map((a) => (
                  <li>
                    <a href={`/agencies/${a.slug}`}>{pick(a.name, locale)}</a>
                  </li>
                ))}
              </ul>
            ) : (
              t("web.coordination.unknownOrg")
            )}
          </dd>
        </div>
        <div>
          <dt>{t("web.warning.windowLabel")}</dt>
          <dd>
            {t("web.warning.windowDays", { days: daysText(v, w.flareUpWithinDays) })}{" "}
            <WindowSentence v={v} w={w} />
          </dd>
        </div>
        <div>
          <dt>{t("web.warning.raisedLabel")}</dt>
          <dd>
            {tx(v, "web.warning.raisedBy", {
              who: whoText(v, w.raisedBy),
              date: <Time v={v} at={w.createdAt} />,
            })}
          </dd>
        </div>
      </dl>

      <section aria-labelledby="seen-title" id="seen">
        <h2 id="seen-title">{t("web.warning.seenTitle")}</h2>
        {w.description ? (
          <p class="notes">{w.description}</p>
        ) : (
          <p class="empty">{t("web.warning.noDescription")}</p>
        )}
        <h3>{t("web.warning.evidenceTitle")}</h3>
        {w.evidence.length ? (
          <ul class="link-list evidence-list">
            {w.evidence.map((url) => (
              <li>
                <a href={url} rel="noopener noreferrer nofollow">
                  {url}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">{t("web.warning.noEvidence")}</p>
        )}
        {w.mergedFrom.length ? (
          <>
            <h3>{t("web.warning.mergedFromTitle")}</h3>
            <ul class="plain-list">
              {w.mergedFrom.map((m) => (
                <li>
                  <a href={`/early-warnings/${m.id}`}>{m.title}</a>
                  {m.at ? (
                    <>
                      {" "}
                      <span class="muted">
                        <Time v={v} at={m.at} />
                      </span>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <WhoSees v={v} />
      </section>

      <section aria-labelledby="outcome-title" id="outcome">
        <h2 id="outcome-title">{t("web.warning.outcome.title")}</h2>
        <OutcomePart v={v} w={w} state={forms.outcome} />
      </section>

      <section aria-labelledby="comments-title" id="comments">
        <h2 id="comments-title">{t("web.warning.comments.title")}</h2>
        {w.comments.length ? (
          <ol class="activity comment-list">
            {w.comments.map((cm) => (
              <li id={`comment-${cm.id}`}>
                <p class="muted">
                  {tx(v, "web.warning.comments.by", {
                    who: whoText(v, cm.author),
                    date: <Time v={v} at={cm.createdAt} />,
                  })}
                  {cm.carriedFrom ? (
                    <>
                      {" "}
                      {tx(v, "web.warning.comments.carried", {
                        link: (
                          <a href={`/early-warnings/${cm.carriedFrom}`}>
                            {t("web.warning.comments.duplicate")}
                          </a>
                        ),
                      })}
                    </>
                  ) : null}
                </p>
                <p class="notes">{cm.body}</p>
              </li>
            ))}
          </ol>
        ) : (
          <p class="empty">{t("web.warning.comments.none")}</p>
        )}
        {w.can.comment ? (
          <Form
            v={v}
            id="comment-form"
            action={`${base}/comments`}
            state={forms.comment}
            labels={{ body: t("web.warning.comments.body") }}
          >
            <TextArea
              v={v}
              form="comment-form"
              name="body"
              label={t("web.warning.comments.body")}
              hint={t("web.warning.comments.hint")}
              rows={4}
              maxlength={5000}
              required
              state={forms.comment}
            />
            <Submit label={t("web.warning.comments.submit")} />
          </Form>
        ) : w.state === "merged" ? (
          <p class="muted">{t("web.warning.comments.onSurvivor")}</p>
        ) : null}
      </section>

      {anyAction ? (
        <section aria-labelledby="actions-title" id="actions">
          <h2 id="actions-title">{t("web.warning.actionsTitle")}</h2>
          {w.can.convert ? (
            <details class="panel form-panel" id="convert" open={!!forms.convert}>
              <summary>
                <h3 class="summary-heading">{t("web.warning.convert.title")}</h3>
              </summary>
              <p>{t("web.warning.convert.intro")}</p>
              <Form
                v={v}
                id="convert-form"
                action={`${base}/convert`}
                state={forms.convert}
                labels={{ title: t("web.warning.convert.matterTitle") }}
              >
                <Field
                  v={v}
                  form="convert-form"
                  name="title"
                  label={t("web.warning.convert.matterTitle")}
                  hint={t("web.warning.convert.matterTitleHint")}
                  value={w.title}
                  maxlength={200}
                  state={forms.convert}
                />
                <Submit label={t("web.warning.convert.submit")} />
              </Form>
            </details>
          ) : null}
          {w.can.merge ? (
            <details class="panel form-panel" id="merge" open={!!forms.merge}>
              <summary>
                <h3 class="summary-heading">{t("web.warning.merge.title")}</h3>
              </summary>
              <p>{t("web.warning.merge.intro")}</p>
              {candidates.length ? (
                <Form
                  v={v}
                  id="merge-form"
                  action={`${base}/merge`}
                  state={forms.merge}
                  labels={{ intoId: t("web.warning.merge.into") }}
                >
                  <Select
                    v={v}
                    form="merge-form"
                    name="intoId"
                    label={t("web.warning.merge.into")}
                    hint={t("web.warning.merge.intoHint")}
                    options={mergeOptions(v, w, candidates)}
                    placeholder={t("web.form.choose")}
                    required
                    state={forms.merge}
                  />
                  <Submit label={t("web.warning.merge.submit")} />
                </Form>
              ) : (
                <p class="empty">{t("web.warning.merge.none")}</p>
              )}
            </details>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="history-title" id="history">
        <h2 id="history-title">{t("web.warning.historyTitle")}</h2>
        <ol class="activity timeline">
          {w.history.map((e) => (
            <li>
              <span class="activity-text">{historySentence(v, e)}</span>{" "}
              <span class="activity-time">
                <Time v={v} at={e.at} />
              </span>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/** "Did it happen?": the answer so far, when the question comes, and the form for who may answer. */
function OutcomePart(props: { v: View; w: Warning; state?: FormState }) {
  const { v, w } = props;
  const { t } = v;
  const o = w.outcome;
  const state: FormState | undefined =
    props.state ?? (o ? { values: { happened: o.happened, note: o.note ?? "" }, errors: {} } : undefined);
  let when: Child;
  if (w.state === "merged") when = <p class="muted">{t("web.warning.outcome.onSurvivor")}</p>;
  else if (o) when = null;
  else if (w.askedAt)
    when = <p>{tx(v, "web.warning.outcome.asked", { date: <Time v={v} at={w.askedAt} /> })}</p>;
  else if (!w.windowEnded)
    when = (
      <p>{tx(v, "web.warning.outcome.willAsk", { date: <Time v={v} at={w.windowEndsAt} style="date" /> })}</p>
    );
  else when = <p>{t("web.warning.outcome.dueSoon")}</p>;
  const form = w.can.answer ? (
    <Form
      v={v}
      id="outcome-form"
      action={`/early-warnings/${w.id}/outcome`}
      state={props.state}
      labels={{ happened: t("web.warning.outcome.question"), note: t("web.warning.outcome.note") }}
    >
      <Choices
        v={v}
        form="outcome-form"
        name="happened"
        type="radio"
        legend={t("web.warning.outcome.question")}
        options={happenedValues.map((h) => ({
          value: h,
          label: t(`web.warning.happenedExplained.${h}`),
        }))}
        required
        state={state}
      />
      <TextArea
        v={v}
        form="outcome-form"
        name="note"
        label={t("web.warning.outcome.note")}
        hint={t("web.warning.outcome.noteHint")}
        maxlength={5000}
        state={state}
      />
      <Submit label={o ? t("web.warning.outcome.change") : t("web.warning.outcome.submit")} />
    </Form>
  ) : null;
  return (
    <>
      <p class="muted">{t("web.warning.outcome.intro")}</p>
      {o ? (
        <div class="outcome">
          <p>
            <strong>{t("web.warning.outcome.answer", { answer: outcomeText(v, o.happened) })}</strong>
          </p>
          {o.note ? <blockquote class="notes">{o.note}</blockquote> : null}
          <p class="muted">
            {tx(v, "web.warning.outcome.answeredBy", {
              who: whoText(v, o.answeredBy),
              date: <Time v={v} at={o.answeredAt} />,
            })}
          </p>
        </div>
      ) : null}
      {when}
      {form && (o || !(w.askedAt || w.windowEnded)) ? (
        // Not asked yet, or answered already: the form waits behind a summary.
        <details class="panel form-panel" open={!!props.state}>
          <summary>
            <h3 class="summary-heading">
              {o ? t("web.warning.outcome.change") : t("web.warning.outcome.answerNow")}
            </h3>
          </summary>
          {form}
        </details>
      ) : (
        form
      )}
    </>
  );
}

// ── Looking back ─────────────────────────────────────────────────────────────────────────────

const lookBackFields = ["agency", "source", "severity", "happened"] as const;

type Counts = { answered: number; yes: number; no: number; partly: number };

function CountsTable(props: {
  v: View;
  caption: string;
  rowHeader: string;
  rows: Array<{ label: string } & Counts>;
}) {
  const { v } = props;
  const { t } = v;
  return (
    <div class="table-wrap">
      <table class="counts-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.rowHeader}</th>
            <th scope="col">{t("web.warning.lookBack.answered")}</th>
            {happenedValues.map((h) => (
              <th scope="col">{t(`web.warning.happened.${h}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <th scope="row">{r.label}</th>
              <td>{r.answered}</td>
              {happenedValues.map((h) => (
                <td>{r[h]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LookBackView(props: {
  v: View;
  choices: DirectoryChoices;
  filters: FormState;
  result: LookBackResult | null;
  filtered: boolean;
}) {
  const { v, choices, filters, result } = props;
  const { t } = v;
  const form = "look-back-filters";
  const paged = !!v.url.searchParams.get("after");
  const s = result?.summary;
  return (
    <>
      <WarningsBreadcrumb v={v} current={t("web.warning.lookBack.title")} />
      <h1>{t("web.warning.lookBack.title")}</h1>
      <p class="lead">{t("web.warning.lookBack.lead")}</p>
      <p class="muted">{t("web.warning.lookBack.noPeople")}</p>

      <section aria-labelledby="filters-title" id="filters">
        <h2 id="filters-title">{t("web.warning.radar.filtersTitle")}</h2>
        <form method="get" action="/early-warnings/look-back" class="filter-form" id={form} novalidate>
          <ErrorSummary
            v={v}
            form={form}
            state={filters}
            labels={{
              agency: t("web.warning.agenciesLabel"),
              source: t("web.warning.sourceLabel"),
              severity: t("web.warning.severityLabel"),
              happened: t("web.warning.outcomeLabel"),
            }}
          />
          <div class="filter-grid">
            <SignalFilters v={v} form={form} choices={choices} state={filters} />
            <FilterSelect
              v={v}
              form={form}
              name="happened"
              label={t("web.warning.outcomeLabel")}
              any={t("web.warning.lookBack.anyOutcome")}
              options={happenedValues.map((h) => ({ value: h, label: t(`web.warning.happened.${h}`) }))}
              state={filters}
            />
          </div>
          <p class="actions">
            <Submit label={t("web.warning.radar.filter")} />
            {props.filtered ? (
              <a class="button button-secondary" href="/early-warnings/look-back">
                {t("web.warning.radar.clear")}
              </a>
            ) : null}
          </p>
        </form>
      </section>

      {result && s ? (
        <>
          <section aria-labelledby="summary-title" id="summary">
            <h2 id="summary-title">{t("web.warning.lookBack.summaryTitle")}</h2>
            <p>
              {s.answered
                ? t("web.warning.lookBack.summary", {
                    answered: s.answered,
                    yes: s.outcomes.yes,
                    partly: s.outcomes.partly,
                    no: s.outcomes.no,
                  })
                : t("web.warning.lookBack.noneAnswered")}
            </p>
            {s.answered ? (
              <>
                <CountsTable
                  v={v}
                  caption={t("web.warning.lookBack.bySource")}
                  rowHeader={t("web.warning.sourceLabel")}
                  rows={s.bySource.map((r) => ({ ...r, label: t(`web.warning.source.${r.source}`) }))}
                />
                <CountsTable
                  v={v}
                  caption={t("web.warning.lookBack.bySeverity")}
                  rowHeader={t("web.warning.severityLabel")}
                  rows={s.bySeverity.map((r) => ({ ...r, label: t(`web.warning.severity.${r.severity}`) }))}
                />
              </>
            ) : null}
          </section>

          <section aria-labelledby="answered-title" id="answered">
            <h2 id="answered-title">{t("web.warning.lookBack.listTitle")}</h2>
            {result.items.length ? (
              signalSources
                .map((source) => ({ source, items: result.items.filter((w) => w.signalSource === source) }))
                .filter((g) => g.items.length)
                .map((g) => (
                  <div class="source-group" id={`source-${g.source}`}>
                    <h3>{t(`web.warning.source.${g.source}`)}</h3>
                    <ul class="card-list">
                      {g.items.map((w) => (
                        <WarningCard v={v} w={w} heading="h4" />
                      ))}
                    </ul>
                  </div>
                ))
            ) : (
              <p class="empty">{t("web.warning.lookBack.noneMatching")}</p>
            )}
            {result.next || paged ? (
              <p class="actions">
                {result.next ? (
                  <a href={`${nextHref(v.url, result.next)}#answered`}>{t("web.warning.radar.older")}</a>
                ) : null}
                {paged ? <a href={`${firstHref(v.url)}#answered`}>{t("web.warning.radar.newest")}</a> : null}
              </p>
            ) : null}
          </section>
        </>
      ) : (
        <p class="empty">{t("web.warning.radar.fixFilters")}</p>
      )}
    </>
  );
}

// ── Routes ───────────────────────────────────────────────────────────────────────────────────

/**
 * Early-warning pages (先期警報): the radar, raising a warning, one warning with its comments,
 * merge, conversion and "did it happen?", and the look-back. Only POs, PDIS, supervisors and admins
 * see any of it; everyone else, the public included, gets the 404 page.
 */
export function earlyWarningPages(app: Hono<AppEnv>, kit: PageKit) {
  const { dir } = kit;

  /** The actor, if they may see warnings at all; otherwise 404, as if there were no such page. */
  function seer(c: Ctx) {
    const actor = c.get("actor");
    if (!maySeeWarnings(actor)) throw fail.notFound();
    return actor;
  }

  app.get("/early-warnings", async (c) => {
    const actor = seer(c);
    const v = kit.view(c);
    const choices = await directoryChoices(dir);
    const form = new Validator(v, queryValues(c, radarFields));
    const input = readRadarFilters(form, choices);
    const filtered = radarFields.some((n) => n !== "days" && str(form.values, n));
    const page = form.ok
      ? await listEarlyWarnings(kit.warnings, actor, {
          ...input,
          limit: PAGE,
          after: c.req.query("after") || undefined,
        })
      : null;
    c.header("Cache-Control", "no-store");
    return c.html(
      renderPage(
        v,
        { title: v.t("web.warning.radar.title"), nav: "early-warnings", hasError: !form.ok },
        <RadarView
          v={v}
          choices={choices}
          filters={form.state()}
          page={page}
          filtered={filtered}
          mayRaise={canOnWarning(actor, { do: "raise" })}
        />,
      ),
      form.ok ? 200 : 400,
    );
  });

  async function renderNew(c: Ctx, state?: FormState, status = 200) {
    const v = kit.view(c);
    const choices = await directoryChoices(dir);
    c.header("Cache-Control", "no-store");
    return c.html(
      renderPage(
        v,
        {
          title: v.t("web.warning.new.title"),
          nav: "early-warnings",
          langPath: "/early-warnings/new",
          hasError: status >= 400,
        },
        <NewWarningView v={v} choices={choices} state={state} />,
      ),
      status as 200,
    );
  }

  app.get("/early-warnings/new", async (c) => {
    seer(c);
    return renderNew(c);
  });

  app.post("/early-warnings", async (c) => {
    const actor = seer(c);
    const v = kit.view(c);
    const choices = await directoryChoices(dir);
    const form = new Validator(v, await readForm(c));
    const title = form.required("title", 200);
    const description = form.optional("description", 20000);
    const signalSource = form.oneOf("signalSource", signalSources);
    const evidence = readEvidence(form);
    const agencyIds = form.someOf(
      "agencyIds",
      choices.agencies.map((a) => a.slug),
    );
    if (!list(form.values, "agencyIds").length) form.fail("agencyIds", "web.warning.form.agenciesRequired");
    const flareUpWithinDays = form.int("flareUpWithinDays", 1, 365);
    const severity = form.oneOf("severity", severities);
    if (!form.ok) return renderNew(c, form.state(), 400);
    const result = await attempt(() =>
      raiseEarlyWarning(kit.warnings, actor, {
        title,
        description,
        signalSource,
        evidence,
        agencyIds,
        flareUpWithinDays,
        severity,
      }),
    );
    if (!result.ok) {
      return renderNew(c, errorState(v, result.error, form.values, raiseFieldMap), result.error.def.status);
    }
    return c.redirect(`/early-warnings/${result.value.id}?done=raised`, 303);
  });

  // Registered before /early-warnings/:id, which would otherwise take "look-back" for an id.
  app.get("/early-warnings/look-back", async (c) => {
    const actor = seer(c);
    const v = kit.view(c);
    const choices = await directoryChoices(dir);
    const form = new Validator(v, queryValues(c, lookBackFields));
    const input: Omit<LookBackInput, "limit" | "after"> = {
      agency: optionalOf(
        form,
        "agency",
        choices.agencies.map((a) => a.slug),
      ),
      source: optionalOf(form, "source", signalSources),
      severity: optionalOf(form, "severity", severities),
      happened: optionalOf(form, "happened", happenedValues),
    };
    const filtered = lookBackFields.some((n) => str(form.values, n));
    const result = form.ok
      ? await lookBack(kit.warnings, actor, {
          ...input,
          limit: PAGE,
          after: c.req.query("after") || undefined,
        })
      : null;
    c.header("Cache-Control", "no-store");
    return c.html(
      renderPage(
        v,
        { title: v.t("web.warning.lookBack.title"), nav: "early-warnings", hasError: !form.ok },
        <LookBackView v={v} choices={choices} filters={form.state()} result={result} filtered={filtered} />,
      ),
      form.ok ? 200 : 400,
    );
  });

  async function render(c: Ctx, id: string, forms: WarningForms = {}, status = 200) {
    const v = kit.view(c);
    if (!UUID.test(id)) throw fail.notFound();
    const w = await getEarlyWarning(kit.warnings, v.actor, id);
    // The survivors the merge form offers: open warnings this person can see (each listed one is a read).
    const candidates = w.can.merge
      ? (
          await listEarlyWarnings(kit.warnings, v.actor, { state: "open", limit: MERGE_CANDIDATES })
        ).items.filter((x) => x.id !== w.id)
      : [];
    c.header("Cache-Control", "no-store");
    return c.html(
      renderPage(
        v,
        {
          title: w.title,
          nav: "early-warnings",
          langPath: `/early-warnings/${w.id}`,
          noindex: true,
          hasError: status >= 400,
        },
        <WarningView
          v={v}
          w={w}
          candidates={candidates}
          forms={forms}
          done={status === 200 ? c.req.query("done") : undefined}
        />,
      ),
      status as 200,
    );
  }

  app.get("/early-warnings/:id", async (c) => {
    seer(c);
    return render(c, c.req.param("id"));
  });

  /** Runs a form's use case; on failure re-renders the warning with the error in that form. */
  async function act(
    c: Ctx,
    key: keyof WarningForms,
    form: Validator,
    run: () => Promise<unknown>,
    fieldMap: Record<string, string> = {},
  ): Promise<{ ok: true } | { ok: false; response: Response }> {
    const id = c.req.param("id") ?? "";
    if (!form.ok) return { ok: false, response: await render(c, id, { [key]: form.state() }, 400) };
    const result = await attempt(run);
    if (result.ok) return { ok: true };
    const error: AppError = result.error;
    // A warning this person may not read stays a 404 page, whatever the form.
    if (error.def.status === 404) throw error;
    const state = errorState(kit.view(c), error, form.values, fieldMap);
    return { ok: false, response: await render(c, id, { [key]: state }, error.def.status) };
  }

  /** The warning id of a POST; a malformed one is 404, as for a missing warning. */
  function postedId(c: Ctx): string {
    const id = c.req.param("id") ?? "";
    if (!UUID.test(id)) throw fail.notFound();
    return id;
  }

  app.post("/early-warnings/:id/comments", async (c) => {
    const actor = seer(c);
    const id = postedId(c);
    const form = new Validator(kit.view(c), await readForm(c));
    const body = form.required("body", 5000);
    const done = await act(c, "comment", form, () => commentOnWarning(kit.warnings, actor, id, { body }));
    if (!done.ok) return done.response;
    return c.redirect(`/early-warnings/${id}?done=commented#comments`, 303);
  });

  app.post("/early-warnings/:id/merge", async (c) => {
    const actor = seer(c);
    const id = postedId(c);
    const form = new Validator(kit.view(c), await readForm(c));
    const intoId = form.required("intoId", 100);
    if (intoId && !UUID.test(intoId)) form.fail("intoId", "web.form.choice");
    // "state" is this warning's own state (no longer open): a message for the whole form.
    const done = await act(c, "merge", form, () => mergeEarlyWarning(kit.warnings, actor, id, { intoId }), {
      state: "",
    });
    if (!done.ok) return done.response;
    return c.redirect(`/early-warnings/${id}?done=merged`, 303);
  });

  app.post("/early-warnings/:id/convert", async (c) => {
    const actor = seer(c);
    const id = postedId(c);
    const form = new Validator(kit.view(c), await readForm(c));
    const title = form.optional("title", 200);
    let reference: string | null = null;
    const done = await act(
      c,
      "convert",
      form,
      async () => {
        const w = await convertEarlyWarning(kit.warnings, actor, id, { kind: "matter", title });
        reference = w.convertedReference;
      },
      { kind: "", state: "" },
    );
    if (!done.ok) return done.response;
    return c.redirect(reference ? `/matters/${reference}?done=from-warning` : `/early-warnings/${id}`, 303);
  });

  app.post("/early-warnings/:id/outcome", async (c) => {
    const actor = seer(c);
    const id = postedId(c);
    const form = new Validator(kit.view(c), await readForm(c));
    const happened = form.oneOf("happened", happenedValues);
    const note = form.optional("note", 5000);
    const done = await act(
      c,
      "outcome",
      form,
      () => answerOutcome(kit.warnings, actor, id, { happened, note }),
      {
        state: "",
      },
    );
    if (!done.ok) return done.response;
    return c.redirect(`/early-warnings/${id}?done=answered#outcome`, 303);
  });
}
