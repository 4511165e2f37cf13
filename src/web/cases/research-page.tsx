// The organisers' research page of a case (/cases/{number}/research): the challenge statement and its
// wordings, the issue analysis table, the stakeholder map (with contacts, internal), the interview log
// and the mind map — each entry editable and removable, each artefact with a form to add to it. The
// same use cases as /api/v1/cases/{number}/research; working material, so organisers only.
import type { Hono } from "hono";
import type { Child } from "hono/jsx";
import { isCalendarDate } from "../../platform/http/dates.ts";
import { fail, type AppError } from "../../platform/http/errors.ts";
import type { Actor, AppEnv } from "../../modules/directory/index.ts";
import {
  addResearchEntry,
  claimKinds,
  getResearch,
  influenceLevels,
  removeResearchEntry,
  setChallengeStatement,
  stakeholderKinds,
  updateResearchEntry,
  type CasesDeps,
  type ResearchKind,
} from "../../modules/cases/index.ts";
import {
  ActionButton,
  Choices,
  Field,
  Form,
  Notice,
  Select,
  Submit,
  TextArea,
  type FormState,
} from "../components.tsx";
import { attempt, errorState, list, readForm, str, Validator, type FormValues } from "../forms.ts";
import type { PageKit } from "../deps.ts";
import { renderPage } from "../layout.tsx";
import { Time, type Ctx, type View } from "../view.tsx";

type Research = Awaited<ReturnType<typeof getResearch>>;
type States = Record<string, FormState>;
type Node = Research["mindMap"][number];

const kinds = [
  "analysis",
  "stakeholders",
  "interviews",
  "mind-map",
] as const satisfies readonly ResearchKind[];
const doneKeys = ["challenge", "added", "saved", "removed"] as const;

/** The mind map's nodes in outline order, with their depth (for the parent choice and the list). */
function flatten(nodes: Node[], depth = 0): Array<{ node: Node; depth: number }> {
  return nodes.flatMap((n) => [{ node: n, depth }, ...flatten(n.children, depth + 1)]);
}

/** A research entry's form: the fields of its kind, filled from the entry or the failed submission. */
function EntryFields(props: {
  v: View;
  r: Research;
  kind: ResearchKind;
  form: string;
  state?: FormState;
  editing?: string;
}) {
  const { v, r, kind, form, state } = props;
  const { t } = v;
  const f = (name: string) => t(`cases.research.field.${name}`);
  switch (kind) {
    case "analysis":
      return (
        <>
          <Select
            v={v}
            form={form}
            name="kind"
            label={f("claimKind")}
            required
            state={state}
            options={claimKinds.map((k) => ({ value: k, label: t(`cases.claimKind.${k}`) }))}
          />
          <TextArea
            v={v}
            form={form}
            name="claim"
            label={f("claim")}
            required
            state={state}
            maxlength={2000}
          />
          <Field v={v} form={form} name="aspect" label={f("aspect")} state={state} maxlength={200} />
          {r.stakeholders.length ? (
            <Choices
              v={v}
              form={form}
              name="stakeholderIds"
              type="checkbox"
              legend={f("stakeholderIds")}
              state={state}
              options={r.stakeholders.map((s) => ({ value: s.id, label: s.name }))}
            />
          ) : null}
          <Field v={v} form={form} name="stakeholders" label={f("stakeholders")} state={state} />
          <TextArea v={v} form={form} name="currentResponse" label={f("currentResponse")} state={state} />
          <TextArea v={v} form={form} name="possibleResponse" label={f("possibleResponse")} state={state} />
          <TextArea
            v={v}
            form={form}
            name="evidence"
            label={f("evidence")}
            hint={f("evidenceHint")}
            state={state}
          />
          <Field
            v={v}
            form={form}
            name="position"
            type="number"
            label={f("position")}
            min={1}
            state={state}
          />
        </>
      );
    case "stakeholders":
      return (
        <>
          <Field v={v} form={form} name="name" label={f("name")} required state={state} maxlength={200} />
          <Select
            v={v}
            form={form}
            name="kind"
            label={f("stakeholderKind")}
            required
            state={state}
            options={stakeholderKinds.map((k) => ({ value: k, label: t(`cases.stakeholderKind.${k}`) }))}
          />
          <TextArea v={v} form={form} name="interest" label={f("interest")} state={state} />
          <Select
            v={v}
            form={form}
            name="influence"
            label={f("influence")}
            placeholder=""
            state={state}
            options={influenceLevels.map((k) => ({ value: k, label: t(`cases.influence.${k}`) }))}
          />
          <Field
            v={v}
            form={form}
            name="contact"
            label={f("contact")}
            hint={f("contactHint")}
            state={state}
          />
          <Field
            v={v}
            form={form}
            name="position"
            type="number"
            label={f("position")}
            min={1}
            state={state}
          />
        </>
      );
    case "interviews":
      return (
        <>
          <Field v={v} form={form} name="heldOn" type="date" label={f("heldOn")} state={state} />
          <Field
            v={v}
            form={form}
            name="interviewee"
            label={f("interviewee")}
            required
            state={state}
            maxlength={200}
          />
          <Field
            v={v}
            form={form}
            name="interviewer"
            label={f("interviewer")}
            state={state}
            maxlength={200}
          />
          <TextArea v={v} form={form} name="summary" label={f("summary")} rows={5} state={state} />
          <Choices
            v={v}
            form={form}
            name="consentToPublish"
            type="checkbox"
            legend={f("consentLegend")}
            state={state}
            options={[{ value: "yes", label: f("consentToPublish") }]}
          />
          <Field
            v={v}
            form={form}
            name="position"
            type="number"
            label={f("position")}
            min={1}
            state={state}
          />
        </>
      );
    case "mind-map": {
      const below = new Set<string>();
      if (props.editing) {
        const self = flatten(r.mindMap).find((x) => x.node.id === props.editing);
        if (self) for (const x of flatten([self.node])) below.add(x.node.id);
      }
      return (
        <>
          <Field v={v} form={form} name="label" label={f("label")} required state={state} maxlength={500} />
          <Select
            v={v}
            form={form}
            name="parentId"
            label={f("parent")}
            placeholder={f("top")}
            state={state}
            options={flatten(r.mindMap)
              .filter((x) => !below.has(x.node.id))
              .map((x) => ({ value: x.node.id, label: `${"— ".repeat(x.depth)}${x.node.label}` }))}
          />
          <Field
            v={v}
            form={form}
            name="position"
            type="number"
            label={f("position")}
            min={1}
            state={state}
          />
        </>
      );
    }
  }
}

/** The values an entry's edit form starts from. */
function valuesOf(kind: ResearchKind, e: Record<string, unknown>, parentId?: string | null): FormValues {
  const out: FormValues = {};
  for (const [k, val] of Object.entries(e)) {
    if (typeof val === "string") out[k] = val;
    else if (typeof val === "number") out[k] = String(val);
    else if (Array.isArray(val)) out[k] = val.filter((x): x is string => typeof x === "string");
  }
  if (kind === "interviews") out.consentToPublish = e.consentToPublish ? ["yes"] : [];
  if (kind === "mind-map") out.parentId = parentId ?? "";
  return out;
}

function EntryActions(props: {
  v: View;
  r: Research;
  kind: ResearchKind;
  id: string;
  name: string;
  values: FormValues;
  states: States;
}) {
  const { v, kind, id } = props;
  const base = `/cases/${props.r.number}/research/${kind}/${id}`;
  const form = `research-edit-${id}`;
  const failed = props.states[`edit-${id}`];
  return (
    <div class="entry-actions">
      <details class="form-panel" open={!!failed}>
        <summary>{v.t("cases.research.edit", { name: props.name })}</summary>
        <Form v={v} id={form} action={base} state={failed ?? { values: props.values, errors: {} }}>
          <EntryFields
            v={v}
            r={props.r}
            kind={kind}
            form={form}
            state={failed ?? { values: props.values, errors: {} }}
            editing={id}
          />
          <Submit label={v.t("cases.research.save")} variant="secondary" />
        </Form>
      </details>
      <ActionButton
        v={v}
        action={`${base}/remove#research-${kind}`}
        label={v.t("cases.manage.remove")}
        ariaLabel={v.t("cases.research.removeOf", { name: props.name })}
        variant="danger"
      />
    </div>
  );
}

function MindMapList(props: { v: View; r: Research; nodes: Node[]; parent: string | null; states: States }) {
  return (
    <ul>
      {props.nodes.map((node) => (
        <li>
          {node.label}
          <EntryActions
            v={props.v}
            r={props.r}
            kind="mind-map"
            id={node.id}
            name={node.label}
            values={valuesOf("mind-map", node, props.parent)}
            states={props.states}
          />
          {node.children.length ? (
            <MindMapList
              v={props.v}
              r={props.r}
              nodes={node.children}
              parent={node.id}
              states={props.states}
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function ResearchView(props: { v: View; r: Research; title: string; states: States; done?: string }) {
  const { v, r, states } = props;
  const { t } = v;
  const base = `/cases/${r.number}/research`;
  const tree = flatten(r.mindMap);
  const addForm = (kind: ResearchKind) => {
    const id = `research-add-${kind}`;
    return (
      <details class="panel form-panel" open={!!states[`add-${kind}`]}>
        <summary>{t(`cases.research.add.${kind}`)}</summary>
        <Form v={v} id={id} action={`${base}/${kind}`} state={states[`add-${kind}`]}>
          <EntryFields v={v} r={r} kind={kind} form={id} state={states[`add-${kind}`]} />
          <Submit label={t(`cases.research.add.${kind}`)} />
        </Form>
      </details>
    );
  };
  /** One artefact's section: its entries (or a line saying there are none) and the form to add one. */
  const section = (kind: ResearchKind, title: string, empty: string, body: Child | null) => (
    <section aria-labelledby={`research-${kind}-title`} id={`research-${kind}`}>
      <h2 id={`research-${kind}-title`}>{title}</h2>
      {body ?? <p class="empty">{empty}</p>}
      {addForm(kind)}
    </section>
  );
  /** A list of entries, each with its edit and remove actions; null when there are none. */
  const entries = <T extends { id: string }>(
    kind: ResearchKind,
    items: T[],
    name: (x: T) => string,
    show: (x: T) => Child,
  ) =>
    items.length ? (
      <ol>
        {items.map((x) => (
          <li>
            {show(x)}
            <EntryActions
              v={v}
              r={r}
              kind={kind}
              id={x.id}
              name={name(x)}
              values={valuesOf(kind, x)}
              states={states}
            />
          </li>
        ))}
      </ol>
    ) : null;
  return (
    <>
      <p class="transcript-meta">
        <a href={`/cases/${r.number}`}>
          {t("cases.case.number", { number: r.number })} · {props.title}
        </a>
      </p>
      <h1>{t("cases.research.title")}</h1>
      {props.done && (doneKeys as readonly string[]).includes(props.done) ? (
        <Notice>{t(`cases.research.done.${props.done}`)}</Notice>
      ) : null}
      <p class="notice notice-info">{t("cases.research.lead")}</p>
      <p class="notice notice-info">{t("cases.handbook.coEdited")}</p>
      <p>
        <a href={r.handbook.url}>
          {r.handbook.publishedAt ? t("cases.handbook.link") : t("cases.handbook.previewLink")}
        </a>
      </p>

      <section aria-labelledby="research-challenge-title" id="research-challenge">
        <h2 id="research-challenge-title">{t("cases.handbook.challengeTitle")}</h2>
        {r.challenge ? (
          <p class="lead">{r.challenge.text}</p>
        ) : (
          <p class="empty">{t("cases.handbook.noChallenge")}</p>
        )}
        <Form
          v={v}
          id="research-challenge-form"
          action={`${base}/challenge`}
          state={states.challenge ?? { values: { text: r.challenge?.text ?? "" }, errors: {} }}
        >
          <TextArea
            v={v}
            form="research-challenge-form"
            name="text"
            label={t("cases.research.challengeLabel")}
            hint={t("cases.research.challengeHint")}
            required
            maxlength={2000}
            state={states.challenge ?? { values: { text: r.challenge?.text ?? "" }, errors: {} }}
          />
          <Submit label={t("cases.research.saveChallenge")} />
        </Form>
        {r.challengeHistory.length > 1 ? (
          <details>
            <summary>{t("cases.research.history", { count: r.challengeHistory.length })}</summary>
            <ol>
              {r.challengeHistory.map((h) => (
                <li>
                  <Time v={v} at={h.at} /> {h.author?.name ? `· ${h.author.name}` : null}
                  <p>{h.text}</p>
                </li>
              ))}
            </ol>
          </details>
        ) : null}
      </section>

      {section(
        "analysis",
        t("cases.handbook.analysisTitle"),
        t("cases.handbook.noAnalysis"),
        entries(
          "analysis",
          r.analysis,
          (a) => a.claim,
          (a) => (
            <>
              <span class="tag">{t(`cases.claimKind.${a.kind}`)}</span> {a.claim}
              {a.aspect ? ` · ${a.aspect}` : null}
            </>
          ),
        ),
      )}
      {section(
        "stakeholders",
        t("cases.handbook.stakeholdersTitle"),
        t("cases.handbook.noStakeholders"),
        entries(
          "stakeholders",
          r.stakeholders,
          (s) => s.name,
          (s) => (
            <>
              <strong>{s.name}</strong> · {t(`cases.stakeholderKind.${s.kind}`)}
              {s.influence
                ? ` · ${t("cases.handbook.influence")}：${t(`cases.influence.${s.influence}`)}`
                : null}
              {s.contact ? (
                <p>
                  <span class="tag">{t("cases.research.internal")}</span> {s.contact}
                </p>
              ) : null}
            </>
          ),
        ),
      )}
      {section(
        "interviews",
        t("cases.handbook.interviewsTitle"),
        t("cases.research.noInterviews"),
        entries(
          "interviews",
          r.interviews,
          (i) => i.interviewee,
          (i) => (
            <>
              <strong>{i.interviewee}</strong>
              {i.heldOn ? ` · ${i.heldOn}` : null}{" "}
              <span class="tag">
                {i.consentToPublish ? t("cases.research.public") : t("cases.research.internal")}
              </span>
            </>
          ),
        ),
      )}
      {section(
        "mind-map",
        t("cases.handbook.mindMapTitle"),
        t("cases.handbook.noMindMap"),
        tree.length ? <MindMapList v={v} r={r} nodes={r.mindMap} parent={null} states={states} /> : null,
      )}
    </>
  );
}

/** Reads an entry's form into the use case's input, with the reader's-language errors. */
function readEntry(form: Validator, kind: ResearchKind): Record<string, unknown> {
  const text = (name: string, max: number) => form.optional(name, max) ?? "";
  const position = str(form.values, "position") ? form.int("position", 1, 100_000) : undefined;
  switch (kind) {
    case "analysis":
      return {
        kind: form.oneOf("kind", claimKinds),
        claim: form.required("claim", 2000),
        aspect: text("aspect", 200),
        stakeholders: text("stakeholders", 2000),
        stakeholderIds: list(form.values, "stakeholderIds"),
        currentResponse: text("currentResponse", 5000),
        possibleResponse: text("possibleResponse", 5000),
        evidence: text("evidence", 5000),
        position,
      };
    case "stakeholders": {
      const influence = str(form.values, "influence");
      return {
        name: form.required("name", 200),
        kind: form.oneOf("kind", stakeholderKinds),
        interest: text("interest", 2000),
        influence: influence ? form.oneOf("influence", influenceLevels) : null,
        contact: text("contact", 1000),
        position,
      };
    }
    case "interviews": {
      const heldOn = str(form.values, "heldOn");
      if (heldOn && !isCalendarDate(heldOn)) form.fail("heldOn", "cases.manage.badDate");
      return {
        heldOn: heldOn || null,
        interviewee: form.required("interviewee", 200),
        interviewer: text("interviewer", 200),
        summary: text("summary", 20000),
        consentToPublish: list(form.values, "consentToPublish").includes("yes"),
        position,
      };
    }
    case "mind-map":
      return { label: form.required("label", 500), parentId: str(form.values, "parentId") || null, position };
  }
}

/** The research page and its forms. */
export function researchPages(app: Hono<AppEnv>, kit: PageKit, deps: CasesDeps) {
  const numberOf = (c: Ctx) => {
    const raw = c.req.param("number") ?? "";
    if (!/^\d{1,9}$/.test(raw)) throw fail.notFound();
    return raw;
  };
  const kindOf = (c: Ctx): ResearchKind => {
    const k = c.req.param("kind") ?? "";
    if (!(kinds as readonly string[]).includes(k)) throw fail.notFound();
    return k as ResearchKind;
  };
  const idOf = (c: Ctx) => {
    const id = c.req.param("id") ?? "";
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw fail.notFound();
    return id;
  };
  function actorOf(c: Ctx, number: string): Actor | Response {
    const v = kit.view(c);
    if (!v.actor.personId)
      return c.redirect(`/sign-in?redirectTo=${encodeURIComponent(`/cases/${number}/research`)}`, 303);
    return v.actor;
  }

  async function render(
    c: Ctx,
    number: string,
    states: States = {},
    status: 200 | 400 | 403 | 404 | 409 = 200,
  ) {
    const v = kit.view(c);
    const r = await getResearch(deps, v.actor, number);
    const title = r.title;
    // Working material (contacts, interviews): never kept by a shared cache.
    c.header("Cache-Control", "no-store");
    return c.html(
      renderPage(
        v,
        {
          title: `${v.t("cases.research.title")} · ${v.t("cases.case.number", { number: r.number })}`,
          nav: "cases",
          noindex: true,
          langPath: `/cases/${r.number}/research`,
          hasError: status !== 200,
        },
        <ResearchView
          v={v}
          r={r}
          title={title}
          states={states}
          done={status === 200 ? c.req.query("done") : undefined}
        />,
      ),
      status,
    );
  }
  const back = (c: Ctx, number: string, done: string, anchor: string) =>
    c.redirect(`/cases/${number}/research?done=${done}#${anchor}`, 303);
  const refused = (c: Ctx, number: string, key: string, err: AppError, values: FormValues) =>
    render(c, number, { [key]: errorState(kit.view(c), err, values) }, err.def.status as 400 | 403 | 409);

  app.get("/cases/:number/research", async (c) => {
    const number = numberOf(c);
    const actor = actorOf(c, number);
    if (actor instanceof Response) return actor;
    return render(c, number);
  });

  app.post("/cases/:number/research/challenge", async (c) => {
    const number = numberOf(c);
    const actor = actorOf(c, number);
    if (actor instanceof Response) return actor;
    const form = new Validator(kit.view(c), await readForm(c));
    const text = form.required("text", 2000);
    if (!form.ok) return render(c, number, { challenge: form.state() }, 400);
    const result = await attempt(() => setChallengeStatement(deps, actor, number, { text }));
    if (!result.ok) return refused(c, number, "challenge", result.error, form.values);
    return back(c, number, "challenge", "research-challenge");
  });

  app.post("/cases/:number/research/:kind", async (c) => {
    const number = numberOf(c);
    const kind = kindOf(c);
    const actor = actorOf(c, number);
    if (actor instanceof Response) return actor;
    const form = new Validator(kit.view(c), await readForm(c));
    const input = readEntry(form, kind);
    if (!form.ok) return render(c, number, { [`add-${kind}`]: form.state() }, 400);
    const result = await attempt(() => addResearchEntry(deps, actor, number, kind, input));
    if (!result.ok) return refused(c, number, `add-${kind}`, result.error, form.values);
    return back(c, number, "added", `research-${kind}`);
  });

  app.post("/cases/:number/research/:kind/:id", async (c) => {
    const number = numberOf(c);
    const kind = kindOf(c);
    const id = idOf(c);
    const actor = actorOf(c, number);
    if (actor instanceof Response) return actor;
    const form = new Validator(kit.view(c), await readForm(c));
    const input = readEntry(form, kind);
    if (!form.ok) return render(c, number, { [`edit-${id}`]: form.state() }, 400);
    const result = await attempt(() => updateResearchEntry(deps, actor, number, kind, id, input));
    if (!result.ok) return refused(c, number, `edit-${id}`, result.error, form.values);
    return back(c, number, "saved", `research-${kind}`);
  });

  app.post("/cases/:number/research/:kind/:id/remove", async (c) => {
    const number = numberOf(c);
    const kind = kindOf(c);
    const id = idOf(c);
    const actor = actorOf(c, number);
    if (actor instanceof Response) return actor;
    const result = await attempt(() => removeResearchEntry(deps, actor, number, kind, id));
    if (!result.ok) return refused(c, number, `add-${kind}`, result.error, {});
    return back(c, number, "removed", `research-${kind}`);
  });
}
