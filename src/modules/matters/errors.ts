import { AppError, type ErrorDef } from "../../platform/http/errors.ts";

/** Errors of the matters module. */
export const matterErrors = {
  no_coordinating_agency: {
    status: 400,
    message: {
      "zh-TW": "請指定承辦單位或機關：您沒有所屬機關，系統無法決定由誰協調。",
      en: "Name an owning unit or an agency: you belong to no agency, so nobody could be chosen to coordinate.",
    },
  },
  lead_not_involved: {
    status: 400,
    message: {
      "zh-TW": "主辦機關必須是本案涉及的機關之一。",
      en: "The lead agency must be one of the agencies involved in the matter.",
    },
  },
  not_an_owner: {
    status: 400,
    message: {
      "zh-TW": "這個單位目前不是本案的承辦單位，無法拒絕。",
      en: "This unit does not own the matter, so it cannot refuse it.",
    },
  },
  refusal_proposes_itself: {
    status: 400,
    message: {
      "zh-TW": "拒絕時必須指出應由哪個其他單位承辦。",
      en: "A refusal must name another unit that should own the matter, not the refusing unit itself.",
    },
  },
  refusal_exists: {
    status: 409,
    message: {
      "zh-TW": "這個單位對本案已有一件拒絕尚在處理中（{state}）。",
      en: "This unit already has a refusal of this matter that is still {state}.",
    },
  },
  refusal_not_pending: {
    status: 409,
    message: {
      "zh-TW": "這件拒絕已經{state}，無法再作決定。",
      en: "This refusal is already {state}; there is nothing to decide.",
    },
  },
  refusal_not_rejected: {
    status: 409,
    message: {
      "zh-TW": "只有被駁回的拒絕可以提出異議（目前：{state}）。",
      en: "Only a rejected refusal can be contested (it is {state}).",
    },
  },
  refusal_final: {
    status: 409,
    message: {
      "zh-TW": "政務委員辦公室的駁回為最終決定，無法再提出異議。",
      en: "The minister's office's rejection is final; it cannot be contested further.",
    },
  },
  owner_changed: {
    status: 409,
    message: {
      "zh-TW": "拒絕的單位已不再是承辦單位，無法依此拒絕移轉。",
      en: "The refusing unit no longer owns the matter; ownership cannot move on this refusal.",
    },
  },
  matter_closed: {
    status: 409,
    message: { "zh-TW": "本案已結案。", en: "This matter is closed." },
  },
  matter_open: {
    status: 409,
    message: { "zh-TW": "本案仍在進行中。", en: "This matter is still open." },
  },
  already_member: {
    status: 409,
    message: {
      "zh-TW": "此人已在本案的工作小組中。",
      en: "This person is already in the matter's working group.",
    },
  },
  working_group_full: {
    status: 409,
    message: {
      "zh-TW": "工作小組已達授權表上限：{agencyZh}的授權表允許最多 {limit} 人。",
      en: "The working group is full: {agencyEn}'s authorisation table allows at most {limit} people.",
    },
  },
} satisfies Record<string, ErrorDef>;

/** Builds a matters error. */
export function matterError(
  code: keyof typeof matterErrors,
  field?: string,
  params: Record<string, string | number> = {},
): AppError {
  return new AppError(code, matterErrors[code], field, params);
}
