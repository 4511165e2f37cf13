import { enqueueMails } from "../../../platform/mail/outbox.ts";
import { hashSecret, newSecret } from "../../../platform/http/tokens.ts";
import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import { meetingError } from "../errors.ts";
import * as repo from "../repository.ts";
import { votesPerVoter } from "../tally.ts";
import type { MeetingsDeps } from "./deps.ts";
import { loadForOrganiser } from "./shared.ts";

/**
 * Opens the ballot of a monthly meeting (PDIS): one personal one-time link per eligible voter,
 * e-mailed in the same transaction; only HMAC digests of the tokens are stored. After a tally that
 * must be re-run, issuing again opens the next round and voids the previous round's links.
 */
export async function issueBallots(
  deps: MeetingsDeps,
  actor: Actor,
  meetingId: string,
  input: { closesAt?: string } = {},
) {
  const now = deps.clock.now();
  return writeAudited(deps.db, actor, async (tx) => {
    const m = await loadForOrganiser(tx, actor, meetingId);
    if (m.kind !== "monthly") throw meetingError("ballot_not_monthly");
    const rerun = m.ballotState === "closed" && m.rerunRequired;
    if (m.ballotState !== "none" && !rerun)
      throw meetingError("ballot_already_issued", { state: m.ballotState });
    const candidates = (await repo.listCandidates(tx, m.id)).filter((c) => c.state === "candidate");
    if (!candidates.length) throw meetingError("ballot_no_candidates");
    const round = m.ballotRound + 1;
    const voters = await repo.eligibleVoters(tx, m.rules.voters);
    const voterIds = voters.map((v) => v.personId);
    const perVoter = votesPerVoter(m.rules, candidates.length);
    const link = (token: string) => `${deps.publicUrl}/ballot/${token}`;
    const rows = voters.map((p) => {
      const token = newSecret();
      return { ...p, token, tokenDigest: hashSecret(token, deps.secret) };
    });
    await repo.startRound(
      tx,
      m.id,
      round,
      candidates.map((c) => c.id),
    );
    await repo.insertVoters(
      tx,
      rows.map((r) => ({
        meetingId: m.id,
        round,
        personId: r.personId,
        tokenDigest: r.tokenDigest,
        issuedAt: now,
      })),
    );
    const mails = rows.map((p) => ({
      to: p.email,
      subject: `議題票選：${m.title} / Topic vote: ${m.title}`,
      text:
        `${p.name} 您好：\n\n「${m.title}」的協作議題票選開放了。共 ${candidates.length} 個候選議題，您最多可選 ${perVoter} 個（也可以不選）。` +
        `請開啟您的個人投票連結，不需要登入；這個連結只能投一次，請勿轉寄。\n\n${link(p.token)}\n\n---\n\n` +
        `Dear ${p.nameEn ?? p.name},\n\nThe topic vote of "${m.title}" is open: ${candidates.length} candidates, choose up to ${perVoter} (or none). ` +
        `Open your personal ballot link; no sign-in is needed. The link casts one ballot only; please do not forward it.\n\n${link(p.token)}\n`,
    }));
    await enqueueMails(tx, mails, now);
    await repo.updateMeeting(tx, m.id, {
      ballotState: "open",
      ballotRound: round,
      ballotOpenedAt: now,
      ballotClosedAt: null,
      ...(input.closesAt
        ? { ballotClosesAt: new Date(input.closesAt) }
        : rerun
          ? { ballotClosesAt: null }
          : {}),
      rerunRequired: false,
      tally: null,
      updatedAt: now,
    });
    const value = {
      meetingId: m.id,
      round,
      issued: rows.length,
      votesPerVoter: perVoter,
      candidates: candidates.length,
    };
    return {
      value,
      audit: [
        {
          action: "meeting.ballots-issue",
          entityType: "meeting",
          entityId: m.id,
          after: value,
          subjectIds: voterIds,
        },
      ],
    };
  });
}
