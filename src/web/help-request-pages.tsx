import type { Hono } from "hono";
import type { Child } from "hono/jsx";
import { listResources, requirePerson, type Actor, type AppEnv } from "../modules/directory/index.ts";
import {
  actOnHelpRequest,
  askForHelp,
  getClockSettings,
  getHelpRequest,
} from "../modules/help-requests/index.ts";
import { getMatter } from "../modules/matters/index.ts";
import { fail } from "../platform/http/errors.ts";
import { pick } from "../platform/i18n/index.ts";
import {
  Choices,
  Field,
  Form,
  Notice,
  Select,
  Submit,
  TextArea,
  type FormState,
  type Option,
} from "./components.tsx";
import {
  agencyOptions,
  ClockSentences,
  directoryChoices,
  EscalationTrail,
  helpLabelIds,
  loadLabels,
  Moment,
  stepText,
  targetText,
  unitOptions,
  whoName,
  type HelpRequest,
  type Labels,
} from "./coordination-parts.tsx";
import type { PageKit } from "./deps.ts";
import { attempt, errorState, readForm, str, Validator } from "./forms.ts";
import { renderPage } from "./layout.tsx";
import { tx, type Ctx, type View } from "./view.tsx";

const targetKinds = ["unit", "agency-po", "pdis", "partner", "pool"] as const;
type TargetKind = (typeof targetKinds)[number];
const supportKinds = ["authority", "technical", "process", "experience"] as const;

type ClockSetting = Awaited<ReturnType<typeof getClockSettings>>[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The matter a request is asked on: carried from the matter's page through both steps of the form. */
interface MatterContext {
  reference: string;
  title: string;
}

/** The matter named by reference (404 when this person cannot see it). */
async function matterContext(kit: PageKit, actor: Actor, ref: string): Promise<MatterContext> {
  const m = await getMatter(kit.matters, actor, ref);
  return { reference: m.reference, title: m.title };
}

/** "On matter M-2026-0001: title", linking back to the matter. */
function OnMatter(props: { v: View; matter: MatterContext | null }) {
  const { v, matter } = props;
  if (!matter) return null;
  return (
    <p class="notice notice-info">
      {tx(v, "web.help.new.onMatter", {
        matter: <a href={`/matters/${matter.reference}`}>{`${matter.reference} ${matter.title}`}</a>,
      })}
    </p>
  );
}

/** Only people with a network role (or admins) ask for help. */
const mayAsk = (actor: Actor) => actor.isAdmin || actor.grants.length > 0;

/** "1 working day" / "5 working days". */
function workingDays(v: View, n: number): string {
  return v.t(n === 1 ? "web.help.days.one" : "web.help.days.other", { n });
}

/** What a target select offers for one kind of target. */
async function targetOptions(kit: PageKit, v: View, kind: TargetKind): Promise<Option[]> {
  if (kind === "unit") return unitOptions(v, await directoryChoices(kit.dir));
  if (kind === "agency-po") return agencyOptions(v, await directoryChoices(kit.dir));
  if (kind === "pdis") return [];
  const resources = await listResources(kit.dir, kind === "pool" ? { kind: "pool" } : {});
  return resources.map((r) => ({
    value: r.id,
    label: pick(r.name, v.locale),
    group: r.org ? pick(r.org.name, v.locale) : v.t("web.help.new.outsidePools"),
  }));
}

/** Step one: whom to ask (a GET form, so it works without scripts and needs no token). */
function ChooseTargetView(props: { v: View; error?: string; matter: MatterContext | null }) {
  const { v, matter } = props;
  const { t } = v;
  const state: FormState | undefined = props.error
    ? { values: {}, errors: { kind: props.error } }
    : undefined;
  return (
    <>
      <HelpBreadcrumb v={v} />
      <h1>{t("web.help.new.title")}</h1>
      <p class="lead">{t("web.help.new.lead")}</p>
      <OnMatter v={v} matter={matter} />
      <form method="get" action="/help-requests/new" class="stack-form" id="choose-form">
        {matter ? <input type="hidden" name="matter" value={matter.reference} /> : null}
        {props.error ? (
          <div class="error-summary" role="alert" tabindex={-1}>
            <p class="error-summary-title">{t("web.form.problem")}</p>
            <ul>
              <li>
                <a href="#choose-form-kind">{props.error}</a>
              </li>
            </ul>
          </div>
        ) : null}
        <Choices
          v={v}
          form="choose-form"
          name="kind"
          type="radio"
          legend={t("web.help.new.whom")}
          options={targetKinds.map((k) => ({ value: k, label: t(`web.help.kind.${k}`) }))}
          required
          state={state}
        />
        <Submit label={t("web.help.new.continue")} />
      </form>
    </>
  );
}

function HelpBreadcrumb(props: { v: View; current?: string }) {
  const { t } = props.v;
  return (
    <nav aria-label={t("web.help.breadcrumb")} class="breadcrumb">
      <ol>
        <li>
          <a href="/work">{t("web.nav.work")}</a>
        </li>
        <li>
          <span aria-current="page">{props.current ?? t("web.help.new.title")}</span>
        </li>
      </ol>
    </nav>
  );
}

/** Step two: what to ask, and of whom exactly. */
function AskView(props: {
  v: View;
  kind: TargetKind;
  options: Option[];
  clock: ClockSetting | undefined;
  state?: FormState;
  matter: MatterContext | null;
}) {
  const { v, kind, options, clock, matter } = props;
  const { t } = v;
  const form = "help-form";
  const state = props.state;
  return (
    <>
      <HelpBreadcrumb v={v} />
      <h1>{t("web.help.new.title")}</h1>
      <p class="lead">
        {t("web.help.new.asking", { kind: t(`web.help.kindShort.${kind}`) })}{" "}
        <a
          href={
            matter
              ? `/help-requests/new?matter=${encodeURIComponent(matter.reference)}`
              : "/help-requests/new"
          }
        >
          {t("web.help.new.change")}
        </a>
      </p>
      <OnMatter v={v} matter={matter} />
      {clock ? (
        <p>
          {t("web.help.new.clocks", {
            acknowledge: workingDays(v, clock.acknowledgeDays),
            respond: workingDays(v, clock.respondDays),
          })}
        </p>
      ) : null}
      <p class="muted">{t(`web.help.new.chain.${kind}`)}</p>
      <Form
        v={v}
        id={form}
        action="/help-requests"
        state={state}
        labels={{
          target: t(`web.help.new.target.${kind}`),
          supportKind: t("web.help.new.supportKind"),
          title: t("web.help.new.titleLabel"),
          body: t("web.help.new.body"),
          targetKind: t("web.help.new.whom"),
        }}
      >
        <input type="hidden" name="targetKind" value={kind} />
        {matter ? <input type="hidden" name="matterId" value={matter.reference} /> : null}
        {kind === "pdis" ? (
          <Choices
            v={v}
            form={form}
            name="supportKind"
            type="radio"
            legend={t("web.help.new.supportKind")}
            options={supportKinds.map((k) => ({ value: k, label: t(`web.help.supportKindExplained.${k}`) }))}
            required
            state={state}
          />
        ) : (
          <Select
            v={v}
            form={form}
            name="target"
            label={t(`web.help.new.target.${kind}`)}
            hint={kind === "partner" || kind === "pool" ? t("web.help.new.resourceHint") : undefined}
            options={options}
            placeholder={t("web.form.choose")}
            required
            state={state}
          />
        )}
        <Field
          v={v}
          form={form}
          name="title"
          label={t("web.help.new.titleLabel")}
          hint={t("web.help.new.titleHint")}
          maxlength={200}
          required
          state={state}
        />
        <TextArea
          v={v}
          form={form}
          name="body"
          label={t("web.help.new.body")}
          hint={t("web.help.new.bodyHint")}
          rows={6}
          maxlength={20000}
          required
          state={state}
        />
        <Submit label={t("web.help.new.submit")} />
      </Form>
    </>
  );
}

/** Forms of the help-request page re-rendered after a failed submission. */
interface HelpForms {
  acknowledge?: FormState;
  respond?: FormState;
  reopen?: FormState;
  withdraw?: FormState;
}

const doneMessages = ["asked", "acknowledged", "responded", "reopened", "withdrawn"] as const;

/** One history entry as a sentence. */
function historySentence(v: View, r: HelpRequest, h: HelpRequest["history"][number], labels: Labels): Child {
  const { t } = v;
  const who = whoName(v, labels, h.actorId);
  const d = (h.data ?? {}) as Record<string, unknown>;
  const text = (k: string) => (typeof d[k] === "string" ? (d[k] as string) : "");
  switch (h.kind) {
    case "created":
      return t("web.help.history.created", { who, target: targetText(v, labels, r) });
    case "acknowledged":
      return t("web.help.history.acknowledged", { who });
    case "responded":
      return t("web.help.history.responded", { who });
    case "reopened":
      return t("web.help.history.reopened", { who, reason: text("reason") });
    case "withdrawn":
      return text("reason")
        ? t("web.help.history.withdrawnWhy", { who, reason: text("reason") })
        : t("web.help.history.withdrawn", { who });
    case "escalated":
      return t("web.help.history.escalated", {
        target: stepText(v, labels, {
          targetKind: text("targetKind") as HelpRequest["escalations"][number]["targetKind"],
          targetId: text("targetId") || null,
        }),
        clock: t(`web.clock.name.${text("clock") === "respond" ? "respond" : "acknowledge"}`),
      });
    case "chain-exhausted":
      return t("web.help.history.exhausted");
    default:
      return t("web.help.history.other", { who, kind: h.kind });
  }
}

function HelpRequestView(props: {
  v: View;
  r: HelpRequest;
  labels: Labels;
  forms: HelpForms;
  now: Date;
  done: string | undefined;
  matter: MatterContext | null;
}) {
  const { v, r, labels, forms, now } = props;
  const { t } = v;
  const base = `/help-requests/${r.id}`;
  const answeredBy = [...r.history].reverse().find((h) => h.kind === "responded")?.actorId ?? null;
  const anyForm = r.can.acknowledge || r.can.respond || r.can.reopen || r.can.withdraw;
  return (
    <>
      <HelpBreadcrumb v={v} current={r.title} />
      <h1>{r.title}</h1>
      {props.done && (doneMessages as readonly string[]).includes(props.done) ? (
        <Notice>{t(`web.help.done.${props.done}`)}</Notice>
      ) : null}
      <dl class="facts">
        <div>
          <dt>{t("web.help.from")}</dt>
          <dd>{whoName(v, labels, r.requesterId)}</dd>
        </div>
        <div>
          <dt>{t("web.help.toLabel")}</dt>
          <dd>{targetText(v, labels, r)}</dd>
        </div>
        <div>
          <dt>{t("web.help.asked")}</dt>
          <dd>
            <Moment v={v} at={r.createdAt} now={now} />
          </dd>
        </div>
        {props.matter ? (
          <div>
            <dt>{t("web.help.matterLabel")}</dt>
            <dd>
              <a href={`/matters/${props.matter.reference}`}>
                {`${props.matter.reference} ${props.matter.title}`}
              </a>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t("web.help.stateLabel")}</dt>
          <dd>
            <span class={`state state-${r.state}`}>{t(`web.help.state.${r.state}`)}</span>
          </dd>
        </div>
      </dl>
      <p class="notes">{r.body}</p>

      <section aria-labelledby="clocks-title" id="clocks">
        <h2 id="clocks-title">{t("web.help.clocksTitle")}</h2>
        <p class="muted">{t("web.help.clocksIntro")}</p>
        <ClockSentences v={v} r={r} now={now} />
      </section>

      <section aria-labelledby="escalation-title" id="escalation">
        <h2 id="escalation-title">{t("web.help.escalationTitle")}</h2>
        <p class="muted">{t(`web.help.new.chain.${r.target.kind}`)}</p>
        {r.escalations.length ? null : <p class="empty">{t("web.help.noEscalation")}</p>}
        <EscalationTrail v={v} r={r} labels={labels} now={now} />
      </section>

      {r.answer ? (
        <section aria-labelledby="answer-title" id="answer">
          <h2 id="answer-title">
            {r.state === "answered" ? t("web.help.answerTitle") : t("web.help.earlierAnswerTitle")}
          </h2>
          {r.state === "answered" ? (
            <p class="muted">
              {t("web.help.answeredBy", { who: whoName(v, labels, answeredBy) })}{" "}
              {r.answeredAt ? <Moment v={v} at={r.answeredAt} now={now} /> : null}
            </p>
          ) : (
            <p class="muted">{t("web.help.earlierAnswer", { who: whoName(v, labels, answeredBy) })}</p>
          )}
          <blockquote class="notes">{r.answer}</blockquote>
        </section>
      ) : null}

      {anyForm ? (
        <section aria-labelledby="actions-title" id="actions">
          <h2 id="actions-title">{t("web.help.actionsTitle")}</h2>
          {r.can.acknowledge ? (
            <div class="panel">
              <h3>{t("web.help.acknowledge.title")}</h3>
              <p>{t("web.help.acknowledge.intro")}</p>
              <Form v={v} id="acknowledge-form" action={`${base}/acknowledge`} state={forms.acknowledge}>
                <Submit label={t("web.help.acknowledge.submit")} variant="secondary" />
              </Form>
            </div>
          ) : null}
          {r.can.respond ? (
            <div class="panel">
              <h3>{t("web.help.respond.title")}</h3>
              <p>{t("web.help.respond.intro")}</p>
              <Form
                v={v}
                id="respond-form"
                action={`${base}/respond`}
                state={forms.respond}
                labels={{ body: t("web.help.respond.body") }}
              >
                <TextArea
                  v={v}
                  form="respond-form"
                  name="body"
                  label={t("web.help.respond.body")}
                  rows={6}
                  maxlength={20000}
                  required
                  state={forms.respond}
                />
                <Submit label={t("web.help.respond.submit")} />
              </Form>
            </div>
          ) : null}
          {r.can.reopen ? (
            <div class="panel">
              <h3>{t("web.help.reopen.title")}</h3>
              <p>{t("web.help.reopen.intro")}</p>
              <Form
                v={v}
                id="reopen-form"
                action={`${base}/reopen`}
                state={forms.reopen}
                labels={{ reason: t("web.help.reopen.reason") }}
              >
                <TextArea
                  v={v}
                  form="reopen-form"
                  name="reason"
                  label={t("web.help.reopen.reason")}
                  maxlength={5000}
                  required
                  state={forms.reopen}
                />
                <Submit label={t("web.help.reopen.submit")} />
              </Form>
            </div>
          ) : null}
          {r.can.withdraw ? (
            <details class="panel form-panel" open={!!forms.withdraw}>
              <summary>
                <h3>{t("web.help.withdraw.title")}</h3>
              </summary>
              <p>{t("web.help.withdraw.intro")}</p>
              <Form
                v={v}
                id="withdraw-form"
                action={`${base}/withdraw`}
                state={forms.withdraw}
                labels={{ reason: t("web.help.withdraw.reason") }}
              >
                <TextArea
                  v={v}
                  form="withdraw-form"
                  name="reason"
                  label={t("web.help.withdraw.reason")}
                  maxlength={5000}
                  state={forms.withdraw}
                />
                <Submit label={t("web.help.withdraw.submit")} variant="danger" />
              </Form>
            </details>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="history-title" id="history">
        <h2 id="history-title">{t("web.help.historyTitle")}</h2>
        <ol class="activity timeline">
          {r.history.map((h) => (
            <li>
              <span class="activity-text">{historySentence(v, r, h, labels)}</span>{" "}
              <span class="activity-time">
                <Moment v={v} at={h.at} now={now} />
              </span>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/** Help-request pages: ask for help, follow a request, and acknowledge, answer, reopen or withdraw it. */
export function helpRequestPages(app: Hono<AppEnv>, kit: PageKit) {
  const { deps } = kit;

  async function renderNew(
    c: Ctx,
    kind: TargetKind | null,
    opts: { state?: FormState; error?: string; matter?: MatterContext | null } = {},
    status = 200,
  ) {
    const v = kit.view(c);
    const matter = opts.matter ?? null;
    c.header("Cache-Control", "no-store");
    let body: Child;
    if (!kind) body = <ChooseTargetView v={v} error={opts.error} matter={matter} />;
    else {
      const clock = (await getClockSettings(kit.help)).find((s) => s.targetKind === kind);
      let state = opts.state;
      // A target named in the address (e.g. from a unit's page) is chosen already.
      const preset = c.req.query("to");
      if (!state && preset) state = { values: { target: preset }, errors: {} };
      body = (
        <AskView
          v={v}
          kind={kind}
          options={await targetOptions(kit, v, kind)}
          clock={clock}
          state={state}
          matter={matter}
        />
      );
    }
    return c.html(
      renderPage(
        v,
        {
          title: v.t("web.help.new.title"),
          nav: "work",
          // After a POST the language switch goes back to the first step; a GET keeps its address.
          langPath:
            c.req.method === "GET"
              ? undefined
              : matter
                ? `/help-requests/new?matter=${encodeURIComponent(matter.reference)}`
                : "/help-requests/new",
          hasError: status >= 400,
        },
        body,
      ),
      status as 200,
    );
  }

  app.get("/help-requests/new", async (c) => {
    const actor = c.get("actor");
    if (!actor.personId) {
      const here = `/help-requests/new${new URL(c.req.url).search}`;
      return c.redirect(`/sign-in?redirectTo=${encodeURIComponent(here)}`, 303);
    }
    if (!mayAsk(actor)) throw fail.forbidden();
    // Asked from a matter's page: the request belongs to that matter (404 if it cannot be seen).
    const ref = c.req.query("matter");
    const matter = ref ? await matterContext(kit, actor, ref) : null;
    const kind = c.req.query("kind");
    if (kind === undefined) return renderNew(c, null, { matter });
    if (!(targetKinds as readonly string[]).includes(kind)) {
      return renderNew(c, null, { error: kit.view(c).t("web.help.new.whomRequired"), matter }, 400);
    }
    return renderNew(c, kind as TargetKind, { matter });
  });

  app.post("/help-requests", async (c) => {
    const actor = requirePerson(c);
    if (!mayAsk(actor)) throw fail.forbidden();
    const v = kit.view(c);
    const form = new Validator(v, await readForm(c));
    const matterId = str(form.values, "matterId") || undefined;
    // Shown again with the form if it fails; a matter that cannot be seen is refused by askForHelp.
    const found = matterId ? await attempt(() => matterContext(kit, actor, matterId)) : null;
    const matter = found?.ok ? found.value : null;
    const kind = str(form.values, "targetKind");
    if (!(targetKinds as readonly string[]).includes(kind)) {
      return renderNew(c, null, { error: v.t("web.help.new.whomRequired"), matter }, 400);
    }
    const targetKind = kind as TargetKind;
    let supportKind: (typeof supportKinds)[number] | undefined;
    let target: string | null = null;
    if (targetKind === "pdis") supportKind = form.oneOf("supportKind", supportKinds);
    else {
      const options = await targetOptions(kit, v, targetKind);
      target = str(form.values, "target");
      if (!target) form.fail("target", "web.form.required");
      else if (!options.some((o) => o.value === target)) form.fail("target", "web.form.choice");
    }
    const title = form.required("title", 200);
    const body = form.required("body", 20000);
    if (!form.ok) return renderNew(c, targetKind, { state: form.state(), matter }, 400);
    const result = await attempt(() =>
      askForHelp(kit.help, actor, {
        title,
        body,
        target: { kind: targetKind, id: target },
        supportKind,
        matterId,
      }),
    );
    if (!result.ok) {
      const state = errorState(v, result.error, form.values, {
        "target.id": "target",
        "target.kind": "targetKind",
        // The matter is a hidden field: its error goes to the top of the form.
        matterId: "",
      });
      return renderNew(c, targetKind, { state, matter }, result.error.def.status);
    }
    return c.redirect(`/help-requests/${result.value.id}?done=asked`, 303);
  });

  async function render(c: Ctx, id: string, forms: HelpForms = {}, status = 200) {
    const v = kit.view(c);
    if (!UUID.test(id)) throw fail.notFound();
    const r = await getHelpRequest(kit.help, v.actor, id);
    const labels = await loadLabels(deps.database.db, helpLabelIds([r]));
    // The matter it was asked on, when this person can see that matter.
    const found = r.matterId ? await attempt(() => matterContext(kit, v.actor, r.matterId!)) : null;
    c.header("Cache-Control", "no-store");
    return c.html(
      renderPage(
        v,
        { title: r.title, nav: "work", langPath: `/help-requests/${r.id}`, hasError: status >= 400 },
        <HelpRequestView
          v={v}
          r={r}
          labels={labels}
          forms={forms}
          now={deps.clock.now()}
          done={status === 200 ? c.req.query("done") : undefined}
          matter={found?.ok ? found.value : null}
        />,
      ),
      status as 200,
    );
  }

  app.get("/help-requests/:id", async (c) => {
    const id = c.req.param("id");
    if (!c.get("actor").personId) {
      return c.redirect(
        `/sign-in?redirectTo=${encodeURIComponent(`/help-requests/${encodeURIComponent(id)}`)}`,
        303,
      );
    }
    return render(c, id);
  });

  const actions = ["acknowledge", "respond", "reopen", "withdraw"] as const;
  const doneOf = {
    acknowledge: "acknowledged",
    respond: "responded",
    reopen: "reopened",
    withdraw: "withdrawn",
  };
  for (const action of actions) {
    app.post(`/help-requests/:id/${action}`, async (c) => {
      const actor = requirePerson(c);
      const id = c.req.param("id");
      if (!UUID.test(id)) throw fail.notFound();
      const v = kit.view(c);
      const form = new Validator(v, await readForm(c));
      let input: Parameters<typeof actOnHelpRequest>[3];
      if (action === "respond") input = { do: "respond", body: form.required("body", 20000) };
      else if (action === "reopen") input = { do: "reopen", reason: form.required("reason", 5000) };
      else if (action === "withdraw") input = { do: "withdraw", reason: form.optional("reason", 5000) };
      else input = { do: "acknowledge" };
      if (!form.ok) return render(c, id, { [action]: form.state() }, 400);
      const result = await attempt(() => actOnHelpRequest(kit.help, actor, id, input));
      if (!result.ok) {
        return render(c, id, { [action]: errorState(v, result.error, form.values) }, result.error.def.status);
      }
      return c.redirect(`/help-requests/${id}?done=${doneOf[action]}`, 303);
    });
  }
}
