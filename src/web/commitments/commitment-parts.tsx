// The commitments section shown on a case's page and a petition's page: the list (owner, due date,
// status, overdue), the chair's latest decision on a tracked case, and the form to record a new one for
// those who may. The forms post to /commitments (commitment-pages.tsx).
import { Field, Select, Submit, TextArea } from "../components.tsx";
import { CsrfField } from "../layout.tsx";
import type { View } from "../view.tsx";

type Label = { "zh-TW": string; en: string };
type AgencyRef = { id: string; slug: string; name: Label } | null;

/** A commitment as a case or a petition lists it. */
export interface CommitmentItem {
  id: string;
  text: string;
  dueOn: string;
  status: string;
  overdue: boolean;
  url: string;
  ownerAgency: AgencyRef;
}

/** One line of a commitment list: text, owner, due date, status, overdue. */
export function CommitmentLine(props: { v: View; c: CommitmentItem }) {
  const { v, c } = props;
  const { t } = v;
  return (
    <li>
      <a href={c.url}>{c.text}</a>
      <p class="transcript-meta">
        <span class="tag">{t(`commitments.status.${c.status}`)}</span>{" "}
        {c.overdue ? <strong class="tag tag-urgent">{t("commitments.page.overdue")}</strong> : null}{" "}
        {c.ownerAgency ? t("commitments.page.owner", { agency: c.ownerAgency.name[v.locale] }) : null} ·{" "}
        {t("commitments.page.due", { date: c.dueOn })}
      </p>
    </li>
  );
}

/** The form recording a commitment from a case or a petition (the use case checks who may). */
function NewCommitmentForm(props: {
  v: View;
  form: string;
  source: { caseNumber: number } | { petitionId: string };
  agencies: Array<{ slug: string; name: Label }>;
}) {
  const { v, form } = props;
  const { t } = v;
  return (
    <form method="post" action="/commitments" class="stack-form" id={form}>
      <CsrfField v={v} />
      <h3>{t("commitments.page.newTitle")}</h3>
      {"caseNumber" in props.source ? (
        <input type="hidden" name="caseNumber" value={String(props.source.caseNumber)} />
      ) : (
        <input type="hidden" name="petitionId" value={props.source.petitionId} />
      )}
      <TextArea v={v} form={form} name="text" label={t("commitments.page.text")} required rows={3} />
      {props.agencies.length ? (
        <Select
          v={v}
          form={form}
          name="ownerAgency"
          label={t("commitments.page.ownerAgency")}
          required
          options={props.agencies.map((a) => ({ value: a.slug, label: a.name[v.locale] }))}
        />
      ) : (
        <Field
          v={v}
          form={form}
          name="ownerAgency"
          label={t("commitments.page.ownerAgency")}
          hint={t("commitments.page.ownerHint")}
          required
        />
      )}
      <Field
        v={v}
        form={form}
        name="dueOn"
        label={t("commitments.page.dueOn")}
        hint={t("commitments.page.dueHint")}
        required
      />
      <Submit label={t("commitments.page.create")} variant="secondary" />
    </form>
  );
}

type AgencyOption = { slug: string; name: Label };
const distinct = (list: Array<AgencyOption | null | undefined>) => {
  const seen = new Map<string, AgencyOption>();
  for (const a of list) if (a && !seen.has(a.slug)) seen.set(a.slug, a);
  return [...seen.values()];
};

/** The commitments of a case, the chair's latest decision on it, and (for organisers) the form. */
export function CaseCommitmentsSection(props: {
  v: View;
  c: {
    number: number;
    stage: string;
    roles: Array<{ agency: AgencyRef }>;
    can: { organise: boolean };
    commitments: {
      items: CommitmentItem[];
      decision: { decision: string; note: string | null; decidedAt: string; meeting: { url: string } } | null;
    };
  };
}) {
  const { v, c } = props;
  const { t } = v;
  const d = c.commitments.decision;
  return (
    <section aria-labelledby="case-commitments-title" id="case-commitments">
      <h2 id="case-commitments-title">{t("commitments.page.sectionTitle")}</h2>
      {d ? (
        <p class="notice notice-info">
          {t("commitments.page.decisionOnCase", {
            decision: t(`commitments.decision.${d.decision}`),
            date: d.decidedAt.slice(0, 10),
          })}{" "}
          <a href={d.meeting.url}>{t("commitments.page.meeting")}</a>
          {d.note ? ` · ${d.note}` : null}
          {d.decision === "release" && c.stage === "tracked" && c.can.organise ? (
            <>
              {" "}
              <a href="#case-organise">{t("commitments.page.goRelease")}</a>
            </>
          ) : null}
        </p>
      ) : null}
      {c.commitments.items.length ? (
        <ul>
          {c.commitments.items.map((x) => (
            <CommitmentLine v={v} c={x} />
          ))}
        </ul>
      ) : (
        <p class="empty">{t("commitments.page.noneOnCase")}</p>
      )}
      <p>
        <a href={`/commitments?case=${c.number}`}>{t("commitments.page.allOfCase")}</a>
      </p>
      {c.can.organise ? (
        <NewCommitmentForm
          v={v}
          form="case-commitment-form"
          source={{ caseNumber: c.number }}
          agencies={distinct(c.roles.map((r) => r.agency))}
        />
      ) : null}
    </section>
  );
}

/** The commitments made in answer to a petition, and (for its agencies' POs) the form. */
export function PetitionCommitmentsSection(props: {
  v: View;
  p: {
    id: string;
    commitments: CommitmentItem[];
    can: { update: boolean };
    agencies: {
      lead: AgencyOption | null;
      co: AgencyOption[];
      related: AgencyOption[];
      named: AgencyOption[];
    };
  };
}) {
  const { v, p } = props;
  const { t } = v;
  return (
    <section aria-labelledby="petition-commitments-title" id="petition-commitments">
      <h2 id="petition-commitments-title">{t("commitments.page.sectionTitle")}</h2>
      {p.commitments.length ? (
        <ul>
          {p.commitments.map((c) => (
            <CommitmentLine v={v} c={c} />
          ))}
        </ul>
      ) : (
        <p class="empty">{t("commitments.page.noneOnPetition")}</p>
      )}
      {p.can.update ? (
        <NewCommitmentForm
          v={v}
          form="petition-commitment-form"
          source={{ petitionId: p.id }}
          agencies={distinct([p.agencies.lead, ...p.agencies.co, ...p.agencies.related, ...p.agencies.named])}
        />
      ) : null}
    </section>
  );
}
