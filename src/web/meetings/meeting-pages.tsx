// The meeting pages: the list (/meetings), one meeting with its agenda, candidates, vote and tally
// (/meetings/{id}), and a voter's ballot through their personal link (/ballot/{token}), which needs
// no account. The same use cases as the JSON API.
import type { Hono } from "hono";
import { AppError, fail } from "../../platform/http/errors.ts";
import { clientKey } from "../../platform/http/client-key.ts";
import { listAgencies, type AppEnv } from "../../modules/directory/index.ts";
import {
  castBallot,
  chooseTiedCandidate,
  closeBallot,
  getBallot,
  getMeeting,
  issueBallots,
  setRollCall,
  listMeetings,
  addCandidate,
  candidateSources,
  meetingKinds,
  selectionCriteria,
  type MeetingsDeps,
} from "../../modules/meetings/index.ts";
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
} from "../components.tsx";
import { list, readForm, str } from "../forms.ts";
import type { PageKit } from "../deps.ts";
import { CsrfField, renderPage } from "../layout.tsx";
import { Time, type Ctx, type View } from "../view.tsx";

type MeetingView = Awaited<ReturnType<typeof getMeeting>>;
type BallotView = Awaited<ReturnType<typeof getBallot>>;
type Candidate = MeetingView["candidates"][number];
type Label = { "zh-TW": string; en: string };

const label = (v: View, l: Label | null | undefined) => (l ? l[v.locale] : "");
const percent = (x: number) => `${Math.round(x * 1000) / 10} %`;

function CandidateItem(props: { v: View; c: Candidate }) {
  const { v, c } = props;
  const { t } = v;
  return (
    <li id={`candidate-${c.id}`}>
      <strong>{c.title}</strong> <span class="tag">{t(`meetings.meeting.source.${c.source}`)}</span>{" "}
      {c.urgent ? <span class="tag">{t("meetings.meeting.urgent")}</span> : null}{" "}
      <span class="tag">{t(`meetings.meeting.state.${c.state}`)}</span>
      {c.case ? (
        <>
          {" "}
          <a href={c.case.url}>{t("meetings.meeting.caseLink", { number: c.case.number })}</a>
        </>
      ) : null}
      {c.summary ? <p>{c.summary}</p> : null}
      {c.petition ? (
        <p>
          {/^https?:\/\//i.test(c.petition.ref ?? "") ? (
            <a href={c.petition.ref!}>{c.petition.ref}</a>
          ) : (
            c.petition.ref
          )}{" "}
          {t(`meetings.meeting.standing.${c.petition.standing}`, {
            endorsements: c.petition.endorsements ?? 0,
            threshold: c.petition.threshold,
          })}
        </p>
      ) : null}
      {c.proposedLeadAgency ? (
        <p>{t("meetings.meeting.proposedLead", { agency: label(v, c.proposedLeadAgency.name) })}</p>
      ) : null}
      {c.carryCount > 0 ? <p>{t("meetings.meeting.carried")}</p> : null}
      <ul class="criteria">
        {c.criteria.map((k) => (
          <li>
            {k.met ? "✓" : "✗"} {label(v, k.label)}：
            {k.met ? t("meetings.meeting.met") : t("meetings.meeting.notMet")}
            {k.required ? null : ` ${t("meetings.meeting.optional")}`}
          </li>
        ))}
      </ul>
    </li>
  );
}

function Entries(props: { v: View; item: string; entries: unknown[] }) {
  const { v } = props;
  if (!props.entries.length) return <p class="empty">{v.t("meetings.meeting.none")}</p>;
  return (
    <ul>
      {props.entries.map((e) => {
        if (typeof e === "string") return <li>{e}</li>;
        const x = e as { number?: number; title?: string; url?: string };
        if (x.number !== undefined)
          return (
            <li>
              <a href={x.url}>{v.t("meetings.meeting.caseLink", { number: x.number })}</a>
              {x.title ? ` · ${x.title}` : null}
            </li>
          );
        return <li>{x.title}</li>;
      })}
    </ul>
  );
}

type AgencyOption = { id: string; name: Label };

function CandidateForm(props: { v: View; m: MeetingView; agencies: AgencyOption[]; state?: FormState }) {
  const { v, m, state } = props;
  const { t } = v;
  const form = "candidate-form";
  const labels = {
    source: t("meetings.candidateForm.source"),
    title: t("meetings.candidateForm.titleField"),
    proposedLeadAgencyId: t("meetings.candidateForm.lead"),
    petitionRef: t("meetings.candidateForm.petitionRef"),
    endorsements: t("meetings.candidateForm.endorsements"),
    criteria: t("meetings.candidateForm.criteria"),
  };
  return (
    <section aria-labelledby="candidate-form-title">
      <h3 id="candidate-form-title">{t("meetings.candidateForm.title")}</h3>
      <Form v={v} id={form} action={`/meetings/${m.id}/candidates`} state={state} labels={labels}>
        <Select
          v={v}
          form={form}
          name="source"
          label={labels.source}
          required
          state={state}
          options={candidateSources.map((x) => ({ value: x, label: t(`meetings.meeting.source.${x}`) }))}
        />
        <Field v={v} form={form} name="title" label={labels.title} required state={state} maxlength={300} />
        <TextArea
          v={v}
          form={form}
          name="summary"
          label={t("meetings.candidateForm.summary")}
          state={state}
        />
        <Select
          v={v}
          form={form}
          name="proposedLeadAgencyId"
          label={labels.proposedLeadAgencyId}
          required
          placeholder=""
          state={state}
          options={props.agencies.map((a) => ({ value: a.id, label: a.name[v.locale] }))}
        />
        <Select
          v={v}
          form={form}
          name="proposingAgencyId"
          label={t("meetings.candidateForm.proposing")}
          placeholder=""
          state={state}
          options={props.agencies.map((a) => ({ value: a.id, label: a.name[v.locale] }))}
        />
        <Field v={v} form={form} name="petitionRef" label={labels.petitionRef} type="url" state={state} />
        <Field
          v={v}
          form={form}
          name="endorsements"
          label={labels.endorsements}
          type="number"
          min={0}
          state={state}
        />
        <Choices
          v={v}
          form={form}
          name="criteria"
          legend={labels.criteria}
          type="checkbox"
          state={state}
          options={selectionCriteria
            .filter((k) => !k.automatic)
            .map((k) => ({ value: k.key, label: k.label[v.locale] }))}
        />
        <Choices
          v={v}
          form={form}
          name="urgent"
          legend={t("meetings.meeting.urgent")}
          type="checkbox"
          state={state}
          options={[{ value: "1", label: t("meetings.candidateForm.urgent", { max: m.rules.maxUrgent }) }]}
        />
        <TextArea
          v={v}
          form={form}
          name="internalNote"
          label={t("meetings.candidateForm.note")}
          state={state}
        />
        <Submit label={t("meetings.candidateForm.submit")} />
      </Form>
    </section>
  );
}

function OrganiserPanel(props: { v: View; m: MeetingView; agencies: AgencyOption[]; state?: FormState }) {
  const { v, m } = props;
  const { t } = v;
  const base = `/meetings/${m.id}`;
  const canIssue = m.ballot.state === "none" || (m.ballot.state === "closed" && m.ballot.rerunRequired);
  const tied = m.candidates.filter((c) => c.state === "tied");
  return (
    <section aria-labelledby="meeting-organise-title" id="meeting-organise">
      <h2 id="meeting-organise-title">{t("meetings.organise.title")}</h2>
      {canIssue && m.candidates.some((c) => c.state === "candidate") ? (
        <ActionButton
          v={v}
          action={`${base}/ballots`}
          variant="primary"
          label={m.ballot.state === "none" ? t("meetings.organise.issue") : t("meetings.organise.reissue")}
        />
      ) : null}
      {m.ballot.state === "open" && m.rollCall ? (
        <>
          <form method="post" action={`${base}/attendance`} class="stack-form" id="roll-call">
            <CsrfField v={v} />
            <fieldset>
              <legend>{t("meetings.organise.rollCall")}</legend>
              <p class="hint">{t("meetings.organise.rollCallHint")}</p>
              {m.rollCall.map((p) => (
                <div class="choice">
                  <input
                    type="checkbox"
                    name="present"
                    value={p.personId}
                    id={`present-${p.personId}`}
                    checked={p.present}
                  />
                  <label for={`present-${p.personId}`}>
                    {v.locale === "en" ? p.nameEn || p.name : p.name}
                  </label>
                </div>
              ))}
            </fieldset>
            <Submit label={t("meetings.organise.saveRollCall")} variant="secondary" />
          </form>
          <ActionButton
            v={v}
            action={`${base}/close`}
            variant="primary"
            label={t("meetings.organise.close")}
          />
        </>
      ) : null}
      {m.ballot.state === "none" ? (
        <CandidateForm v={v} m={m} agencies={props.agencies} state={props.state} />
      ) : null}
      {tied.map((c) => (
        <ActionButton
          v={v}
          action={`${base}/candidates/${c.id}/choose`}
          label={t("meetings.organise.choose", { title: c.title })}
        />
      ))}
    </section>
  );
}

function MeetingPage(props: {
  v: View;
  m: MeetingView;
  notice?: string;
  error?: string;
  agencies?: AgencyOption[];
  state?: FormState;
}) {
  const { v, m } = props;
  const { t } = v;
  const titles = new Map(m.candidates.map((c) => [c.id, c.title]));
  return (
    <>
      <h1>{m.title}</h1>
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      {props.error ? <Alert>{props.error}</Alert> : null}
      <p class="transcript-meta">
        <span class="tag">{t(`meetings.kind.${m.kind}`)}</span>{" "}
        {t("meetings.meeting.when", { date: m.date, time: m.startTime })}
        {m.location ? ` · ${t("meetings.meeting.where", { place: m.location })}` : null}
      </p>
      <section aria-labelledby="meeting-agenda-title" id="meeting-agenda">
        <h2 id="meeting-agenda-title">{t("meetings.meeting.agendaTitle")}</h2>
        <ol>
          {m.agenda.map((a) => (
            <li>
              <h3>{t(`meetings.meeting.item.${a.item}`)}</h3>
              {a.item === "vote" ? (
                <p>
                  <a href="#meeting-vote">{t("meetings.meeting.ballotTitle")}</a>
                </p>
              ) : a.item === "candidates" ? (
                <p>
                  <a href="#meeting-candidates">{t("meetings.meeting.candidatesTitle")}</a>
                </p>
              ) : (
                <>
                  <Entries v={v} item={a.item} entries={a.entries} />
                  {a.item === "tracked-cases" ? (
                    <p>
                      <a href={`/meetings/${m.id}/tracking`}>{t("commitments.page.trackingLink")}</a>
                    </p>
                  ) : null}
                </>
              )}
            </li>
          ))}
        </ol>
      </section>
      {m.kind === "monthly" ? (
        <>
          <section aria-labelledby="meeting-candidates-title" id="meeting-candidates">
            <h2 id="meeting-candidates-title">{t("meetings.meeting.candidatesTitle")}</h2>
            {m.candidates.length ? (
              <ol>
                {m.candidates.map((c) => (
                  <CandidateItem v={v} c={c} />
                ))}
              </ol>
            ) : (
              <p class="empty">{t("meetings.meeting.none")}</p>
            )}
          </section>
          <section aria-labelledby="meeting-vote-title" id="meeting-vote">
            <h2 id="meeting-vote-title">{t("meetings.meeting.ballotTitle")}</h2>
            <p>{t(`meetings.meeting.ballotState.${m.ballot.state}`)}</p>
            <p>
              {t("meetings.meeting.rules", {
                votes: m.ballot.votesPerVoter,
                threshold: percent(m.rules.threshold),
                winners: m.rules.maxWinners,
                urgent: m.rules.maxUrgent,
              })}
            </p>
            <p>{m.anonymous ? t("meetings.meeting.anonymous") : t("meetings.meeting.named")}</p>
            {m.ballot.state !== "none" ? (
              <p>
                {t("meetings.meeting.turnout", {
                  eligible: m.ballot.eligibleVoters,
                  present: m.ballot.present,
                })}
                {m.ballot.ballotsCast !== null
                  ? ` ${t("meetings.meeting.cast", { cast: m.ballot.ballotsCast })}`
                  : null}
              </p>
            ) : null}
            {m.tally ? (
              <>
                <h3>{t("meetings.meeting.tallyTitle")}</h3>
                {m.tally.rerunRequired ? <Alert>{t("meetings.meeting.rerun")}</Alert> : null}
                <div class="table-wrap">
                  <table id="meeting-tally">
                    <thead>
                      <tr>
                        <th scope="col">{t("meetings.meeting.topic")}</th>
                        <th scope="col">{t("meetings.meeting.votes")}</th>
                        <th scope="col">{t("meetings.meeting.share")}</th>
                        <th scope="col">{t("meetings.meeting.outcome")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {m.tally.results.map((r) => (
                        <tr>
                          <th scope="row">{titles.get(r.candidateId)}</th>
                          <td>{r.votes}</td>
                          <td>{percent(r.share)}</td>
                          <td>{t(`meetings.meeting.result.${r.outcome}`)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            ) : null}
          </section>
          {m.can.organise ? (
            <OrganiserPanel v={v} m={m} agencies={props.agencies ?? []} state={props.state} />
          ) : null}
        </>
      ) : null}
    </>
  );
}

function BallotPage(props: { v: View; b: BallotView; token: string; done?: boolean; error?: string }) {
  const { v, b } = props;
  const { t } = v;
  return (
    <div class="narrow">
      <h1>{t("meetings.ballot.title")}</h1>
      {props.done ? <Notice>{t("meetings.ballot.done")}</Notice> : null}
      {props.error ? <Alert>{props.error}</Alert> : null}
      {b.state === "open" && !props.done ? (
        <>
          <p class="lead">
            {t("meetings.ballot.lead", { votes: b.votesPerVoter, meeting: b.meeting.title })}
          </p>
          <p>{b.meeting.anonymous ? t("meetings.ballot.anonymous") : t("meetings.ballot.named")}</p>
          <form method="post" action={`/ballot/${props.token}`} class="stack-form" id="ballot-form">
            <CsrfField v={v} />
            <fieldset>
              <legend>{t("meetings.ballot.choices")}</legend>
              {b.candidates.map((c) => (
                <div class="choice">
                  <input type="checkbox" name="choices" value={c.id} id={`choice-${c.id}`} />
                  <label for={`choice-${c.id}`}>{c.title}</label>
                  {c.summary ? <p class="hint">{c.summary}</p> : null}
                </div>
              ))}
            </fieldset>
            <Submit label={t("meetings.ballot.submit")} />
          </form>
        </>
      ) : !props.done ? (
        <p>{t(`meetings.ballot.${b.state}`)}</p>
      ) : null}
      <p>
        <a href={b.meeting.url}>{t("meetings.ballot.meetingLink")}</a>
      </p>
    </div>
  );
}

/** The meeting pages and the voters' ballot page. */
export function meetingPages(app: Hono<AppEnv>, kit: PageKit) {
  const deps: MeetingsDeps = {
    db: kit.deps.database.db,
    clock: kit.deps.clock,
    publicUrl: kit.deps.config.publicUrl,
    secret: kit.deps.config.sessionSecret,
  };
  const agencyOptions = async () =>
    (await listAgencies(kit.dir, { level: 2, kind: "agency" })).map((a) => ({ id: a.id, name: a.name }));
  const link = (c: Ctx) => ({
    token: c.req.param("token") ?? "",
    clientKey: clientKey(c, kit.deps.config.trustProxy),
  });

  app.get("/meetings", async (c) => {
    const v = kit.view(c);
    const kind = c.req.query("kind");
    if (kind && !(meetingKinds as readonly string[]).includes(kind))
      throw fail.invalid("kind", "is not one of the choices");
    const page = await listMeetings(deps, {
      kind: (kind || undefined) as (typeof meetingKinds)[number] | undefined,
      cursor: c.req.query("cursor") || undefined,
      limit: 50,
    });
    const body = (
      <>
        <h1>{v.t("meetings.index.title")}</h1>
        <p class="lead">{v.t("meetings.index.lead")}</p>
        {page.items.length ? (
          <ol class="transcript-list" id="meeting-list">
            {page.items.map((m) => (
              <li>
                <a href={m.url} class="transcript-title">
                  {m.title}
                </a>
                <p class="transcript-meta">
                  <span class="tag">{v.t(`meetings.kind.${m.kind}`)}</span>{" "}
                  <Time v={v} at={`${m.date}T12:00:00+08:00`} style="date" />
                </p>
              </li>
            ))}
          </ol>
        ) : (
          <p class="empty">{v.t("meetings.index.empty")}</p>
        )}
        {page.next ? (
          <nav aria-label={v.t("meetings.index.pages")} class="pager">
            <a
              href={`/meetings?cursor=${encodeURIComponent(page.next)}${kind ? `&kind=${kind}` : ""}`}
              rel="next"
            >
              {v.t("meetings.index.next")}
            </a>
          </nav>
        ) : null}
      </>
    );
    return c.html(renderPage(v, { title: v.t("meetings.index.title"), nav: "cases" }, body));
  });

  app.get("/meetings/:id", async (c) => {
    const v = kit.view(c);
    const id = c.req.param("id");
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw fail.notFound();
    const m = await getMeeting(deps, v.actor, id);
    const agencies = m.can.organise ? await agencyOptions() : [];
    return c.html(
      renderPage(v, { title: m.title, nav: "cases" }, <MeetingPage v={v} m={m} agencies={agencies} />),
    );
  });

  // PDIS adds a candidate from the meeting page; a refused one comes back with its problems by field.
  app.post("/meetings/:id/candidates", async (c) => {
    const v = kit.view(c);
    const id = c.req.param("id");
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw fail.notFound();
    if (!v.actor.personId)
      return c.redirect(`/sign-in?redirectTo=${encodeURIComponent(`/meetings/${id}`)}`, 303);
    const values = await readForm(c);
    const state: FormState = { values, errors: {} };
    const source = str(values, "source");
    const endorsements = str(values, "endorsements");
    let notice: string | undefined;
    let status: 200 | 400 | 403 | 409 = 200;
    try {
      if (!(candidateSources as readonly string[]).includes(source))
        throw fail.invalid("source", "is not one of the choices");
      if (endorsements && !/^\d{1,9}$/.test(endorsements))
        throw fail.invalid("endorsements", "must be a number");
      const answers = Object.fromEntries(list(values, "criteria").map((k) => [k, true]));
      await addCandidate(deps, v.actor, id, {
        source: source as (typeof candidateSources)[number],
        title: str(values, "title"),
        summary: str(values, "summary") || undefined,
        proposedLeadAgencyId: str(values, "proposedLeadAgencyId") || undefined,
        proposingAgencyId: str(values, "proposingAgencyId") || undefined,
        petitionRef: str(values, "petitionRef") || undefined,
        endorsements: endorsements ? Number(endorsements) : undefined,
        urgent: list(values, "urgent").includes("1"),
        criteria: answers,
        internalNote: str(values, "internalNote") || undefined,
      });
      notice = v.t("meetings.candidateForm.added");
    } catch (err) {
      if (!(err instanceof AppError) || err.def.status === 404 || err.def.status >= 500) throw err;
      status = err.def.status as 400 | 403 | 409;
      const field = err.field?.split(".")[0] ?? "";
      if (field) state.errors[field] = err.localized(v.locale);
      else state.alert = err.localized(v.locale);
    }
    const failed = Object.keys(state.errors).length > 0 || !!state.alert;
    const m = await getMeeting(deps, v.actor, id);
    return c.html(
      renderPage(
        v,
        { title: m.title, nav: "cases", langPath: `/meetings/${id}`, hasError: failed },
        <MeetingPage
          v={v}
          m={m}
          notice={notice}
          agencies={m.can.organise ? await agencyOptions() : []}
          state={failed ? state : undefined}
        />,
      ),
      status,
    );
  });

  // A ballot link is a credential: keep the page out of caches and search engines.
  app.get("/ballot/:token", async (c) => {
    const v = kit.view(c);
    c.header("Cache-Control", "no-store");
    const b = await getBallot(deps, link(c));
    return c.html(
      renderPage(
        v,
        { title: v.t("meetings.ballot.title"), noindex: true },
        <BallotPage v={v} b={b} token={c.req.param("token")} />,
      ),
    );
  });

  app.post("/ballot/:token", async (c) => {
    const v = kit.view(c);
    c.header("Cache-Control", "no-store");
    const form = await c.req.parseBody({ all: true });
    const raw = form["choices"];
    const choices = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
      (x): x is string => typeof x === "string",
    );
    const token = c.req.param("token");
    let error: AppError | null = null;
    try {
      await castBallot(deps, link(c), { choices });
    } catch (err) {
      if (!(err instanceof AppError) || err.def.status === 404 || err.def.status === 429) throw err;
      error = err;
    }
    const b = await getBallot(deps, link(c));
    return c.html(
      renderPage(
        v,
        { title: v.t("meetings.ballot.title"), noindex: true, hasError: !!error },
        <BallotPage v={v} b={b} token={token} done={!error} error={error?.localized(v.locale)} />,
      ),
      error ? (error.def.status as 400 | 409) : 200,
    );
  });

  /** Runs an organiser's action from the meeting page, then shows the meeting with its outcome. */
  const organiserAction = (path: string, run: (c: Ctx, id: string) => Promise<string>) =>
    app.post(`/meetings/:id/${path}`, async (c) => {
      const v = kit.view(c);
      const id = c.req.param("id");
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw fail.notFound();
      if (!v.actor.personId)
        return c.redirect(`/sign-in?redirectTo=${encodeURIComponent(`/meetings/${id}`)}`, 303);
      let notice: string | undefined;
      let error: AppError | null = null;
      try {
        notice = await run(c, id);
      } catch (err) {
        if (!(err instanceof AppError) || err.def.status === 404 || err.def.status >= 500) throw err;
        error = err;
      }
      const m = await getMeeting(deps, v.actor, id);
      return c.html(
        renderPage(
          v,
          { title: m.title, nav: "cases", langPath: `/meetings/${id}`, hasError: !!error },
          <MeetingPage v={v} m={m} notice={notice} error={error?.localized(v.locale)} />,
        ),
        error ? (error.def.status as 400 | 403 | 409) : 200,
      );
    });

  organiserAction("ballots", async (c, id) => {
    const r = await issueBallots(deps, kit.view(c).actor, id);
    return kit.view(c).t("meetings.organise.issued", { count: r.issued });
  });
  organiserAction("attendance", async (c, id) => {
    const v = kit.view(c);
    const form = await c.req.parseBody({ all: true });
    const raw = form["present"];
    const ticked = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
      (x): x is string => typeof x === "string",
    );
    await setRollCall(deps, v.actor, id, ticked);
    return v.t("meetings.organise.saved");
  });
  organiserAction("close", async (c, id) => {
    await closeBallot(deps, kit.view(c).actor, id);
    return kit.view(c).t("meetings.organise.closed");
  });
  organiserAction("candidates/:candidateId/choose", async (c, id) => {
    await chooseTiedCandidate(deps, kit.view(c).actor, id, c.req.param("candidateId") ?? "");
    return kit.view(c).t("meetings.organise.chosen");
  });
}
