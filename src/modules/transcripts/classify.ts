// Pure helpers of the import: source hash, language and kind guesses, speaker slugs.
import { createHash } from "node:crypto";
import type { TranscriptKind, TranscriptLanguage } from "./tables.ts";

/** The file as compared across imports: no BOM, LF line ends, NFC. */
export function normaliseSource(text: string): string {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return t.replace(/\r\n?/g, "\n").normalize("NFC");
}

/** sha256 (hex) of the normalised file. */
export function sourceHash(text: string): string {
  return createHash("sha256").update(normaliseSource(text)).digest("hex");
}

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff]/gu;
const LATIN = /[A-Za-z]/g;

/**
 * zh-TW when CJK characters are at least 30 % of the letters (a CJK character against each Latin
 * letter: an English word weighs about as much as a short Chinese phrase); otherwise en.
 */
export function guessLanguage(text: string): TranscriptLanguage {
  const cjk = text.match(CJK)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  if (cjk + latin === 0) return "zh-TW";
  return cjk / (cjk + latin) >= 0.3 ? "zh-TW" : "en";
}

const KIND_RULES: Array<[RegExp, TranscriptKind]> = [
  [/會前會|prep(aratory)?[ -]meeting/i, "prep"],
  [/協作會議|collaborative meeting/i, "collaborative"],
  [/季會|quarterly/i, "quarterly"],
  [/月會|工作推動會議|monthly/i, "monthly"],
  [/工作會議|工作坊|working meeting|workshop/i, "working"],
  [/訪談|專訪|採訪|interview/i, "interview"],
  [/演講|致詞|講座|speech|keynote|lecture|talk/i, "speech"],
];

/** The kind of a transcript guessed from its slug and title; `other` when nothing matches. */
export function guessKind(slug: string, title: string): TranscriptKind {
  const s = `${slug} ${title}`;
  for (const [re, kind] of KIND_RULES) if (re.test(s)) return kind;
  return "other";
}

/** A URL-safe slug for a speaker's name: NFKC, lower case, runs of spaces and punctuation as `-`. */
export function speakerSlugBase(name: string): string {
  const s = name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return s === "" ? "speaker" : s.slice(0, 80);
}
