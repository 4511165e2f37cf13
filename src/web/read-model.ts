/**
 * Small batched look-ups the pages need and the directory's use cases do not offer yet (one query
 * each, instead of one use case call per row). They read only tables the directory module exports;
 * they belong in the directory module (e.g. a `poCount` on listAgencies) and should move there.
 */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../platform/db/database.ts";
import { memberships, orgs, people, type LocaleText } from "../modules/directory/index.ts";

/** Number of active POs per agency. */
export async function poCounts(db: Db, agencyIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>(agencyIds.map((id) => [id, 0]));
  if (!agencyIds.length) return out;
  const rows = await db
    .select({ orgId: memberships.orgId, n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(
      and(inArray(memberships.orgId, agencyIds), eq(memberships.role, "po"), isNull(memberships.endedAt)),
    )
    .groupBy(memberships.orgId);
  for (const r of rows) out.set(r.orgId, r.n);
  return out;
}

/** A short reference to an org for sentences and links. */
export interface OrgLabel {
  id: string;
  slug: string;
  kind: string;
  name: LocaleText;
}

/** Orgs by id. */
export async function orgLabels(db: Db, ids: string[]): Promise<Map<string, OrgLabel>> {
  const unique = [...new Set(ids.filter(isUuid))];
  if (!unique.length) return new Map();
  const rows = await db
    .select({ id: orgs.id, slug: orgs.slug, kind: orgs.kind, name: orgs.name })
    .from(orgs)
    .where(inArray(orgs.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

/** A person's names for sentences and links (never their e-mail). */
export interface PersonLabel {
  id: string;
  name: string;
  nameEn: string | null;
}

/** People by id. */
export async function personLabels(db: Db, ids: string[]): Promise<Map<string, PersonLabel>> {
  const unique = [...new Set(ids.filter(isUuid))];
  if (!unique.length) return new Map();
  const rows = await db
    .select({ id: people.id, name: people.name, nameEn: people.nameEn })
    .from(people)
    .where(inArray(people.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

function isUuid(s: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
}
