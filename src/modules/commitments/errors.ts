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
  commitment_done: {
    status: 409,
    message: {
      "zh-TW": "這項承諾已經完成，不能再修訂。",
      en: "This commitment is done; it can no longer be revised.",
    },
  },
  commitment_dropped: {
    status: 409,
    message: {
      "zh-TW": "這項承諾已經撤銷，不能再修訂。",
      en: "This commitment was dropped; it can no longer be revised.",
    },
  },
  revision_changes_nothing: {
    status: 400,
    message: {
      "zh-TW": "這次修訂沒有改變任何內容：{fields} 與目前相同。",
      en: "This revision changes nothing: {fields} as they are now.",
    },
  },
  own_due_date: {
    status: 403,
    message: {
      "zh-TW":
        "負責機關的 PO 不能自行變更自己機關承諾的到期日；請更新辦理進度，或請案件主辦機關、提議的主協辦機關或 PDIS 修訂。",
      en: "The owner agency's POs do not move their own commitment's due date: post a status update, or ask the case's organisers, the petition's agencies or PDIS to revise it.",
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
