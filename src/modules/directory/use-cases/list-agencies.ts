import * as repo from "../repository.ts";
import { presentAgency } from "../presenter.ts";
import { fail } from "../../../platform/http/errors.ts";
import type { DirectoryDeps } from "./deps.ts";

/** Lists agencies (units only with kind=unit) with size and coordination weight. */
export async function listAgencies(
  deps: DirectoryDeps,
  input: { level?: number; kind?: "executive-yuan" | "agency" | "unit"; parent?: string; q?: string },
) {
  let parentId: string | undefined;
  if (input.parent) {
    const parent = await repo.findOrg(deps.db, input.parent);
    if (!parent) throw fail.invalid("parent", "no such agency");
    parentId = parent.id;
  }
  const rows = await repo.listOrgs(deps.db, { level: input.level, kind: input.kind, parentId, q: input.q });
  // Units are listed only when asked for with kind=unit: the agency list is of agencies.
  const visible = input.kind ? rows : rows.filter((r) => r.kind !== "unit");
  const sizes = await repo.agencySizes(
    deps.db,
    visible.filter((r) => r.kind !== "unit").map((r) => r.id),
  );
  const counts = await repo.poCounts(
    deps.db,
    visible.map((r) => r.id),
  );
  return visible.map((o) => ({
    ...presentAgency(o, sizes.get(o.id) ?? { subAgencies: 0, units: 0 }),
    poCount: counts.get(o.id) ?? 0,
  }));
}
