// Pieces shared by the coordination pages (my work, matters, help requests, inbox): deadlines in
// Taiwan time, the two clocks and the escalation trail as plain sentences, names of targets, and
// the directory as select options. Nothing here counts, scores or ranks people.
import type { Child } from "hono/jsx";
import type { Queryable } from "../platform/db/database.ts";
import { pick, type Locale } from "../platform/i18n/index.ts";
import {
  findResource,
  listAgencies,
  orgLabels,
  personLabels,
  type DirectoryDeps,
  type LocaleText,
} from "../modules/directory/index.ts";
import type { getHelpRequest, listHelpRequests } from "../modules/help-requests/index.ts";
import type { Option } from "./components.tsx";
import { personName, tx, type View } from "./view.tsx";

/** A help request in lists (no history). */
export type HelpItem = Awaited<ReturnType<typeof listHelpRequests>>["items"][number];
/** A help request with its history. */
export type HelpRequest = Awaited<ReturnType<typeof getHelpRequest>>;

/** Names the coordination pages show for ids: orgs, people, resources. */
export interface Labels {
  orgs: Map<string, { id: string; slug: string; name: LocaleText }>;
  people: Map<string, { id: string; name: string; nameEn: string | null }>;
  resources: Map<string, { id: string; name: LocaleText }>;
}

/** Loads the names of the given org, person and resource ids (unknown ids are left out). */
export async function loadLabels(
  db: Queryable,
  ids: {
    orgs?: Iterable<string | null>;
    people?: Iterable<string | null>;
    resources?: Iterable<string | null>;
  },
): Promise<Labels> {
  const clean = (xs: Iterable<string | null> | undefined) =>
    [...new Set(xs ?? [])].filter((x): x is string => typeof x === "string" && x.length > 0);
  const resources = new Map<string, { id: string; name: LocaleText }>();
  for (const id of clean(ids.resources)) {
    const r = await findResource(db, id);
    if (r) resources.set(r.id, { id: r.id, name: r.name });
  }
  return {
    orgs: await orgLabels(db, clean(ids.orgs)),
    people: await personLabels(db, clean(ids.people)),
    resources,
  };
}

/** The ids whose names a list of help requests needs. */
export function helpLabelIds(items: Array<HelpItem | HelpRequest>) {
  const orgs: Array<string | null> = [];
  const people: Array<string | null> = [];
  const resources: Array<string | null> = [];
  for (const r of items) {
    people.push(r.requesterId);
    if (r.target.kind === "unit" || r.target.kind === "agency-po") orgs.push(r.target.id);
    if (r.target.kind === "partner" || r.target.kind === "pool") resources.push(r.target.id);
    for (const e of r.escalations) orgs.push(e.targetId);
    if ("history" in r) for (const h of r.history) people.push(h.actorId);
  }
  return { orgs, people, resources };
}

/** The name of an org, or a neutral placeholder when it is not known. */
export function orgName(v: View, labels: Labels, id: string | null | undefined): string {
  const o = id ? labels.orgs.get(id) : undefined;
  return o ? pick(o.name, v.locale) : v.t("web.coordination.unknownOrg");
}

/** An org's name, linked to its directory page when known. */
export function OrgLink(props: { v: View; labels: Labels; id: string | null | undefined }) {
  const o = props.id ? props.labels.orgs.get(props.id) : undefined;
  if (!o) return <>{props.v.t("web.coordination.unknownOrg")}</>;
  return <a href={`/agencies/${o.slug}`}>{pick(o.name, props.v.locale)}</a>;
}

/** A person's name (never their e-mail); "the system" when nobody acted. */
export function whoName(v: View, labels: Labels, id: string | null | undefined): string {
  if (!id) return v.t("web.coordination.system");
  if (id === v.actor.personId) return v.t("web.coordination.you");
  const p = labels.people.get(id);
  return p ? personName(p, v.locale) : v.t("web.coordination.someone");
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function fmt(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = make()));
  return f;
}

const yearIn = (d: Date) =>
  fmt("year", () => new Intl.DateTimeFormat("en", { timeZone: "Asia/Taipei", year: "numeric" })).format(d);

/**
 * A moment as people say deadlines, in Taiwan time: "3 March 23:59" / "3月3日 23:59" (with the year
 * when it is not this year's).
 */
export function momentText(at: string | Date, locale: Locale, now: Date): string {
  const d = typeof at === "string" ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) return String(at);
  const withYear = yearIn(d) !== yearIn(now);
  const date = fmt(
    `${locale}|${withYear}`,
    () =>
      new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-TW", {
        timeZone: "Asia/Taipei",
        day: "numeric",
        month: "long",
        ...(withYear ? { year: "numeric" as const } : {}),
      }),
  ).format(d);
  const time = fmt(
    "time",
    () =>
      new Intl.DateTimeFormat("en-GB", {
        timeZone: "Asia/Taipei",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      }),
  ).format(d);
  return `${date} ${time}`;
}

/** A `<time>` with the moment as people say deadlines. */
export function Moment(props: { v: View; at: string | Date; now: Date }) {
  const iso = typeof props.at === "string" ? props.at : props.at.toISOString();
  return <time datetime={iso}>{momentText(iso, props.v.locale, props.now)}</time>;
}

/** Whom a request asks, as a noun phrase. */
export function targetText(v: View, labels: Labels, r: Pick<HelpItem, "target" | "supportKind">): string {
  const { t, locale } = v;
  switch (r.target.kind) {
    case "unit":
      return orgName(v, labels, r.target.id);
    case "agency-po":
      return t("web.help.target.agency-po", { name: orgName(v, labels, r.target.id) });
    case "pdis":
      return r.supportKind
        ? t("web.help.target.pdisKind", { kind: t(`web.help.supportKind.${r.supportKind}`) })
        : t("web.help.target.pdis");
    case "partner":
    case "pool": {
      const res = r.target.id ? labels.resources.get(r.target.id) : undefined;
      const name = res ? pick(res.name, locale) : t("web.coordination.unknownOrg");
      return t(`web.help.target.${r.target.kind}`, { name });
    }
  }
}

/** The escalation step's target as a noun phrase. */
export function stepText(
  v: View,
  labels: Labels,
  e: { targetKind: HelpItem["escalations"][number]["targetKind"]; targetId: string | null },
): string {
  return v.t(`web.help.step.${e.targetKind}`, { agency: orgName(v, labels, e.targetId) });
}

/**
 * The two clocks as plain sentences: "Acknowledge by 3 March 23:59." / "Overdue since …" /
 * "Acknowledged on …". People who answer read what to do; everyone else reads what is due.
 */
export function ClockSentences(props: { v: View; r: HelpItem; now: Date }) {
  const { v, r, now } = props;
  const answering = r.can.acknowledge || r.can.respond;
  const at = (iso: string) => <Moment v={v} at={iso} now={now} />;
  const lines: Array<{ text: Child[]; overdue?: boolean }> = [];
  const ack = r.clocks.acknowledge;
  const resp = r.clocks.respond;
  if (r.acknowledgedAt) {
    lines.push({ text: tx(v, "web.clock.acknowledged", { date: at(r.acknowledgedAt) }) });
  } else if (r.state !== "withdrawn") {
    if (ack.lapsed) {
      lines.push({ text: tx(v, "web.clock.acknowledgeOverdue", { date: at(ack.dueAt) }), overdue: true });
    } else {
      const key = answering ? "web.clock.acknowledgeBy" : "web.clock.acknowledgeDue";
      lines.push({ text: tx(v, key, { date: at(ack.dueAt) }) });
    }
  }
  if (r.state === "answered" && r.answeredAt) {
    lines.push({ text: tx(v, "web.clock.answered", { date: at(r.answeredAt) }) });
  } else if (r.state === "withdrawn" && r.withdrawnAt) {
    lines.push({ text: tx(v, "web.clock.withdrawn", { date: at(r.withdrawnAt) }) });
  } else if (resp.lapsed) {
    lines.push({ text: tx(v, "web.clock.respondOverdue", { date: at(resp.dueAt) }), overdue: true });
  } else {
    const key = answering ? "web.clock.respondBy" : "web.clock.respondDue";
    lines.push({ text: tx(v, key, { date: at(resp.dueAt) }) });
  }
  return (
    <ul class="clock-list">
      {lines.map((l) => (
        <li class={l.overdue ? "clock-overdue" : undefined}>{l.text}</li>
      ))}
    </ul>
  );
}

/** The escalation trail: each step in one sentence, oldest first. */
export function EscalationTrail(props: { v: View; r: HelpItem; labels: Labels; now: Date }) {
  const { v, r, labels, now } = props;
  const running = r.state === "open" || r.state === "acknowledged";
  const overdue = running && (r.clocks.acknowledge.lapsed || r.clocks.respond.lapsed);
  return (
    <>
      {r.escalations.length ? (
        <ol class="escalation-trail">
          {r.escalations.map((e) => (
            <li>
              {tx(v, "web.clock.escalated", {
                target: stepText(v, labels, e),
                date: <Moment v={v} at={e.at} now={now} />,
                clock: v.t(`web.clock.name.${e.clock}`),
              })}
            </li>
          ))}
        </ol>
      ) : null}
      {overdue && r.escalationsLeft === 0 ? <p class="clock-overdue">{v.t("web.clock.exhausted")}</p> : null}
    </>
  );
}

/** A help request in a list: its title, whom it asks, its state and clocks, and the latest step. */
export function HelpRequestItem(props: { v: View; r: HelpItem; labels: Labels; now: Date; from?: boolean }) {
  const { v, r, labels, now } = props;
  const last = r.escalations[r.escalations.length - 1];
  return (
    <li class="card">
      <h3>
        <a href={`/help-requests/${r.id}`}>{r.title}</a>
      </h3>
      <p class="muted">
        {props.from
          ? v.t("web.help.fromTo", {
              from: whoName(v, labels, r.requesterId),
              to: targetText(v, labels, r),
            })
          : v.t("web.help.to", { to: targetText(v, labels, r) })}
      </p>
      <p>
        <span class={`state state-${r.state}`}>{v.t(`web.help.state.${r.state}`)}</span>
      </p>
      <ClockSentences v={v} r={r} now={now} />
      {last ? (
        <p class="muted">
          {tx(v, "web.clock.escalated", {
            target: stepText(v, labels, last),
            date: <Moment v={v} at={last.at} now={now} />,
            clock: v.t(`web.clock.name.${last.clock}`),
          })}
        </p>
      ) : null}
    </li>
  );
}

type OrgItem = Awaited<ReturnType<typeof listAgencies>>[number];

/** The directory as the coordination forms pick from it: agencies and units, by slug. */
export interface DirectoryChoices {
  agencies: OrgItem[];
  units: OrgItem[];
}

/** Loads the agencies and units of the directory once per form page. */
export async function directoryChoices(dir: DirectoryDeps): Promise<DirectoryChoices> {
  const [agencies, units] = await Promise.all([listAgencies(dir, {}), listAgencies(dir, { kind: "unit" })]);
  return { agencies: agencies.filter((a) => a.kind === "agency"), units };
}

/** Agencies as options: each second-level agency, then its own agencies, in one group. */
export function agencyOptions(v: View, choices: DirectoryChoices): Option[] {
  const out: Option[] = [];
  const top = choices.agencies.filter((a) => a.level === 2);
  const children = (id: string) => choices.agencies.filter((a) => a.parentId === id);
  for (const a of top) {
    const group = pick(a.name, v.locale);
    out.push({ value: a.slug, label: group, group });
    for (const c of children(a.id)) out.push({ value: c.slug, label: pick(c.name, v.locale), group });
  }
  // Anything outside the second-level tree (none today) still appears, ungrouped at the end.
  const listed = new Set(out.map((o) => o.value));
  for (const a of choices.agencies) {
    if (!listed.has(a.slug)) out.push({ value: a.slug, label: pick(a.name, v.locale) });
  }
  return out;
}

/** Units as options, grouped under the agency each belongs to. */
export function unitOptions(v: View, choices: DirectoryChoices): Option[] {
  const names = new Map<string, string>();
  for (const a of choices.agencies) names.set(a.id, pick(a.name, v.locale));
  const out: Option[] = [];
  const groups = new Map<string, OrgItem[]>();
  for (const u of choices.units) {
    const key = u.parentId ?? "";
    groups.set(key, [...(groups.get(key) ?? []), u]);
  }
  for (const [parentId, units] of groups) {
    const group = names.get(parentId) ?? v.t("web.coordination.otherUnits");
    for (const u of units) out.push({ value: u.slug, label: pick(u.name, v.locale), group });
  }
  return out;
}

/** The slug of an org id (forms use slugs), or the id itself when it is not in the directory list. */
export function slugOf(choices: DirectoryChoices, id: string | null | undefined): string {
  if (!id) return "";
  const o = choices.agencies.find((a) => a.id === id) ?? choices.units.find((u) => u.id === id);
  return o?.slug ?? id;
}

/** A list of names joined in the reader's language. */
export function joinNames(v: View, names: string[]): string {
  return names.join(v.t("web.common.listSeparator"));
}
