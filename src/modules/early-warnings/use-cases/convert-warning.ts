import * as repo from "../repository.ts";
import { can } from "../policy.ts";
import { notOpen, warningError } from "../errors.ts";
import { fail } from "../../../platform/http/errors.ts";
import type { Db, Tx } from "../../../platform/db/database.ts";
import { writeAudited } from "../../audit/index.ts";
import type { Actor } from "../../directory/index.ts";
import { createMatter } from "../../matters/index.ts";
import { notify } from "../../notifications/index.ts";
import type { ConversionKind } from "../tables.ts";
import type { EarlyWarningsDeps } from "./deps.ts";
import { readableWarningOrFail, recordEvent } from "./warning-of.ts";

/** Input of convertEarlyWarning. */
export interface ConvertInput {
  kind: ConversionKind;
  title?: string;
}

const KIND_NAMES: Record<Exclude<ConversionKind, "matter">, { "zh-TW": string; en: string }> = {
  consultation: { "zh-TW": "公共諮詢", en: "public consultation" },
  "collaborative-topic": { "zh-TW": "協作議題", en: "collaborative topic" },
};

/**
 * The matters module runs its use case in a transaction of its own (`deps.db.transaction`). Handed our
 * transaction, drizzle nests it as a savepoint on the same connection: the matter and the conversion
 * commit or roll back together, and no second connection is opened inside a transaction (ADR 0001).
 */
const inTransaction = (tx: Tx): Db => tx as unknown as Db;

/** The new matter's description: what was seen and the evidence links. */
function matterDescription(description: string | null, evidence: string[]): string {
  const parts = [description ?? "", "由先期警報轉為議題 / Turned into a matter from an early warning."];
  if (evidence.length) parts.push(["證據 / Evidence:", ...evidence.map((u) => `- ${u}`)].join("\n"));
  return parts.filter(Boolean).join("\n\n");
}

/**
 * Turns an open warning into a matter that names the warning's affected agencies (visible to the
 * network; the triage rule decides who coordinates it) and links the two: the warning becomes
 * `converted`. Consultations and collaborative topics will come later (400 for now). The raiser,
 * POs and supervisors of an affected agency, PDIS and admins may convert.
 */
export async function convertEarlyWarning(
  deps: EarlyWarningsDeps,
  actor: Actor,
  id: string,
  input: ConvertInput,
) {
  if (!actor.personId) throw fail.unauthenticated();
  if (input.kind !== "matter") {
    const name = KIND_NAMES[input.kind];
    throw warningError("conversion_not_available", "kind", { kindZh: name["zh-TW"], kindEn: name.en });
  }
  return writeAudited(deps.db, actor, async (tx) => {
    const loaded = await readableWarningOrFail(tx, actor, id, true);
    const { warning } = loaded;
    if (!can(actor, { do: "manage", warning: loaded.access })) throw fail.forbidden();
    if (warning.state !== "open") throw notOpen(warning.state, "convert");
    const evidence = (await repo.listEvidence(tx, [warning.id])).map((e) => e.url);
    const matter = await createMatter({ db: inTransaction(tx), clock: deps.clock }, actor, {
      title: input.title?.trim() || warning.title,
      description: matterDescription(warning.description, evidence),
      ownerUnitIds: [],
      agencyIds: loaded.access.agencyIds.slice(),
      visibility: "network",
    });
    const now = deps.clock.now();
    const converted = await repo.updateWarning(tx, warning.id, {
      state: "converted",
      convertedKind: "matter",
      convertedId: matter.id,
      convertedReference: matter.reference,
      convertedAt: now,
      convertedBy: actor.personId,
      updatedAt: now,
    });
    const link = { kind: "matter", id: matter.id, reference: matter.reference };
    await recordEvent(tx, warning.id, "converted", actor, now, link);
    await notify(
      tx,
      { now, publicUrl: deps.publicUrl },
      {
        recipientIds: warning.raisedBy ? [warning.raisedBy] : [],
        actorId: actor.personId,
        kind: "early-warning.converted",
        title: {
          "zh-TW": `您的先期警報已轉為議題 ${matter.reference}：${warning.title}`,
          en: `Your early warning became matter ${matter.reference}: ${warning.title}`,
        },
        url: `/matters/${matter.reference}`,
      },
    );
    return {
      value: converted,
      audit: [
        {
          action: "early-warning.convert",
          entityType: "early-warning",
          entityId: warning.id,
          before: { state: warning.state },
          after: { state: converted.state, convertedTo: link },
        },
      ],
    };
  });
}
