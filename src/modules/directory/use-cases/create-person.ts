import * as repo from "../repository.ts";
import { can } from "../policy.ts";
import type { Actor } from "../actor.ts";
import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import { directoryError } from "../errors.ts";
import type { LocaleText } from "../tables.ts";
import type { DirectoryDeps } from "./deps.ts";

/** Input of createPerson. */
export interface CreatePersonInput {
  email: string;
  name: string;
  nameEn?: string;
  title?: LocaleText;
  phone?: string;
  isAdmin?: boolean;
}

/** Adds a person to the directory (admins and PDIS). */
export async function createPerson(deps: DirectoryDeps, actor: Actor, input: CreatePersonInput) {
  if (!can(actor, { do: "manage-people" })) throw fail.forbidden();
  if (input.isAdmin && !actor.isAdmin) throw fail.forbidden();
  const email = input.email.trim().toLowerCase();
  if (await repo.findPersonByEmail(deps.db, email)) throw directoryError("email_taken", "email");
  return writeAudited(deps.db, actor, async (tx) => {
    const person = await repo.insertPerson(tx, {
      email,
      name: input.name.trim(),
      nameEn: input.nameEn?.trim() || null,
      title: input.title ?? null,
      phone: input.phone ?? null,
      isAdmin: input.isAdmin ?? false,
    });
    return {
      value: person,
      audit: [
        {
          action: "person.create",
          entityType: "person",
          entityId: person.id,
          subjectIds: [person.id],
          after: person,
        },
      ],
    };
  });
}
