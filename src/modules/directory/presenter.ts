import type {
  OrgRow,
  PersonRow,
  InvitationRow,
  ResourceRow,
  RosterRow,
  AuthorisationRow,
} from "./repository.ts";
import { coordinationWeight, defaultAuthorisation, type AgencySize } from "./weight.ts";
import type { LocaleText } from "./tables.ts";

/** Short reference to an org. */
export function presentOrgRef(o: OrgRow) {
  return { id: o.id, slug: o.slug, name: o.name, kind: o.kind, level: o.level };
}

/** An org in lists, with size and weight. */
export function presentAgency(o: OrgRow, size: AgencySize) {
  return {
    id: o.id,
    slug: o.slug,
    kind: o.kind,
    name: o.name,
    abbreviation: o.abbreviation ?? null,
    level: o.level,
    parentId: o.parentId,
    website: o.website,
    email: o.email,
    phone: o.phone,
    address: o.address,
    size,
    coordinationWeight: coordinationWeight(size),
  };
}

/** The authorisation table in force: the supervisor's, or the size-based default. */
export function presentAuthorisation(row: AuthorisationRow | null, size: AgencySize) {
  if (row) {
    return {
      maxUnitsWithoutSignoff: row.maxUnitsWithoutSignoff,
      maxAgenciesWithoutSignoff: row.maxAgenciesWithoutSignoff,
      maxWorkingGroupSize: row.maxWorkingGroupSize,
      notes: (row.notes as LocaleText | null) ?? null,
      source: "supervisor" as const,
      updatedAt: row.updatedAt.toISOString(),
    };
  }
  return {
    ...defaultAuthorisation(coordinationWeight(size)),
    notes: null,
    source: "default" as const,
    updatedAt: null,
  };
}

/** A member of an agency as the public directory shows them. */
export function presentMember(
  m: {
    id: string;
    personId: string;
    role: "unit-staff" | "po" | "supervisor" | "pdis";
    tags: string[];
    startedAt: Date;
    personName: string;
    personNameEn: string | null;
    personEmail: string;
  },
  showEmail: boolean,
) {
  return {
    membershipId: m.id,
    personId: m.personId,
    name: m.personName,
    nameEn: m.personNameEn,
    email: showEmail ? m.personEmail : null,
    role: m.role,
    tags: m.tags,
    since: m.startedAt.toISOString(),
  };
}

/** A PO invitation. */
export function presentInvitation(i: InvitationRow, agency: OrgRow, personName: string) {
  return {
    id: i.id,
    state: i.state,
    agency: presentOrgRef(agency),
    personId: i.personId,
    personName,
    invitedBy: i.invitedBy,
    tags: i.tags,
    message: i.message,
    createdAt: i.createdAt.toISOString(),
    respondedAt: i.respondedAt?.toISOString() ?? null,
  };
}

/** A roster filing. */
export function presentRoster(r: RosterRow) {
  return {
    id: r.id,
    year: r.year,
    filedAt: r.filedAt.toISOString(),
    filedBy: r.filedBy,
    note: r.note,
    entries: r.entries,
  };
}

/** A resource. */
export function presentResource(r: ResourceRow, org: OrgRow | null) {
  return {
    id: r.id,
    slug: r.slug,
    kind: r.kind,
    category: r.category,
    org: org ? presentOrgRef(org) : null,
    name: r.name,
    description: r.description ?? null,
    contactEmail: r.contactEmail,
  };
}

/** Basic person fields; roles are added by the use case. */
export function presentPersonBase(p: PersonRow, showContact: boolean) {
  return {
    id: p.id,
    name: p.name,
    nameEn: p.nameEn,
    title: p.title ?? null,
    email: showContact ? p.email : null,
    phone: showContact ? p.phone : null,
    isAdmin: p.isAdmin,
  };
}
