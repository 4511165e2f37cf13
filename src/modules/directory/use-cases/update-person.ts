import * as repo from "../repository.ts";
import { can } from "../policy.ts";
import type { Actor } from "../actor.ts";
import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import { directoryError } from "../errors.ts";
import type { LocaleText } from "../tables.ts";
import type { DirectoryDeps } from "./deps.ts";

/** Changes a person's details: the person themselves, PDIS or an admin. */
export async function updatePerson(
  deps: DirectoryDeps,
  actor: Actor,
  personId: string,
  input: { email?: string; name?: string; nameEn?: string; title?: LocaleText | null; phone?: string },
) {
  const person = await repo.findPerson(deps.db, personId);
  if (!person) throw fail.notFound();
  if (actor.personId !== person.id && !can(actor, { do: "manage-people" })) throw fail.forbidden();
  const email = input.email?.trim().toLowerCase();
  // The e-mail is the sign-in identity: only PDIS and admins change it (the person asks them).
  if (email && email !== person.email && !can(actor, { do: "manage-people" })) {
    throw fail.invalid("email", "can be changed only by PDIS or an administrator");
  }
  if (email && email !== person.email) {
    const other = await repo.findPersonByEmail(deps.db, email);
    if (other && other.id !== person.id) throw directoryError("email_taken", "email");
  }
  return writeAudited(deps.db, actor, async (tx) => {
    const updated = await repo.updatePerson(tx, person.id, { ...input, ...(email ? { email } : {}) });
    return {
      value: updated,
      audit: [
        {
          action: "person.update",
          entityType: "person",
          entityId: person.id,
          subjectIds: [person.id],
          before: person,
          after: updated,
        },
      ],
    };
  });
}
