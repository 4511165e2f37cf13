import { AppError, type ErrorDef } from "../../platform/http/errors.ts";

/** Errors of the directory module. */
export const directoryErrors = {
  invitation_not_pending: {
    status: 409,
    message: {
      "zh-TW": "這份邀請已經{state}，無法再變更。",
      en: "This invitation is already {state} and cannot change.",
    },
  },
  already_po: {
    status: 409,
    message: { "zh-TW": "此人已是這個機關的 PO。", en: "This person is already a PO of this agency." },
  },
  invitation_exists: {
    status: 409,
    message: {
      "zh-TW": "此人已有一份待回覆的邀請。",
      en: "This person already has a pending invitation to this agency.",
    },
  },
  not_an_agency: {
    status: 400,
    message: { "zh-TW": "{field} 必須是機關，而不是單位。", en: "{field} must be an agency, not a unit." },
  },
  email_taken: {
    status: 409,
    message: { "zh-TW": "這個電子郵件已有人使用。", en: "This e-mail address is already registered." },
  },
  slug_taken: {
    status: 409,
    message: { "zh-TW": "這個代稱已被使用。", en: "This slug is already in use." },
  },
} satisfies Record<string, ErrorDef>;

/** Builds a directory error. */
export function directoryError(
  code: keyof typeof directoryErrors,
  field?: string,
  params: Record<string, string> = {},
): AppError {
  return new AppError(code, directoryErrors[code], field, { field: field ?? "", ...params });
}
