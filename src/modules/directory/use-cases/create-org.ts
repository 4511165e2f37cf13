import * as repo from "../repository.ts";
import { presentAgency } from "../presenter.ts";
import { can } from "../policy.ts";
import type { Actor } from "../actor.ts";
import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import { directoryError } from "../errors.ts";
import type { LocaleText } from "../tables.ts";
import type { DirectoryDeps } from "./deps.ts";

/** Input of createOrg. */
export interface CreateOrgInput {
  slug: string;
  kind: "agency" | "unit";
  parentId: string;
  name: LocaleText;
  abbreviation?: LocaleText;
  website?: string;
  email?: string;
  phone?: string;
  address?: string;
}

/** Adds an agency or unit under a parent; an agency's level is one below its parent agency. */
export async function createOrg(deps: DirectoryDeps, actor: Actor, input: CreateOrgInput) {
  if (!can(actor, { do: "manage-orgs" })) throw fail.forbidden();
  const parent = await repo.findOrg(deps.db, input.parentId);
  if (!parent) throw fail.invalid("parentId", "no such agency");
  if (parent.kind === "unit" && input.kind === "agency") {
    throw fail.invalid("parentId", "an agency cannot sit under a unit");
  }
  const level = input.kind === "unit" ? parent.level : parent.level + 1;
  if (level > 3) throw fail.invalid("parentId", "third-level agencies are the deepest agencies");
  if (await repo.findOrg(deps.db, input.slug)) throw directoryError("slug_taken", "slug");
  const row = await writeAudited(deps.db, actor, async (tx) => {
    const created = await repo.insertOrg(tx, {
      slug: input.slug,
      kind: input.kind,
      level,
      parentId: parent.id,
      name: input.name,
      abbreviation: input.abbreviation ?? null,
      website: input.website ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      address: input.address ?? null,
    });
    return {
      value: created,
      audit: [{ action: "org.create", entityType: "org", entityId: created.id, after: created }],
    };
  });
  return presentAgency(row, { subAgencies: 0, units: 0 });
}
