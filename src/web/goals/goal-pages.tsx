// Pages of the goals module: goals (/goals, /goals/{id}), a case's practice checklist
// (/cases/{number}/checklist) and one's own contribution record (/me/contributions). The same use
// cases as /api/v1/goals, /api/v1/cases/{number}/checklist and /api/v1/me/contributions. Nothing here
// counts, scores or ranks people.
import type { Hono } from "hono";
import { AppError, fail } from "../../platform/http/errors.ts";
import { listAgencies, orgLabels, type AppEnv } from "../../modules/directory/index.ts";
import {
  addGoalNote,
  checklistItems,
  createGoal,
  getChecklist,
  getContributions,
  getGoal,
  goalStatuses,
  goalVisibilities,
  listGoals,
  requestChecklistReview,
  reviewChecklistItem,
  reviewVerdicts,
  setChecklistItem,
  updateGoal,
  type GoalsDeps,
} from "../../modules/goals/index.ts";
import { Alert, Choices, Field, Notice, Select, Submit, TextArea } from "../components.tsx";
import { readForm, str } from "../forms.ts";
import type { PageKit } from "../deps.ts";
import { CsrfField, renderPage } from "../layout.tsx";
import { personName, Time, tx, type Ctx, type View } from "../view.tsx";

type GoalView = Awaited<ReturnType<typeof getGoal>>;
type GoalList = Awaited<ReturnType<typeof listGoals>>["items"];
type ChecklistView = Awaited<ReturnType<typeof getChecklist>>;
type ContributionsView = Awaited<ReturnType<typeof getContributions>>;
type Team = { id: string; name: { "zh-TW": string; en: string } };
type Outcome = { notice?: string; error?: string };

const isHttp = (s: string | null) => !!s && /^https?:\/\//i.test(s);

function ownerText(v: View, g: GoalList[number]): string {
  if (g.owner.team) return v.t("goals.goal.ownerTeam", { team: g.owner.team.name[v.locale] });
  return g.owner.person ? personName(g.owner.person, v.locale) : "";
}

function Outcome(props: { o?: Outcome }) {
  if (props.o?.error) return <Alert>{props.o.error}</Alert>;
  if (props.o?.notice) return <Notice>{props.o.notice}</Notice>;
  return null;
}

function GoalItems(props: { v: View; items: GoalList; id: string; title: string }) {
  const { v, items } = props;
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {items.length ? (
        <ul class="plain-list">
          {items.map((g) => (
            <li>
              <a href={g.url}>{g.title}</a> — {v.t(`goals.status.${g.status}`)} ·{" "}
              {v.t(`goals.visibility.${g.visibility}`)} · {ownerText(v, g)}
              {g.targetOn ? <> · {v.t("goals.goal.targetLine", { date: g.targetOn })}</> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{v.t("goals.index.empty")}</p>
      )}
    </section>
  );
}

function GoalIndex(props: { v: View; items: GoalList; teams: Team[]; o?: Outcome }) {
  const { v, items, teams } = props;
  const { t } = v;
  const me = v.actor.personId;
  const teamIds = new Set(teams.map((x) => x.id));
  const form = "goal-new";
  return (
    <div class="narrow">
      <h1>{t("goals.index.title")}</h1>
      <p class="lead">{t("goals.index.lead")}</p>
      <p>
        <a href="/me/contributions">{t("goals.index.contributions")}</a>
      </p>
      <Outcome o={props.o} />
      <GoalItems
        v={v}
        id="goals-mine"
        title={t("goals.index.mine")}
        items={items.filter((g) => g.owner.person?.id === me)}
      />
      <GoalItems
        v={v}
        id="goals-teams"
        title={t("goals.index.teams")}
        items={items.filter((g) => !!g.owner.team && teamIds.has(g.owner.team.id))}
      />
      <GoalItems
        v={v}
        id="goals-shared"
        title={t("goals.index.shared")}
        items={items.filter(
          (g) => g.owner.person?.id !== me && !(g.owner.team && teamIds.has(g.owner.team.id)),
        )}
      />
      <section aria-labelledby="goal-new-title">
        <h2 id="goal-new-title">{t("goals.index.newTitle")}</h2>
        <form method="post" action="/goals" class="stack-form" id={form}>
          <CsrfField v={v} />
          <Field v={v} form={form} name="title" label={t("goals.goal.title")} required maxlength={200} />
          <TextArea v={v} form={form} name="description" label={t("goals.goal.description")} />
          <Field
            v={v}
            form={form}
            name="targetOn"
            label={t("goals.goal.targetOn")}
            hint={t("goals.goal.targetOnHint")}
          />
          <Select
            v={v}
            form={form}
            name="teamId"
            label={t("goals.goal.owner")}
            required
            options={[
              { value: "", label: t("goals.goal.ownerSelf") },
              ...teams.map((x) => ({
                value: x.id,
                label: t("goals.goal.ownerTeam", { team: x.name[v.locale] }),
              })),
            ]}
          />
          <Choices
            v={v}
            form={form}
            name="visibility"
            type="radio"
            required
            legend={t("goals.goal.visibility")}
            checked={["private"]}
            options={goalVisibilities.map((x) => ({ value: x, label: t(`goals.visibility.${x}`) }))}
          />
          <Submit label={t("goals.goal.create")} />
        </form>
      </section>
    </div>
  );
}

function GoalPage(props: { v: View; g: GoalView; o?: Outcome }) {
  const { v, g } = props;
  const { t } = v;
  const owners = g.owner.team
    ? t("goals.goal.ownersTeam", { team: g.owner.team.name[v.locale] })
    : t("goals.goal.ownersPerson", { name: g.owner.person ? personName(g.owner.person, v.locale) : "" });
  return (
    <div class="narrow">
      <p>
        <a href="/goals">{t("goals.index.title")}</a>
      </p>
      <h1>{g.title}</h1>
      <p class="notice notice-info">{t(`goals.visibleTo.${g.visibleTo}`)}</p>
      <Outcome o={props.o} />
      <dl>
        <dt>{t("goals.goal.status")}</dt>
        <dd>{t(`goals.status.${g.status}`)}</dd>
        <dt>{t("goals.goal.owner")}</dt>
        <dd>{ownerText(v, g)}</dd>
        {g.targetOn ? (
          <>
            <dt>{t("goals.goal.targetOn")}</dt>
            <dd>{g.targetOn}</dd>
          </>
        ) : null}
      </dl>
      {g.description ? <p class="notes">{g.description}</p> : null}
      <p class="muted">{t("goals.goal.editableBy", { owners })}</p>
      <section aria-labelledby="goal-notes-title">
        <h2 id="goal-notes-title">{t("goals.goal.notesTitle")}</h2>
        {g.notes.length ? (
          <ol class="plain-list">
            {g.notes.map((n) => (
              <li>
                <Time v={v} at={n.at} style="date" />
                {n.author ? <> — {t("goals.goal.by", { name: personName(n.author, v.locale) })}</> : null}
                {n.status ? (
                  <strong> · {t("goals.goal.movedTo", { status: t(`goals.status.${n.status}`) })}</strong>
                ) : null}
                {n.body ? <p class="notes">{n.body}</p> : null}
              </li>
            ))}
          </ol>
        ) : (
          <p class="empty">{t("goals.goal.noNotes")}</p>
        )}
      </section>
      {g.can.edit ? (
        <>
          <form method="post" action={`/goals/${g.id}/notes`} class="stack-form" id="goal-note">
            <CsrfField v={v} />
            <TextArea v={v} form="goal-note" name="body" label={t("goals.goal.noteBody")} required />
            <Select
              v={v}
              form="goal-note"
              name="status"
              label={t("goals.goal.noteStatus")}
              options={[
                { value: "", label: t("goals.goal.noteStatusKeep") },
                ...goalStatuses.map((s) => ({ value: s, label: t(`goals.status.${s}`) })),
              ]}
            />
            <Submit label={t("goals.goal.addNote")} />
          </form>
          <section aria-labelledby="goal-edit-title">
            <h2 id="goal-edit-title">{t("goals.goal.editTitle")}</h2>
            <form method="post" action={`/goals/${g.id}`} class="stack-form" id="goal-edit">
              <CsrfField v={v} />
              <Field
                v={v}
                form="goal-edit"
                name="title"
                label={t("goals.goal.title")}
                required
                value={g.title}
              />
              <TextArea
                v={v}
                form="goal-edit"
                name="description"
                label={t("goals.goal.description")}
                state={{ values: { description: g.description }, errors: {} }}
              />
              <Field
                v={v}
                form="goal-edit"
                name="targetOn"
                label={t("goals.goal.targetOn")}
                hint={t("goals.goal.targetOnHint")}
                value={g.targetOn ?? ""}
              />
              <Select
                v={v}
                form="goal-edit"
                name="status"
                label={t("goals.goal.status")}
                required
                value={g.status}
                options={goalStatuses.map((s) => ({ value: s, label: t(`goals.status.${s}`) }))}
              />
              <Choices
                v={v}
                form="goal-edit"
                name="visibility"
                type="radio"
                required
                legend={t("goals.goal.visibility")}
                checked={[g.visibility]}
                options={goalVisibilities.map((x) => ({ value: x, label: t(`goals.visibility.${x}`) }))}
              />
              <Submit label={t("goals.goal.save")} variant="secondary" />
            </form>
          </section>
        </>
      ) : null}
    </div>
  );
}

function ChecklistPage(props: { v: View; c: ChecklistView; agencies: Team[]; o?: Outcome }) {
  const { v, c } = props;
  const { t } = v;
  const base = `/cases/${c.case.number}/checklist`;
  const itemName = (item: string) => t(`goals.item.${item}`);
  return (
    <div class="narrow">
      <p>
        <a href={c.case.url}>
          {t("goals.checklist.back")}: {c.case.title}
        </a>
      </p>
      <h1>{t("goals.checklist.title", { number: c.case.number })}</h1>
      <p class="lead">{t("goals.checklist.lead")}</p>
      <p class="notice notice-info">{t("goals.checklist.visibleTo")}</p>
      <Outcome o={props.o} />
      <ol class="plain-list">
        {c.items.map((i) => {
          const form = `checklist-${i.item}`;
          return (
            <li id={`item-${i.item}`}>
              <h2>{itemName(i.item)}</h2>
              <p>
                <strong>{i.done ? t("goals.checklist.done") : t("goals.checklist.notDone")}</strong>
                {i.updatedBy && i.updatedAt ? (
                  <>
                    {" "}
                    —{" "}
                    {tx(v, "goals.checklist.tickedBy", {
                      name: personName(i.updatedBy, v.locale),
                      date: <Time v={v} at={i.updatedAt} style="date" />,
                    })}
                  </>
                ) : null}
              </p>
              {i.note ? <p class="notes">{i.note}</p> : null}
              {isHttp(i.evidenceUrl) ? (
                <p>
                  <a href={i.evidenceUrl!} rel="noopener noreferrer">
                    {t("goals.checklist.evidence")}
                  </a>
                </p>
              ) : null}
              {c.can.edit ? (
                <form method="post" action={`${base}/${i.item}`} class="stack-form" id={form}>
                  <CsrfField v={v} />
                  <Choices
                    v={v}
                    form={form}
                    name="done"
                    type="checkbox"
                    legend={itemName(i.item)}
                    checked={i.done ? ["yes"] : []}
                    options={[{ value: "yes", label: t("goals.checklist.markDone") }]}
                  />
                  <Field
                    v={v}
                    form={form}
                    name="note"
                    label={t("goals.checklist.note")}
                    value={i.note ?? ""}
                  />
                  <Field
                    v={v}
                    form={form}
                    name="evidenceUrl"
                    type="url"
                    label={t("goals.checklist.evidenceUrl")}
                    value={i.evidenceUrl ?? ""}
                  />
                  <Submit label={t("goals.checklist.save", { item: itemName(i.item) })} variant="secondary" />
                </form>
              ) : null}
            </li>
          );
        })}
      </ol>
      <section aria-labelledby="checklist-reviews-title">
        <h2 id="checklist-reviews-title">{t("goals.checklist.reviewsTitle")}</h2>
        {c.reviews.length ? null : <p class="empty">{t("goals.checklist.noReviews")}</p>}
        {c.reviews.map((r) => {
          const agencyName = r.agency?.name[v.locale] ?? "";
          const mine = !!r.agency && c.can.reviewFor.includes(r.agency.id);
          return (
            <div>
              <h3>{agencyName}</h3>
              <p class="muted">
                {t("goals.checklist.requestedBy", {
                  agency: agencyName,
                  name: r.requestedBy ? personName(r.requestedBy, v.locale) : "",
                  date: r.requestedAt.slice(0, 10),
                })}
              </p>
              {r.note ? <p class="notes">{r.note}</p> : null}
              <ul class="plain-list">
                {checklistItems.map((item) => {
                  const done = r.items.find((x) => x.item === item);
                  return (
                    <li>
                      {itemName(item)}:{" "}
                      {done ? (
                        <>
                          <strong>{t(`goals.verdict.${done.verdict}`)}</strong>
                          {done.comment ? <> — {done.comment}</> : null}
                          {done.reviewer ? <> ({personName(done.reviewer, v.locale)})</> : null}
                        </>
                      ) : (
                        t("goals.checklist.notReviewed")
                      )}
                    </li>
                  );
                })}
              </ul>
              {mine ? (
                <section aria-labelledby={`review-${r.agency!.id}`}>
                  <h4 id={`review-${r.agency!.id}`}>
                    {t("goals.checklist.reviewTitle", { agency: agencyName })}
                  </h4>
                  {checklistItems.map((item) => {
                    const form = `review-${item}`;
                    const done = r.items.find((x) => x.item === item);
                    return (
                      <form
                        method="post"
                        action={`${base}/reviews/${r.agency!.id}/${item}`}
                        class="stack-form"
                        id={form}
                      >
                        <CsrfField v={v} />
                        <Choices
                          v={v}
                          form={form}
                          name="verdict"
                          type="radio"
                          required
                          legend={t("goals.checklist.verdict", { item: itemName(item) })}
                          checked={done ? [done.verdict] : []}
                          options={reviewVerdicts.map((x) => ({ value: x, label: t(`goals.verdict.${x}`) }))}
                        />
                        <Field
                          v={v}
                          form={form}
                          name="comment"
                          label={t("goals.checklist.comment")}
                          hint={t("goals.checklist.commentHint")}
                          value={done?.comment ?? ""}
                        />
                        <Submit
                          label={t("goals.checklist.saveReview", { item: itemName(item) })}
                          variant="secondary"
                        />
                      </form>
                    );
                  })}
                </section>
              ) : null}
            </div>
          );
        })}
        {c.can.edit ? (
          <form method="post" action={`${base}/reviews`} class="stack-form" id="checklist-review-request">
            <CsrfField v={v} />
            <h3>{t("goals.checklist.requestTitle")}</h3>
            <Select
              v={v}
              form="checklist-review-request"
              name="agencyId"
              label={t("goals.checklist.agency")}
              required
              placeholder=""
              options={props.agencies.map((a) => ({ value: a.id, label: a.name[v.locale] }))}
            />
            <Field
              v={v}
              form="checklist-review-request"
              name="note"
              label={t("goals.checklist.requestNote")}
            />
            <Submit label={t("goals.checklist.request")} variant="secondary" />
          </form>
        ) : null}
      </section>
    </div>
  );
}

function ContributionsPage(props: { v: View; r: ContributionsView }) {
  const { v, r } = props;
  const { t } = v;
  const none = <p class="empty">{t("goals.contributions.none")}</p>;
  const part = (p: string) =>
    p.startsWith("stage:")
      ? t("goals.contributions.part.stage", { stage: t(`cases.stage.${p.slice(6)}`) })
      : t(`goals.contributions.part.${p}`);
  return (
    <div class="narrow">
      <h1>{t("goals.contributions.title")}</h1>
      <p class="lead">{t("goals.contributions.lead")}</p>
      <p class="notice notice-info">{t("goals.contributions.visibleTo")}</p>
      <p>
        {t("goals.contributions.person", { name: personName(r.person, v.locale) })} ·{" "}
        {t("goals.contributions.generated", { date: r.generatedAt.slice(0, 10) })}
      </p>
      <p>
        {t("goals.contributions.export")}{" "}
        <a href="/api/v1/me/contributions.csv">{t("goals.contributions.csv")}</a> ·{" "}
        <a href="/api/v1/me/contributions.json">{t("goals.contributions.json")}</a> ·{" "}
        {t("goals.contributions.print")}
      </p>
      <section aria-labelledby="contrib-cases">
        <h2 id="contrib-cases">{t("goals.contributions.casesOrganised")}</h2>
        {r.casesOrganised.length ? (
          <ul>
            {r.casesOrganised.map((c) => (
              <li>
                <a href={c.url}>{t("goals.contributions.case", { number: c.number, title: c.title })}</a> —{" "}
                {c.parts.map(part).join("、")} ·{" "}
                {t("goals.contributions.since", { date: c.since.slice(0, 10) })}
              </li>
            ))}
          </ul>
        ) : (
          none
        )}
      </section>
      <section aria-labelledby="contrib-tables">
        <h2 id="contrib-tables">{t("goals.contributions.tablesFacilitated")}</h2>
        {r.tablesFacilitated.length ? (
          <ul>
            {r.tablesFacilitated.map((x) => (
              <li>
                <a href={x.url}>{t("goals.contributions.case", { number: x.number, title: x.title })}</a> —{" "}
                {t(`goals.contributions.role.${x.role}`)}
                {x.table ? <> ({t("goals.contributions.table", { label: x.table })})</> : null} ·{" "}
                <Time v={v} at={x.at} style="date" />
              </li>
            ))}
          </ul>
        ) : (
          none
        )}
      </section>
      <section aria-labelledby="contrib-given">
        <h2 id="contrib-given">{t("goals.contributions.helpGiven")}</h2>
        {r.helpGiven.length ? (
          <ul>
            {r.helpGiven.map((h) => (
              <li>
                <a href={h.url}>{h.title}</a> — {t(`goals.contributions.part.${h.part}`)}
                {h.at ? (
                  <>
                    {" "}
                    · <Time v={v} at={h.at} style="date" />
                  </>
                ) : null}{" "}
                · {t("goals.contributions.asked", { date: h.askedAt.slice(0, 10) })}
              </li>
            ))}
          </ul>
        ) : (
          none
        )}
      </section>
      <section aria-labelledby="contrib-received">
        <h2 id="contrib-received">{t("goals.contributions.helpReceived")}</h2>
        {r.helpReceived.length ? (
          <ul>
            {r.helpReceived.map((h) => (
              <li>
                <a href={h.url}>{h.title}</a> —{" "}
                {t("goals.contributions.asked", { date: h.askedAt.slice(0, 10) })}
                {h.answeredAt ? (
                  <> · {t("goals.contributions.answeredOn", { date: h.answeredAt.slice(0, 10) })}</>
                ) : null}{" "}
                · {t("goals.contributions.state", { state: t(`web.help.state.${h.state}`) })}
              </li>
            ))}
          </ul>
        ) : (
          none
        )}
      </section>
    </div>
  );
}

/** Runs an action; an expected refusal (400/403/409) becomes the page's alert and status. */
async function attempt(
  run: () => Promise<string>,
  v: View,
): Promise<{ o: Outcome; status: 200 | 400 | 403 | 409 }> {
  try {
    return { o: { notice: await run() }, status: 200 };
  } catch (err) {
    if (!(err instanceof AppError) || err.def.status === 404 || err.def.status >= 500) throw err;
    return { o: { error: err.localized(v.locale) }, status: err.def.status as 400 | 403 | 409 };
  }
}

/** The goals, checklist and contribution pages. */
export function goalPages(app: Hono<AppEnv>, kit: PageKit) {
  const deps: GoalsDeps = {
    db: kit.deps.database.db,
    clock: kit.deps.clock,
    publicUrl: kit.deps.config.publicUrl,
  };
  const signIn = (c: Ctx, path: string) => c.redirect(`/sign-in?redirectTo=${encodeURIComponent(path)}`, 303);
  const teamsOf = async (v: View): Promise<Team[]> => {
    const ids = [...new Set(v.actor.grants.flatMap((g) => [g.agencyId, g.orgId]))];
    const labels = await orgLabels(deps.db, ids);
    return ids.flatMap((id) => {
      const l = labels.get(id);
      return l ? [{ id, name: l.name }] : [];
    });
  };

  const renderIndex = async (c: Ctx, o?: Outcome, status: 200 | 400 | 403 | 409 = 200) => {
    const v = kit.view(c);
    const [{ items }, teams] = await Promise.all([listGoals(deps, v.actor), teamsOf(v)]);
    // Goals are for signed-in people, and some are private: never kept by a shared cache.
    c.header("Cache-Control", "no-store");
    return c.html(
      renderPage(
        v,
        { title: v.t("goals.index.title"), nav: "work", langPath: "/goals", hasError: !!o?.error },
        <GoalIndex v={v} items={items} teams={teams} o={o} />,
      ),
      status,
    );
  };

  app.get("/goals", async (c) => {
    if (!kit.view(c).actor.personId) return signIn(c, "/goals");
    return renderIndex(c);
  });

  app.post("/goals", async (c) => {
    const v = kit.view(c);
    if (!v.actor.personId) return signIn(c, "/goals");
    const form = await readForm(c);
    let id = "";
    const { o, status } = await attempt(async () => {
      const g = await createGoal(deps, v.actor, {
        title: str(form, "title"),
        description: str(form, "description") || undefined,
        targetOn: str(form, "targetOn") || undefined,
        visibility: str(form, "visibility") || "private",
        teamId: str(form, "teamId") || undefined,
      });
      id = g.id;
      return "";
    }, v);
    if (status === 200) return c.redirect(`/goals/${id}`, 303);
    return renderIndex(c, o, status);
  });

  const renderGoal = async (c: Ctx, id: string, o?: Outcome, status: 200 | 400 | 403 | 409 = 200) => {
    const v = kit.view(c);
    const g = await getGoal(deps, v.actor, id);
    c.header("Cache-Control", "no-store");
    return c.html(
      renderPage(
        v,
        { title: g.title, nav: "work", langPath: `/goals/${g.id}`, hasError: !!o?.error, noindex: true },
        <GoalPage v={v} g={g} o={o} />,
      ),
      status,
    );
  };

  app.get("/goals/:id", async (c) => {
    const id = c.req.param("id");
    if (!kit.view(c).actor.personId) return signIn(c, `/goals/${id}`);
    return renderGoal(c, id);
  });

  app.post("/goals/:id", async (c) => {
    const v = kit.view(c);
    const id = c.req.param("id");
    if (!v.actor.personId) return signIn(c, `/goals/${id}`);
    const form = await readForm(c);
    const { o, status } = await attempt(async () => {
      await updateGoal(deps, v.actor, id, {
        title: str(form, "title"),
        description: str(form, "description"),
        targetOn: str(form, "targetOn") || null,
        status: str(form, "status") || undefined,
        visibility: str(form, "visibility") || undefined,
      });
      return v.t("goals.goal.saved");
    }, v);
    return renderGoal(c, id, o, status);
  });

  app.post("/goals/:id/notes", async (c) => {
    const v = kit.view(c);
    const id = c.req.param("id");
    if (!v.actor.personId) return signIn(c, `/goals/${id}`);
    const form = await readForm(c);
    const { o, status } = await attempt(async () => {
      await addGoalNote(deps, v.actor, id, {
        body: str(form, "body"),
        status: str(form, "status") || undefined,
      });
      return v.t("goals.goal.noted");
    }, v);
    return renderGoal(c, id, o, status);
  });

  const renderChecklist = async (c: Ctx, o?: Outcome, status: 200 | 400 | 403 | 409 = 200) => {
    const v = kit.view(c);
    const raw = c.req.param("number") ?? "";
    if (!/^\d{1,9}$/.test(raw)) throw fail.notFound();
    const view = await getChecklist(deps, v.actor, raw);
    const agencies = view.can.edit
      ? (await listAgencies(kit.dir, { level: 2, kind: "agency" })).map((a) => ({ id: a.id, name: a.name }))
      : [];
    return c.html(
      renderPage(
        v,
        {
          title: v.t("goals.checklist.title", { number: view.case.number }),
          nav: "cases",
          langPath: `/cases/${view.case.number}/checklist`,
          hasError: !!o?.error,
        },
        <ChecklistPage v={v} c={view} agencies={agencies} o={o} />,
      ),
      status,
    );
  };

  app.get("/cases/:number/checklist", (c) => renderChecklist(c));

  const checklistAction = (path: string, run: (c: Ctx, v: View, number: string) => Promise<string>) =>
    app.post(`/cases/:number/checklist${path}`, async (c) => {
      const v = kit.view(c);
      const raw = c.req.param("number");
      if (!/^\d{1,9}$/.test(raw)) throw fail.notFound();
      if (!v.actor.personId) return signIn(c, `/cases/${raw}/checklist`);
      const { o, status } = await attempt(() => run(c, v, raw), v);
      return renderChecklist(c, o, status);
    });

  checklistAction("/reviews", async (c, v, number) => {
    const form = await readForm(c);
    await requestChecklistReview(deps, v.actor, number, {
      agencyId: str(form, "agencyId"),
      note: str(form, "note") || undefined,
    });
    return v.t("goals.checklist.requested");
  });
  checklistAction("/reviews/:agencyId/:item", async (c, v, number) => {
    const form = await readForm(c);
    await reviewChecklistItem(
      deps,
      v.actor,
      number,
      c.req.param("agencyId") ?? "",
      c.req.param("item") ?? "",
      {
        verdict: str(form, "verdict"),
        comment: str(form, "comment") || undefined,
      },
    );
    return v.t("goals.checklist.reviewed");
  });
  checklistAction("/:item", async (c, v, number) => {
    const form = await readForm(c);
    await setChecklistItem(deps, v.actor, number, c.req.param("item") ?? "", {
      done: str(form, "done") === "yes",
      note: str(form, "note") || undefined,
      evidenceUrl: str(form, "evidenceUrl") || undefined,
    });
    return v.t("goals.checklist.saved");
  });

  app.get("/me/contributions", async (c) => {
    const v = kit.view(c);
    if (!v.actor.personId) throw fail.unauthenticated();
    const r = await getContributions(deps, v.actor);
    c.header("Cache-Control", "no-store");
    return c.html(
      renderPage(
        v,
        { title: v.t("goals.contributions.title"), nav: "work", noindex: true },
        <ContributionsPage v={v} r={r} />,
      ),
    );
  });
}
