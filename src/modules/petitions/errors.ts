import { AppError, type ErrorDef } from "../../platform/http/errors.ts";

/** Errors of the petitions module. */
export const petitionErrors = {
  petition_wrong_state: {
    status: 409,
    message: {
      "zh-TW": "這件提議目前的狀態是「{state}」，不能{action}。",
      en: "This petition is {state}; it cannot be {action}.",
    },
  },
  petition_extension_used: {
    status: 409,
    message: {
      "zh-TW": "這件提議已延長過一次回應期限，不能再延長。",
      en: "The response deadline of this petition was already extended once; it cannot be extended again.",
    },
  },
  petition_not_assigned: {
    status: 409,
    message: {
      "zh-TW": "這件提議尚未指定主協辦機關，請先分案。",
      en: "No lead agency has been assigned to this petition yet; assign it first.",
    },
  },
  petition_already_responded: {
    status: 409,
    message: {
      "zh-TW": "這件提議的回應已經公開，請改以更新或後續進度補充。",
      en: "The response to this petition is already published; edit it or add a follow-up update.",
    },
  },
  petition_taken_up: {
    status: 409,
    message: {
      "zh-TW": "這件提議已由協作會議案件 {cases} 處理，是公開紀錄的一部分，不能撤下。",
      en: "Case {cases} took this petition up; it is part of the public record and cannot be withdrawn.",
    },
  },
  petition_has_commitments: {
    status: 409,
    message: {
      "zh-TW": "這件提議已有公開的承諾事項，是公開紀錄的一部分，不能撤下。",
      en: "Commitments answer this petition; it is part of the public record and cannot be withdrawn.",
    },
  },
} satisfies Record<string, ErrorDef>;

type Code = keyof typeof petitionErrors;

/** A petition error with its catalogue entry. */
export const petitionFail = (code: Code, field?: string, params: Record<string, string | number> = {}) =>
  new AppError(code, petitionErrors[code], field, params);
