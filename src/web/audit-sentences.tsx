import type { Child } from "hono/jsx";
import type { AuditView } from "../modules/audit/index.ts";
import type { Db } from "../platform/db/database.ts";
import { pick } from "../platform/i18n/index.ts";
import { orgLabels, personLabels } from "../modules/directory/index.ts";

/** A short reference to an org for sentences and links. */
export type OrgLabel = NonNullable<ReturnType<Awaited<ReturnType<typeof orgLabels>>["get"]>>;
/** A person's names for sentences and links. */
export type PersonLabel = NonNullable<ReturnType<Awaited<ReturnType<typeof personLabels>>["get"]>>;
import { personName, tx, type View } from "./view.tsx";

/** Names of the people and orgs that audit entries mention. */
export interface AuditRefs {
  people: Map<string, PersonLabel>;
  orgs: Map<string, OrgLabel>;
}

/** Reads a string field of an entry's before/after snapshot. */
function field(obj: unknown, name: string): string | undefined {
  if (!obj || typeof obj !== "object") return undefined;
  const value = (obj as Record<string, unknown>)[name];
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}

/** The snapshot of an entry: after, else before. */
const snap = (e: AuditView) => (e.after && typeof e.after === "object" ? e.after : e.before);

const ORG_ENTITY = new Set(["org"]);

/** Loads, in two queries, every person and org the entries mention. */
export async function loadAuditRefs(db: Db, entries: AuditView[]): Promise<AuditRefs> {
  const personIds: string[] = [];
  const orgIds: string[] = [];
  for (const e of entries) {
    const s = snap(e);
    if (e.actorId) personIds.push(e.actorId);
    if (e.entityType === "person") personIds.push(e.entityId);
    if (ORG_ENTITY.has(e.entityType)) orgIds.push(e.entityId);
    for (const k of ["personId"]) {
      const id = field(s, k);
      if (id) personIds.push(id);
    }
    for (const k of ["orgId", "agencyId"]) {
      const id = field(s, k);
      if (id) orgIds.push(id);
    }
  }
  const [people, orgs] = await Promise.all([personLabels(db, personIds), orgLabels(db, orgIds)]);
  return { people, orgs };
}

function OrgLink(props: { v: View; org: OrgLabel | undefined; fallback?: unknown }) {
  if (props.org) return <a href={`/agencies/${props.org.slug}`}>{pick(props.org.name, props.v.locale)}</a>;
  const name =
    props.fallback && typeof props.fallback === "object" ? (props.fallback as { name?: unknown }).name : null;
  if (name && typeof name === "object") {
    return <>{pick(name as { "zh-TW": string; en: string }, props.v.locale)}</>;
  }
  return <>{props.v.t("web.audit.anOrg")}</>;
}

function PersonLink(props: { v: View; person: PersonLabel | undefined; link: boolean }) {
  if (!props.person) return <>{props.v.t("web.audit.someone")}</>;
  const name = personName(props.person, props.v.locale);
  return props.link ? <a href={`/people/${props.person.id}`}>{name}</a> : <>{name}</>;
}

/** Actions that change the public directory, and so appear in "recent public activity". */
export const publicActions = new Set([
  "org.create",
  "org.update",
  "authorisation.set",
  "membership.start",
  "po-invitation.accept",
  "roster.file",
  "directory.seed",
]);

/** Keeps the entries that describe a public change (a PO joining; never reads, e-mails or staff). */
export function publicEntries(entries: AuditView[]): AuditView[] {
  const joinedByInvitation = new Set(
    entries
      .filter((e) => e.action === "membership.start")
      .map((e) => field(e.after, "invitationId"))
      .filter((id): id is string => !!id),
  );
  return entries.filter((e) => {
    if (!publicActions.has(e.action)) return false;
    if (e.action === "membership.start") return field(e.after, "role") === "po";
    // An acceptance already shown as "X became a PO of Y" is not repeated.
    if (e.action === "po-invitation.accept") return !joinedByInvitation.has(e.entityId);
    return true;
  });
}

/** One public change in a sentence, naming no one but the POs who joined. */
export function publicSentence(v: View, e: AuditView, refs: AuditRefs): Child {
  const s = snap(e);
  switch (e.action) {
    case "org.create":
      return tx(v, "web.activity.orgCreated", {
        org: <OrgLink v={v} org={refs.orgs.get(e.entityId)} fallback={s} />,
      });
    case "org.update":
      return tx(v, "web.activity.orgUpdated", {
        org: <OrgLink v={v} org={refs.orgs.get(e.entityId)} fallback={s} />,
      });
    case "authorisation.set":
      return tx(v, "web.activity.authorisationSet", {
        org: <OrgLink v={v} org={refs.orgs.get(e.entityId)} />,
      });
    case "membership.start":
      return tx(v, "web.activity.poJoined", {
        person: <PersonLink v={v} person={refs.people.get(field(s, "personId") ?? "")} link />,
        org: <OrgLink v={v} org={refs.orgs.get(field(s, "orgId") ?? "")} />,
      });
    case "po-invitation.accept":
      return v.t("web.activity.invitationAccepted");
    case "roster.file":
      return tx(v, "web.activity.rosterFiled", {
        org: <OrgLink v={v} org={refs.orgs.get(field(s, "agencyId") ?? "")} />,
        year: field(s, "year") ?? "",
      });
    case "directory.seed":
      return v.t("web.activity.directorySeeded", { count: field(s, "orgs") ?? "" });
    default:
      return v.t("web.activity.other");
  }
}

/** An entry by or about the reader, in a sentence ("You signed in.", "PDIS invited you …"). */
export function personalSentence(v: View, e: AuditView, refs: AuditRefs, me: string): Child {
  const s = snap(e);
  const actor =
    e.actorId === me
      ? v.t("web.audit.you")
      : e.actorId
        ? personName(refs.people.get(e.actorId) ?? { name: v.t("web.audit.someone") }, v.locale)
        : v.t("web.audit.system");
  const who = (id: string | undefined) =>
    id === me ? (
      v.t("web.audit.youObject")
    ) : (
      <PersonLink v={v} person={refs.people.get(id ?? "")} link={false} />
    );
  const org = (id: string | undefined) => <OrgLink v={v} org={refs.orgs.get(id ?? "")} fallback={s} />;
  const role = (r: string | undefined) => v.t(`web.roleIn.${r ?? "unit-staff"}`);
  switch (e.action) {
    case "session.start":
    case "session.end":
    case "token.revoke":
    case "po-invitation.accept":
    case "po-invitation.decline":
    case "po-invitation.withdraw":
      return v.t(`web.audit.${e.action}`, { actor });
    case "token.create":
    case "resource.create":
      return tx(v, `web.audit.${e.action}`, {
        actor,
        name:
          e.action === "token.create"
            ? (field(s, "name") ?? "")
            : pick((s as { name?: { "zh-TW": string; en: string } } | null)?.name, v.locale),
      });
    case "person.create":
    case "person.update":
    case "read":
      return tx(v, `web.audit.${e.action}`, { actor, person: who(e.entityId) });
    case "membership.start":
      if (field(s, "invitationId")) {
        return tx(v, "web.audit.membership.joined", {
          person: who(field(s, "personId")),
          org: org(field(s, "orgId")),
        });
      }
      return tx(v, "web.audit.membership.start", {
        actor,
        person: who(field(s, "personId")),
        role: role(field(s, "role")),
        org: org(field(s, "orgId")),
      });
    case "membership.end":
      return tx(v, "web.audit.membership.end", {
        actor,
        person: who(field(s, "personId")),
        role: role(field(s, "role")),
        org: org(field(s, "orgId")),
      });
    case "po-invitation.create":
      return tx(v, "web.audit.po-invitation.create", {
        actor,
        person: who(field(s, "personId")),
        org: org(field(s, "agencyId")),
      });
    case "roster.file":
      return tx(v, "web.audit.roster.file", {
        actor,
        org: org(field(s, "agencyId")),
        year: field(s, "year") ?? "",
      });
    case "authorisation.set":
    case "org.create":
    case "org.update":
      return tx(v, `web.audit.${e.action}`, { actor, org: org(e.entityId) });
    case "directory.seed":
      return v.t("web.activity.directorySeeded", { count: field(s, "orgs") ?? "" });
    default:
      return tx(v, "web.audit.other", { actor, action: e.action, entity: e.entityType });
  }
}
