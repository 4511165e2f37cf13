import type { CandidateSource } from "./tables.ts";

/** A selection criterion for a collaborative topic, written as data (docs/meetings.md). */
export interface Criterion {
  key: string;
  /** Sources it applies to. */
  sources: readonly CandidateSource[];
  /** Checked by the system from the candidate's facts, not answered by the proposer. */
  automatic: boolean;
  /** A candidate that does not meet it cannot be put to the vote. */
  required: boolean;
  label: { "zh-TW": string; en: string };
}

const all = ["petition", "agency", "pdis", "minister-office"] as const;

/** Share of the endorsement threshold at which a petition is "near" it and may be a candidate. */
export const NEAR_THRESHOLD_SHARE = 0.8;
/** The endorsement threshold of a petition (提點子). */
export const DEFAULT_THRESHOLD = 5000;

/** The criteria a candidate is checked against, in the order they are shown. */
export const selectionCriteria: readonly Criterion[] = [
  {
    key: "petition-endorsements",
    sources: ["petition"],
    automatic: true,
    required: true,
    label: {
      "zh-TW": "提點子已成案（附議達門檻），或接近門檻（達 80%）",
      en: "The petition qualified (reached its endorsement threshold) or is near it (80 %)",
    },
  },
  {
    key: "lead-agency-named",
    sources: all,
    automatic: true,
    required: true,
    label: { "zh-TW": "已提出建議主辦機關", en: "A lead agency is proposed" },
  },
  {
    key: "public-interest",
    sources: all,
    automatic: false,
    required: true,
    label: {
      "zh-TW": "涉及公共利益，而非個人權益爭議",
      en: "It concerns the public interest, not a private dispute",
    },
  },
  {
    key: "cross-agency",
    sources: all,
    automatic: false,
    required: true,
    label: {
      "zh-TW": "涉及兩個以上機關，或無單一單位權責",
      en: "Two or more agencies are involved, or no single unit owns it",
    },
  },
  {
    key: "open-to-input",
    sources: all,
    automatic: false,
    required: true,
    label: {
      "zh-TW": "政策仍可調整：尚未定案、非訴訟中",
      en: "The policy is still open: not yet decided, not in litigation",
    },
  },
  {
    key: "stakeholders-identified",
    sources: all,
    automatic: false,
    required: false,
    label: { "zh-TW": "已初步盤點利害關係人", en: "Stakeholders have been roughly identified" },
  },
];

/** The facts an automatic criterion looks at. */
export interface CandidateFacts {
  source: CandidateSource;
  endorsements: number | null;
  threshold: number;
  proposedLeadAgencyId: string | null;
}

/** One criterion as checked. */
export interface CriterionResult {
  key: string;
  met: boolean;
  required: boolean;
  automatic: boolean;
  label: { "zh-TW": string; en: string };
}

/** Where a petition stands against its threshold. */
export function petitionStanding(
  endorsements: number | null,
  threshold: number,
): "qualified" | "near" | "below" {
  if (endorsements === null) return "below";
  if (endorsements >= threshold) return "qualified";
  return endorsements >= Math.ceil(threshold * NEAR_THRESHOLD_SHARE) ? "near" : "below";
}

/** Checks every criterion that applies to the source; answers are the proposer's, by key. */
export function checkCriteria(facts: CandidateFacts, answers: Record<string, boolean>): CriterionResult[] {
  return selectionCriteria
    .filter((c) => c.sources.includes(facts.source))
    .map((c) => {
      let met: boolean;
      if (c.key === "petition-endorsements")
        met = petitionStanding(facts.endorsements, facts.threshold) !== "below";
      else if (c.key === "lead-agency-named") met = !!facts.proposedLeadAgencyId;
      else met = answers[c.key] === true;
      return { key: c.key, met, required: c.required, automatic: c.automatic, label: c.label };
    });
}
