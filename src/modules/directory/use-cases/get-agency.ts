import * as repo from "../repository.ts";
import { presentAgency, presentAuthorisation, presentMember, presentOrgRef } from "../presenter.ts";
import { suggestedPoCount } from "../weight.ts";
import { fail } from "../../../platform/http/errors.ts";
import type { DirectoryDeps } from "./deps.ts";

/** One agency by id or slug, with units, children, POs, supervisors and its authorisation table. */
export async function getAgency(deps: DirectoryDeps, idOrSlug: string) {
  const org = await repo.findOrg(deps.db, idOrSlug);
  if (!org) throw fail.notFound();
  const sizes = await repo.agencySizes(deps.db, [org.id]);
  const size = sizes.get(org.id) ?? { subAgencies: 0, units: 0 };
  const [children, ancestors, members, auth] = await Promise.all([
    repo.childOrgs(deps.db, org.id),
    repo.orgAncestors(deps.db, org.id),
    repo.listMemberships(deps.db, { orgId: org.id }),
    repo.findAuthorisation(deps.db, org.id),
  ]);
  return {
    ...presentAgency(org, size),
    units: children.filter((c) => c.kind === "unit").map((u) => ({ id: u.id, slug: u.slug, name: u.name })),
    children: children.filter((c) => c.kind !== "unit").map(presentOrgRef),
    ancestors: ancestors.map(presentOrgRef),
    // The PO contact directory is public: POs and supervisors are the network's contact points.
    pos: members.filter((m) => m.role === "po").map((m) => presentMember(m, true)),
    supervisors: members.filter((m) => m.role === "supervisor").map((m) => presentMember(m, true)),
    suggestedPoCount: suggestedPoCount(size),
    authorisation: presentAuthorisation(auth, size),
  };
}
