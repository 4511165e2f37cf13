import { AppError, type ErrorDef } from "../../platform/http/errors.ts";

/** Errors of the early-warnings module. */
export const warningErrors = {
  conversion_not_available: {
    status: 400,
    message: {
      "zh-TW": "目前還不能把先期警報轉為{kindZh}，請先轉為議題（matter）。",
      en: "Turning a warning into a {kindEn} is not available yet; turn it into a matter.",
    },
  },
  merge_into_itself: {
    status: 400,
    message: {
      "zh-TW": "不能把先期警報合併到它自己。",
      en: "A warning cannot be merged into itself.",
    },
  },
  merge_target_merged: {
    status: 409,
    message: {
      "zh-TW": "目標警報已併入另一則警報，請改為合併到那一則。",
      en: "The target warning was itself merged into another; merge into that one instead.",
    },
  },
  warning_not_open: {
    status: 409,
    message: {
      "zh-TW": "這則先期警報已{stateZh}，無法再{actionZh}。",
      en: "This warning is {stateEn}; it cannot be {actionEn}.",
    },
  },
  warning_merged: {
    status: 409,
    message: {
      "zh-TW": "這則先期警報已併入另一則警報，請在那一則繼續。",
      en: "This warning was merged into another; continue on that one.",
    },
  },
} satisfies Record<string, ErrorDef>;

const STATE_NAMES = {
  open: { "zh-TW": "開啟", en: "open" },
  merged: { "zh-TW": "合併", en: "merged" },
  converted: { "zh-TW": "轉案", en: "converted" },
  closed: { "zh-TW": "結束", en: "closed" },
} as const;

const ACTION_NAMES = {
  merge: { "zh-TW": "合併", en: "merged" },
  convert: { "zh-TW": "轉案", en: "converted" },
} as const;

/** Builds an early-warnings error. */
export function warningError(
  code: keyof typeof warningErrors,
  field?: string,
  params: Record<string, string | number> = {},
): AppError {
  return new AppError(code, warningErrors[code], field, params);
}

/** 409: the warning is not open, so it cannot be merged or converted. */
export function notOpen(state: keyof typeof STATE_NAMES, action: keyof typeof ACTION_NAMES): AppError {
  return warningError("warning_not_open", "state", {
    stateZh: STATE_NAMES[state]["zh-TW"],
    stateEn: STATE_NAMES[state].en,
    actionZh: ACTION_NAMES[action]["zh-TW"],
    actionEn: ACTION_NAMES[action].en,
  });
}
