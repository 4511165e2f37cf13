import * as repo from "../repository.ts";
import { seedMemberships, seedOrgs, seedPeople, seedResources } from "../seed-data.ts";
import { writeAudited } from "../../audit/index.ts";
import { systemActor } from "../actor.ts";
import type { DirectoryDeps } from "./deps.ts";

/**
 * Loads the seed directory into an empty database: the real agencies and units (public information)
 * always; with `demo`, also the fictional demo people, their roles and the demo resource directory.
 * Does nothing when orgs exist already, so it is safe at every start.
 */
export async function seedDirectory(
  deps: DirectoryDeps,
  options: { demo: boolean },
): Promise<{ orgs: number; people: number; skipped: boolean }> {
  if ((await repo.countOrgs(deps.db)) > 0) return { orgs: 0, people: 0, skipped: true };
  return writeAudited(deps.db, systemActor, async (tx) => {
    const ids = new Map<string, string>();
    for (const o of seedOrgs) {
      const row = await repo.insertOrg(tx, {
        slug: o.slug,
        kind: o.kind,
        level: o.level,
        parentId: o.parentSlug ? ids.get(o.parentSlug)! : null,
        name: o.name,
        abbreviation: o.abbreviation ?? null,
        website: o.website ?? null,
      });
      ids.set(o.slug, row.id);
    }
    for (const r of options.demo ? seedResources : []) {
      await repo.insertResource(tx, {
        slug: r.slug,
        kind: r.kind,
        category: r.category,
        orgId: r.orgSlug ? ids.get(r.orgSlug)! : null,
        name: r.name,
        description: r.description,
        contactEmail: r.contactEmail,
      });
    }
    let peopleCount = 0;
    if (options.demo) {
      const personIds = new Map<string, string>();
      for (const p of seedPeople) {
        const row = await repo.insertPerson(tx, {
          email: p.email,
          name: p.name,
          nameEn: p.nameEn,
          title: p.title ?? null,
        });
        personIds.set(p.key, row.id);
        peopleCount++;
      }
      for (const m of seedMemberships) {
        await repo.insertMembership(tx, {
          personId: personIds.get(m.personKey)!,
          orgId: ids.get(m.orgSlug)!,
          role: m.role,
          tags: m.tags ?? [],
        });
      }
    }
    return {
      value: { orgs: seedOrgs.length, people: peopleCount, skipped: false },
      audit: [
        {
          action: "directory.seed",
          entityType: "directory",
          entityId: "seed",
          after: { orgs: seedOrgs.length, people: peopleCount },
        },
      ],
    };
  });
}
