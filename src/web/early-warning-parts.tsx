// Pieces of the early-warning pages (先期警報): the signal's source, severity and state in words, the
// flare-up window as a sentence in Taiwan time, the warning card of the radar and the look-back, the
// affected agencies as grouped checkboxes, and the selects of the filter forms. Nothing here counts,
// scores or ranks people.
import type { Child } from "hono/jsx";
import type { Actor } from "../modules/directory/index.ts";
import {
  canOnWarning,
  type getEarlyWarning,
  type Happened,
  type listEarlyWarnings,
  type Severity,
  type SignalSource,
  type WarningState,
} from "../modules/early-warnings/index.ts";
import { pick } from "../platform/i18n/index.ts";
import type { FormState, Option } from "./components.tsx";
import type { DirectoryChoices } from "./coordination-parts.tsx";
import { personName, Time, tx, type View } from "./view.tsx";

/** A warning as the radar lists it. */
export type WarningItem = Awaited<ReturnType<typeof listEarlyWarnings>>["items"][number];
/** A warning with its comments, merges, permissions and history. */
export type Warning = Awaited<ReturnType<typeof getEarlyWarning>>;

/** Every value of a union, in the order written; the record makes a forgotten value a type error. */
const valuesOf = <T extends string>(all: Record<T, true>) => Object.keys(all) as T[];

/** Where a signal was seen. */
export const signalSources = valuesOf<SignalSource>({
  legislator: true,
  media: true,
  online: true,
  petition: true,
  "local-office": true,
  internal: true,
});
/** How serious the coming conflict looks. */
export const severities = valuesOf<Severity>({ low: true, medium: true, high: true });
/** Where a warning stands. */
export const warningStates = valuesOf<WarningState>({
  open: true,
  merged: true,
  converted: true,
  closed: true,
});
/** Answers to "did it happen?". */
export const happenedValues = valuesOf<Happened>({ yes: true, partly: true, no: true });

/** Who may see early warnings at all (POs, PDIS, supervisors, admins): anyone else gets 404. */
export const maySeeWarnings = (actor: Actor) => !!actor.personId && canOnWarning(actor, { do: "browse" });

/** The severity in words; the colour of the badge only repeats them. */
export function SeverityBadge(props: { v: View; severity: Severity }) {
  return (
    <span class={`severity severity-${props.severity}`}>
      {props.v.t(`web.warning.severityBadge.${props.severity}`)}
    </span>
  );
}

/** The state in words. */
export function StateBadge(props: { v: View; state: WarningState }) {
  return (
    <span class={`state warning-state-${props.state}`}>{props.v.t(`web.warning.state.${props.state}`)}</span>
  );
}

/** The flare-up window as a sentence: "Flare-up expected by 1 April 2026." / "Window ended 1 April 2026." */
export function WindowSentence(props: { v: View; w: Pick<WarningItem, "windowEndsAt" | "windowEnded"> }) {
  const { v, w } = props;
  return (
    <>
      {tx(v, w.windowEnded ? "web.warning.window.ended" : "web.warning.window.expected", {
        date: <Time v={v} at={w.windowEndsAt} style="date" />,
      })}
    </>
  );
}

/** "30 days" / "1 day". */
export function daysText(v: View, n: number): string {
  return v.t(n === 1 ? "web.warning.days.one" : "web.warning.days.other", { n });
}

/** The affected agencies' names, joined in the reader's language. */
export function agencyNames(v: View, w: Pick<WarningItem, "agencies">): string {
  return w.agencies.map((a) => pick(a.name, v.locale)).join(v.t("web.common.listSeparator"));
}

/** A person's name, "You" for the reader, "The system" for nobody (never an e-mail address). */
export function whoText(
  v: View,
  p: { id: string; name: string; nameEn: string | null } | null | undefined,
): string {
  if (!p) return v.t("web.coordination.system");
  if (p.id === v.actor.personId) return v.t("web.coordination.you");
  return personName(p, v.locale);
}

/** The answer to "did it happen?" in words. */
export function outcomeText(v: View, happened: Happened): string {
  return v.t(`web.warning.happened.${happened}`);
}

/** A warning in a list: title, severity and state in words, source, agencies, window, outcome. */
export function WarningCard(props: { v: View; w: WarningItem; heading?: "h3" | "h4" }) {
  const { v, w } = props;
  const { t } = v;
  const Heading = props.heading ?? "h3";
  return (
    <li class="card warning-card">
      <Heading class="card-title">
        <a href={`/early-warnings/${w.id}`}>{w.title}</a>
      </Heading>
      <p class="badges">
        <SeverityBadge v={v} severity={w.severity} /> <StateBadge v={v} state={w.state} />
      </p>
      <dl class="facts compact">
        <div>
          <dt>{t("web.warning.sourceLabel")}</dt>
          <dd>{t(`web.warning.source.${w.signalSource}`)}</dd>
        </div>
        <div>
          <dt>{t("web.warning.agenciesLabel")}</dt>
          <dd>{agencyNames(v, w) || t("web.coordination.unknownOrg")}</dd>
        </div>
        <div>
          <dt>{t("web.warning.windowLabel")}</dt>
          <dd>
            <WindowSentence v={v} w={w} />
          </dd>
        </div>
        {w.outcome ? (
          <div>
            <dt>{t("web.warning.outcomeLabel")}</dt>
            <dd>{outcomeText(v, w.outcome.happened)}</dd>
          </div>
        ) : null}
      </dl>
      {w.outcome?.note ? <p class="notes">{w.outcome.note}</p> : null}
      {w.mergedInto ? (
        <p class="muted">
          {tx(v, "web.warning.mergedIntoShort", {
            link: <a href={`/early-warnings/${w.mergedInto.id}`}>{w.mergedInto.title}</a>,
          })}
        </p>
      ) : null}
      {w.convertedTo?.reference ? (
        <p class="muted">
          {tx(v, "web.warning.convertedShort", {
            link: <a href={`/matters/${w.convertedTo.reference}`}>{w.convertedTo.reference}</a>,
          })}
        </p>
      ) : null}
    </li>
  );
}

const fieldId = (form: string, name: string) => `${form}-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;

function FieldError(props: { v: View; id: string; message: string | undefined }) {
  if (!props.message) return null;
  return (
    <p class="field-error" id={`${props.id}-error`}>
      <span class="visually-hidden">{props.v.t("web.form.errorPrefix")}</span>
      {props.message}
    </p>
  );
}

/**
 * The affected agencies as checkboxes: each second-level agency, with its own (third-level) agencies
 * under it. Every label is the agency's full name, so each box is clear on its own.
 */
export function AgencyChecks(props: {
  v: View;
  form: string;
  name: string;
  legend: string;
  hint?: Child;
  state?: FormState;
  choices: DirectoryChoices;
}) {
  const { v, form, name, choices } = props;
  const id = fieldId(form, name);
  const error = props.state?.errors[name];
  const submitted = props.state?.values[name];
  const checked = new Set(submitted === undefined ? [] : Array.isArray(submitted) ? submitted : [submitted]);
  const top = choices.agencies.filter((a) => a.level === 2);
  const childrenOf = (parentId: string) => choices.agencies.filter((a) => a.parentId === parentId);
  const listed = new Set([...top, ...top.flatMap((a) => childrenOf(a.id))].map((a) => a.slug));
  const rest = choices.agencies.filter((a) => !listed.has(a.slug));
  const box = (a: { slug: string; name: { "zh-TW": string; en: string } }) => (
    <div class="choice">
      <input
        type="checkbox"
        id={`${id}-${a.slug}`}
        name={name}
        value={a.slug}
        checked={checked.has(a.slug)}
      />
      <label for={`${id}-${a.slug}`}>{pick(a.name, v.locale)}</label>
    </div>
  );
  const described = [props.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return (
    <fieldset
      class={`field choices${error ? " field-invalid" : ""}`}
      id={id}
      aria-describedby={described.length ? described.join(" ") : undefined}
    >
      <legend>{props.legend}</legend>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <FieldError v={v} id={id} message={error} />
      <ul class="agency-tree">
        {top.map((a) => {
          const kids = childrenOf(a.id);
          return (
            <li>
              {box(a)}
              {kids.length ? (
                <ul>
                  {kids.map((k) => (
                    <li>{box(k)}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
        {rest.map((a) => (
          <li>{box(a)}</li>
        ))}
      </ul>
    </fieldset>
  );
}

/** A select of a filter form: "any" first, the error next to it; a filter is never "required". */
export function FilterSelect(props: {
  v: View;
  form: string;
  name: string;
  label: string;
  any: string;
  options: Option[];
  state: FormState;
}) {
  const { v, form, name, state } = props;
  const id = fieldId(form, name);
  const error = state.errors[name];
  const raw = state.values[name];
  const selected = typeof raw === "string" ? raw : "";
  const groups: Array<{ label: string | undefined; options: Option[] }> = [];
  for (const o of props.options) {
    const g = groups[groups.length - 1];
    if (g && g.label === o.group) g.options.push(o);
    else groups.push({ label: o.group, options: [o] });
  }
  const render = (o: Option) => (
    <option value={o.value} selected={o.value === selected}>
      {o.label}
    </option>
  );
  return (
    <div class={`field${error ? " field-invalid" : ""}`}>
      <label for={id}>{props.label}</label>
      <FieldError v={v} id={id} message={error} />
      <select
        id={id}
        name={name}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value="">{props.any}</option>
        {groups.map((g) =>
          g.label === undefined ? (
            g.options.map(render)
          ) : (
            <optgroup label={g.label}>{g.options.map(render)}</optgroup>
          ),
        )}
      </select>
    </div>
  );
}
