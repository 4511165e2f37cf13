import { fail } from "../../../platform/http/errors.ts";
import { orgLabels, orgsByRef, type Actor } from "../../directory/index.ts";
import { presentSummary } from "../presenter.ts";
import * as repo from "../repository.ts";
import type { PetitionKind, PetitionState } from "../tables.ts";
import type { PetitionsDeps } from "./deps.ts";

/** Filters of the public petition index. */
export interface ListPetitionsInput {
  kind?: PetitionKind;
  state?: PetitionState;
  agency?: string;
  q?: string;
  year?: number;
  overdue?: boolean;
  before?: string;
  limit: number;
}

const encode = (p: repo.PetitionRow) =>
  Buffer.from(JSON.stringify([p.createdAt.toISOString(), p.id])).toString("base64url");

function decode(cursor: string): { createdAt: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [string, string];
    const createdAt = new Date(at);
    if (Number.isNaN(createdAt.getTime()) || typeof id !== "string") throw new Error("bad");
    return { createdAt, id };
  } catch {
    throw fail.invalid("before", "is not a cursor from this list");
  }
}

/** The public index of petitions and notices, newest first, with filters and a keyset cursor. */
export async function listPetitions(deps: PetitionsDeps, actor: Actor, input: ListPetitionsInput) {
  void actor; // the same for everyone: petitions are public records
  const now = deps.clock.now();
  let agencyId: string | undefined;
  if (input.agency) {
    const [o] = await orgsByRef(deps.db, [input.agency]);
    if (!o) throw fail.invalid("agency", `no such agency: ${input.agency}`);
    agencyId = o.id;
  }
  const rows = await repo.listPetitions(deps.db, {
    kind: input.kind,
    state: input.state,
    agencyId,
    q: input.q?.trim() || undefined,
    year: input.year,
    overdue: input.overdue ? { now } : undefined,
    before: input.before ? decode(input.before) : undefined,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const ids = page.map((p) => p.id);
  const [agencies, clocks] = await Promise.all([
    repo.listAgencies(deps.db, ids),
    repo.listClocks(deps.db, ids),
  ]);
  const labels = await orgLabels(
    deps.db,
    agencies.map((a) => a.agencyId),
  );
  return {
    items: page.map((p) => presentSummary(p, agencies, clocks, labels, now)),
    next: rows.length > input.limit ? encode(page[page.length - 1]!) : null,
  };
}
