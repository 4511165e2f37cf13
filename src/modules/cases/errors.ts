import { AppError, type ErrorDef } from "../../platform/http/errors.ts";

/** Errors of the cases module. */
export const caseErrors = {
  seat_cap_agency_stakeholders: {
    status: 409,
    message: {
      "zh-TW": "每個邀請機關最多邀請 {cap} 位利害關係人，這個機關的名額已滿。",
      en: "An inviting agency may bring at most {cap} stakeholders; this agency's seats are full.",
    },
  },
  seat_cap_other_stakeholders: {
    status: 409,
    message: {
      "zh-TW": "其他利害關係人最多 {cap} 位，名額已滿。",
      en: "At most {cap} other stakeholders may attend; the seats are full.",
    },
  },
  seat_cap_one_per_group: {
    status: 409,
    message: {
      "zh-TW": "每個團體只能有 1 位代表，「{group}」已有代表。",
      en: 'Each group has at most 1 seat; "{group}" already has one.',
    },
  },
  seat_taken_by_person: {
    status: 409,
    message: {
      "zh-TW": "您已經報名這場協作會議。",
      en: "This person already has a seat (or a place on the waiting list) at this meeting.",
    },
  },
  seat_withdrawn: {
    status: 409,
    message: { "zh-TW": "這個座位已經取消。", en: "This seat was already withdrawn." },
  },
  stage_order: {
    status: 409,
    message: {
      "zh-TW": "案件目前在「{current}」階段，只能前進到下一個階段「{next}」。",
      en: 'The case is at stage "{current}"; it can only move on to the next stage, "{next}".',
    },
  },
  case_released: {
    status: 409,
    message: {
      "zh-TW": "這個案件已解除列管，無法再變更。",
      en: "This case was released; it can no longer be changed.",
    },
  },
  release_not_tracked: {
    status: 409,
    message: {
      "zh-TW": "只有列管中的案件可以解除列管（目前階段：{current}）。",
      en: 'Only a tracked case can be released (it is at stage "{current}").',
    },
  },
  release_needs_evidence: {
    status: 409,
    message: {
      "zh-TW": "解除列管前，須有成果已送達以下對象的佐證（連結、公告或寄送紀錄）：{missing}。",
      en: "Before release, record evidence (a link, a post or a mail-out) that the outcome reached: {missing}.",
    },
  },
  lead_cooldown: {
    status: 409,
    message: {
      "zh-TW": "此機關在過去 {days} 天內已主辦協作會議，須經該機關 PO 同意才能再擔任主辦。",
      en: "This agency led a collaborative meeting in the last {days} days; it leads again only with its PO's consent.",
    },
  },
  lead_exists: {
    status: 409,
    message: {
      "zh-TW": "本案已有主辦機關。",
      en: "The case already has a lead agency.",
    },
  },
  handbook_published: {
    status: 409,
    message: {
      "zh-TW": "議題手冊已於 {at} 發布。",
      en: "The issue handbook was already published on {at}.",
    },
  },
  handbook_needs_challenge: {
    status: 409,
    message: {
      "zh-TW": "發布議題手冊前，請先寫下挑戰陳述（「我們可以如何……」）。",
      en: 'Write the challenge statement ("How might we …") before publishing the issue handbook.',
    },
  },
  mind_map_cycle: {
    status: 409,
    message: {
      "zh-TW": "心智圖的節點不能移到自己或自己的子節點之下。",
      en: "A mind-map node cannot move under itself or one of its own branches.",
    },
  },
} satisfies Record<string, ErrorDef>;

/** Throws one of the cases module's errors. */
export function caseError(
  code: keyof typeof caseErrors,
  params: Record<string, string | number> = {},
  field?: string,
): AppError {
  return new AppError(code, caseErrors[code], field, params);
}
