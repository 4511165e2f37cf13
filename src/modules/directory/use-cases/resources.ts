import * as repo from "../repository.ts";
import { presentResource } from "../presenter.ts";
import { can } from "../policy.ts";
import type { Actor } from "../actor.ts";
import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import { directoryError } from "../errors.ts";
import type { LocaleText } from "../tables.ts";
import type { DirectoryDeps } from "./deps.ts";

/** Lists the resource directory: internal resources of agencies and outside pools. */
export async function listResources(
  deps: DirectoryDeps,
  filter: { agency?: string; kind?: "internal" | "pool"; category?: string },
) {
  let orgId: string | undefined;
  if (filter.agency) {
    const org = await repo.findOrg(deps.db, filter.agency);
    if (!org) throw fail.invalid("agency", "no such agency");
    orgId = org.id;
  }
  const rows = await repo.listResources(deps.db, { orgId, kind: filter.kind, category: filter.category });
  const orgCache = new Map<string, Awaited<ReturnType<typeof repo.findOrg>>>();
  const out = [];
  for (const r of rows) {
    if (r.orgId && !orgCache.has(r.orgId)) orgCache.set(r.orgId, await repo.findOrg(deps.db, r.orgId));
    out.push(presentResource(r, r.orgId ? (orgCache.get(r.orgId) ?? null) : null));
  }
  return out;
}

/** Adds a resource: PDIS and admins for pools, an agency's POs for its internal resources. */
export async function createResource(
  deps: DirectoryDeps,
  actor: Actor,
  input: {
    slug: string;
    kind: "internal" | "pool";
    category: string;
    orgId?: string;
    name: LocaleText;
    description?: LocaleText;
    contactEmail?: string;
  },
) {
  let org = null;
  if (input.kind === "internal") {
    if (!input.orgId) throw fail.invalid("orgId", "is required for an internal resource");
    org = await repo.findOrg(deps.db, input.orgId);
    if (!org) throw fail.invalid("orgId", "no such agency");
  } else if (input.orgId) {
    throw fail.invalid("orgId", "an outside pool belongs to no agency");
  }
  if (!can(actor, { do: "manage-resources", agencyId: org?.id ?? null })) throw fail.forbidden();
  if ((await repo.listResources(deps.db, {})).some((r) => r.slug === input.slug)) {
    throw directoryError("slug_taken", "slug");
  }
  const row = await writeAudited(deps.db, actor, async (tx) => {
    const created = await repo.insertResource(tx, {
      slug: input.slug,
      kind: input.kind,
      category: input.category,
      orgId: org?.id ?? null,
      name: input.name,
      description: input.description ?? null,
      contactEmail: input.contactEmail ?? null,
    });
    return {
      value: created,
      audit: [{ action: "resource.create", entityType: "resource", entityId: created.id, after: created }],
    };
  });
  return presentResource(row, org);
}
