import { AppError, type ErrorDef } from "../../platform/http/errors.ts";

/** Errors of the goals module. */
export const goalErrors = {
  not_a_member: {
    status: 403,
    message: {
      "zh-TW": "您不是這個團隊的成員，不能為它設定目標。",
      en: "You are not a member of this team, so you cannot set a goal for it.",
    },
  },
  reviewer_is_organiser: {
    status: 409,
    message: {
      "zh-TW": "同儕檢視須由本案主辦、協辦以外的機關進行。",
      en: "A peer review is asked of an agency that does not organise the case.",
    },
  },
  review_exists: {
    status: 409,
    message: {
      "zh-TW": "已經請這個機關檢視本案的檢核表。",
      en: "This agency has already been asked to review the case's checklist.",
    },
  },
} satisfies Record<string, ErrorDef>;

/** Throws one of the goals module's errors. */
export function goalError(code: keyof typeof goalErrors, field?: string): AppError {
  return new AppError(code, goalErrors[code], field);
}
