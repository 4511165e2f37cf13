import { test } from "node:test";
import assert from "node:assert/strict";
import { loadLocaleFiles, negotiateLocale, translator } from "./index.ts";

test("every interface string exists in both zh-TW and en", () => {
  const { "zh-TW": zh, en, files } = loadLocaleFiles();
  assert.ok(files.length >= 2, "locale files found");
  const missingEn = Object.keys(zh).filter((k) => !(k in en));
  const missingZh = Object.keys(en).filter((k) => !(k in zh));
  assert.deepEqual(missingEn, [], `missing in en: ${missingEn.join(", ")}`);
  assert.deepEqual(missingZh, [], `missing in zh-TW: ${missingZh.join(", ")}`);
  const empty = Object.entries({ ...zh, ...en }).filter(([, v]) => v.trim() === "");
  assert.deepEqual(empty, []);
});

test("locale negotiation: explicit, cookie, Accept-Language, default zh-TW", () => {
  assert.equal(negotiateLocale(undefined, undefined, undefined), "zh-TW");
  assert.equal(negotiateLocale("en", "zh-TW", "zh-TW"), "en");
  assert.equal(negotiateLocale(undefined, "en", "zh-TW"), "en");
  assert.equal(negotiateLocale(undefined, undefined, "en-US,en;q=0.9"), "en");
  assert.equal(negotiateLocale(undefined, undefined, "fr-FR, en;q=0.5, zh-TW;q=0.8"), "zh-TW");
  assert.equal(negotiateLocale("xx", undefined, "de"), "zh-TW");
});

test("translator fills placeholders", () => {
  const t = translator("en");
  assert.equal(t("no.such.key"), "no.such.key");
});
