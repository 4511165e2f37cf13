import * as repo from "../repository.ts";
import { presentInvitation } from "../presenter.ts";
import { can } from "../policy.ts";
import type { Actor } from "../actor.ts";
import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import { directoryError } from "../errors.ts";
import type { DirectoryDeps } from "./deps.ts";
import { agencyOrFail } from "./agency-of.ts";

/** Invites a person to be a PO of an agency. Only the person's acceptance makes them a PO. */
export async function invitePo(
  deps: DirectoryDeps,
  actor: Actor,
  agencyIdOrSlug: string,
  input: { personId: string; tags?: string[]; message?: string },
  /** Called inside the transaction, e.g. to queue the invitation e-mail. */
  onInvited?: (
    tx: Parameters<Parameters<DirectoryDeps["db"]["transaction"]>[0]>[0],
    inv: { id: string; email: string; name: string; agencyName: { "zh-TW": string; en: string } },
  ) => Promise<void>,
) {
  const agency = await agencyOrFail(deps.db, agencyIdOrSlug);
  if (!can(actor, { do: "invite-po", agencyId: agency.id })) throw fail.forbidden();
  const person = await repo.findPerson(deps.db, input.personId);
  if (!person) throw fail.invalid("personId", "no such person");
  const active = await repo.listMemberships(deps.db, { personId: person.id, orgId: agency.id, role: "po" });
  if (active.length) throw directoryError("already_po", "personId");
  if (await repo.findPendingInvitation(deps.db, agency.id, person.id)) {
    throw directoryError("invitation_exists", "personId");
  }
  const inv = await writeAudited(deps.db, actor, async (tx) => {
    const created = await repo.insertInvitation(tx, {
      agencyId: agency.id,
      personId: person.id,
      invitedBy: actor.personId,
      tags: input.tags?.length ? [...new Set(input.tags)] : ["team-po"],
      message: input.message ?? null,
      createdAt: deps.clock.now(),
    });
    await onInvited?.(tx, {
      id: created.id,
      email: person.email,
      name: person.name,
      agencyName: agency.name,
    });
    return {
      value: created,
      audit: [
        {
          action: "po-invitation.create",
          entityType: "po-invitation",
          entityId: created.id,
          subjectIds: [person.id],
          after: created,
        },
      ],
    };
  });
  return presentInvitation(inv, agency, person.name);
}
