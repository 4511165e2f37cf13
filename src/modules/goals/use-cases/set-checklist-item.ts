import { fail } from "../../../platform/http/errors.ts";
import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import * as repo from "../repository.ts";
import { bodies } from "../schema.ts";
import { checklistItems, type ChecklistItem } from "../tables.ts";
import type { GoalsDeps } from "./deps.ts";
import { checklistOf } from "./get-checklist.ts";
import { loadCaseRef, parseInput } from "./shared.ts";

/** Checks an item name from the address: 400 naming `item` when it is not one of the four. */
export function parseChecklistItem(raw: string): ChecklistItem {
  if (!(checklistItems as readonly string[]).includes(raw))
    throw fail.invalid("item", `must be one of ${checklistItems.join(", ")}`);
  return raw as ChecklistItem;
}

/** Ticks or unticks one checklist item with a note or link (the case's organisers; 403 otherwise). */
export async function setChecklistItem(
  deps: GoalsDeps,
  actor: Actor,
  rawNumber: string | number,
  rawItem: string,
  raw: unknown,
) {
  const item = parseChecklistItem(rawItem);
  const input = parseInput(bodies.checklistItem, raw);
  const now = deps.clock.now();
  return writeAudited(deps.db, actor, async (tx) => {
    const c = await loadCaseRef(tx, actor, rawNumber);
    if (!c.organiser) throw fail.forbidden();
    const before = await repo.findChecklistItem(tx, c.id, item);
    const after = await repo.upsertChecklistItem(tx, {
      caseId: c.id,
      item,
      done: input.done,
      note: input.note || null,
      evidenceUrl: input.evidenceUrl || null,
      updatedBy: actor.personId,
      updatedAt: now,
    });
    return {
      value: await checklistOf(tx, actor, c.number),
      audit: [{ action: "case.checklist-set", entityType: "case", entityId: c.id, before, after }],
    };
  });
}
