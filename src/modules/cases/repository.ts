import { and, asc, desc, eq, gte, inArray, lt, ne, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../platform/db/database.ts";
import { transcripts } from "../transcripts/index.ts";
import {
  caseAnalysisRows,
  caseChallengeVersions,
  caseInterviews,
  caseMindMapNodes,
  caseStakeholders,
  caseEvents,
  caseEvidence,
  caseNumberCounter,
  caseRoles,
  caseSeats,
  caseStageRows,
  cases,
  caseStages,
  type CaseStage,
  type SeatCategory,
} from "./tables.ts";
import { caseSearchText } from "./search-source.ts";

/** A row of cases. */
export type CaseRow = typeof cases.$inferSelect;
/** A row of case_stages. */
export type StageRow = typeof caseStageRows.$inferSelect;
/** A row of case_roles. */
export type RoleRow = typeof caseRoles.$inferSelect;
/** A row of case_seats. */
export type SeatRow = typeof caseSeats.$inferSelect;
/** A row of case_evidence. */
export type EvidenceRow = typeof caseEvidence.$inferSelect;

/**
 * Takes the next case number. The upsert locks the counter's one row until the caller's transaction
 * ends, so concurrent selections wait their turn and a rolled-back one gives its number back.
 */
export async function nextCaseNumber(db: Queryable): Promise<number> {
  const [row] = await db
    .insert(caseNumberCounter)
    .values({ id: 1, lastNumber: 1 })
    .onConflictDoUpdate({
      target: caseNumberCounter.id,
      set: { lastNumber: sql`${caseNumberCounter.lastNumber} + 1` },
    })
    .returning({ n: caseNumberCounter.lastNumber });
  return row!.n;
}

/** Inserts a case with its ten stage rows (the first one started). */
export async function insertCase(db: Queryable, v: typeof cases.$inferInsert): Promise<CaseRow> {
  const [row] = await db
    .insert(cases)
    .values({ ...v, searchText: caseSearchText(v) })
    .returning();
  await db.insert(caseStageRows).values(
    caseStages.map((stage) => ({
      caseId: row!.id,
      stage,
      startedAt: stage === "selected" ? v.selectedAt : null,
    })),
  );
  return row!;
}

/** One case by number, locked for the transaction that changes it when asked. */
export async function findCaseByNumber(db: Queryable, n: number, forUpdate = false): Promise<CaseRow | null> {
  const q = db.select().from(cases).where(eq(cases.number, n)).limit(1);
  const [row] = forUpdate ? await q.for("update") : await q;
  return row ?? null;
}

/** Cases created from these candidates (meetings module). */
export async function casesOfCandidates(db: Queryable, candidateIds: string[]) {
  if (!candidateIds.length) return [];
  return db
    .select({ id: cases.id, number: cases.number, candidateId: cases.candidateId })
    .from(cases)
    .where(inArray(cases.candidateId, candidateIds));
}

/** Updates a case; a new title or summary renews its search text in the same transaction. */
export async function updateCase(db: Queryable, id: string, v: Partial<typeof cases.$inferInsert>) {
  const [row] = await db.update(cases).set(v).where(eq(cases.id, id)).returning();
  if (("title" in v || "summary" in v) && row) {
    const searchText = caseSearchText(row);
    if (searchText !== row.searchText) {
      const [renewed] = await db.update(cases).set({ searchText }).where(eq(cases.id, id)).returning();
      return renewed!;
    }
  }
  return row!;
}

/** The stages of a case, in order. */
export async function listStages(db: Queryable, caseId: string): Promise<StageRow[]> {
  const rows = await db.select().from(caseStageRows).where(eq(caseStageRows.caseId, caseId));
  return rows.sort((a, b) => caseStages.indexOf(a.stage) - caseStages.indexOf(b.stage));
}

/** Updates one stage of a case. */
export async function updateStage(
  db: Queryable,
  caseId: string,
  stage: CaseStage,
  v: Partial<typeof caseStageRows.$inferInsert>,
) {
  const [row] = await db
    .update(caseStageRows)
    .set(v)
    .where(and(eq(caseStageRows.caseId, caseId), eq(caseStageRows.stage, stage)))
    .returning();
  return row!;
}

/** The roles of cases. */
export async function listRoles(db: Queryable, caseIds: string[]): Promise<RoleRow[]> {
  if (!caseIds.length) return [];
  return db
    .select()
    .from(caseRoles)
    .where(inArray(caseRoles.caseId, caseIds))
    .orderBy(asc(caseRoles.createdAt), asc(caseRoles.id));
}

/** Adds a role. */
export async function insertRole(db: Queryable, v: typeof caseRoles.$inferInsert): Promise<RoleRow> {
  const [row] = await db.insert(caseRoles).values(v).returning();
  return row!;
}

/** Removes a role of a case. */
export async function deleteRole(db: Queryable, caseId: string, roleId: string): Promise<RoleRow | null> {
  const [row] = await db
    .delete(caseRoles)
    .where(and(eq(caseRoles.caseId, caseId), eq(caseRoles.id, roleId)))
    .returning();
  return row ?? null;
}

/**
 * True when the agency led a case whose collaborative meeting took place at or after `since`
 * (the stage's start or completion), other than `exceptCaseId`.
 */
export async function ledCollaborativeMeetingSince(
  db: Queryable,
  agencyId: string,
  since: Date,
  exceptCaseId: string | null,
): Promise<boolean> {
  const rows = await db
    .select({ id: caseRoles.caseId })
    .from(caseRoles)
    .innerJoin(
      caseStageRows,
      and(eq(caseStageRows.caseId, caseRoles.caseId), eq(caseStageRows.stage, "collaborative-meeting")),
    )
    .where(
      and(
        eq(caseRoles.kind, "lead"),
        eq(caseRoles.agencyId, agencyId),
        exceptCaseId ? ne(caseRoles.caseId, exceptCaseId) : undefined,
        or(gte(caseStageRows.startedAt, since), gte(caseStageRows.completedAt, since)),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** The seats of a case, oldest first (the waiting list's order). */
export async function listSeats(db: Queryable, caseId: string): Promise<SeatRow[]> {
  return db.select().from(caseSeats).where(eq(caseSeats.caseId, caseId)).orderBy(asc(caseSeats.seq));
}

/** Counts confirmed seats of a category (and inviting agency). */
export async function countConfirmed(
  db: Queryable,
  caseId: string,
  category: SeatCategory,
  invitingAgencyId?: string,
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(caseSeats)
    .where(
      and(
        eq(caseSeats.caseId, caseId),
        eq(caseSeats.category, category),
        eq(caseSeats.state, "confirmed"),
        invitingAgencyId ? eq(caseSeats.invitingAgencyId, invitingAgencyId) : undefined,
      ),
    );
  return row!.n;
}

/** A confirmed other stakeholder of the same group, if any. */
export async function confirmedGroupSeat(db: Queryable, caseId: string, groupKey: string) {
  const [row] = await db
    .select()
    .from(caseSeats)
    .where(
      and(
        eq(caseSeats.caseId, caseId),
        eq(caseSeats.category, "other-stakeholder"),
        eq(caseSeats.state, "confirmed"),
        eq(caseSeats.groupKey, groupKey),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** A live seat (confirmed or waiting) of a person at a case. */
export async function liveSeatOf(db: Queryable, caseId: string, personId: string) {
  const [row] = await db
    .select()
    .from(caseSeats)
    .where(
      and(eq(caseSeats.caseId, caseId), eq(caseSeats.personId, personId), ne(caseSeats.state, "withdrawn")),
    )
    .limit(1);
  return row ?? null;
}

/** Inserts a seat. */
export async function insertSeat(db: Queryable, v: typeof caseSeats.$inferInsert): Promise<SeatRow> {
  const [row] = await db.insert(caseSeats).values(v).returning();
  return row!;
}

/** One seat of a case. */
export async function findSeat(db: Queryable, caseId: string, seatId: string): Promise<SeatRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(seatId)) return null;
  const [row] = await db
    .select()
    .from(caseSeats)
    .where(and(eq(caseSeats.caseId, caseId), eq(caseSeats.id, seatId)))
    .limit(1);
  return row ?? null;
}

/** Updates a seat. */
export async function updateSeat(db: Queryable, id: string, v: Partial<typeof caseSeats.$inferInsert>) {
  const [row] = await db.update(caseSeats).set(v).where(eq(caseSeats.id, id)).returning();
  return row!;
}

/** The first co-signer on the waiting list. */
export async function firstWaiting(db: Queryable, caseId: string): Promise<SeatRow | null> {
  const [row] = await db
    .select()
    .from(caseSeats)
    .where(
      and(eq(caseSeats.caseId, caseId), eq(caseSeats.category, "co-signer"), eq(caseSeats.state, "waiting")),
    )
    .orderBy(asc(caseSeats.seq))
    .limit(1);
  return row ?? null;
}

/** Evidence of a case, oldest first. */
export async function listEvidence(db: Queryable, caseId: string): Promise<EvidenceRow[]> {
  return db.select().from(caseEvidence).where(eq(caseEvidence.caseId, caseId)).orderBy(asc(caseEvidence.id));
}

/** Records evidence. */
export async function insertEvidence(db: Queryable, v: typeof caseEvidence.$inferInsert) {
  const [row] = await db.insert(caseEvidence).values(v).returning();
  return row!;
}

/** Appends to a case's public trail. */
export async function addEvent(
  db: Queryable,
  v: { caseId: string; at: Date; actorId: string | null; kind: string; data?: unknown },
) {
  await db.insert(caseEvents).values({ ...v, data: v.data === undefined ? null : JSON.stringify(v.data) });
}

/** The trail of a case, oldest first. */
export async function listEvents(db: Queryable, caseId: string) {
  return db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.id));
}

/** Filters of the public case index. */
export interface CaseFilter {
  agencyId?: string;
  stage?: CaseStage;
  year?: number;
  /** Keyset: cases with a lower number. */
  beforeNumber?: number;
  limit: number;
}

/** The public index of cases, newest number first. */
export async function listCases(db: Queryable, f: CaseFilter): Promise<CaseRow[]> {
  const conds: SQL[] = [];
  if (f.stage) conds.push(eq(cases.stage, f.stage));
  if (f.year) conds.push(eq(cases.year, f.year));
  if (f.beforeNumber !== undefined) conds.push(lt(cases.number, f.beforeNumber));
  if (f.agencyId) {
    conds.push(
      sql`exists (select 1 from case_roles r where r.case_id = ${cases.id} and r.agency_id = ${f.agencyId}::uuid)`,
    );
  }
  return db
    .select()
    .from(cases)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(cases.number))
    .limit(f.limit);
}

/** Every case by number, with the stage rows of each and the slugs of published linked transcripts. */
export async function allCasesForExport(db: Queryable) {
  const rows = await db.select().from(cases).orderBy(asc(cases.number));
  const ids = rows.map((c) => c.id);
  const stages = ids.length
    ? await db.select().from(caseStageRows).where(inArray(caseStageRows.caseId, ids))
    : [];
  const transcripts = await db.execute<{ id: string; slug: string }>(
    sql`select id, slug from transcripts where state = 'published'
        and id in (select transcript_id from cases where transcript_id is not null)`,
  );
  return { rows, stages, transcriptSlugs: new Map(transcripts.rows.map((t) => [t.id, t.slug])) };
}

/** Self-proposed cases selected in a period (for a monthly meeting's agenda). */
export async function selfProposedBetween(db: Queryable, from: Date, to: Date): Promise<CaseRow[]> {
  return db
    .select()
    .from(cases)
    .where(and(eq(cases.origin, "self-proposed"), gte(cases.selectedAt, from), lt(cases.selectedAt, to)))
    .orderBy(asc(cases.number));
}

/** Cases that link a petition, by number (the petition's page links back to them). */
export async function casesOfPetition(db: Queryable, petitionId: string) {
  return db
    .select({ number: cases.number, title: cases.title, stage: cases.stage })
    .from(cases)
    .where(eq(cases.petitionId, petitionId))
    .orderBy(asc(cases.number));
}

/** Cases whose meeting record is this transcript (by its slug), by number. */
export async function casesOfTranscript(db: Queryable, slug: string) {
  return db
    .select({ number: cases.number, title: cases.title, stage: cases.stage })
    .from(cases)
    .innerJoin(transcripts, eq(transcripts.id, cases.transcriptId))
    .where(eq(transcripts.slug, slug))
    .orderBy(asc(cases.number));
}

/** Tracked cases (列管), by number (for a monthly meeting's agenda). */
export async function trackedCases(db: Queryable): Promise<CaseRow[]> {
  return db.select().from(cases).where(eq(cases.stage, "tracked")).orderBy(asc(cases.number));
}

/** A transcript's public handle when it is published (drafts never show on a case). */
export async function publishedTranscript(db: Queryable, id: string) {
  const rows = await db.execute<{ slug: string; title: string; state: string }>(
    sql`select slug, title, state from transcripts where id = ${id}::uuid`,
  );
  const row = rows.rows[0];
  return row ? { slug: row.slug, title: row.title, published: row.state === "published" } : null;
}

/** Case numbers by id. */
export async function caseNumbers(db: Queryable, ids: string[]) {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map<string, number>();
  const rows = await db
    .select({ id: cases.id, number: cases.number })
    .from(cases)
    .where(inArray(cases.id, unique));
  return new Map(rows.map((r) => [r.id, r.number]));
}

/** Cases by id with their lead agency (for links from other modules). */
export async function caseRefs(db: Queryable, ids: string[]) {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  return db
    .select({
      id: cases.id,
      number: cases.number,
      title: cases.title,
      stage: cases.stage,
      leadAgencyId: caseRoles.agencyId,
    })
    .from(cases)
    .leftJoin(caseRoles, and(eq(caseRoles.caseId, cases.id), eq(caseRoles.kind, "lead")))
    .where(inArray(cases.id, unique))
    .orderBy(asc(cases.number));
}

/** A row of the issue analysis table. */
export type AnalysisRow = typeof caseAnalysisRows.$inferSelect;
/** An entry of the stakeholder map. */
export type StakeholderRow = typeof caseStakeholders.$inferSelect;
/** An interview of the research stage. */
export type InterviewRow = typeof caseInterviews.$inferSelect;
/** A node of the mind map. */
export type MindMapNodeRow = typeof caseMindMapNodes.$inferSelect;
/** A saved wording of the challenge statement. */
export type ChallengeRow = typeof caseChallengeVersions.$inferSelect;

/** The research artefacts kept as ordered entries, by the name of their address. */
export const researchTables = {
  analysis: caseAnalysisRows,
  stakeholders: caseStakeholders,
  interviews: caseInterviews,
  "mind-map": caseMindMapNodes,
} as const;
/** One kind of research entry. */
export type ResearchKind = keyof typeof researchTables;
/** A row of any research kind. */
export interface ResearchRows {
  analysis: AnalysisRow;
  stakeholders: StakeholderRow;
  interviews: InterviewRow;
  "mind-map": MindMapNodeRow;
}
// The four tables share id, case_id, position and the timestamps; the generic statements below touch
// only those by name, and the values come validated from the kind's own schema.
type AnyResearchTable = typeof caseInterviews;
const tableOf = (kind: ResearchKind) => researchTables[kind] as unknown as AnyResearchTable;

/** Every research entry of a case, each kind in its order (position, then creation). */
export async function listResearch(db: Queryable, caseId: string) {
  const [analysis, stakeholders, interviews, mindMap] = await Promise.all([
    db
      .select()
      .from(caseAnalysisRows)
      .where(eq(caseAnalysisRows.caseId, caseId))
      .orderBy(asc(caseAnalysisRows.position), asc(caseAnalysisRows.createdAt)),
    db
      .select()
      .from(caseStakeholders)
      .where(eq(caseStakeholders.caseId, caseId))
      .orderBy(asc(caseStakeholders.position), asc(caseStakeholders.createdAt)),
    db
      .select()
      .from(caseInterviews)
      .where(eq(caseInterviews.caseId, caseId))
      .orderBy(asc(caseInterviews.position), asc(caseInterviews.createdAt)),
    db
      .select()
      .from(caseMindMapNodes)
      .where(eq(caseMindMapNodes.caseId, caseId))
      .orderBy(asc(caseMindMapNodes.position), asc(caseMindMapNodes.createdAt)),
  ]);
  return { analysis, stakeholders, interviews, mindMap };
}

/** One research entry of a case, or null. */
export async function findResearch<K extends ResearchKind>(
  db: Queryable,
  kind: K,
  caseId: string,
  id: string,
): Promise<ResearchRows[K] | null> {
  const t = tableOf(kind);
  const [row] = await db
    .select()
    .from(t)
    .where(and(eq(t.caseId, caseId), eq(t.id, id)))
    .limit(1);
  return (row as unknown as ResearchRows[K]) ?? null;
}

/** The position after the last entry of a kind (under a mind-map parent when given). */
export async function nextResearchPosition(
  db: Queryable,
  kind: ResearchKind,
  caseId: string,
  parentId?: string | null,
): Promise<number> {
  const t = tableOf(kind);
  const underParent =
    kind === "mind-map"
      ? parentId
        ? eq(caseMindMapNodes.parentId, parentId)
        : sql`${caseMindMapNodes.parentId} is null`
      : undefined;
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${t.position}), 0)::int + 1` })
    .from(t)
    .where(and(eq(t.caseId, caseId), underParent));
  return row!.n;
}

/** Inserts a research entry. */
export async function insertResearch<K extends ResearchKind>(
  db: Queryable,
  kind: K,
  v: Record<string, unknown> & { caseId: string; position: number; createdAt: Date; updatedAt: Date },
): Promise<ResearchRows[K]> {
  const t = tableOf(kind);
  const [row] = await db
    .insert(t)
    .values(v as typeof t.$inferInsert)
    .returning();
  return row as unknown as ResearchRows[K];
}

/** Updates a research entry of a case. */
export async function updateResearch<K extends ResearchKind>(
  db: Queryable,
  kind: K,
  caseId: string,
  id: string,
  v: Record<string, unknown>,
): Promise<ResearchRows[K]> {
  const t = tableOf(kind);
  const [row] = await db
    .update(t)
    .set(v as Partial<typeof t.$inferInsert>)
    .where(and(eq(t.caseId, caseId), eq(t.id, id)))
    .returning();
  return row as unknown as ResearchRows[K];
}

/** Deletes a research entry of a case (a mind-map node takes its branch with it). */
export async function deleteResearch(db: Queryable, kind: ResearchKind, caseId: string, id: string) {
  const t = tableOf(kind);
  await db.delete(t).where(and(eq(t.caseId, caseId), eq(t.id, id)));
}

/** Drops a removed stakeholder-map entry from the analysis rows that linked it. */
export async function unlinkStakeholder(db: Queryable, caseId: string, stakeholderId: string) {
  await db
    .update(caseAnalysisRows)
    .set({ stakeholderIds: sql`array_remove(${caseAnalysisRows.stakeholderIds}, ${stakeholderId}::uuid)` })
    .where(
      and(
        eq(caseAnalysisRows.caseId, caseId),
        sql`${stakeholderId}::uuid = any(${caseAnalysisRows.stakeholderIds})`,
      ),
    );
}

/** The ids of the case's stakeholder-map entries among these. */
export async function stakeholdersOfCase(db: Queryable, caseId: string, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({ id: caseStakeholders.id })
    .from(caseStakeholders)
    .where(and(eq(caseStakeholders.caseId, caseId), inArray(caseStakeholders.id, ids)));
  return rows.map((r) => r.id);
}

/** The mind-map nodes of a case as (id, parent) pairs, for the cycle check of a move. */
export async function mindMapParents(db: Queryable, caseId: string) {
  return db
    .select({ id: caseMindMapNodes.id, parentId: caseMindMapNodes.parentId })
    .from(caseMindMapNodes)
    .where(eq(caseMindMapNodes.caseId, caseId));
}

/** Every wording of the challenge statement, newest first. */
export async function listChallengeVersions(db: Queryable, caseId: string): Promise<ChallengeRow[]> {
  return db
    .select()
    .from(caseChallengeVersions)
    .where(eq(caseChallengeVersions.caseId, caseId))
    .orderBy(desc(caseChallengeVersions.id));
}

/** Saves a new wording of the challenge statement. */
export async function insertChallengeVersion(
  db: Queryable,
  v: typeof caseChallengeVersions.$inferInsert,
): Promise<ChallengeRow> {
  const [row] = await db.insert(caseChallengeVersions).values(v).returning();
  return row!;
}
