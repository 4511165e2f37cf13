import { AppError, type ErrorDef } from "../../platform/http/errors.ts";

/** Errors of the meetings module. */
export const meetingErrors = {
  ballot_link_used: {
    status: 409,
    message: {
      "zh-TW": "這個投票連結已經投過票；每個連結只能投一次。",
      en: "This ballot link has already been used; each link casts one ballot.",
    },
  },
  ballot_not_open: {
    status: 409,
    message: {
      "zh-TW": "這場會議的投票目前未開放（{state}）。",
      en: "The ballot of this meeting is not open ({state}).",
    },
  },
  ballot_link_void: {
    status: 409,
    message: {
      "zh-TW": "這個投票連結已作廢：投票已重新舉行，請使用新寄出的連結。",
      en: "This ballot link is void: the vote is being re-run; use the new link sent to you.",
    },
  },
  ballot_already_issued: {
    status: 409,
    message: {
      "zh-TW": "這場會議已發出投票連結（{state}）；只有需要重新投票時才能再發。",
      en: "Ballot links were already issued for this meeting ({state}); they are issued again only for a re-run.",
    },
  },
  ballot_no_candidates: {
    status: 409,
    message: {
      "zh-TW": "沒有候選議題，無法發出投票連結。",
      en: "There are no candidate topics to vote on.",
    },
  },
  ballot_not_monthly: {
    status: 409,
    message: {
      "zh-TW": "只有月會進行議題票選。",
      en: "Topics are voted on at monthly meetings only.",
    },
  },
  ballot_locked: {
    status: 409,
    message: {
      "zh-TW": "投票已開始或結束，候選議題不能再變更。",
      en: "The ballot was opened; candidates can no longer change.",
    },
  },
  tally_not_public: {
    status: 409,
    message: {
      "zh-TW": "開票結果在投票截止後才公開。",
      en: "The tally is public only after the ballot closes.",
    },
  },
  candidate_not_tied: {
    status: 409,
    message: {
      "zh-TW": "只有同票待主席決定的議題可以由主席選定（目前：{state}）。",
      en: "Only a tied topic awaiting the chair can be chosen by the chair (it is {state}).",
    },
  },
  winners_cap_reached: {
    status: 409,
    message: {
      "zh-TW": "本月已選出 {cap} 個{kindZh}議題，已達上限。",
      en: "{cap} {kindEn} topics were already chosen this month, the most allowed.",
    },
  },
  criteria_not_met: {
    status: 400,
    message: {
      "zh-TW": "候選議題不符合遴選條件：{label}",
      en: "The candidate does not meet a selection criterion: {label}",
    },
  },
} satisfies Record<string, ErrorDef>;

/** Throws one of the meetings module's errors. */
export function meetingError(
  code: keyof typeof meetingErrors,
  params: Record<string, string | number> = {},
  field?: string,
): AppError {
  return new AppError(code, meetingErrors[code], field, params);
}
