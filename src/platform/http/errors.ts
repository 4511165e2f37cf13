/** One entry of the error catalogue: a stable code, an HTTP status and a message in both languages. */
export interface ErrorDef {
  status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503;
  message: { "zh-TW": string; en: string };
}

/** The platform's own errors; modules add theirs in their errors.ts. */
export const platformErrors = {
  invalid_input: {
    status: 400,
    message: { "zh-TW": "輸入不正確：{detail}", en: "Invalid input: {detail}" },
  },
  unauthenticated: {
    status: 401,
    message: { "zh-TW": "請先登入。", en: "Please sign in first." },
  },
  forbidden: {
    status: 403,
    message: { "zh-TW": "您沒有執行此操作的權限。", en: "You are not allowed to do this." },
  },
  not_found: {
    status: 404,
    message: { "zh-TW": "找不到這筆資料。", en: "Not found." },
  },
  conflict: {
    status: 409,
    message: { "zh-TW": "與現有資料衝突：{detail}", en: "Conflicts with existing data: {detail}" },
  },
  payload_too_large: {
    status: 413,
    message: { "zh-TW": "送出的資料太大。", en: "The request body is too large." },
  },
  rate_limited: {
    status: 429,
    message: { "zh-TW": "嘗試次數過多，請稍後再試。", en: "Too many attempts; please try again later." },
  },
  csrf_failed: {
    status: 403,
    message: {
      "zh-TW": "表單已過期或來源不明，請重新整理頁面後再送出。",
      en: "The form expired or came from elsewhere; reload the page and submit again.",
    },
  },
  internal: {
    status: 500,
    message: { "zh-TW": "系統發生錯誤，已記錄。", en: "Something went wrong; it has been logged." },
  },
} satisfies Record<string, ErrorDef>;

/** A failure with a catalogue code; mapped to `{"error":{"code","message","field"?}}` at the edge. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly def: ErrorDef,
    readonly field?: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code}${field ? ` (${field})` : ""}: ${format(def.message.en, params)}`);
  }

  /** The message in the requested language. */
  localized(locale: "zh-TW" | "en"): string {
    return format(this.def.message[locale], this.params);
  }
}

function format(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** Shorthands for the platform's errors. */
export const fail = {
  invalid: (field: string, detail: string) =>
    new AppError("invalid_input", platformErrors.invalid_input, field, { detail: `${field}: ${detail}` }),
  unauthenticated: () => new AppError("unauthenticated", platformErrors.unauthenticated),
  forbidden: () => new AppError("forbidden", platformErrors.forbidden),
  notFound: () => new AppError("not_found", platformErrors.not_found),
  conflict: (detail: string, field?: string) =>
    new AppError("conflict", platformErrors.conflict, field, { detail }),
  rateLimited: () => new AppError("rate_limited", platformErrors.rate_limited),
};
