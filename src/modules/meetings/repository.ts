import { and, asc, desc, eq, inArray, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../platform/db/database.ts";
import { memberships, orgs, people } from "../directory/index.ts";
import {
  meetingAttendance,
  meetingBallots,
  meetingCandidates,
  meetingRounds,
  meetings,
  meetingVoteCounts,
  meetingVoters,
  rotations,
  type MeetingKind,
} from "./tables.ts";

/** A row of meetings. */
export type MeetingRow = typeof meetings.$inferSelect;
/** A row of meeting_candidates. */
export type CandidateRow = typeof meetingCandidates.$inferSelect;
/** A row of meeting_voters. */
export type VoterRow = typeof meetingVoters.$inferSelect;

/** Inserts a meeting. */
export async function insertMeeting(db: Queryable, v: typeof meetings.$inferInsert): Promise<MeetingRow> {
  const [row] = await db.insert(meetings).values(v).returning();
  return row!;
}

/** One meeting, optionally locked (for update, or shared while a ballot is cast). */
export async function findMeeting(
  db: Queryable,
  id: string,
  lock: "update" | "share" | null = null,
): Promise<MeetingRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const q = db.select().from(meetings).where(eq(meetings.id, id)).limit(1);
  const [row] = lock ? await q.for(lock) : await q;
  return row ?? null;
}

/** Updates a meeting. */
export async function updateMeeting(db: Queryable, id: string, v: Partial<typeof meetings.$inferInsert>) {
  const [row] = await db.update(meetings).set(v).where(eq(meetings.id, id)).returning();
  return row!;
}

/** Meetings, newest date first, filtered by kind and year, keyset on (date, id). */
export async function listMeetings(
  db: Queryable,
  f: { kind?: MeetingKind; year?: number; before?: { date: string; id: string }; limit: number },
): Promise<MeetingRow[]> {
  const conds: SQL[] = [];
  if (f.kind) conds.push(eq(meetings.kind, f.kind));
  if (f.year)
    conds.push(sql`${meetings.date} >= ${`${f.year}-01-01`} and ${meetings.date} <= ${`${f.year}-12-31`}`);
  if (f.before)
    conds.push(sql`(${meetings.date}, ${meetings.id}) < (${f.before.date}::date, ${f.before.id}::uuid)`);
  return db
    .select()
    .from(meetings)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(meetings.date), desc(meetings.id))
    .limit(f.limit);
}

/** The monthly meeting before a date (for the agenda's period of self-proposed cases). */
export async function previousMonthly(
  db: Queryable,
  date: string,
  exceptId: string,
): Promise<MeetingRow | null> {
  const [row] = await db
    .select()
    .from(meetings)
    .where(
      and(eq(meetings.kind, "monthly"), lt(meetings.date, date), sql`${meetings.id} <> ${exceptId}::uuid`),
    )
    .orderBy(desc(meetings.date))
    .limit(1);
  return row ?? null;
}

/** The candidates of a meeting, in order. */
export async function listCandidates(db: Queryable, meetingId: string): Promise<CandidateRow[]> {
  return db
    .select()
    .from(meetingCandidates)
    .where(eq(meetingCandidates.meetingId, meetingId))
    .orderBy(asc(meetingCandidates.position), asc(meetingCandidates.createdAt));
}

/** Inserts a candidate at the end of the meeting's list. */
export async function insertCandidate(
  db: Queryable,
  v: Omit<typeof meetingCandidates.$inferInsert, "position">,
): Promise<CandidateRow> {
  const [pos] = await db
    .select({ n: sql<number>`coalesce(max(${meetingCandidates.position}), 0)::int` })
    .from(meetingCandidates)
    .where(eq(meetingCandidates.meetingId, v.meetingId));
  const [row] = await db
    .insert(meetingCandidates)
    .values({ ...v, position: pos!.n + 1 })
    .returning();
  return row!;
}

/** Updates a candidate. */
export async function updateCandidate(
  db: Queryable,
  id: string,
  v: Partial<typeof meetingCandidates.$inferInsert>,
) {
  const [row] = await db.update(meetingCandidates).set(v).where(eq(meetingCandidates.id, id)).returning();
  return row!;
}

/** Losing topics waiting to carry over from monthly meetings held before a date, locked. */
export async function carryPending(db: Queryable, beforeDate: string): Promise<CandidateRow[]> {
  const rows = await db
    .select({ c: meetingCandidates })
    .from(meetingCandidates)
    .innerJoin(meetings, eq(meetings.id, meetingCandidates.meetingId))
    .where(and(eq(meetingCandidates.state, "carry-pending"), lt(meetings.date, beforeDate)))
    .orderBy(asc(meetings.date), asc(meetingCandidates.position))
    .for("update", { of: meetingCandidates });
  return rows.map((r) => r.c);
}

/**
 * Eligible voters under the rules: people with an active PO membership at a second- or third-level
 * agency, and active PDIS staff; each person once.
 */
export async function eligibleVoters(db: Queryable, rules: { pos: boolean; pdis: boolean }) {
  const roles: SQL[] = [];
  if (rules.pos)
    roles.push(sql`(${memberships.role} = 'po' and ${orgs.kind} = 'agency' and ${orgs.level} in (2, 3))`);
  if (rules.pdis) roles.push(sql`${memberships.role} = 'pdis'`);
  if (!roles.length) return [];
  return db
    .selectDistinct({
      personId: memberships.personId,
      email: people.email,
      name: people.name,
      nameEn: people.nameEn,
    })
    .from(memberships)
    .innerJoin(orgs, eq(orgs.id, memberships.orgId))
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(and(isNull(memberships.endedAt), sql`(${sql.join(roles, sql` or `)})`))
    .orderBy(asc(memberships.personId));
}

/** Inserts the voters of a round. */
export async function insertVoters(db: Queryable, rows: Array<typeof meetingVoters.$inferInsert>) {
  if (rows.length) await db.insert(meetingVoters).values(rows);
}

/** The voter holding a link, by the digest of its token. */
export async function voterByDigest(db: Queryable, digest: string): Promise<VoterRow | null> {
  const [row] = await db
    .select()
    .from(meetingVoters)
    .where(or(eq(meetingVoters.tokenDigest, digest), eq(meetingVoters.reminderDigest, digest)))
    .limit(1);
  return row ?? null;
}

/** Marks a link used; false when it was used already (the check and the mark are one statement). */
export async function useLink(db: Queryable, digest: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(meetingVoters)
    .set({ usedAt: now })
    .where(
      and(
        or(eq(meetingVoters.tokenDigest, digest), eq(meetingVoters.reminderDigest, digest)),
        isNull(meetingVoters.usedAt),
      ),
    )
    .returning({ personId: meetingVoters.personId });
  return rows.length === 1;
}

/** Voters of a round. */
export async function votersOf(db: Queryable, meetingId: string, round: number): Promise<VoterRow[]> {
  return db
    .select()
    .from(meetingVoters)
    .where(and(eq(meetingVoters.meetingId, meetingId), eq(meetingVoters.round, round)));
}

/** Starts a round's counts at zero: ballots cast, and the votes of each candidate. */
export async function startRound(db: Queryable, meetingId: string, round: number, candidateIds: string[]) {
  await db.insert(meetingRounds).values({ meetingId, round, ballotsCast: 0 });
  if (candidateIds.length)
    await db
      .insert(meetingVoteCounts)
      .values(candidateIds.map((candidateId) => ({ meetingId, round, candidateId, votes: 0 })));
}

/**
 * Adds one ballot to a round's counts. The round's row is updated first: its lock orders concurrent
 * casts, so the vote-count rows are never locked in two orders at once.
 */
export async function countBallot(db: Queryable, meetingId: string, round: number, choices: string[]) {
  await db
    .update(meetingRounds)
    .set({ ballotsCast: sql`${meetingRounds.ballotsCast} + 1` })
    .where(and(eq(meetingRounds.meetingId, meetingId), eq(meetingRounds.round, round)));
  if (choices.length)
    await db
      .update(meetingVoteCounts)
      .set({ votes: sql`${meetingVoteCounts.votes} + 1` })
      .where(
        and(
          eq(meetingVoteCounts.meetingId, meetingId),
          eq(meetingVoteCounts.round, round),
          inArray(meetingVoteCounts.candidateId, choices),
        ),
      );
}

/** A named ballot: who chose what. */
export async function insertNamedBallot(db: Queryable, v: typeof meetingBallots.$inferInsert) {
  await db.insert(meetingBallots).values(v);
}

/** The named ballots of a round. */
export async function namedBallotsOf(db: Queryable, meetingId: string, round: number) {
  return db
    .select()
    .from(meetingBallots)
    .where(and(eq(meetingBallots.meetingId, meetingId), eq(meetingBallots.round, round)))
    .orderBy(asc(meetingBallots.voterId));
}

/** Number of ballots cast in a round. */
export async function countBallots(db: Queryable, meetingId: string, round: number): Promise<number> {
  const [row] = await db
    .select({ n: meetingRounds.ballotsCast })
    .from(meetingRounds)
    .where(and(eq(meetingRounds.meetingId, meetingId), eq(meetingRounds.round, round)));
  return row?.n ?? 0;
}

/** Votes per candidate in a round. */
export async function voteCounts(
  db: Queryable,
  meetingId: string,
  round: number,
): Promise<Map<string, number>> {
  const rows = await db
    .select({ candidateId: meetingVoteCounts.candidateId, votes: meetingVoteCounts.votes })
    .from(meetingVoteCounts)
    .where(and(eq(meetingVoteCounts.meetingId, meetingId), eq(meetingVoteCounts.round, round)));
  return new Map(rows.map((r) => [r.candidateId, r.votes]));
}

/** People recorded present. */
export async function attendanceOf(db: Queryable, meetingId: string): Promise<string[]> {
  const rows = await db
    .select({ personId: meetingAttendance.personId })
    .from(meetingAttendance)
    .where(eq(meetingAttendance.meetingId, meetingId));
  return rows.map((r) => r.personId);
}

/** Records people present (idempotent). */
export async function markPresent(
  db: Queryable,
  meetingId: string,
  personIds: string[],
  by: string | null,
  now: Date,
) {
  if (!personIds.length) return;
  await db
    .insert(meetingAttendance)
    .values(personIds.map((personId) => ({ meetingId, personId, recordedBy: by, recordedAt: now })))
    .onConflictDoNothing();
}

/** Removes people from the attendance. */
export async function markAbsent(db: Queryable, meetingId: string, personIds: string[]) {
  if (!personIds.length) return;
  await db
    .delete(meetingAttendance)
    .where(and(eq(meetingAttendance.meetingId, meetingId), inArray(meetingAttendance.personId, personIds)));
}

/** Open ballots whose closing time has come, locked, skipping those another process holds. */
export async function claimDueBallots(db: Queryable, now: Date, limit: number): Promise<MeetingRow[]> {
  return db
    .select()
    .from(meetings)
    .where(and(eq(meetings.ballotState, "open"), lte(meetings.ballotClosesAt, now)))
    .orderBy(asc(meetings.ballotClosesAt))
    .limit(limit)
    .for("update", { skipLocked: true });
}

/**
 * Claims open ballots due for their reminder: a closing time set, not yet passed, this round not yet
 * reminded, and the reminder time reached — 24 hours before closing, or half-way through a ballot open
 * for less than two days.
 */
export async function claimDueReminders(db: Queryable, now: Date, limit: number): Promise<MeetingRow[]> {
  const at = now.toISOString();
  return db
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.ballotState, "open"),
        sql`${meetings.ballotClosesAt} > ${at}::timestamptz`,
        sql`${meetings.ballotRemindedRound} < ${meetings.ballotRound}`,
        sql`greatest(${meetings.ballotClosesAt} - interval '24 hours', ${meetings.ballotOpenedAt} + (${meetings.ballotClosesAt} - ${meetings.ballotOpenedAt}) / 2) <= ${at}::timestamptz`,
      ),
    )
    .orderBy(asc(meetings.ballotClosesAt))
    .limit(limit)
    .for("update", { skipLocked: true });
}

/** Voters of a round who have not voted yet, with their addresses. */
export async function unusedVoters(db: Queryable, meetingId: string, round: number) {
  return db
    .select({
      personId: meetingVoters.personId,
      email: people.email,
      name: people.name,
      nameEn: people.nameEn,
    })
    .from(meetingVoters)
    .innerJoin(people, eq(people.id, meetingVoters.personId))
    .where(
      and(
        eq(meetingVoters.meetingId, meetingId),
        eq(meetingVoters.round, round),
        isNull(meetingVoters.usedAt),
      ),
    )
    .orderBy(asc(meetingVoters.personId));
}

/** Sets a voter's reminder link, only while they have not voted; false when they just did. */
export async function setReminderDigest(
  db: Queryable,
  key: { meetingId: string; round: number; personId: string },
  digest: string,
): Promise<boolean> {
  const rows = await db
    .update(meetingVoters)
    .set({ reminderDigest: digest })
    .where(
      and(
        eq(meetingVoters.meetingId, key.meetingId),
        eq(meetingVoters.round, key.round),
        eq(meetingVoters.personId, key.personId),
        isNull(meetingVoters.usedAt),
      ),
    )
    .returning({ personId: meetingVoters.personId });
  return rows.length === 1;
}

/** A rotation roster in order. */
export async function listRotation(db: Queryable, kind: "nomination" | "table-facilitator") {
  return db.select().from(rotations).where(eq(rotations.kind, kind)).orderBy(asc(rotations.position));
}

/** Replaces a rotation roster, keeping when each member last served. */
export async function replaceRotation(
  db: Queryable,
  kind: "nomination" | "table-facilitator",
  members: Array<{ agencyId: string | null; personId: string | null }>,
) {
  const old = await listRotation(db, kind);
  const key = (m: { agencyId: string | null; personId: string | null }) => m.agencyId ?? m.personId ?? "";
  const served = new Map(old.map((r) => [key(r), r]));
  await db.delete(rotations).where(eq(rotations.kind, kind));
  if (members.length)
    await db.insert(rotations).values(
      members.map((m, i) => ({
        kind,
        position: i + 1,
        agencyId: m.agencyId,
        personId: m.personId,
        lastServedAt: served.get(key(m))?.lastServedAt ?? null,
        lastServedFor: served.get(key(m))?.lastServedFor ?? null,
      })),
    );
}

/** Records that a member served their turn. */
export async function markServed(
  db: Queryable,
  kind: "nomination" | "table-facilitator",
  position: number,
  now: Date,
  servedFor: string | null,
) {
  await db
    .update(rotations)
    .set({ lastServedAt: now, lastServedFor: servedFor })
    .where(and(eq(rotations.kind, kind), eq(rotations.position, position)));
}

/** Which of these ids are people. */
export async function knownPeople(db: Queryable, ids: string[]): Promise<Set<string>> {
  const valid = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (!valid.length) return new Set();
  const rows = await db.select({ id: people.id }).from(people).where(inArray(people.id, valid));
  return new Set(rows.map((r) => r.id));
}

/** The monthly or quarterly meeting of a day, if scheduled. */
export async function findNetworkMeeting(db: Queryable, kind: "monthly" | "quarterly", date: string) {
  const [row] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.kind, kind), eq(meetings.date, date)))
    .limit(1);
  return row ?? null;
}
