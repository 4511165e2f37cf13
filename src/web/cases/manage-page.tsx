// The organisers' page of a case (/cases/{number}/manage): roles, stage owners and due dates, seats at
// the collaborative meeting (caps, waiting list, withdrawals, each attendee's livestream consent) and
// the livestream the organisers ask for. Each form calls the same use case as the JSON API; a
// success redirects back here with a notice, a refusal (a full seat category, a cool-down) is shown
// next to the form in the reader's language.
import type { Hono } from "hono";
import { isCalendarDate } from "../../platform/http/dates.ts";
import { fail, type AppError } from "../../platform/http/errors.ts";
import { findPersonByEmail, listAgencies, type Actor, type AppEnv } from "../../modules/directory/index.ts";
import {
  addRole,
  addSeat,
  caseRoleKinds,
  caseStages,
  getCase,
  listSeats,
  livestreamConsents,
  removeRole,
  seatCategories,
  setSeatConsent,
  updateCase,
  updateStage,
  withdrawSeat,
  type CaseRoleKind,
  type CasesDeps,
  type CaseStage,
} from "../../modules/cases/index.ts";
import { ActionButton, Field, Form, Notice, Select, Submit, type FormState } from "../components.tsx";
import { attempt, errorState, readForm, str, Validator } from "../forms.ts";
import type { PageKit } from "../deps.ts";
import { renderPage } from "../layout.tsx";
import type { Ctx, View } from "../view.tsx";

type CaseView = Awaited<ReturnType<typeof getCase>>;
type Seats = Awaited<ReturnType<typeof listSeats>>["items"];
type Agency = { id: string; slug: string; name: { "zh-TW": string; en: string } };
type States = Record<string, FormState>;

const agencyRoles: CaseRoleKind[] = ["lead", "co-organiser", "related"];
const doneKeys = [
  "role-added",
  "role-removed",
  "stage",
  "seat-added",
  "seat-waiting",
  "seat-withdrawn",
  "consent",
  "livestream",
] as const;

function ManageView(props: {
  v: View;
  c: CaseView;
  seats: Seats;
  agencies: Agency[];
  states: States;
  done?: string;
}) {
  const { v, c, seats, agencies, states } = props;
  const { t } = v;
  const base = `/cases/${c.number}/manage`;
  const agencyName = (a: { name: { "zh-TW": string; en: string } } | null) => (a ? a.name[v.locale] : "");
  const agencyOptions = agencies.map((a) => ({ value: a.id, label: a.name[v.locale] }));
  const caseAgencies = c.roles
    .filter((r) => r.agency && agencyRoles.includes(r.kind))
    .map((r) => ({ value: r.agency!.id, label: agencyName(r.agency) }));
  const live = seats.filter((s) => s.state !== "withdrawn");
  return (
    <>
      <p class="transcript-meta">
        <a href={`/cases/${c.number}`}>
          {t("cases.case.number", { number: c.number })} · {c.title}
        </a>
      </p>
      <h1>{t("cases.manage.title")}</h1>
      {props.done && (doneKeys as readonly string[]).includes(props.done) ? (
        <Notice>{t(`cases.manage.done.${props.done}`)}</Notice>
      ) : null}
      <p class="notice notice-info">{t("cases.manage.lead")}</p>
      <p>
        <a href={`/cases/${c.number}/research`}>{t("cases.organise.research")}</a> ·{" "}
        <a href={c.handbook.url}>
          {c.handbook.publishedAt ? t("cases.handbook.link") : t("cases.handbook.previewLink")}
        </a>
      </p>

      <section aria-labelledby="manage-roles-title" id="manage-roles">
        <h2 id="manage-roles-title">{t("cases.case.rolesTitle")}</h2>
        {c.roles.length ? (
          <ul class="plain-list">
            {c.roles.map((r) => {
              const who = r.agency
                ? agencyName(r.agency)
                : v.locale === "en"
                  ? r.person?.nameEn || r.person?.name
                  : r.person?.name;
              return (
                <li>
                  {t(`cases.role.${r.kind}`)}：{who}
                  {r.label ? ` (${r.label})` : null}{" "}
                  <ActionButton
                    v={v}
                    action={`${base}/roles/${r.id}/remove#manage-roles`}
                    label={t("cases.manage.remove")}
                    ariaLabel={t("cases.manage.removeRole", {
                      role: t(`cases.role.${r.kind}`),
                      who: who ?? "",
                    })}
                  />
                </li>
              );
            })}
          </ul>
        ) : (
          <p class="empty">{t("cases.case.noRoles")}</p>
        )}
        <Form v={v} id="manage-role-form" action={`${base}/roles`} state={states.role}>
          <h3>{t("cases.manage.addRole")}</h3>
          <Select
            v={v}
            form="manage-role-form"
            name="kind"
            label={t("cases.manage.roleKind")}
            required
            state={states.role}
            options={caseRoleKinds.map((k) => ({ value: k, label: t(`cases.role.${k}`) }))}
          />
          <Select
            v={v}
            form="manage-role-form"
            name="agencyId"
            label={t("cases.manage.agency")}
            hint={t("cases.manage.agencyHint")}
            placeholder=""
            state={states.role}
            options={agencyOptions}
          />
          <Field
            v={v}
            form="manage-role-form"
            name="personEmail"
            type="email"
            label={t("cases.manage.personEmail")}
            hint={t("cases.manage.personHint")}
            state={states.role}
          />
          <Field
            v={v}
            form="manage-role-form"
            name="label"
            label={t("cases.manage.tableLabel")}
            state={states.role}
          />
          <Submit label={t("cases.manage.addRoleSubmit")} />
        </Form>
      </section>

      <section aria-labelledby="manage-stages-title" id="manage-stages">
        <h2 id="manage-stages-title">{t("cases.case.stagesTitle")}</h2>
        {c.stages
          .filter((s) => s.stage !== "released")
          .map((s) => {
            const id = `manage-stage-${s.stage}`;
            const state = states[`stage-${s.stage}`];
            return (
              <Form
                v={v}
                id={id}
                action={`${base}/stages/${s.stage}`}
                state={state}
                class="stack-form stage-form"
              >
                <h3>
                  {t(`cases.stage.${s.stage}`)} <span class="tag">{t(`cases.case.status.${s.status}`)}</span>
                </h3>
                <Select
                  v={v}
                  form={id}
                  name="ownerAgencyId"
                  label={t("cases.manage.ownerAgency")}
                  placeholder={t("cases.manage.nobody")}
                  value={s.ownerAgency?.id ?? ""}
                  state={state}
                  options={agencyOptions}
                />
                <Field
                  v={v}
                  form={id}
                  name="ownerEmail"
                  type="email"
                  label={t("cases.manage.ownerPerson")}
                  hint={s.ownerPerson ? t("cases.manage.ownerNow", { name: s.ownerPerson.name }) : undefined}
                  state={state}
                />
                <Field
                  v={v}
                  form={id}
                  name="dueOn"
                  type="date"
                  label={t("cases.manage.dueOn")}
                  value={s.dueOn ?? ""}
                  state={state}
                />
                <Submit
                  label={t("cases.manage.saveStage", { stage: t(`cases.stage.${s.stage}`) })}
                  variant="secondary"
                />
              </Form>
            );
          })}
      </section>

      <section aria-labelledby="manage-seats-title" id="manage-seats">
        <h2 id="manage-seats-title">{t("cases.case.seatsTitle")}</h2>
        <ul>
          <li>{t("cases.manage.capAgency", { cap: c.seats.agencyStakeholders.cap })}</li>
          <li>{t("cases.case.coSigners", c.seats.coSigners)}</li>
          <li>
            {t("cases.case.others", {
              confirmed: c.seats.otherStakeholders.confirmed,
              cap: c.seats.otherStakeholders.cap,
            })}
          </li>
        </ul>
        <p class="notice notice-info">{t("cases.manage.seatsPrivate")}</p>
        {live.length ? (
          <div class="handbook-table-wrap">
            <table class="handbook-table">
              <caption class="visually-hidden">{t("cases.manage.seatsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("cases.manage.attendee")}</th>
                  <th scope="col">{t("cases.manage.category")}</th>
                  <th scope="col">{t("cases.manage.state")}</th>
                  <th scope="col">{t("cases.manage.consent")}</th>
                  <th scope="col">{t("cases.manage.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {live.map((s) => {
                  const formId = `manage-consent-${s.id}`;
                  return (
                    <tr>
                      <th scope="row">
                        {s.name}
                        {s.organisation ? ` · ${s.organisation}` : null}
                        {s.email ? <div class="transcript-meta">{s.email}</div> : null}
                      </th>
                      <td>
                        {t(`cases.seatCategory.${s.category}`)}
                        {s.invitingAgency ? ` · ${agencyName(s.invitingAgency)}` : null}
                        {s.groupName ? ` · ${s.groupName}` : null}
                      </td>
                      <td>{t(`cases.seatState.${s.state}`)}</td>
                      <td>
                        <Form v={v} id={formId} action={`${base}/seats/${s.id}/consent`} class="inline-form">
                          <Select
                            v={v}
                            form={formId}
                            name="livestreamConsent"
                            label={t("cases.manage.consentOf", { name: s.name })}
                            required
                            value={s.livestreamConsent}
                            options={livestreamConsents.map((l) => ({
                              value: l,
                              label: t(`cases.livestream.${l}`),
                            }))}
                          />
                          <Submit label={t("cases.manage.saveConsent")} variant="secondary" />
                        </Form>
                      </td>
                      <td>
                        <ActionButton
                          v={v}
                          action={`${base}/seats/${s.id}/withdraw#manage-seats`}
                          label={t("cases.manage.withdraw")}
                          ariaLabel={t("cases.manage.withdrawOf", { name: s.name })}
                          variant="danger"
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : (
          <p class="empty">{t("cases.manage.noSeats")}</p>
        )}
        <Form v={v} id="manage-seat-form" action={`${base}/seats`} state={states.seat}>
          <h3>{t("cases.manage.addSeat")}</h3>
          <Select
            v={v}
            form="manage-seat-form"
            name="category"
            label={t("cases.manage.category")}
            required
            state={states.seat}
            options={seatCategories.map((k) => ({ value: k, label: t(`cases.seatCategory.${k}`) }))}
          />
          <Select
            v={v}
            form="manage-seat-form"
            name="invitingAgencyId"
            label={t("cases.manage.invitingAgency")}
            hint={t("cases.manage.invitingHint")}
            placeholder=""
            state={states.seat}
            options={caseAgencies}
          />
          <Field
            v={v}
            form="manage-seat-form"
            name="groupName"
            label={t("cases.manage.groupName")}
            hint={t("cases.manage.groupHint")}
            state={states.seat}
          />
          <Field
            v={v}
            form="manage-seat-form"
            name="name"
            label={t("cases.manage.name")}
            state={states.seat}
          />
          <Field
            v={v}
            form="manage-seat-form"
            name="email"
            type="email"
            label={t("cases.manage.email")}
            state={states.seat}
          />
          <Field
            v={v}
            form="manage-seat-form"
            name="organisation"
            label={t("cases.manage.organisation")}
            state={states.seat}
          />
          <Select
            v={v}
            form="manage-seat-form"
            name="livestreamConsent"
            label={t("cases.manage.consent")}
            required
            value="none"
            state={states.seat}
            options={livestreamConsents.map((l) => ({ value: l, label: t(`cases.livestream.${l}`) }))}
          />
          <Submit label={t("cases.manage.addSeatSubmit")} />
        </Form>
      </section>

      <section aria-labelledby="manage-livestream-title" id="manage-livestream">
        <h2 id="manage-livestream-title">{t("cases.case.livestreamTitle")}</h2>
        <p>
          {t("cases.case.livestream", {
            requested: t(`cases.livestream.${c.livestream.requested}`),
            effective: t(`cases.livestream.${c.livestream.effective}`),
          })}{" "}
          {t("cases.case.consentCounts", c.livestream.consents)}
        </p>
        <Form v={v} id="manage-livestream-form" action={`${base}/livestream`} state={states.livestream}>
          <Select
            v={v}
            form="manage-livestream-form"
            name="livestreamRequested"
            label={t("cases.manage.requested")}
            hint={t("cases.manage.requestedHint")}
            required
            value={c.livestream.requested}
            state={states.livestream}
            options={livestreamConsents.map((l) => ({ value: l, label: t(`cases.livestream.${l}`) }))}
          />
          <Submit label={t("cases.manage.saveLivestream")} variant="secondary" />
        </Form>
      </section>
    </>
  );
}

/** The organisers' page of a case and its forms. */
export function managePages(app: Hono<AppEnv>, kit: PageKit, deps: CasesDeps) {
  const numberOf = (c: Ctx) => {
    const raw = c.req.param("number") ?? "";
    if (!/^\d{1,9}$/.test(raw)) throw fail.notFound();
    return raw;
  };

  /** The page for an organiser; anyone else gets a 403 (the case page is public). */
  async function render(
    c: Ctx,
    number: string,
    states: States = {},
    status: 200 | 400 | 403 | 404 | 409 = 200,
  ) {
    const v = kit.view(c);
    const view = await getCase(deps, v.actor, number);
    if (!view.can.organise) throw fail.forbidden();
    const [seats, agencies] = await Promise.all([
      listSeats(deps, v.actor, number),
      listAgencies(kit.dir, { level: 2, kind: "agency" }),
    ]);
    return c.html(
      renderPage(
        v,
        {
          title: `${v.t("cases.manage.title")} · ${v.t("cases.case.number", { number: view.number })}`,
          nav: "cases",
          noindex: true,
          langPath: `/cases/${view.number}/manage`,
          hasError: status !== 200,
        },
        <ManageView
          v={v}
          c={view}
          seats={seats.items}
          agencies={agencies as Agency[]}
          states={states}
          done={status === 200 ? c.req.query("done") : undefined}
        />,
      ),
      status,
    );
  }

  /** Signed-in organisers only; the use cases check the rest. */
  function actorOf(c: Ctx, number: string): Actor | Response {
    const v = kit.view(c);
    if (!v.actor.personId)
      return c.redirect(`/sign-in?redirectTo=${encodeURIComponent(`/cases/${number}/manage`)}`, 303);
    return v.actor;
  }

  const back = (c: Ctx, number: string, done: string, anchor: string) =>
    c.redirect(`/cases/${number}/manage?done=${done}#${anchor}`, 303);
  const refused = (
    c: Ctx,
    number: string,
    key: string,
    err: AppError,
    values: Record<string, string | string[]>,
    map: Record<string, string> = {},
  ) =>
    render(
      c,
      number,
      { [key]: errorState(kit.view(c), err, values, map) },
      err.def.status as 400 | 403 | 409,
    );

  app.get("/cases/:number/manage", async (c) => {
    const number = numberOf(c);
    const actor = actorOf(c, number);
    if (actor instanceof Response) return actor;
    return render(c, number);
  });

  app.post("/cases/:number/manage/roles", async (c) => {
    const number = numberOf(c);
    const actor = actorOf(c, number);
    if (actor instanceof Response) return actor;
    const form = new Validator(kit.view(c), await readForm(c));
    const kind = form.oneOf("kind", caseRoleKinds);
    const isAgency = agencyRoles.includes(kind);
    const agencyId = str(form.values, "agencyId");
    const email = form.email("personEmail", false);
    const label = form.optional("label", 200);
    if (form.ok && isAgency && !agencyId) form.fail("agencyId", "web.form.required");
    if (form.ok && !isAgency && !email) form.fail("personEmail", "web.form.required");
    const person = form.ok && !isAgency ? await findPersonByEmail(deps.db, email!) : null;
    if (form.ok && !isAgency && !person) form.fail("personEmail", "cases.manage.noSuchPerson");
    if (!form.ok) return render(c, number, { role: form.state() }, 400);
    const result = await attempt(() =>
      addRole(deps, actor, number, isAgency ? { kind, agencyId } : { kind, personId: person!.id, label }),
    );
    if (!result.ok) return refused(c, number, "role", result.error, form.values, { personId: "personEmail" });
    return back(c, number, "role-added", "manage-roles");
  });

  app.post("/cases/:number/manage/roles/:roleId/remove", async (c) => {
    const number = numberOf(c);
    const actor = actorOf(c, number);
    if (actor instanceof Response) return actor;
    const roleId = c.req.param("roleId");
    if (!/^[0-9a-f-]{36}$/i.test(roleId)) throw fail.notFound();
    const result = await attempt(() => removeRole(deps, actor, number, roleId));
    if (!result.ok) return refused(c, number, "role", result.error, {});
    return back(c, number, "role-removed", "manage-roles");
  });

  app.post("/cases/:number/manage/stages/:stage", async (c) => {
    const number = numberOf(c);
    const actor = actorOf(c, number);
    if (actor instanceof Response) return actor;
    const stage = c.req.param("stage") as CaseStage;
    if (!(caseStages as readonly string[]).includes(stage)) throw fail.notFound();
    const form = new Validator(kit.view(c), await readForm(c));
    const ownerAgencyId = str(form.values, "ownerAgencyId") || null;
    const email = form.email("ownerEmail", false);
    const dueOn = str(form.values, "dueOn");
    if (dueOn && !isCalendarDate(dueOn)) form.fail("dueOn", "cases.manage.badDate");
    const person = form.ok && email ? await findPersonByEmail(deps.db, email) : null;
    if (form.ok && email && !person) form.fail("ownerEmail", "cases.manage.noSuchPerson");
    const key = `stage-${stage}`;
    if (!form.ok) return render(c, number, { [key]: form.state() }, 400);
    const result = await attempt(() =>
      updateStage(deps, actor, number, stage, {
        ownerAgencyId,
        ...(person ? { ownerPersonId: person.id } : {}),
        dueOn: dueOn || null,
      }),
    );
    if (!result.ok)
      return refused(c, number, key, result.error, form.values, { ownerPersonId: "ownerEmail" });
    return back(c, number, "stage", `manage-stage-${stage}`);
  });

  app.post("/cases/:number/manage/seats", async (c) => {
    const number = numberOf(c);
    const actor = actorOf(c, number);
    if (actor instanceof Response) return actor;
    const form = new Validator(kit.view(c), await readForm(c));
    const category = form.oneOf("category", seatCategories);
    const consent = form.oneOf("livestreamConsent", livestreamConsents);
    const email = form.email("email", false);
    const input = {
      category,
      invitingAgencyId: str(form.values, "invitingAgencyId") || undefined,
      groupName: form.optional("groupName", 200),
      name: form.optional("name", 200),
      email,
      organisation: form.optional("organisation", 200),
      livestreamConsent: consent,
    };
    if (form.ok && !input.name) form.fail("name", "web.form.required");
    if (!form.ok) return render(c, number, { seat: form.state() }, 400);
    const result = await attempt(() => addSeat(deps, actor, number, input));
    if (!result.ok) return refused(c, number, "seat", result.error, form.values);
    return back(c, number, result.value.state === "waiting" ? "seat-waiting" : "seat-added", "manage-seats");
  });

  app.post("/cases/:number/manage/seats/:seatId/withdraw", async (c) => {
    const number = numberOf(c);
    const actor = actorOf(c, number);
    if (actor instanceof Response) return actor;
    const seatId = c.req.param("seatId");
    if (!/^[0-9a-f-]{36}$/i.test(seatId)) throw fail.notFound();
    const result = await attempt(() => withdrawSeat(deps, actor, number, seatId));
    if (!result.ok) return refused(c, number, "seat", result.error, {});
    return back(c, number, "seat-withdrawn", "manage-seats");
  });

  app.post("/cases/:number/manage/seats/:seatId/consent", async (c) => {
    const number = numberOf(c);
    const actor = actorOf(c, number);
    if (actor instanceof Response) return actor;
    const seatId = c.req.param("seatId");
    if (!/^[0-9a-f-]{36}$/i.test(seatId)) throw fail.notFound();
    const form = new Validator(kit.view(c), await readForm(c));
    const consent = form.oneOf("livestreamConsent", livestreamConsents);
    if (!form.ok) return render(c, number, { seat: form.state() }, 400);
    const result = await attempt(() => setSeatConsent(deps, actor, number, seatId, consent));
    if (!result.ok) return refused(c, number, "seat", result.error, form.values);
    return back(c, number, "consent", "manage-seats");
  });

  app.post("/cases/:number/manage/livestream", async (c) => {
    const number = numberOf(c);
    const actor = actorOf(c, number);
    if (actor instanceof Response) return actor;
    const form = new Validator(kit.view(c), await readForm(c));
    const requested = form.oneOf("livestreamRequested", livestreamConsents);
    if (!form.ok) return render(c, number, { livestream: form.state() }, 400);
    const result = await attempt(() => updateCase(deps, actor, number, { livestreamRequested: requested }));
    if (!result.ok) return refused(c, number, "livestream", result.error, form.values);
    return back(c, number, "livestream", "manage-livestream");
  });
}
