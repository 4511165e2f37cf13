import { AppError, type ErrorDef } from "../../platform/http/errors.ts";

/** Errors of review-then-publish (drafts, review links, versions). */
export const reviewErrors = {
  speakers_unmapped: {
    status: 409,
    message: {
      "zh-TW": "以下發言者尚未對應到人員或電子郵件：{names}",
      en: "These speakers have no person or e-mail yet: {names}",
    },
  },
  not_your_speech: {
    status: 403,
    message: {
      "zh-TW": "您只能修改自己的發言。",
      en: "You may change only your own speeches.",
    },
  },
  review_closed: {
    status: 409,
    message: {
      "zh-TW": "審閱期間已結束或紀錄已公開，現在只能閱讀。",
      en: "The review window has closed or the record is published; it is read-only now.",
    },
  },
  wrong_state: {
    status: 409,
    message: {
      "zh-TW": "這份逐字稿目前是「{state}」狀態，無法執行此操作。",
      en: "This transcript is {state}; this cannot be done now.",
    },
  },
  slug_taken: {
    status: 409,
    message: {
      "zh-TW": "已有逐字稿使用這個代稱：{slug}",
      en: "A transcript with this slug exists already: {slug}",
    },
  },
} satisfies Record<string, ErrorDef>;

/** Builds a review error. */
export function reviewError(
  code: keyof typeof reviewErrors,
  params: Record<string, string | number> = {},
  field?: string,
): AppError {
  return new AppError(code, reviewErrors[code], field, params);
}
