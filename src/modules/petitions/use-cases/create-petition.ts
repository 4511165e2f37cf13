import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import { fail } from "../../../platform/http/errors.ts";
import { can } from "../policy.ts";
import * as repo from "../repository.ts";
import type { PetitionKind } from "../tables.ts";
import type { PetitionsDeps } from "./deps.ts";
import { getPetition } from "./get-petition.ts";
import { authorise, resolveAgencyRefs } from "./shared.ts";
import { insertPetition } from "./upsert-petition.ts";

/** Input of createPetition (the API's body). */
export interface CreatePetitionInput {
  kind?: PetitionKind;
  externalId?: string;
  url?: string;
  title: string;
  text: string;
  proposer?: string;
  agencies?: string[];
  threshold?: number;
  opensAt?: string;
  closesAt?: string;
  endorsements?: number;
  endorsementsAt?: string;
}

const when = (field: string, raw: string | undefined): Date | undefined => {
  if (raw === undefined) return undefined;
  const d = new Date(raw);
  if (Number.isNaN(d.getTime())) throw fail.invalid(field, "must be an ISO 8601 date-time");
  return d;
};

/** PDIS or an admin enters a petition or a draft-regulation notice by hand. */
export async function createPetition(deps: PetitionsDeps, actor: Actor, input: CreatePetitionInput) {
  authorise(actor, can(actor, { do: "manage" }));
  const now = deps.clock.now();
  const kind = input.kind ?? "petition";
  const opensAt = when("opensAt", input.opensAt) ?? now;
  const closesAt = when("closesAt", input.closesAt);
  if (closesAt && closesAt <= opensAt) throw fail.invalid("closesAt", "must be after opensAt");
  if (kind === "notice" && input.endorsements !== undefined)
    throw fail.invalid("endorsements", "a draft-regulation notice takes no endorsements");
  const endorsementsAt = when("endorsementsAt", input.endorsementsAt);
  if (endorsementsAt && input.endorsements === undefined)
    throw fail.invalid("endorsements", "is required with endorsementsAt");
  const agencyIds = await resolveAgencyRefs(deps.db, input.agencies ?? [], "agencies");
  if (input.externalId) {
    const [dup] = await repo.findPetitionsByExternalIds(deps.db, [input.externalId]);
    if (dup) throw fail.conflict(`a petition with external id ${input.externalId} exists`, "externalId");
  }
  const id = await writeAudited(deps.db, actor, async (tx) => {
    const { petition } = await insertPetition(
      tx,
      { now, publicUrl: deps.publicUrl, actorId: actor.personId, source: "api" },
      {
        kind,
        externalId: input.externalId ?? null,
        sourceUrl: input.url ? new URL(input.url).href : null,
        title: input.title,
        body: input.text,
        proposer: input.proposer ?? null,
        agencyIds,
        threshold: input.threshold,
        opensAt,
        closesAt,
        endorsements: input.endorsements,
        endorsementsAt,
      },
    );
    return {
      value: petition.id,
      audit: [
        {
          action: "petition.create",
          entityType: "petition",
          entityId: petition.id,
          after: { kind, title: petition.title, state: petition.state, externalId: petition.externalId },
        },
      ],
    };
  });
  return getPetition(deps, actor, id);
}
