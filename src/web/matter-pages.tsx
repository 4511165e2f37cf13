import type { Hono } from "hono";
import type { Child } from "hono/jsx";
import { findPersonByEmail, requirePerson, type Actor, type AppEnv } from "../modules/directory/index.ts";
import {
  addMember,
  canOnMatter,
  closeMatter,
  contestRefusal,
  createMatter,
  decideRefusal,
  fileRefusal,
  getMatter,
  removeMember,
  reopenMatter,
  setOwners,
  type MatterAccess,
} from "../modules/matters/index.ts";
import { listHelpRequests } from "../modules/help-requests/index.ts";
import { AppError, fail } from "../platform/http/errors.ts";
import { pick } from "../platform/i18n/index.ts";
import {
  ActionButton,
  Alert,
  Choices,
  Field,
  Form,
  Notice,
  Select,
  Submit,
  TextArea,
  type FormState,
} from "./components.tsx";
import {
  agencyOptions,
  directoryChoices,
  helpLabelIds,
  HelpRequestItem,
  joinNames,
  loadLabels,
  Moment,
  slugOf,
  unitOptions,
  type DirectoryChoices,
  type HelpItem,
  type Labels,
} from "./coordination-parts.tsx";
import type { PageKit } from "./deps.ts";
import { attempt, errorState, readForm, str, Validator, type FormValues } from "./forms.ts";
import { renderPage } from "./layout.tsx";
import { isLocalPath, personName, Time, tx, type Ctx, type View } from "./view.tsx";

type Matter = Awaited<ReturnType<typeof getMatter>>;
type Refusal = Matter["refusals"][number];
type HistoryEntry = Matter["history"][number];
type OrgRef = { slug: string; name: { "zh-TW": string; en: string } };

/** Empty select slots shown for owning units and named agencies (more appear as they fill up). */
const UNIT_SLOTS = 4;
const AGENCY_SLOTS = 3;
const MAX_SLOTS = 50;
/** How many of a matter's help requests its page lists (newest first). */
const HELP_LIMIT = 50;

const refusalLevels = ["po", "pdis", "minister-office"] as const;
const nextLevel: Record<string, string | null> = {
  po: "pdis",
  pdis: "minister-office",
  "minister-office": null,
};

/** Forms of the matter page re-rendered after a failed submission. */
interface MatterForms {
  owners?: FormState;
  refusal?: FormState;
  decide?: { id: string; state: FormState };
  contest?: { id: string; state: FormState };
  member?: FormState;
  close?: FormState;
  reopen?: FormState;
  /** A failed one-button action (removing a member). */
  alert?: string;
}

const doneMessages = [
  "created",
  "owners",
  "refusal",
  "decided",
  "contested",
  "member-added",
  "member-removed",
  "closed",
  "reopened",
  "from-warning",
] as const;

/** What the policy looks at, from the matter as presented. */
function accessOf(m: Matter): MatterAccess {
  return {
    visibility: m.visibility,
    state: m.state,
    agencyIds: m.agencies.map((a) => a.id),
    memberIds: (m.workingGroup ?? []).filter((x) => !x.removedAt).map((x) => x.person.id),
  };
}

/** The owner units this actor may refuse for: those they speak for, with no refusal under way. */
function refusableUnits(actor: Actor, m: Matter) {
  return m.owners.filter(
    (o) =>
      !!o.agencyId &&
      canOnMatter(actor, { do: "speak-for-unit", unit: { unitId: o.id, agencyId: o.agencyId } }) &&
      !m.refusals.some((r) => r.unit.id === o.id && r.state !== "accepted"),
  );
}

function OrgRefLink(props: { v: View; org: OrgRef }) {
  return <a href={`/agencies/${props.org.slug}`}>{pick(props.org.name, props.v.locale)}</a>;
}

/** A list of org links joined in the reader's language. */
function orgLinks(v: View, orgs: OrgRef[]): Child[] {
  const out: Child[] = [];
  orgs.forEach((o, i) => {
    if (i) out.push(v.t("web.common.listSeparator"));
    out.push(<OrgRefLink v={v} org={o} />);
  });
  return out;
}

/** The triage in plain sentences: the rule's reason (the module's words), then who does what. */
export function TriageExplained(props: { v: View; m: Matter }) {
  const { v, m } = props;
  const { t } = v;
  const byRole = (role: "lead" | "co" | "related") => m.agencies.filter((a) => a.role === role);
  const lead = byRole("lead")[0];
  let who: Child;
  if (m.triage.route === "unit" && m.owners[0]) {
    who = (
      <p>
        {tx(v, "web.matter.triage.unit", {
          unit: <OrgRefLink v={v} org={m.owners[0]} />,
          agency: lead ? <OrgRefLink v={v} org={lead} /> : t("web.coordination.unknownOrg"),
        })}
      </p>
    );
  } else if (m.triage.route === "po") {
    who = (
      <p>
        {lead
          ? tx(v, "web.matter.triage.po", { agency: <OrgRefLink v={v} org={lead} /> })
          : t("web.matter.triage.nobody")}
      </p>
    );
  } else {
    const co = byRole("co");
    const related = byRole("related");
    who = (
      <>
        <p>
          {lead
            ? tx(v, "web.matter.triage.cross", { lead: <OrgRefLink v={v} org={lead} /> })
            : t("web.matter.triage.nobody")}
        </p>
        {co.length ? <p>{tx(v, "web.matter.triage.co", { agencies: orgLinks(v, co) })}</p> : null}
        {related.length ? (
          <p>{tx(v, "web.matter.triage.related", { agencies: orgLinks(v, related) })}</p>
        ) : null}
        <p>{t("web.matter.triage.eachPo")}</p>
      </>
    );
  }
  return (
    <div class="triage">
      <p class="triage-reason">
        <strong>{t(`matters.triage.${m.triage.reason}`)}</strong>
      </p>
      {who}
    </div>
  );
}

/** Field names of the numbered selects of one kind ("ownerUnit.1", …), in order. */
function slotNames(values: FormValues | undefined, prefix: string): string[] {
  return Object.keys(values ?? {})
    .filter((k) => k.startsWith(`${prefix}.`) && /^\d+$/.test(k.slice(prefix.length + 1)))
    .sort((a, b) => Number(a.slice(prefix.length + 1)) - Number(b.slice(prefix.length + 1)));
}

/** How many selects to show: at least the minimum, and one empty beyond the filled ones. */
function slotCount(values: FormValues | undefined, prefix: string, min: number): number {
  const filled = slotNames(values, prefix).filter((k) => str(values ?? {}, k)).length;
  return Math.min(MAX_SLOTS, Math.max(min, filled + 1));
}

/** Form values of the stored ownership, so the change form starts from what is there. */
function ownershipValues(m: Matter, choices: DirectoryChoices): FormValues {
  const values: FormValues = {};
  m.owners.forEach((o, i) => (values[`ownerUnit.${i + 1}`] = o.slug));
  m.agencies.filter((a) => a.named).forEach((a, i) => (values[`agency.${i + 1}`] = a.slug));
  const lead = m.agencies.find((a) => a.role === "lead");
  if (m.triage.route === "cross-agency" && lead) values.leadAgency = slugOf(choices, lead.id);
  return values;
}

/** Labels of the ownership fields, for the error summary. */
function ownershipLabels(v: View, state: FormState | undefined): Record<string, string> {
  const labels: Record<string, string> = { leadAgency: v.t("web.matter.form.lead") };
  for (let i = 1; i <= slotCount(state?.values, "ownerUnit", UNIT_SLOTS); i++)
    labels[`ownerUnit.${i}`] = v.t("web.matter.form.ownerUnitN", { n: i });
  for (let i = 1; i <= slotCount(state?.values, "agency", AGENCY_SLOTS); i++)
    labels[`agency.${i}`] = v.t("web.matter.form.agencyN", { n: i });
  return labels;
}

/** Owning units, named agencies and the lead agency, each picked from the directory. */
function OwnershipFields(props: { v: View; form: string; state: FormState; choices: DirectoryChoices }) {
  const { v, form, state, choices } = props;
  const { t } = v;
  const units = unitOptions(v, choices);
  const agencies = agencyOptions(v, choices);
  const unitSlots = slotCount(state.values, "ownerUnit", UNIT_SLOTS);
  const agencySlots = slotCount(state.values, "agency", AGENCY_SLOTS);
  const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  return (
    <>
      <fieldset class="field-group">
        <legend>{t("web.matter.form.ownersLegend")}</legend>
        <p class="hint">{t("web.matter.form.ownersHint")}</p>
        {range(unitSlots).map((i) => (
          <Select
            v={v}
            form={form}
            name={`ownerUnit.${i}`}
            label={t("web.matter.form.ownerUnitN", { n: i })}
            options={units}
            placeholder={t("web.matter.form.noUnit")}
            state={state}
          />
        ))}
      </fieldset>
      <fieldset class="field-group">
        <legend>{t("web.matter.form.agenciesLegend")}</legend>
        <p class="hint">{t("web.matter.form.agenciesHint")}</p>
        {range(agencySlots).map((i) => (
          <Select
            v={v}
            form={form}
            name={`agency.${i}`}
            label={t("web.matter.form.agencyN", { n: i })}
            options={agencies}
            placeholder={t("web.matter.form.noAgency")}
            state={state}
          />
        ))}
        <Select
          v={v}
          form={form}
          name="leadAgency"
          label={t("web.matter.form.lead")}
          hint={t("web.matter.form.leadHint")}
          options={agencies}
          placeholder={t("web.matter.form.leadByRule")}
          state={state}
        />
      </fieldset>
    </>
  );
}

/** Reads the ownership selects; every value must come from the directory. */
function readOwnership(form: Validator, choices: DirectoryChoices) {
  const unitSlugs = new Set(choices.units.map((u) => u.slug));
  const agencySlugs = new Set(choices.agencies.map((a) => a.slug));
  const pickAll = (prefix: string, allowed: Set<string>) => {
    const out: string[] = [];
    for (const name of slotNames(form.values, prefix)) {
      const s = str(form.values, name);
      if (!s) continue;
      if (!allowed.has(s)) form.fail(name, "web.form.choice");
      else if (!out.includes(s)) out.push(s);
    }
    return out;
  };
  const ownerUnitIds = pickAll("ownerUnit", unitSlugs);
  const agencyIds = pickAll("agency", agencySlugs);
  const lead = str(form.values, "leadAgency");
  if (lead && !agencySlugs.has(lead)) form.fail("leadAgency", "web.form.choice");
  return { ownerUnitIds, agencyIds, leadAgencyId: lead || undefined };
}

/** Where a use case's ownership errors go in the form. */
const ownershipFieldMap = { ownerUnitIds: "ownerUnit.1", agencyIds: "agency.1", leadAgencyId: "leadAgency" };

function NewMatterView(props: { v: View; choices: DirectoryChoices; state?: FormState }) {
  const { v, choices } = props;
  const { t } = v;
  const form = "matter-form";
  const state = props.state ?? { values: { visibility: "network" }, errors: {} };
  return (
    <>
      <nav aria-label={t("web.matter.breadcrumb")} class="breadcrumb">
        <ol>
          <li>
            <a href="/work">{t("web.nav.work")}</a>
          </li>
          <li>
            <span aria-current="page">{t("web.matter.new.title")}</span>
          </li>
        </ol>
      </nav>
      <h1>{t("web.matter.new.title")}</h1>
      <p class="lead">{t("web.matter.new.lead")}</p>
      <ul class="rule-list">
        <li>{t("web.matter.new.ruleUnit")}</li>
        <li>{t("web.matter.new.rulePo")}</li>
        <li>{t("web.matter.new.ruleCross")}</li>
      </ul>
      <Form
        v={v}
        id={form}
        action="/matters"
        state={props.state}
        labels={{
          title: t("web.matter.form.title"),
          description: t("web.matter.form.description"),
          visibility: t("web.matter.form.visibility"),
          ...ownershipLabels(v, props.state),
        }}
      >
        <Field
          v={v}
          form={form}
          name="title"
          label={t("web.matter.form.title")}
          maxlength={200}
          required
          state={state}
        />
        <TextArea
          v={v}
          form={form}
          name="description"
          label={t("web.matter.form.description")}
          hint={t("web.matter.form.descriptionHint")}
          rows={5}
          maxlength={20000}
          state={state}
        />
        <OwnershipFields v={v} form={form} state={state} choices={choices} />
        <Choices
          v={v}
          form={form}
          name="visibility"
          type="radio"
          legend={t("web.matter.form.visibility")}
          options={(["network", "public"] as const).map((x) => ({
            value: x,
            label: t(`web.matter.visibility.${x}`),
          }))}
          required
          state={state}
        />
        <Submit label={t("web.matter.new.submit")} />
      </Form>
    </>
  );
}

/** A short text of an entry's data field. */
const dataStr = (d: Record<string, unknown>, k: string): string | null =>
  typeof d[k] === "string" ? (d[k] as string) : null;
const dataList = (d: Record<string, unknown>, k: string): string[] =>
  Array.isArray(d[k]) ? (d[k] as unknown[]).filter((x): x is string => typeof x === "string") : [];

/** The ownership a history snapshot records. */
function snapshot(d: Record<string, unknown>, k: "before" | "after") {
  const s = (d[k] ?? {}) as Record<string, unknown>;
  const triage = (s.triage ?? {}) as Record<string, unknown>;
  return { ownerUnitIds: dataList(s, "ownerUnitIds"), reason: dataStr(triage, "reason") };
}

/** Every id a history mentions, for one lookup of names. */
function historyIds(m: Matter) {
  const orgs: string[] = [];
  const people: string[] = [];
  for (const e of m.history) {
    const d = e.data;
    for (const k of ["unitId", "proposedOwnerUnitId"]) orgs.push(dataStr(d, k) ?? "");
    for (const k of ["before", "after"] as const) orgs.push(...snapshot(d, k).ownerUnitIds);
    people.push(dataStr(d, "personId") ?? "", ...dataList(d, "personIds"));
  }
  return { orgs, people };
}

/** One history entry as a sentence. */
function historySentence(v: View, e: HistoryEntry, labels: Labels): Child[] {
  const { t, locale } = v;
  const d = e.data;
  const who = e.actor
    ? e.actor.id === v.actor.personId
      ? t("web.coordination.you")
      : personName(e.actor, locale)
    : t("web.coordination.system");
  const org = (id: string | null) => {
    const o = id ? labels.orgs.get(id) : undefined;
    return o ? pick(o.name, locale) : t("web.coordination.unknownOrg");
  };
  const person = (id: string | null) => {
    const p = id ? labels.people.get(id) : undefined;
    return p ? personName(p, locale) : t("web.coordination.someone");
  };
  const units = (ids: string[]) =>
    ids.length ? joinNames(v, ids.map(org)) : t("web.matter.history.noUnits");
  const reason = (r: string | null) => (r ? t(`matters.triage.${r}`) : "");
  const level = (l: string | null) => t(`web.matter.level.${l ?? "po"}`);
  const note = dataStr(d, "note");
  const withNote = (parts: Child[]) =>
    note ? [...parts, " ", t("web.matter.history.note", { note })] : parts;
  switch (e.kind) {
    case "created":
      return [t("web.matter.history.created", { who })];
    case "triaged":
      return [t("web.matter.history.triaged", { reason: reason(snapshot(d, "after").reason) })];
    case "owners.changed": {
      const after = snapshot(d, "after");
      return [
        t("web.matter.history.ownersChanged", {
          who,
          units: units(after.ownerUnitIds),
          reason: reason(after.reason),
        }),
      ];
    }
    case "owners.reassigned": {
      const after = snapshot(d, "after");
      return [
        t("web.matter.history.ownersReassigned", {
          units: units(after.ownerUnitIds),
          reason: reason(after.reason),
        }),
      ];
    }
    case "refusal.filed":
      return [
        t("web.matter.history.refusalFiled", {
          who,
          unit: org(dataStr(d, "unitId")),
          proposed: org(dataStr(d, "proposedOwnerUnitId")),
          reason: dataStr(d, "reason") ?? "",
        }),
      ];
    case "refusal.accepted":
      return withNote([
        t("web.matter.history.refusalAccepted", {
          who,
          unit: org(dataStr(d, "unitId")),
          proposed: org(dataStr(d, "proposedOwnerUnitId")),
          level: level(dataStr(d, "level")),
        }),
      ]);
    case "refusal.rejected":
      return withNote([
        t(
          d.final === true ? "web.matter.history.refusalRejectedFinal" : "web.matter.history.refusalRejected",
          {
            who,
            unit: org(dataStr(d, "unitId")),
            level: level(dataStr(d, "level")),
          },
        ),
      ]);
    case "refusal.contested":
      return [
        t("web.matter.history.refusalContested", {
          who,
          unit: org(dataStr(d, "unitId")),
          level: level(dataStr(d, "toLevel")),
          reason: dataStr(d, "reason") ?? "",
        }),
      ];
    case "member.added":
      return [t("web.matter.history.memberAdded", { who, person: person(dataStr(d, "personId")) })];
    case "member.removed":
      return e.actor && e.actor.id === dataStr(d, "personId")
        ? [t("web.matter.history.memberLeft", { person: person(dataStr(d, "personId")) })]
        : [t("web.matter.history.memberRemoved", { who, person: person(dataStr(d, "personId")) })];
    case "working-group.dissolved":
      return [t("web.matter.history.dissolved")];
    case "closed":
      return withNote([t("web.matter.history.closed", { who })]);
    case "reopened":
      return withNote([t("web.matter.history.reopened", { who })]);
    default:
      return [t("web.matter.history.other", { who, kind: e.kind })];
  }
}

/** One refusal: who refused, whom they propose, where it stands, and the forms for those allowed. */
function RefusalCard(props: { v: View; m: Matter; r: Refusal; forms: MatterForms; now: Date }) {
  const { v, m, r, forms, now } = props;
  const { t, actor, locale } = v;
  const access = accessOf(m);
  const unitName = pick(r.unit.name, locale);
  const proposedName = pick(r.proposedOwnerUnit.name, locale);
  const owner = m.owners.find((o) => o.id === r.unit.id);
  const open = m.state === "open";
  const mayDecide =
    open &&
    r.state === "pending" &&
    canOnMatter(actor, { do: "decide-refusal", level: r.level, matter: access });
  const mayContest =
    open &&
    r.state === "rejected" &&
    !r.final &&
    !!owner?.agencyId &&
    canOnMatter(actor, { do: "speak-for-unit", unit: { unitId: owner.id, agencyId: owner.agencyId } });
  const decideForm = `decide-${r.id}`;
  const contestForm = `contest-${r.id}`;
  const decideState = forms.decide?.id === r.id ? forms.decide.state : undefined;
  const contestState = forms.contest?.id === r.id ? forms.contest.state : undefined;
  const next = nextLevel[r.level];
  const base = `/matters/${m.reference}/refusals/${r.id}`;
  return (
    <li class="card" id={`refusal-${r.id}`}>
      <h3>{t("web.matter.refusal.heading", { unit: unitName })}</h3>
      <p>
        {tx(v, "web.matter.refusal.proposes", {
          unit: <OrgRefLink v={v} org={r.unit} />,
          proposed: <OrgRefLink v={v} org={r.proposedOwnerUnit} />,
        })}
      </p>
      <blockquote class="notes">{r.reason}</blockquote>
      <p class="muted">
        {tx(v, "web.matter.refusal.filedBy", {
          who: r.refusedBy ? personName(r.refusedBy, locale) : t("web.coordination.someone"),
          date: <Moment v={v} at={r.createdAt} now={now} />,
        })}
      </p>
      <p>
        <strong>
          {r.state === "pending"
            ? t("web.matter.refusal.pending", { level: t(`web.matter.level.${r.level}`) })
            : r.state === "accepted"
              ? t("web.matter.refusal.accepted", { proposed: proposedName })
              : r.final
                ? t("web.matter.refusal.final")
                : t("web.matter.refusal.rejected", {
                    level: t(`web.matter.level.${r.level}`),
                    unit: unitName,
                    next: t(`web.matter.level.${next ?? "minister-office"}`),
                  })}
        </strong>
      </p>
      <p class="muted">
        {t("web.matter.refusal.levelOf", {
          n: refusalLevels.indexOf(r.level) + 1,
          level: t(`web.matter.level.${r.level}`),
        })}
      </p>
      {r.decisions.length ? (
        <ol class="activity">
          {r.decisions.map((d) => (
            <li>
              <span class="activity-text">
                {t(`web.matter.refusal.decision.${d.decision}`, {
                  who: d.decidedBy ? personName(d.decidedBy, locale) : t("web.coordination.someone"),
                  level: t(`web.matter.level.${d.level}`),
                })}
                {d.note ? ` ${t("web.matter.history.note", { note: d.note })}` : ""}
                {d.contest
                  ? ` ${t("web.matter.refusal.contested", {
                      who: d.contest.by ? personName(d.contest.by, locale) : t("web.coordination.someone"),
                      reason: d.contest.reason,
                    })}`
                  : ""}
              </span>{" "}
              <span class="activity-time">
                <Moment v={v} at={d.decidedAt} now={now} />
              </span>
            </li>
          ))}
        </ol>
      ) : null}
      {mayDecide ? (
        <details class="form-panel" open={!!decideState}>
          <summary>
            <h4 class="summary-heading">{t("web.matter.refusal.decideTitle")}</h4>
          </summary>
          <Form
            v={v}
            id={decideForm}
            action={`${base}/decide`}
            state={decideState}
            labels={{ decision: t("web.matter.refusal.decisionLabel"), note: t("web.matter.refusal.note") }}
          >
            <Choices
              v={v}
              form={decideForm}
              name="decision"
              type="radio"
              legend={t("web.matter.refusal.decisionLabel")}
              options={[
                { value: "accept", label: t("web.matter.refusal.accept", { proposed: proposedName }) },
                { value: "reject", label: t("web.matter.refusal.reject", { unit: unitName }) },
              ]}
              required
              state={decideState}
            />
            <TextArea
              v={v}
              form={decideForm}
              name="note"
              label={t("web.matter.refusal.note")}
              maxlength={5000}
              state={decideState}
            />
            <Submit label={t("web.matter.refusal.decideSubmit")} />
          </Form>
        </details>
      ) : null}
      {mayContest ? (
        <details class="form-panel" open={!!contestState}>
          <summary>
            <h4 class="summary-heading">{t("web.matter.refusal.contestTitle")}</h4>
          </summary>
          <p>
            {t("web.matter.refusal.contestIntro", {
              level: t(`web.matter.level.${next ?? "minister-office"}`),
            })}
          </p>
          <Form
            v={v}
            id={contestForm}
            action={`${base}/contest`}
            state={contestState}
            labels={{ reason: t("web.matter.refusal.contestReason") }}
          >
            <TextArea
              v={v}
              form={contestForm}
              name="reason"
              label={t("web.matter.refusal.contestReason")}
              maxlength={5000}
              required
              state={contestState}
            />
            <Submit label={t("web.matter.refusal.contestSubmit")} />
          </Form>
        </details>
      ) : null}
    </li>
  );
}

/** The help requests asked on this matter that the reader can see, and a link to ask one more. */
function MatterHelpRequests(props: {
  v: View;
  m: Matter;
  help: { items: HelpItem[]; next: string | null };
  labels: Labels;
  now: Date;
}) {
  const { v, m, help, labels, now } = props;
  const { t, actor } = v;
  const mayAsk = m.state === "open" && (actor.isAdmin || actor.grants.length > 0);
  return (
    <section aria-labelledby="help-title" id="help-requests">
      <h2 id="help-title">{t("web.matter.help.title")}</h2>
      <p>{t("web.matter.help.intro")}</p>
      {help.items.length ? (
        <ul class="card-list">
          {help.items.map((r) => (
            <HelpRequestItem v={v} r={r} labels={labels} now={now} from />
          ))}
        </ul>
      ) : (
        <p class="empty">{t("web.matter.help.none")}</p>
      )}
      {help.next ? <p class="muted">{t("web.matter.help.newestOnly", { n: HELP_LIMIT })}</p> : null}
      {mayAsk ? (
        <p>
          <a
            class="button button-secondary"
            href={`/help-requests/new?matter=${encodeURIComponent(m.reference)}`}
          >
            {t("web.matter.help.ask")}
          </a>
        </p>
      ) : null}
    </section>
  );
}

function MatterView(props: {
  v: View;
  m: Matter;
  forms: MatterForms;
  choices: DirectoryChoices | null;
  labels: Labels;
  help: { items: HelpItem[]; next: string | null } | null;
  now: Date;
  done: string | undefined;
}) {
  const { v, m, forms, choices, labels, now } = props;
  const { t, actor, locale } = v;
  const access = accessOf(m);
  const open = m.state === "open";
  const mayManage = !!actor.personId && canOnMatter(actor, { do: "manage", matter: access });
  const mayManageMembers = !!actor.personId && canOnMatter(actor, { do: "manage-members", matter: access });
  const refusable = actor.personId && open ? refusableUnits(actor, m) : [];
  const base = `/matters/${m.reference}`;
  const current = (m.workingGroup ?? []).filter((x) => !x.removedAt);
  const past = (m.workingGroup ?? []).filter((x) => x.removedAt);
  const refusalState = forms.refusal;
  const ownersState =
    forms.owners ?? (choices ? { values: ownershipValues(m, choices), errors: {} } : undefined);
  return (
    <>
      <nav aria-label={t("web.matter.breadcrumb")} class="breadcrumb">
        <ol>
          {actor.personId ? (
            <li>
              <a href="/work">{t("web.nav.work")}</a>
            </li>
          ) : null}
          <li>
            <span aria-current="page">{m.reference}</span>
          </li>
        </ol>
      </nav>
      <h1>{m.title}</h1>
      {props.done && (doneMessages as readonly string[]).includes(props.done) ? (
        <Notice>{t(`web.matter.done.${props.done}`)}</Notice>
      ) : null}
      {forms.alert ? <Alert>{forms.alert}</Alert> : null}
      <dl class="facts">
        <div>
          <dt>{t("web.matter.reference")}</dt>
          <dd>{m.reference}</dd>
        </div>
        <div>
          <dt>{t("web.matter.stateLabel")}</dt>
          <dd>
            {m.state === "closed" && m.closedAt
              ? tx(v, "web.matter.closedOn", { date: <Time v={v} at={m.closedAt} /> })
              : t(`web.matter.state.${m.state}`)}
          </dd>
        </div>
        <div>
          <dt>{t("web.matter.visibilityLabel")}</dt>
          <dd>{t(`web.matter.visibilityExplained.${m.visibility}`)}</dd>
        </div>
        <div>
          <dt>{t("web.matter.raised")}</dt>
          <dd>
            {tx(v, "web.matter.raisedBy", {
              who: m.createdBy ? personName(m.createdBy, locale) : t("web.coordination.someone"),
              date: <Time v={v} at={m.createdAt} />,
            })}
          </dd>
        </div>
      </dl>
      {m.description ? <p class="notes">{m.description}</p> : null}

      <section aria-labelledby="triage-title" id="triage">
        <h2 id="triage-title">{t("web.matter.triageTitle")}</h2>
        <TriageExplained v={v} m={m} />
        <h3>{t("web.matter.ownersTitle")}</h3>
        {m.owners.length ? (
          <ul class="plain-list">
            {m.owners.map((o) => (
              <li>
                <OrgRefLink v={v} org={o} />{" "}
                <span class="muted">
                  {tx(v, "web.matter.ownerSince", { date: <Time v={v} at={o.since} style="date" /> })}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">{t("web.matter.noOwners")}</p>
        )}
        <h3>{t("web.matter.agenciesTitle")}</h3>
        {m.agencies.length ? (
          <ul class="plain-list">
            {m.agencies.map((a) => (
              <li>
                <OrgRefLink v={v} org={a} /> <span class="tag">{t(`web.matter.role.${a.role}`)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">{t("web.matter.noAgencies")}</p>
        )}
        {mayManage && open && choices && ownersState ? (
          <details class="panel form-panel" id="owners" open={!!forms.owners}>
            <summary>
              <h3>{t("web.matter.owners.title")}</h3>
            </summary>
            <p>{t("web.matter.owners.intro")}</p>
            <Form
              v={v}
              id="owners-form"
              action={`${base}/owners`}
              state={forms.owners}
              labels={ownershipLabels(v, ownersState)}
            >
              <OwnershipFields v={v} form="owners-form" state={ownersState} choices={choices} />
              <Submit label={t("web.matter.owners.submit")} />
            </Form>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="refusals-title" id="refusals">
        <h2 id="refusals-title">{t("web.matter.refusalsTitle")}</h2>
        <p>{t("web.matter.refusal.ladder")}</p>
        {m.refusals.length ? (
          <ul class="card-list single">
            {m.refusals.map((r) => (
              <RefusalCard v={v} m={m} r={r} forms={forms} now={now} />
            ))}
          </ul>
        ) : (
          <p class="empty">{t("web.matter.noRefusals")}</p>
        )}
        {refusable.length && choices ? (
          <details class="panel form-panel" id="refuse" open={!!refusalState}>
            <summary>
              <h3>{t("web.matter.refusal.formTitle")}</h3>
            </summary>
            <p>{t("web.matter.refusal.formIntro")}</p>
            <Form
              v={v}
              id="refusal-form"
              action={`${base}/refusals`}
              state={refusalState}
              labels={{
                unitId: t("web.matter.refusal.unit"),
                proposedOwnerUnitId: t("web.matter.refusal.proposed"),
                reason: t("web.matter.refusal.reason"),
              }}
            >
              <Select
                v={v}
                form="refusal-form"
                name="unitId"
                label={t("web.matter.refusal.unit")}
                options={refusable.map((o) => ({ value: o.slug, label: pick(o.name, locale) }))}
                value={refusable[0]!.slug}
                required
                state={refusalState}
              />
              <Select
                v={v}
                form="refusal-form"
                name="proposedOwnerUnitId"
                label={t("web.matter.refusal.proposed")}
                hint={t("web.matter.refusal.proposedHint")}
                options={unitOptions(v, choices)}
                placeholder={t("web.form.choose")}
                required
                state={refusalState}
              />
              <TextArea
                v={v}
                form="refusal-form"
                name="reason"
                label={t("web.matter.refusal.reason")}
                maxlength={5000}
                required
                state={refusalState}
              />
              <Submit label={t("web.matter.refusal.submit")} />
            </Form>
          </details>
        ) : null}
      </section>

      {props.help ? <MatterHelpRequests v={v} m={m} help={props.help} labels={labels} now={now} /> : null}

      {m.workingGroup !== null ? (
        <section aria-labelledby="group-title" id="working-group">
          <h2 id="group-title">{t("web.matter.group.title")}</h2>
          <p>{t("web.matter.group.intro")}</p>
          {current.length ? (
            <ul class="plain-list">
              {current.map((x) => {
                const name = personName(x.person, locale);
                const self = x.person.id === actor.personId;
                return (
                  <li class="row-with-action">
                    <span>
                      <a href={`/people/${x.person.id}`}>{name}</a>{" "}
                      <span class="muted">
                        {tx(v, "web.matter.group.addedBy", {
                          who: x.addedBy ? personName(x.addedBy, locale) : t("web.coordination.someone"),
                          date: <Time v={v} at={x.addedAt} style="date" />,
                        })}
                      </span>
                    </span>
                    {open && (mayManageMembers || self) ? (
                      <ActionButton
                        v={v}
                        action={`${base}/members/${x.person.id}/remove`}
                        label={self ? t("web.matter.group.leave") : t("web.matter.group.remove")}
                        ariaLabel={self ? undefined : t("web.matter.group.removeFor", { name })}
                        variant="danger"
                      />
                    ) : null}
                  </li>
                );
              })}
            </ul>
          ) : (
            <p class="empty">{t("web.matter.group.none")}</p>
          )}
          {past.length ? (
            <>
              <h3>{t("web.matter.group.past")}</h3>
              <ul class="plain-list">
                {past.map((x) => (
                  <li class="muted">
                    {tx(v, "web.matter.group.between", {
                      name: personName(x.person, locale),
                      from: <Time v={v} at={x.addedAt} style="date" />,
                      to: <Time v={v} at={x.removedAt ?? x.addedAt} style="date" />,
                    })}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {mayManageMembers && open ? (
            <details class="panel form-panel" id="add-member" open={!!forms.member}>
              <summary>
                <h3>{t("web.matter.group.addTitle")}</h3>
              </summary>
              <Form
                v={v}
                id="member-form"
                action={`${base}/members`}
                state={forms.member}
                labels={{ email: t("web.matter.group.email") }}
              >
                <Field
                  v={v}
                  form="member-form"
                  name="email"
                  type="email"
                  label={t("web.matter.group.email")}
                  hint={t("web.matter.group.emailHint")}
                  autocomplete="off"
                  required
                  state={forms.member}
                />
                <Submit label={t("web.matter.group.addSubmit")} />
              </Form>
            </details>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="history-title" id="history">
        <h2 id="history-title">{t("web.matter.historyTitle")}</h2>
        <ol class="activity timeline">
          {m.history.map((e) => (
            <li>
              <span class="activity-text">{historySentence(v, e, labels)}</span>{" "}
              <span class="activity-time">
                <Time v={v} at={e.at} />
              </span>
            </li>
          ))}
        </ol>
      </section>

      {mayManage && open ? (
        <details class="panel form-panel" id="state" open={!!forms.close}>
          <summary>
            <h2>{t("web.matter.close.title")}</h2>
          </summary>
          <p>{t("web.matter.close.intro")}</p>
          <Form
            v={v}
            id="close-form"
            action={`${base}/close`}
            state={forms.close}
            labels={{ note: t("web.matter.close.note") }}
          >
            <TextArea
              v={v}
              form="close-form"
              name="note"
              label={t("web.matter.close.note")}
              maxlength={5000}
              state={forms.close}
            />
            <Submit label={t("web.matter.close.submit")} variant="danger" />
          </Form>
        </details>
      ) : null}
      {mayManage && !open ? (
        <section aria-labelledby="state-title" id="state">
          <h2 id="state-title">{t("web.matter.reopen.title")}</h2>
          <p>{t("web.matter.reopen.intro")}</p>
          <Form
            v={v}
            id="reopen-form"
            action={`${base}/reopen`}
            state={forms.reopen}
            labels={{ note: t("web.matter.close.note") }}
          >
            <TextArea
              v={v}
              form="reopen-form"
              name="note"
              label={t("web.matter.close.note")}
              maxlength={5000}
              state={forms.reopen}
            />
            <Submit label={t("web.matter.reopen.submit")} />
          </Form>
        </section>
      ) : null}
    </>
  );
}

/** Matter pages: raise a matter, read it with its triage and history, and act on it. */
export function matterPages(app: Hono<AppEnv>, kit: PageKit) {
  const { dir, deps } = kit;

  async function renderNew(c: Ctx, state?: FormState, status = 200) {
    const v = kit.view(c);
    const choices = await directoryChoices(dir);
    c.header("Cache-Control", "no-store");
    return c.html(
      renderPage(
        v,
        {
          title: v.t("web.matter.new.title"),
          nav: "work",
          langPath: "/matters/new",
          hasError: status >= 400,
        },
        <NewMatterView v={v} choices={choices} state={state} />,
      ),
      status as 200,
    );
  }

  /** Renders a matter; a person not signed in who may not read it is asked to sign in first. */
  async function render(c: Ctx, ref: string, forms: MatterForms = {}, status = 200) {
    const v = kit.view(c);
    let m: Matter;
    try {
      m = await getMatter(kit.matters, v.actor, ref);
    } catch (err) {
      // The same answer for a missing and a hidden matter: nothing leaks by signing in.
      const here = `/matters/${ref}`;
      if (err instanceof AppError && err.def.status === 404 && !v.actor.personId && isLocalPath(here)) {
        return c.redirect(`/sign-in?redirectTo=${encodeURIComponent(here)}`, 303);
      }
      throw err;
    }
    const ids = historyIds(m);
    // Signed in, the page lists the help requests asked on the matter that this person can see.
    const help = v.actor.personId
      ? await listHelpRequests(kit.help, v.actor, { matter: m.id, limit: HELP_LIMIT })
      : null;
    const helpIds = helpLabelIds(help?.items ?? []);
    const labels = await loadLabels(deps.database.db, {
      orgs: [...ids.orgs, ...helpIds.orgs],
      people: [...ids.people, ...helpIds.people],
      resources: helpIds.resources,
    });
    const choices = v.actor.personId ? await directoryChoices(dir) : null;
    if (v.actor.personId) c.header("Cache-Control", "no-store");
    return c.html(
      renderPage(
        v,
        {
          title: `${m.reference} ${m.title}`,
          nav: v.actor.personId ? "work" : null,
          langPath: `/matters/${m.reference}`,
          hasError: status >= 400,
        },
        <MatterView
          v={v}
          m={m}
          forms={forms}
          choices={choices}
          labels={labels}
          help={help}
          now={deps.clock.now()}
          done={status === 200 ? c.req.query("done") : undefined}
        />,
      ),
      status as 200,
    );
  }

  app.get("/matters/new", async (c) => {
    const actor = c.get("actor");
    if (!actor.personId) return c.redirect("/sign-in?redirectTo=%2Fmatters%2Fnew", 303);
    if (!canOnMatter(actor, { do: "create" })) throw fail.forbidden();
    return renderNew(c);
  });

  app.post("/matters", async (c) => {
    const actor = requirePerson(c);
    if (!canOnMatter(actor, { do: "create" })) throw fail.forbidden();
    const v = kit.view(c);
    const choices = await directoryChoices(dir);
    const form = new Validator(v, await readForm(c));
    const title = form.required("title", 200);
    const description = form.optional("description", 20000);
    const visibility = form.oneOf("visibility", ["network", "public"] as const);
    const ownership = readOwnership(form, choices);
    if (!form.ok) return renderNew(c, form.state(), 400);
    const result = await attempt(() =>
      createMatter(kit.matters, actor, { title, description, visibility, ...ownership }),
    );
    if (!result.ok) {
      return renderNew(
        c,
        errorState(v, result.error, form.values, ownershipFieldMap),
        result.error.def.status,
      );
    }
    return c.redirect(`/matters/${result.value.reference}?done=created`, 303);
  });

  app.get("/matters/:ref", (c) => render(c, c.req.param("ref")));

  /** The matter a form posts to (404 when the actor may not read it). */
  async function matterFor(c: Ctx) {
    const actor = requirePerson(c);
    const m = await getMatter(kit.matters, actor, c.req.param("ref") ?? "");
    return { actor, m, v: kit.view(c) };
  }

  app.post("/matters/:ref/owners", async (c) => {
    const { actor, m, v } = await matterFor(c);
    const choices = await directoryChoices(dir);
    const form = new Validator(v, await readForm(c));
    const ownership = readOwnership(form, choices);
    if (!form.ok) return render(c, m.reference, { owners: form.state() }, 400);
    const result = await attempt(() => setOwners(kit.matters, actor, m.id, ownership));
    if (!result.ok) {
      const state = errorState(v, result.error, form.values, ownershipFieldMap);
      return render(c, m.reference, { owners: state }, result.error.def.status);
    }
    return c.redirect(`/matters/${m.reference}?done=owners#triage`, 303);
  });

  app.post("/matters/:ref/refusals", async (c) => {
    const { actor, m, v } = await matterFor(c);
    const form = new Validator(v, await readForm(c));
    const unitId = form.required("unitId", 100);
    const reason = form.required("reason", 5000);
    const proposedOwnerUnitId = str(form.values, "proposedOwnerUnitId");
    if (!proposedOwnerUnitId) form.fail("proposedOwnerUnitId", "web.matter.refusal.proposedRequired");
    if (!form.ok) return render(c, m.reference, { refusal: form.state() }, 400);
    const result = await attempt(() =>
      fileRefusal(kit.matters, actor, m.id, { unitId, reason, proposedOwnerUnitId }),
    );
    if (!result.ok) {
      return render(
        c,
        m.reference,
        { refusal: errorState(v, result.error, form.values) },
        result.error.def.status,
      );
    }
    return c.redirect(`/matters/${m.reference}?done=refusal#refusals`, 303);
  });

  app.post("/matters/:ref/refusals/:refusalId/decide", async (c) => {
    const { actor, m, v } = await matterFor(c);
    const id = c.req.param("refusalId");
    if (!m.refusals.some((r) => r.id === id)) throw fail.notFound();
    const form = new Validator(v, await readForm(c));
    const decision = form.oneOf("decision", ["accept", "reject"] as const);
    const note = form.optional("note", 5000);
    if (!form.ok) return render(c, m.reference, { decide: { id, state: form.state() } }, 400);
    const result = await attempt(() => decideRefusal(kit.matters, actor, m.id, id, { decision, note }));
    if (!result.ok) {
      const state = errorState(v, result.error, form.values);
      return render(c, m.reference, { decide: { id, state } }, result.error.def.status);
    }
    return c.redirect(`/matters/${m.reference}?done=decided#refusal-${id}`, 303);
  });

  app.post("/matters/:ref/refusals/:refusalId/contest", async (c) => {
    const { actor, m, v } = await matterFor(c);
    const id = c.req.param("refusalId");
    if (!m.refusals.some((r) => r.id === id)) throw fail.notFound();
    const form = new Validator(v, await readForm(c));
    const reason = form.required("reason", 5000);
    if (!form.ok) return render(c, m.reference, { contest: { id, state: form.state() } }, 400);
    const result = await attempt(() => contestRefusal(kit.matters, actor, m.id, id, { reason }));
    if (!result.ok) {
      const state = errorState(v, result.error, form.values);
      return render(c, m.reference, { contest: { id, state } }, result.error.def.status);
    }
    return c.redirect(`/matters/${m.reference}?done=contested#refusal-${id}`, 303);
  });

  app.post("/matters/:ref/members", async (c) => {
    const { actor, m, v } = await matterFor(c);
    const form = new Validator(v, await readForm(c));
    const email = form.email("email", true);
    if (!form.ok) return render(c, m.reference, { member: form.state() }, 400);
    const person = await findPersonByEmail(dir.db, email);
    if (!person) {
      form.fail("email", "web.matter.group.notFound");
      return render(c, m.reference, { member: form.state() }, 400);
    }
    const result = await attempt(() => addMember(kit.matters, actor, m.id, { personId: person.id }));
    if (!result.ok) {
      const state = errorState(v, result.error, form.values, { personId: "email" });
      return render(c, m.reference, { member: state }, result.error.def.status);
    }
    return c.redirect(`/matters/${m.reference}?done=member-added#working-group`, 303);
  });

  app.post("/matters/:ref/members/:personId/remove", async (c) => {
    const { actor, m, v } = await matterFor(c);
    const personId = c.req.param("personId");
    const result = await attempt(() => removeMember(kit.matters, actor, m.id, personId));
    if (!result.ok) {
      return render(c, m.reference, { alert: result.error.localized(v.locale) }, result.error.def.status);
    }
    // A member who left may no longer read a network matter: back to their work.
    if (personId === actor.personId && !(await attempt(() => getMatter(kit.matters, actor, m.id))).ok) {
      return c.redirect("/work", 303);
    }
    return c.redirect(`/matters/${m.reference}?done=member-removed#working-group`, 303);
  });

  for (const verb of ["close", "reopen"] as const) {
    app.post(`/matters/:ref/${verb}`, async (c) => {
      const { actor, m, v } = await matterFor(c);
      const form = new Validator(v, await readForm(c));
      const note = form.optional("note", 5000);
      const key = verb === "close" ? "close" : "reopen";
      if (!form.ok) return render(c, m.reference, { [key]: form.state() }, 400);
      const result = await attempt(() =>
        (verb === "close" ? closeMatter : reopenMatter)(kit.matters, actor, m.id, { note }),
      );
      if (!result.ok) {
        return render(
          c,
          m.reference,
          { [key]: errorState(v, result.error, form.values) },
          result.error.def.status,
        );
      }
      return c.redirect(`/matters/${m.reference}?done=${verb === "close" ? "closed" : "reopened"}`, 303);
    });
  }
}
