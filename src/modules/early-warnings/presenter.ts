import type { LocaleText } from "../directory/index.ts";
import type { CommentRow, EventRow, EvidenceRow, WarningAgencyRow, WarningRow } from "./repository.ts";
import type { Happened, Severity, SignalSource } from "./tables.ts";

/** Labels of orgs, people and other warnings, fetched once per response. */
export interface Labels {
  orgs: Map<string, { id: string; slug: string; name: LocaleText }>;
  people: Map<string, { id: string; name: string; nameEn: string | null }>;
  /** Titles of warnings this one was merged into. */
  warnings: Map<string, { id: string; title: string }>;
}

/** Everything a warning shows in a list, as loaded from the repository. */
export interface ListParts {
  warning: WarningRow;
  agencies: WarningAgencyRow[];
  evidence: EvidenceRow[];
}

/** Everything a warning's detail shows. */
export interface DetailParts extends ListParts {
  mergedFrom: WarningRow[];
  comments: CommentRow[];
  events: EventRow[];
}

/** What the reader may do, for the detail. */
export interface Permissions {
  comment: boolean;
  merge: boolean;
  convert: boolean;
  answer: boolean;
}

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

function org(labels: Labels, id: string) {
  const o = labels.orgs.get(id);
  return o ? { id: o.id, slug: o.slug, name: o.name } : { id, slug: "", name: { "zh-TW": "", en: "" } };
}

function person(labels: Labels, id: string | null) {
  if (!id) return null;
  const p = labels.people.get(id);
  return p ? { id: p.id, name: p.name, nameEn: p.nameEn } : null;
}

/** The ids a set of warnings needs labels for. */
export function labelIds(parts: Array<ListParts | DetailParts>) {
  const orgIds = parts.flatMap((p) => p.agencies.map((a) => a.agencyId));
  const personIds: Array<string | null> = [];
  const warningIds: Array<string | null> = [];
  for (const p of parts) {
    const w = p.warning;
    personIds.push(w.raisedBy, w.convertedBy, w.answeredBy);
    warningIds.push(w.mergedIntoId);
    if ("comments" in p) {
      personIds.push(...p.comments.map((c) => c.authorId), ...p.events.map((e) => e.actorId));
    }
  }
  const present = (xs: Array<string | null>) => xs.filter((x): x is string => !!x);
  return { orgIds, personIds: present(personIds), warningIds: present(warningIds) };
}

/** A warning in lists. */
export function presentWarningListItem(parts: ListParts, labels: Labels, now: Date) {
  const { warning: w, agencies, evidence } = parts;
  const mergedInto = w.mergedIntoId ? labels.warnings.get(w.mergedIntoId) : undefined;
  return {
    id: w.id,
    title: w.title,
    description: w.description,
    signalSource: w.signalSource,
    severity: w.severity,
    evidence: evidence.filter((e) => e.warningId === w.id).map((e) => e.url),
    agencies: agencies.filter((a) => a.warningId === w.id).map((a) => org(labels, a.agencyId)),
    flareUpWithinDays: w.flareUpWithinDays,
    windowEndsAt: iso(w.windowEndsAt),
    windowEnded: w.windowEndsAt <= now,
    state: w.state,
    raisedBy: person(labels, w.raisedBy),
    createdAt: iso(w.createdAt),
    updatedAt: iso(w.updatedAt),
    mergedInto:
      w.mergedIntoId && w.mergedAt
        ? { id: w.mergedIntoId, title: mergedInto?.title ?? "", at: iso(w.mergedAt) }
        : null,
    convertedTo:
      w.convertedKind && w.convertedId && w.convertedAt
        ? {
            kind: w.convertedKind,
            id: w.convertedId,
            reference: w.convertedReference,
            at: iso(w.convertedAt),
            by: person(labels, w.convertedBy),
          }
        : null,
    askedAt: isoOrNull(w.askedAt),
    outcome:
      w.happened && w.answeredAt
        ? {
            happened: w.happened,
            note: w.outcomeNote,
            answeredAt: iso(w.answeredAt),
            answeredBy: person(labels, w.answeredBy),
          }
        : null,
  };
}

/** A comment. */
export function presentComment(c: CommentRow, labels: Labels) {
  return {
    id: c.id,
    author: person(labels, c.authorId),
    body: c.body,
    createdAt: iso(c.createdAt),
    carriedFrom: c.carriedFrom,
  };
}

/** A warning with its comments, merged duplicates and history. */
export function presentWarning(parts: DetailParts, labels: Labels, now: Date, can: Permissions) {
  return {
    ...presentWarningListItem(parts, labels, now),
    mergedFrom: parts.mergedFrom.map((m) => ({ id: m.id, title: m.title, at: isoOrNull(m.mergedAt) })),
    comments: parts.comments.map((c) => presentComment(c, labels)),
    history: parts.events.map((e) => ({
      id: e.id,
      kind: e.kind,
      at: iso(e.at),
      actor: person(labels, e.actorId),
      data: e.data,
    })),
    can,
  };
}

type Counts = Record<Happened, number>;
const zero = (): Counts => ({ yes: 0, no: 0, partly: 0 });

/** Counts of answers by signal source and severity (about signals, never about people). */
export function presentOutcomeSummary(
  rows: Array<{ source: SignalSource; severity: Severity; happened: Happened; n: number }>,
  sources: readonly SignalSource[],
  severities: readonly Severity[],
) {
  const outcomes = zero();
  const bySource = new Map(sources.map((s) => [s, zero()]));
  const bySeverity = new Map(severities.map((s) => [s, zero()]));
  for (const r of rows) {
    outcomes[r.happened] += r.n;
    bySource.get(r.source)![r.happened] += r.n;
    bySeverity.get(r.severity)![r.happened] += r.n;
  }
  const total = (c: Counts) => c.yes + c.no + c.partly;
  return {
    answered: total(outcomes),
    outcomes,
    bySource: [...bySource].map(([source, c]) => ({ source, answered: total(c), ...c })),
    bySeverity: [...bySeverity].map(([severity, c]) => ({ severity, answered: total(c), ...c })),
  };
}
