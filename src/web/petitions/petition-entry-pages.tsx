// PDIS enters a petition or a draft-regulation notice by hand, or imports a CSV or JSON file of them,
// through pages: the same use cases as `POST /api/v1/petitions` and `POST /api/v1/petitions/import`.
import type { Hono } from "hono";
import { listAgencies, requirePerson, type Actor, type AppEnv } from "../../modules/directory/index.ts";
import {
  canOnPetition,
  createPetition,
  importPetitions,
  PETITION_DEFAULTS,
  PETITION_IMPORT_COLUMNS,
  type PetitionImportSummary,
  type PetitionsDeps,
} from "../../modules/petitions/index.ts";
import { isCalendarDate } from "../../platform/http/dates.ts";
import { fail } from "../../platform/http/errors.ts";
import { pick } from "../../platform/i18n/index.ts";
import {
  Alert,
  Choices,
  ErrorSummary,
  Field,
  Form,
  Notice,
  Submit,
  TextArea,
  type FormState,
} from "../components.tsx";
import type { PageKit } from "../deps.ts";
import { attempt, errorState, readForm, str, Validator, type FormValues } from "../forms.ts";
import { CsrfField, renderPage } from "../layout.tsx";
import { isLocalPath, type Ctx, type View } from "../view.tsx";

type Agency = { id: string; slug: string; name: { "zh-TW": string; en: string } };

const ENTRY_FORM = "petition-entry";
const IMPORT_FORM = "petition-import";
const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;
/** The columns a CSV file must have (see import-file.ts). */
const REQUIRED_COLUMNS = ["external_id", "title", "text", "opens_at"];

/** Agency short names typed into a field, separated by commas, spaces or Chinese enumeration marks. */
const slugList = (raw: string) => raw.split(/[\s,，、;；]+/).filter(Boolean);

// ── Entering a petition ───────────────────────────────────────────────────────────────────────────

function entryLabels(v: View) {
  const { t } = v;
  return {
    kind: t("petitions.entry.kind"),
    title: t("petitions.entry.title"),
    text: t("petitions.entry.text"),
    proposer: t("petitions.proposer"),
    externalId: t("petitions.entry.externalId"),
    url: t("petitions.entry.url"),
    agencies: t("petitions.named"),
    agenciesOther: t("petitions.entry.agenciesOther"),
    endorsements: t("petitions.endorsements"),
    endorsementsAt: t("petitions.entry.endorsementsAt"),
    opensAt: t("petitions.entry.opensAt"),
    closesAt: t("petitions.entry.closesAt"),
    threshold: t("petitions.entry.threshold"),
  };
}

function Back(props: { v: View }) {
  return (
    <p class="muted">
      <a href="/petitions">{props.v.t("petitions.index.title")}</a>
    </p>
  );
}

function EntryView(props: { v: View; agencies: Agency[]; state?: FormState }) {
  const { v, state } = props;
  const { t } = v;
  const labels = entryLabels(v);
  const f = ENTRY_FORM;
  return (
    <>
      <Back v={v} />
      <h1>{t("petitions.entry.heading")}</h1>
      <p class="lead">{t("petitions.entry.lead")}</p>
      <p>
        <a href="/petitions/import">{t("petitions.entry.toImport")}</a>
      </p>
      <Form v={v} id={f} action="/petitions" state={state} labels={labels}>
        <Choices
          v={v}
          form={f}
          name="kind"
          legend={labels.kind}
          type="radio"
          options={["petition", "notice"].map((k) => ({ value: k, label: t(`petitions.kind.${k}`) }))}
          checked={["petition"]}
          state={state}
          required
        />
        <Field v={v} form={f} name="title" label={labels.title} state={state} required maxlength={300} />
        <TextArea v={v} form={f} name="text" label={labels.text} state={state} required rows={8} />
        <Field v={v} form={f} name="proposer" label={labels.proposer} state={state} maxlength={200} />
        <Field
          v={v}
          form={f}
          name="externalId"
          label={labels.externalId}
          hint={t("petitions.entry.externalIdHint")}
          state={state}
          maxlength={100}
        />
        <Field
          v={v}
          form={f}
          name="url"
          type="url"
          inputmode="url"
          label={labels.url}
          hint={t("petitions.entry.urlHint")}
          state={state}
        />
        <Choices
          v={v}
          form={f}
          name="agencies"
          legend={labels.agencies}
          type="checkbox"
          hint={t("petitions.entry.agenciesHint")}
          options={props.agencies.map((a) => ({ value: a.slug, label: pick(a.name, v.locale) }))}
          state={state}
        />
        <Field
          v={v}
          form={f}
          name="agenciesOther"
          label={labels.agenciesOther}
          hint={t("petitions.forms.slugsHint")}
          state={state}
        />
        <Field
          v={v}
          form={f}
          name="endorsements"
          type="number"
          inputmode="numeric"
          min={0}
          label={labels.endorsements}
          hint={t("petitions.entry.endorsementsHint")}
          state={state}
        />
        <Field
          v={v}
          form={f}
          name="endorsementsAt"
          type="datetime-local"
          label={labels.endorsementsAt}
          hint={t("petitions.entry.endorsementsAtHint")}
          state={state}
        />
        <Field
          v={v}
          form={f}
          name="opensAt"
          type="date"
          label={labels.opensAt}
          hint={t("petitions.entry.opensAtHint")}
          state={state}
        />
        <Field
          v={v}
          form={f}
          name="closesAt"
          type="date"
          label={labels.closesAt}
          hint={t("petitions.entry.closesAtHint", { days: PETITION_DEFAULTS.windowDays })}
          state={state}
        />
        <Field
          v={v}
          form={f}
          name="threshold"
          type="number"
          inputmode="numeric"
          min={1}
          label={labels.threshold}
          hint={t("petitions.entry.thresholdHint")}
          value={String(PETITION_DEFAULTS.threshold)}
          state={state}
        />
        <Submit label={t("petitions.entry.submit")} />
      </Form>
    </>
  );
}

// ── Importing a file ──────────────────────────────────────────────────────────────────────────────

/**
 * The import's problems in the reader's language. The module reports them in English (the CLI's and
 * the API's words); the known shapes are translated here, anything else is shown as it came.
 */
const problemShapes: Array<[RegExp, string, (m: RegExpExecArray) => Record<string, string>]> = [
  [/^is required$/, "required", () => ({})],
  [/^must be at most (\d+) characters$/, "tooLong", (m) => ({ max: m[1]! })],
  [/^must be petition or notice$/, "kind", () => ({})],
  [/^must be an http\(s\) URL$/, "url", () => ({})],
  [/^must be a date \(YYYY-MM-DD\) or an ISO 8601 date-time$/, "date", () => ({})],
  [/^must be after opens_at$/, "closesBeforeOpens", () => ({})],
  [/^must be a whole number$/, "integer", () => ({})],
  [/^must be a whole number ≥ (\d+)$/, "integerMin", (m) => ({ min: m[1]! })],
  [/^a draft-regulation notice takes no endorsements$/, "noticeEndorsements", () => ({})],
  [/^is required with endorsements_at$/, "endorsementsNeeded", () => ({})],
  [/^not valid JSON: (.*)$/s, "json", (m) => ({ detail: m[1]! })],
  [/^not valid CSV: (.*)$/s, "csv", (m) => ({ detail: m[1]! })],
  [/^expected an array of petitions/, "jsonShape", () => ({})],
  [/^each petition must be an object$/, "jsonRecord", () => ({})],
  [/^column is missing$/, "columnMissing", () => ({})],
  [/^unknown column$/, "columnUnknown", () => ({})],
  [
    /^(.+) appears twice in the file \(first on line (\d+)\)$/s,
    "duplicate",
    (m) => ({ id: m[1]!, line: m[2]! }),
  ],
  [/^no such agency: (.+)$/s, "noAgency", (m) => ({ ref: m[1]! })],
  [/^(.+) is a unit, not an agency$/s, "unit", (m) => ({ ref: m[1]! })],
  [/^(.+) was imported as a (petition|notice)$/s, "kindChanged", (m) => ({ id: m[1]!, kind: m[2]! })],
  [/^the file holds no petitions$/, "empty", () => ({})],
];

export function problemText(v: View, message: string): string {
  for (const [re, key, params] of problemShapes) {
    const m = re.exec(message);
    if (!m) continue;
    const p = params(m);
    if (p.kind) p.kind = v.t(`petitions.kind.${p.kind}`);
    return v.t(`petitions.import.problem.${key}`, p);
  }
  return message;
}

function Summary(props: { v: View; summary: PetitionImportSummary }) {
  const { v, summary: s } = props;
  const { t } = v;
  if (s.problems.length)
    return (
      <section aria-labelledby="import-result-title" id="import-result">
        <Alert>
          <h2 id="import-result-title">{t("petitions.import.failed", { count: s.problems.length })}</h2>
          <p>{t("petitions.import.nothingWritten")}</p>
        </Alert>
        <ol class="import-problems">
          {s.problems.map((p) => (
            <li>
              <strong>{t("petitions.import.line", { line: p.line })}</strong>
              {p.field ? (
                <>
                  {" · "}
                  <code>{p.field}</code>
                </>
              ) : null}
              {t("petitions.import.separator")}
              {problemText(v, p.message)}
            </li>
          ))}
        </ol>
      </section>
    );
  const counts = ["created", "updated", "unchanged", "qualified"] as const;
  return (
    <section aria-labelledby="import-result-title" id="import-result">
      <Notice>
        <h2 id="import-result-title">{t("petitions.import.done", { rows: s.rows })}</h2>
      </Notice>
      <dl class="facts">
        {counts.map((k) => (
          <div>
            <dt>{t(`petitions.import.count.${k}`)}</dt>
            <dd>{s[k]}</dd>
          </div>
        ))}
      </dl>
      <p>
        <a href="/petitions">{t("petitions.import.toIndex")}</a>
      </p>
    </section>
  );
}

function ImportView(props: { v: View; state?: FormState; summary?: PetitionImportSummary }) {
  const { v, state } = props;
  const { t } = v;
  const f = IMPORT_FORM;
  const labels = { file: t("petitions.import.file"), text: t("petitions.import.text") };
  const fileError = state?.errors.file;
  return (
    <>
      <Back v={v} />
      <h1>{t("petitions.import.heading")}</h1>
      <p class="lead">{t("petitions.import.lead")}</p>
      <p>{t("petitions.import.allOrNothing")}</p>
      {props.summary ? <Summary v={v} summary={props.summary} /> : null}
      <form
        method="post"
        action={`/petitions/import#${f}`}
        id={f}
        class="stack-form"
        enctype="multipart/form-data"
        novalidate
      >
        <CsrfField v={v} />
        <ErrorSummary v={v} form={f} state={state} labels={labels} />
        <div class={`field${fileError ? " field-invalid" : ""}`}>
          <label for={`${f}-file`}>
            {labels.file}
            <span class="optional">{t("web.form.optional")}</span>
          </label>
          <p class="hint" id={`${f}-file-hint`}>
            {t("petitions.import.fileHint")}
          </p>
          {fileError ? (
            <p class="field-error" id={`${f}-file-error`}>
              <span class="visually-hidden">{t("web.form.errorPrefix")}</span>
              {fileError}
            </p>
          ) : null}
          <input
            id={`${f}-file`}
            name="file"
            type="file"
            accept=".csv,.json,text/csv,application/json"
            aria-describedby={`${f}-file-hint${fileError ? ` ${f}-file-error` : ""}`}
            aria-invalid={fileError ? "true" : undefined}
          />
        </div>
        <TextArea
          v={v}
          form={f}
          name="text"
          label={labels.text}
          hint={t("petitions.import.textHint")}
          state={state}
          rows={8}
        />
        <Submit label={t("petitions.import.submit")} />
      </form>
      <section aria-labelledby="import-columns-title">
        <h2 id="import-columns-title">{t("petitions.import.columns")}</h2>
        <p>{t("petitions.import.columnsLead")}</p>
        <ul class="import-columns">
          {PETITION_IMPORT_COLUMNS.map((col) => (
            <li>
              <code>{col}</code>
              {REQUIRED_COLUMNS.includes(col) ? ` (${t("petitions.import.required")})` : null}
              {t("petitions.import.separator")}
              {t(`petitions.import.column.${col}`)}
            </li>
          ))}
        </ul>
        <p>{t("petitions.import.dates")}</p>
        <p>{t("petitions.import.json")}</p>
        <p>
          {t("petitions.import.sample")} <a href="/petitions/import/sample.csv">sample.csv</a> ·{" "}
          <a href="/petitions/import/sample.json">sample.json</a>
        </p>
      </section>
    </>
  );
}

// ── The sample file ───────────────────────────────────────────────────────────────────────────────

type SampleRow = Record<(typeof PETITION_IMPORT_COLUMNS)[number], string>;

/** Two records that import cleanly on the seeded directory (the page test imports them). */
const SAMPLE: SampleRow[] = [
  {
    external_id: "SAMPLE-2026-0001",
    url: "https://join.gov.tw/idea/detail/sample-0001",
    title: "開放戶籍統計資料",
    text: "請以開放資料格式提供去識別化的戶籍統計。",
    proposer: "王小明",
    agencies: "moi",
    endorsements: "5,200",
    endorsements_at: "2026-03-20",
    opens_at: "2026-03-02",
    closes_at: "",
    threshold: "",
    kind: "petition",
  },
  {
    external_id: "SAMPLE-2026-0002",
    url: "",
    title: "電業法施行細則修正草案",
    text: "預告修正電業法施行細則部分條文，歡迎提供意見。",
    proposer: "",
    agencies: "moea",
    endorsements: "",
    endorsements_at: "",
    opens_at: "2026-03-05",
    closes_at: "2026-05-04",
    threshold: "",
    kind: "notice",
  },
];

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The sample as CSV (UTF-8 with a BOM, as spreadsheets want). */
export function sampleCsv(): string {
  const lines = [
    PETITION_IMPORT_COLUMNS.join(","),
    ...SAMPLE.map((r) => PETITION_IMPORT_COLUMNS.map((c) => csvCell(r[c])).join(",")),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** The sample as JSON: the same names in camelCase, agencies as an array, empty fields left out. */
export function sampleJson(): string {
  const camel = (s: string) => s.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
  const petitions = SAMPLE.map((r) =>
    Object.fromEntries(
      PETITION_IMPORT_COLUMNS.filter((c) => r[c] !== "").map((c) => [
        camel(c),
        c === "agencies"
          ? r[c].split(";")
          : c === "endorsements" || c === "threshold"
            ? Number(r[c].replace(/,/g, ""))
            : r[c],
      ]),
    ),
  );
  return `${JSON.stringify({ petitions }, null, 2)}\n`;
}

// ── Routes ────────────────────────────────────────────────────────────────────────────────────────

/** The entry and import pages of petitions (PDIS, admins). Registered before `/petitions/:id`. */
export function petitionEntryPages(app: Hono<AppEnv>, kit: PageKit) {
  const deps: PetitionsDeps = {
    db: kit.deps.database.db,
    clock: kit.deps.clock,
    publicUrl: kit.deps.config.publicUrl,
  };
  const agencies = async () => (await listAgencies(kit.dir, { level: 2 })) as Agency[];

  /** Signed-out visitors sign in first and come back; the signed-in without the role get a 403. */
  const gate = (c: Ctx): Response | Actor => {
    const actor = c.get("actor");
    if (!actor.personId) {
      const here = new URL(c.req.url);
      const path = `${here.pathname}${here.search}`;
      return c.redirect(
        `/sign-in?redirectTo=${encodeURIComponent(isLocalPath(path) ? path : "/petitions")}`,
        303,
      );
    }
    if (!canOnPetition(actor, { do: "manage" })) throw fail.forbidden();
    return actor;
  };
  /** A person who may manage petitions posting a form (401 / 403 otherwise, as the API). */
  const manager = (c: Ctx): Actor => {
    const actor = requirePerson(c);
    if (!canOnPetition(actor, { do: "manage" })) throw fail.forbidden();
    return actor;
  };

  const page = (
    c: Ctx,
    title: string,
    body: Parameters<typeof renderPage>[2],
    status: number,
    path: string,
  ) => {
    c.header("Cache-Control", "no-store");
    return c.html(
      renderPage(
        kit.view(c),
        { title, nav: "petitions", noindex: true, hasError: status >= 400, langPath: path },
        body,
      ),
      status as 200,
    );
  };
  const entryPage = async (c: Ctx, state?: FormState, status = 200) => {
    const v = kit.view(c);
    return page(
      c,
      v.t("petitions.entry.heading"),
      <EntryView v={v} agencies={await agencies()} state={state} />,
      status,
      "/petitions/new",
    );
  };
  const importPage = (c: Ctx, state?: FormState, summary?: PetitionImportSummary, status = 200) => {
    const v = kit.view(c);
    return page(
      c,
      v.t("petitions.import.heading"),
      <ImportView v={v} state={state} summary={summary} />,
      status,
      "/petitions/import",
    );
  };

  app.get("/petitions/new", async (c) => {
    const gated = gate(c);
    if (gated instanceof Response) return gated;
    return entryPage(c);
  });

  app.post("/petitions", async (c) => {
    const actor = manager(c);
    const v = kit.view(c);
    const form = new Validator(v, await readForm(c));
    const values: FormValues = form.values;
    const all = await agencies();
    const kind = form.oneOf("kind", ["petition", "notice"] as const);
    const title = form.required("title", 300);
    const text = form.required("text", 50_000);
    const proposer = form.optional("proposer", 200);
    const externalId = form.optional("externalId", 100);
    const url = form.url("url");
    const chosen = form.someOf(
      "agencies",
      all.map((a) => a.slug),
    );
    const other = slugList(str(values, "agenciesOther"));
    if (other.some((s) => s.length > 100)) form.fail("agenciesOther", "petitions.entry.error.agency");
    if (chosen.length + other.length > 40)
      form.fail("agenciesOther", "petitions.entry.error.tooManyAgencies");
    const has = (name: string) => str(values, name) !== "";
    const endorsements = has("endorsements") ? form.int("endorsements", 0, 100_000_000) : undefined;
    const threshold = has("threshold") ? form.int("threshold", 1, 10_000_000) : undefined;
    const date = (name: string) => {
      const s = str(values, name);
      if (s && !isCalendarDate(s)) form.fail(name, "petitions.entry.error.date");
      return s || undefined;
    };
    const opensOn = date("opensAt");
    const closesOn = date("closesAt");
    // A Taipei day: the window opens at its start and closes at its end, as in an imported file.
    const opensAt = opensOn ? `${opensOn}T00:00:00+08:00` : undefined;
    const closesAt = closesOn ? `${closesOn}T23:59:59.999+08:00` : undefined;
    if (closesAt && new Date(closesAt) <= (opensAt ? new Date(opensAt) : kit.deps.clock.now()))
      form.fail("closesAt", "petitions.entry.error.closesBeforeOpens");
    const seenRaw = str(values, "endorsementsAt");
    const seen = LOCAL_TIME.exec(seenRaw);
    if (seenRaw && !(seen && isCalendarDate(seen[1]!) && Number(seen[2]) < 24 && Number(seen[3]) < 60))
      form.fail("endorsementsAt", "petitions.entry.error.dateTime");
    const endorsementsAt = seen ? `${seen[1]}T${seen[2]}:${seen[3]}:00+08:00` : undefined;
    if (kind === "notice" && has("endorsements"))
      form.fail("endorsements", "petitions.entry.error.noticeEndorsements");
    if (seenRaw && !has("endorsements"))
      form.fail("endorsements", "petitions.entry.error.endorsementsNeeded");
    if (!form.ok) return entryPage(c, form.state(), 400);

    const refs = [...chosen, ...other];
    const result = await attempt(() =>
      createPetition(deps, actor, {
        kind,
        externalId,
        url,
        title,
        text,
        proposer,
        agencies: refs,
        threshold,
        opensAt,
        closesAt,
        endorsements,
        endorsementsAt,
      }),
    );
    if (result.ok) return c.redirect(`/petitions/${result.value.id}?done=created`, 303);
    const error = result.error;
    if (error.def.status === 401 || error.def.status === 403) throw error;
    const agencyAt = error.field ? /^agencies\.(\d+)$/.exec(error.field) : null;
    let state: FormState;
    if (agencyAt) {
      const i = Number(agencyAt[1]);
      state = {
        values,
        errors: {
          [i < chosen.length ? "agencies" : "agenciesOther"]: v.t("petitions.entry.error.noAgency", {
            ref: refs[i] ?? "",
          }),
        },
      };
    } else if (error.field === "externalId" && error.def.status === 409) {
      state = {
        values,
        errors: { externalId: v.t("petitions.entry.error.duplicate", { id: externalId ?? "" }) },
      };
    } else state = errorState(v, error, values);
    return entryPage(c, state, error.def.status === 409 ? 409 : 400);
  });

  app.get("/petitions/import", (c) => {
    const gated = gate(c);
    if (gated instanceof Response) return gated;
    return importPage(c);
  });

  // The sample files are public: they hold nothing but an example.
  app.get("/petitions/import/sample.csv", (c) => {
    c.header("Content-Type", "text/csv; charset=utf-8");
    c.header("Content-Disposition", 'attachment; filename="petitions-sample.csv"');
    return c.body(sampleCsv(), 200);
  });
  app.get("/petitions/import/sample.json", (c) => {
    c.header("Content-Type", "application/json; charset=utf-8");
    c.header("Content-Disposition", 'attachment; filename="petitions-sample.json"');
    return c.body(sampleJson(), 200);
  });

  app.post("/petitions/import", async (c) => {
    const actor = manager(c);
    const v = kit.view(c);
    const body = await c.req.parseBody();
    const file = body["file"];
    const pasted = typeof body["text"] === "string" ? body["text"] : "";
    const values: FormValues = { text: pasted };
    const uploaded = file instanceof File && file.size > 0 ? file : null;
    if (!uploaded && !pasted.trim())
      return importPage(
        c,
        { values, errors: { file: v.t("petitions.import.sourceRequired") } },
        undefined,
        400,
      );
    if (uploaded && pasted.trim())
      return importPage(c, { values, errors: { file: v.t("petitions.import.sourceBoth") } }, undefined, 400);
    const text = uploaded ? await uploaded.text() : pasted;
    const result = await attempt(() => importPetitions(deps, actor, text));
    if (!result.ok) {
      if (result.error.def.status === 401 || result.error.def.status === 403) throw result.error;
      return importPage(c, errorState(v, result.error, values), undefined, 400);
    }
    const summary = result.value;
    // After problems the pasted text stays for correcting; after success the form is empty again.
    return summary.problems.length
      ? importPage(c, { values, errors: {} }, summary, 422)
      : importPage(c, undefined, summary, 200);
  });
}
