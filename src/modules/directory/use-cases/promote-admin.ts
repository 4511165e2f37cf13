import * as repo from "../repository.ts";
import type { Actor } from "../actor.ts";
import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import type { DirectoryDeps } from "./deps.ts";

/** Grants or removes the administrator flag (admins and the CLI only). */
export async function updatePersonAdmin(
  deps: DirectoryDeps,
  actor: Actor,
  personId: string,
  isAdmin: boolean,
) {
  if (!actor.isAdmin) throw fail.forbidden();
  const person = await repo.findPerson(deps.db, personId);
  if (!person) throw fail.notFound();
  return writeAudited(deps.db, actor, async (tx) => {
    const updated = await repo.updatePerson(tx, person.id, { isAdmin });
    return {
      value: updated,
      audit: [
        {
          action: isAdmin ? "person.grant-admin" : "person.revoke-admin",
          entityType: "person",
          entityId: person.id,
          subjectIds: [person.id],
          before: { isAdmin: person.isAdmin },
          after: { isAdmin },
        },
      ],
    };
  });
}
