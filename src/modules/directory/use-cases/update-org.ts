import * as repo from "../repository.ts";
import { can } from "../policy.ts";
import type { Actor } from "../actor.ts";
import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import { directoryError } from "../errors.ts";
import type { LocaleText } from "../tables.ts";
import type { DirectoryDeps } from "./deps.ts";
import { getAgency } from "./get-agency.ts";

/** Changes an org's names and contact details. */
export async function updateOrg(
  deps: DirectoryDeps,
  actor: Actor,
  idOrSlug: string,
  input: {
    slug?: string;
    name?: LocaleText;
    abbreviation?: LocaleText | null;
    website?: string | null;
    email?: string | null;
    phone?: string;
    address?: string;
  },
) {
  if (!can(actor, { do: "manage-orgs" })) throw fail.forbidden();
  const org = await repo.findOrg(deps.db, idOrSlug);
  if (!org) throw fail.notFound();
  if (input.slug && input.slug !== org.slug && (await repo.findOrg(deps.db, input.slug))) {
    throw directoryError("slug_taken", "slug");
  }
  await writeAudited(deps.db, actor, async (tx) => {
    const updated = await repo.updateOrg(tx, org.id, input);
    return {
      value: updated,
      audit: [{ action: "org.update", entityType: "org", entityId: org.id, before: org, after: updated }],
    };
  });
  return getAgency(deps, org.id);
}
