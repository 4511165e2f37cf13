import { test } from "node:test";
import assert from "node:assert/strict";
import { PGlite } from "@electric-sql/pglite";
import {
  documentTokens,
  fold,
  highlight,
  highlightWholeForTest,
  MAX_TERMS,
  parseQuery,
  searchDocument,
  SECTION_SEPARATOR,
  tokenCode,
  yearCode,
  type Highlight,
} from "./tokenizer.ts";

// The quality set of shared/docs/measurements.md ("Result quality"), rewritten here: ids are the
// document numbers used in that table.
const DOCS: Record<number, string> = {
  1: "本次擴大會議將討論明年度的預算分配。",
  2: "臺灣的開放政府夥伴關係持續推動中。",
  3: "台灣開放政府聯絡人會議今天下午召開。",
  4: "國家發展委員會說明個人資料保護法的修正方向。",
  5: "新版ＡＰＩ文件已經公開，歡迎回饋。",
  6: "The open data portal was updated yesterday.",
  7: "各部會代表出席今年的大會。",
  8: "政府網站的聯絡資訊請見首頁。",
  9: "部會之間的協調機制仍待建立。",
};

const QUALITY: [query: string, expected: number[]][] = [
  ["大會", [1, 7]], // 擴大會議 contains 大會: the known word-boundary false positive of substring search
  ["台灣", [2, 3]], // doc 2 writes 臺灣
  ["臺灣", [2, 3]],
  ["开放政府", [2, 3]], // Simplified query, Traditional text
  ["API", [5]], // doc 5 writes full-width ＡＰＩ
  ["api", [5]],
  ["ＡＰＩ", [5]],
  ["政府 聯絡人", [3]], // two terms, ANDed; doc 8 has 政府 and 聯絡 but not 聯絡人
  ["資料保護", [4]],
  ["部會", [7, 9]],
  ["國家發展委員會", [4]],
  ["国家发展委员会", [4]],
  ["開放政府 -聯絡人", [2]], // exclusion
  ['"開放政府 聯絡人"', []], // a quoted phrase keeps the space: not in doc 3 (no space there)
  ["擴", [1]], // single character → prefix, i.e. anywhere in a run
  ["會", [1, 3, 4, 7, 9]],
  ["府", [2, 3, 8]], // the last character of a run is found through its terminal unigram
  ["open DATA", [6]],
  ["portal -open", []],
  ["量子電腦", []],
];

const ids = Object.keys(DOCS).map(Number);

const NASTY: string[] = [
  "'",
  "''",
  "\\",
  "\\'",
  "'\\''",
  "a:b",
  "a:*",
  ":*",
  "'水':*",
  "水:*",
  "&|!()",
  "a & b | !c",
  "!!",
  "(",
  ")",
  "((a)",
  "<->",
  "a <-> b",
  "<2>",
  '"',
  '"""',
  '"a b',
  '-"a b"',
  "-",
  "--",
  "- -a",
  "a -a",
  "'; drop table speeches; --",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "x\uDC00y",
  "😀👨‍👩‍👧",
  "𠮷野家",
  "q\u0301",
  "\u0301",
  "İstanbul ß ﬁle ① Ⅻ ㍻",
  "٣٤ ١٢",
  "ภาษาไทย",
  "हिन्दी",
  "한국어 한",
  "カタカナ ひらがな",
  "ㄅㄆㄇ 々〇",
  "　全形　空白　",
  "「開放政府」 “API”",
  "\t\n\r",
  "a".repeat(5000),
  "水".repeat(300),
  Array.from({ length: 50 }, (_, i) => `t${i}`).join(" "),
  "1.5 3,000 v2 g0v e-mail foo_bar",
];

// Deterministic random strings over an alphabet of troublemakers.
function randomNasty(count: number): string[] {
  const alphabet = [..."'\"\\:*&|!()<->- 水臺台a Z1ＡＢİßﬁ①٣กा😀\u0301\u3000「」“”\t\n.,，。"];
  let seed = 42;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () =>
    Array.from(
      { length: 1 + Math.floor(next() * 30) },
      () => alphabet[Math.floor(next() * alphabet.length)],
    ).join(""),
  );
}
const ALL_NASTY = [...NASTY, ...randomNasty(300)];

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// ---------------------------------------------------------------------------------------------------
// pure

test("fold: NFKC, lowercase, Traditional(Taiwan) → Simplified", () => {
  assert.equal(fold("臺灣"), fold("台灣"));
  assert.equal(fold("臺灣"), "台湾");
  assert.equal(fold("開放政府"), fold("开放政府"));
  assert.equal(fold("ＡＰＩ"), "api");
  assert.equal(fold("OpenGov"), "opengov");
  assert.equal(fold("什麼"), fold("什么")); // needs the closure of the table (么 is itself a key)
  assert.equal(fold("\uF900"), fold("豈")); // compatibility ideograph
});

test("fold is idempotent and code-point-length-preserving on every CJK character", () => {
  const ranges: [number, number][] = [
    [0x3400, 0x4dbf],
    [0x4e00, 0x9fff],
    [0xf900, 0xfaff],
    [0x20000, 0x2a6df],
  ];
  for (const [a, b] of ranges) {
    for (let cp = a; cp <= b; cp++) {
      const c = String.fromCodePoint(cp);
      const f = fold(c);
      if ([...f].length !== 1) {
        // NFKC maps a handful of compatibility ideographs to sequences; none in these blocks do today.
        assert.fail(`fold(U+${cp.toString(16)}) = ${f}`);
      }
      assert.equal(fold(f), f, `fold not idempotent on U+${cp.toString(16)}`);
    }
  }
  // Context-free: the fold of a text is the concatenation of the folds of its characters.
  const text = "乾隆皇帝著有後來的髮型與發展，臺北市政府的資料";
  assert.equal(fold(text), [...text].map(fold).join(""));
});

test("documentTokens: bigrams plus terminal unigram per CJK run, words for the rest, in order", () => {
  assert.deepEqual(documentTokens("開放政府"), ["开放", "放政", "政府", "府"]);
  assert.deepEqual(documentTokens("水"), ["水"]);
  assert.deepEqual(documentTokens("g0v 社群用ＡＰＩ，Open Data!"), [
    "g0v",
    "社群",
    "群用",
    "用",
    "api",
    "open",
    "data",
  ]);
  assert.deepEqual(documentTokens("ㄅㄆ々〇"), ["ㄅㄆ", "ㄆ々", "々〇", "〇"]);
  assert.deepEqual(documentTokens("𠮷野家"), ["𠮷野", "野家", "家"]);
  assert.deepEqual(documentTokens("。，！ ... "), []);
  assert.equal(documentTokens("a".repeat(500))[0]!.length, 100);
});

test("tokenCode: CJK bigrams and characters exactly, other tokens hashed, years apart", () => {
  assert.equal(tokenCode("政府"), (0x653f << 16) | 0x5e9c);
  assert.equal(tokenCode("水"), 0x6c34);
  assert.equal(tokenCode("鯨豚") | 0, (0x9be8 << 16) | 0x8c5a | 0, "signed 32-bit");
  assert.ok(Number.isInteger(tokenCode("api")) && tokenCode("api") === tokenCode("api"));
  assert.notEqual(tokenCode("api"), tokenCode("apis"));
  assert.notEqual(tokenCode("𠮷野"), tokenCode("野𠮷"));
  for (const t of ["政府", "水", "api", "𠮷野", "a".repeat(100)]) {
    const c = tokenCode(t);
    assert.ok(c >= -(2 ** 31) && c < 2 ** 31, t);
  }
  assert.equal(yearCode(2026), -2026);
  assert.equal(yearCode(null), -1);
});

test("searchDocument: distinct codes of every part, primary parts before the separator", () => {
  const d = searchDocument(["開放政府會議", "唐鳳"], "大家好，API 與開放資料。", [yearCode(2026)]);
  assert.equal(d.text, ` 开放政府会议 \u0002 唐凤 ${SECTION_SEPARATOR} 大家好 api 与开放资料 `);
  for (const t of ["开放", "府会", "议", "唐凤", "凤", "大家", "api", "资料", "料"])
    assert.ok(d.codes.includes(tokenCode(t)), t);
  assert.ok(d.codes.includes(-2026));
  assert.equal(new Set(d.codes).size, d.codes.length, "distinct");
  assert.ok(!d.codes.includes(tokenCode("开")), "no unigram inside a run");
  const empty = searchDocument([""], "。。。");
  assert.deepEqual(empty, { codes: [], text: ` ${SECTION_SEPARATOR} ` });
});

test("parseQuery: codes to narrow, phrases to decide, single characters, quotes, exclusion", () => {
  assert.deepEqual(parseQuery("開放政府"), {
    codes: [tokenCode("开放"), tokenCode("放政"), tokenCode("政府")],
    phrases: ["开放政府"],
    excluded: [],
    terms: ["開放政府"],
  });
  assert.deepEqual(parseQuery("水 -火"), { codes: [], phrases: ["水"], excluded: ["火"], terms: ["水"] });
  assert.deepEqual(parseQuery("政府 聯絡人")?.phrases, ["政府", "联络人"]);
  assert.deepEqual(parseQuery("API")?.phrases, [" api "], "a word matches whole");
  assert.deepEqual(parseQuery("政府API")?.phrases, ["政府 api "]);
  assert.deepEqual(parseQuery("政府API")?.codes, [tokenCode("政府"), tokenCode("府"), tokenCode("api")]);
  assert.deepEqual(parseQuery("api水")?.codes, [tokenCode("api")], "a trailing character has no code");
  assert.deepEqual(parseQuery('"開放 政府" -聯絡人 -"a b"'), {
    codes: [tokenCode("开放"), tokenCode("放"), tokenCode("政府")],
    phrases: ["开放 政府"],
    excluded: ["联络人", " a b "],
    terms: ["開放 政府"],
  });
  assert.deepEqual(parseQuery("「開放 政府」")?.terms, ["開放 政府"]);
  assert.deepEqual(parseQuery("政府 政府 ＡＰＩ api")?.phrases, ["政府", " api "]);
  assert.equal(parseQuery(""), null);
  assert.equal(parseQuery("   "), null);
  assert.equal(parseQuery("。，！?? -- ()"), null);
  assert.equal(parseQuery("-聯絡人"), null); // exclusions alone would match nearly everything
  const many = parseQuery(Array.from({ length: 30 }, (_, i) => `w${i}`).join(" "))!;
  assert.equal(many.terms.length, MAX_TERMS);
  const long = parseQuery("水".repeat(300))!;
  assert.equal([...long.terms[0]!].length, 100);
  assert.equal(long.phrases[0]!.length, 100);
  assert.deepEqual(long.codes, [tokenCode("水水")]);
});

test("parseQuery: phrases hold only letters, digits, marks and single spaces (no LIKE wildcard)", () => {
  const shape = /^ ?[\p{L}\p{N}\p{M}]+(?: [\p{L}\p{N}\p{M}]+)* ?$/u;
  for (const s of ALL_NASTY) {
    const p = parseQuery(s);
    if (p === null) continue;
    for (const x of [...p.phrases, ...p.excluded]) {
      assert.match(x, shape, JSON.stringify(s));
      assert.doesNotMatch(x, /[%_\\]/);
    }
    assert.ok(p.terms.length >= 1 && p.terms.length <= MAX_TERMS);
    assert.ok(p.codes.every((c) => Number.isInteger(c)));
  }
});

const plain = (h: Highlight): string => h.before + h.match + h.after;

test("highlight: matches in the original text, folded both sides", () => {
  let h = highlight(DOCS[5]!, ["API"]);
  assert.deepEqual([h.before, h.match, h.after], ["新版", "ＡＰＩ", "文件已經公開，歡迎回饋。"]);
  h = highlight(DOCS[2]!, ["台湾"]);
  assert.equal(h.match, "臺灣");
  h = highlight(DOCS[3]!, ["开放政府"]);
  assert.equal(h.match, "開放政府");
  h = highlight("水電費與淡水", ["水"]); // prefix: only the character itself is marked
  assert.deepEqual(
    h.segments.filter((s) => s.match).map((s) => s.text),
    ["水", "水"],
  );
  h = highlight("Rapid API design, api again", ["api"]); // whole words only, like the index
  assert.deepEqual(
    h.segments.map((s) => [s.text, s.match]),
    [
      ["Rapid ", false],
      ["API", true],
      [" design, ", false],
      ["api", true],
      [" again", false],
    ],
  );
  // NFKC expansions before the match (㍻ → 平成, ﬁ → fi) do not shift it.
  h = highlight("㍻元年ﬁle的臺灣資料", ["台湾"]);
  assert.deepEqual([h.before, h.match, h.after], ["㍻元年ﬁle的", "臺灣", "資料"]);
  h = highlight("a café и cafe\u0301", ["café"]);
  assert.equal(h.match, "café"); // precomposed é matches
  assert.equal(h.segments.filter((s) => s.match)[1]!.text, "cafe\u0301"); // and so does e + U+0301
  // Several terms; a quoted phrase term with its space.
  h = highlight("開放 政府與開放政府", ["開放 政府"]);
  assert.equal(h.match, "開放 政府");
  assert.equal(h.segments.filter((s) => s.match).length, 1);
});

test("highlight: about 120 characters around the first match, … where cut", () => {
  const filler = "這是一段很長的會議紀錄內容。".repeat(20);
  const text = filler + "這裡提到國家發展委員會的決議。" + filler;
  const h = highlight(text, ["國家發展委員會"]);
  assert.equal(h.match, "國家發展委員會");
  assert.ok(h.before.startsWith("…") && h.after.endsWith("…"));
  assert.equal([...plain(h)].length, 122); // 120 + two "…"
  assert.ok(h.before.length >= 20 && h.after.length > h.before.length);

  const start = highlight("國家發展委員會" + filler, ["國家發展委員會"]);
  assert.equal(start.before, "");
  assert.ok(start.after.endsWith("…"));

  const none = highlight(filler, ["量子電腦"]);
  assert.equal(none.match, "");
  assert.equal(none.after, "");
  assert.equal(none.before, filler.slice(0, 120) + "…");
  assert.deepEqual(highlight("短句", ["量子"]), {
    before: "短句",
    match: "",
    after: "",
    segments: [{ text: "短句", match: false }],
  });
  assert.deepEqual(highlight("", ["x"]).segments, []);

  // Latin words are not cut in two when a boundary is near.
  const en = highlight("word ".repeat(40) + "target " + "other ".repeat(40), ["target"], { maxLength: 30 });
  assert.match(en.before, /^… ?(word )+$/);
  assert.match(en.after, /^( other)+…$/);
  // Whitespace runs shown as one space.
  assert.equal(plain(highlight("a\n\n  b API\tc", ["api"])), "a b API c");
});

test("highlight: never splits surrogate pairs or combining sequences, at any length, in mixed scripts", () => {
  const text =
    "😀𠮷野家在 g0v 社群說明 ＡＰＩ 😀👍🏽 與 cafe\u0301 的開放政府資料，𠮷👨‍👩‍👧 ภาษาไทย हिन्दी 臺灣 OpenData 😀".repeat(
      3,
    );
  for (const terms of [["𠮷野家"], ["api"], ["開放政府"], ["台湾"], ["café"], ["量子"], ["𠮷"]]) {
    for (let maxLength = 1; maxLength <= 80; maxLength++) {
      const h = highlight(text, terms, { maxLength });
      const all = plain(h);
      assert.equal(h.segments.map((s) => s.text).join(""), all);
      for (const s of h.segments) {
        assert.doesNotMatch(s.text, LONE_SURROGATE, `${terms[0]} ${maxLength}: ${JSON.stringify(s.text)}`);
        assert.doesNotMatch(s.text, /^\p{M}/u);
        assert.ok(text.includes(s.text.replace(/^…|…$/g, "")), JSON.stringify(s.text));
      }
      if (terms[0] !== "量子" && maxLength >= 5) assert.ok(h.match !== "", `${terms[0]} ${maxLength}`);
    }
  }
  const h = highlight(text, ["𠮷野家"]);
  assert.equal(h.match, "𠮷野家");
  assert.equal(highlight(text, ["開放政府"]).match, "開放政府");
});

test("highlight: the long-text window gives what the full computation gives", () => {
  // A deterministic generator of long mixed texts where terms occur whole, cut into other words,
  // across punctuation and not at all.
  let seed = 42;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const words = [
    "open",
    "reopen",
    "government",
    "governments",
    "data",
    "Open-Government",
    "ＡＰＩ",
    "api",
    "rapid",
    "政府",
    "開放政府",
    "臺灣",
    "資料開放",
    "cafe\u0301",
    "café",
    "g0v",
    "𠮷野家",
    "。",
    "，",
    " ",
    "\n\n",
  ];
  const termSets = [
    ["open government"],
    ["open"],
    ["government"],
    ["api"],
    ["開放政府"],
    ["台湾"],
    ["café"],
    ["政府 api"],
    ["data", "政府"],
    ["g0v"],
    ["𠮷野"],
    ["open", "量子"],
    ["nothing here"],
  ];
  let compared = 0;
  for (let round = 0; round < 60; round++) {
    const n = 200 + rnd(1500);
    const text = Array.from({ length: n }, () => words[rnd(words.length)]!).join(rnd(2) ? " " : "");
    for (const terms of termSets) {
      for (const maxLength of [20, 120]) {
        if (text.length <= maxLength * 8) continue;
        assert.deepEqual(
          highlight(text, terms, { maxLength }),
          highlightWholeForTest(text, terms, maxLength),
          `${JSON.stringify(terms)} ${maxLength} round ${round}`,
        );
        compared++;
      }
    }
  }
  assert.ok(compared > 1000, String(compared));
});

test("speed (benchmark, prints figures, asserts nothing about time)", () => {
  const sentences = [
    "各位委員好。根據相關資料，新竹地區的個人資料保護法案件大約有111年，比去年增加1329件。",
    "所以我們的結論是：轉型正義由審計部主政，海洋委員會協辦，並透過 API 與 g0v 社群合作。",
    "臺北市政府與台中市政府的開放政府聯絡人，今天一起討論氣候變遷調適與長照預算。",
    "The OGP action plan was reviewed; 國家發展委員會 will publish the transcript on 2026-11-26.",
  ];
  const docs: string[] = [];
  let chars = 0;
  for (let i = 0; chars < 5_000_000; i++) {
    const doc = Array.from({ length: 1 + (i % 7) }, (_, j) => sentences[(i + j) % sentences.length]).join("");
    docs.push(doc);
    chars += doc.length;
  }
  const time = (f: (s: string) => unknown): number => {
    const t0 = performance.now();
    for (const d of docs) f(d);
    return (performance.now() - t0) / 1000;
  };
  const doc = (s: string) => searchDocument([], s);
  time(doc); // warm-up
  const mcs = (s: number): string => `${(chars / s / 1e6).toFixed(1)} M chars/s`;
  const f = time(fold);
  const t = time(documentTokens);
  const v = time(doc);
  console.log(
    `tokenizer on ${(chars / 1e6).toFixed(1)} M chars in ${docs.length} documents: ` +
      `fold ${mcs(f)}, documentTokens ${mcs(t)}, searchDocument ${mcs(v)}`,
  );
});

// ---------------------------------------------------------------------------------------------------
// against a real PostgreSQL engine

test("PostgreSQL (PGlite) finds with codes and phrases exactly what it should", async (t) => {
  const db = await PGlite.create();
  try {
    // The search source's test: the row holds every code and contains every phrase, and no
    // excluded one.
    const matches = async (doc: string, q: NonNullable<ReturnType<typeof parseQuery>>): Promise<boolean> => {
      const d = searchDocument([], doc);
      const r = await db.query<{ m: boolean }>(
        `select $1::int[] @> $2::int[]
            and $3 like all (select '%' || p || '%' from unnest($4::text[]) p)
            and not $3 like any (select '%' || p || '%' from unnest($5::text[]) p) as m`,
        [`{${d.codes.join(",")}}`, `{${q.codes.join(",")}}`, d.text, q.phrases, q.excluded],
      );
      return r.rows[0]!.m;
    };

    await t.test("quality cases", async () => {
      for (const [q, expected] of QUALITY) {
        const p = parseQuery(q);
        assert.ok(p, q);
        const found: number[] = [];
        for (const id of ids) if (await matches(DOCS[id]!, p)) found.push(id);
        assert.deepEqual(found, expected, `${q} → ${JSON.stringify(p.phrases)}`);
      }
    });

    await t.test("same recall as a substring scan of folded text (CJK terms)", async () => {
      const words = [
        "政府",
        "開放",
        "會議",
        "委員會",
        "資料",
        "臺",
        "台",
        "灣",
        "的",
        "度的預",
        "會 議",
        "議將",
      ];
      for (const w of words) {
        const p = parseQuery(w)!;
        const terms = w.split(" ");
        for (const id of ids) {
          const expected = terms.every((x) => fold(DOCS[id]!).includes(fold(x)));
          assert.equal(await matches(DOCS[id]!, p), expected, `${w} in doc ${id}`);
        }
      }
    });

    await t.test("a phrase does not match across parts, and the primary section is apart", async () => {
      const d = searchDocument(["月會"], "預算");
      const r = await db.query<{ across: boolean; primary: boolean; body: boolean }>(
        `select $1 like '%会预%' as across, split_part($1, $2, 1) like '%月会%' as primary,
                split_part($1, $2, 1) like '%预算%' as body`,
        [d.text, SECTION_SEPARATOR],
      );
      assert.deepEqual(r.rows[0], { across: false, primary: true, body: false });
    });

    await t.test("no nasty input errors, and a text matches its own query", async () => {
      for (const s of ALL_NASTY) {
        const p = parseQuery(s);
        const d = searchDocument([s], s);
        await db.query("select $1::int[], $2::text", [`{${d.codes.join(",")}}`, d.text]);
        if (p === null) continue;
        if (p.excluded.length === 0) assert.equal(await matches(s, p), true, JSON.stringify(s));
      }
    });
  } finally {
    await db.close();
  }
});
