import { AppError, type ErrorDef } from "../../platform/http/errors.ts";

/** Errors of the commitments module. */
export const commitmentErrors = {
  commitment_closed: {
    status: 409,
    message: {
      "zh-TW": "這項承諾已經「{status}」，不能再更新狀態。",
      en: 'This commitment is already "{status}"; its status can no longer change.',
    },
  },
  status_backwards: {
    status: 409,
    message: {
      "zh-TW": "進行中的承諾不能改回「未開始」。",
      en: "A commitment in progress cannot go back to open.",
    },
  },
  case_released: {
    status: 409,
    message: {
      "zh-TW": "這個案件已解除列管，無法再新增承諾。",
      en: "This case was released; no new commitments can be added to it.",
    },
  },
  not_monthly: {
    status: 409,
    message: {
      "zh-TW": "主席裁示只在月會記錄。",
      en: "The chair's decisions on tracked cases are recorded at a monthly meeting.",
    },
  },
  case_not_tracked: {
    status: 409,
    message: {
      "zh-TW": "第 {number} 案不在列管中（目前階段：{stage}）。",
      en: 'Case {number} is not tracked (it is at stage "{stage}").',
    },
  },
} satisfies Record<string, ErrorDef>;

/** Throws one of the commitments module's errors. */
export function commitmentError(
  code: keyof typeof commitmentErrors,
  params: Record<string, string | number> = {},
  field?: string,
): AppError {
  return new AppError(code, commitmentErrors[code], field, params);
}
