import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import { meetingError } from "../errors.ts";
import * as repo from "../repository.ts";
import type { MeetingsDeps } from "./deps.ts";
import { getMeeting } from "./get-meeting.ts";
import { loadForOrganiser } from "./shared.ts";

/** Records who is present (or not) at a meeting (PDIS); the vote's denominator is the voters present. */
export async function recordAttendance(
  deps: MeetingsDeps,
  actor: Actor,
  meetingId: string,
  input: { personIds: string[]; present: boolean },
) {
  const now = deps.clock.now();
  await writeAudited(deps.db, actor, async (tx) => {
    const m = await loadForOrganiser(tx, actor, meetingId);
    if (m.ballotState === "closed" && !m.rerunRequired)
      throw meetingError("ballot_not_open", { state: "closed" });
    const ids = [...new Set(input.personIds)];
    const known = await repo.knownPeople(tx, ids);
    const unknown = ids.find((id) => !known.has(id));
    if (unknown) throw fail.invalid("personIds", `${unknown} is not a person`);
    if (input.present) await repo.markPresent(tx, m.id, ids, actor.personId, now);
    else await repo.markAbsent(tx, m.id, ids);
    return {
      value: ids.length,
      audit: [
        {
          action: "meeting.attendance",
          entityType: "meeting",
          entityId: m.id,
          after: { present: input.present, personIds: ids },
          subjectIds: ids,
        },
      ],
    };
  });
  return getMeeting(deps, actor, meetingId);
}

/**
 * Sets the roll call of the open round in one go (the meeting page's form): the eligible voters named
 * are present, the round's other voters are not. People outside the round are refused (400).
 */
export async function setRollCall(deps: MeetingsDeps, actor: Actor, meetingId: string, presentIds: string[]) {
  const now = deps.clock.now();
  await writeAudited(deps.db, actor, async (tx) => {
    const m = await loadForOrganiser(tx, actor, meetingId);
    if (m.ballotState !== "open") throw meetingError("ballot_not_open", { state: m.ballotState });
    const voters = (await repo.votersOf(tx, m.id, m.ballotRound)).map((v) => v.personId);
    const here = [...new Set(presentIds)];
    const stranger = here.find((id) => !voters.includes(id));
    if (stranger) throw fail.invalid("present", `${stranger} is not an eligible voter of this vote`);
    await repo.markAbsent(
      tx,
      m.id,
      voters.filter((id) => !here.includes(id)),
    );
    await repo.markPresent(tx, m.id, here, actor.personId, now);
    return {
      value: here.length,
      audit: [
        {
          action: "meeting.roll-call",
          entityType: "meeting",
          entityId: m.id,
          after: { present: here },
          subjectIds: voters,
        },
      ],
    };
  });
  return getMeeting(deps, actor, meetingId);
}
