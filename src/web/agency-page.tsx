import type { Hono } from "hono";
import {
  can,
  fileRoster,
  findPersonByEmail,
  getAgency,
  invitePo,
  listInvitations,
  listRosters,
  poTags,
  requirePerson,
  respondToInvitation,
  setAuthorisationTable,
  updateOrg,
  type AppEnv,
  invitationMail,
} from "../modules/directory/index.ts";
import { fail } from "../platform/http/errors.ts";
import { enqueueMail } from "../platform/mail/outbox.ts";
import { pick } from "../platform/i18n/index.ts";
import {
  ActionButton,
  Choices,
  Field,
  Form,
  Notice,
  OtherLang,
  Submit,
  Tags,
  TextArea,
  type FormState,
} from "./components.tsx";
import type { PageKit } from "./deps.ts";
import { attempt, errorState, readForm, Validator } from "./forms.ts";
import { renderPage } from "./layout.tsx";
import { personName, taipeiYear, Time, tx, type Ctx, type View } from "./view.tsx";

type Agency = Awaited<ReturnType<typeof getAgency>>;
type Authorisation = Agency["authorisation"];
type Roster = Awaited<ReturnType<typeof listRosters>>[number];
type Invitation = Awaited<ReturnType<typeof listInvitations>>[number];

/** Only http(s) addresses become links; anything else is shown as text. */
export function safeHref(url: string | null | undefined): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

/** The authorisation table in force, as a table with its source. */
export function AuthorisationTable(props: { v: View; table: Authorisation; caption?: string }) {
  const { v, table } = props;
  return (
    <div class="table-wrap">
      <table class="facts-table">
        <caption>{props.caption ?? v.t("web.authorisation.caption")}</caption>
        <tbody>
          <tr>
            <th scope="row">{v.t("web.authorisation.maxUnits")}</th>
            <td>{table.maxUnitsWithoutSignoff}</td>
          </tr>
          <tr>
            <th scope="row">{v.t("web.authorisation.maxAgencies")}</th>
            <td>{table.maxAgenciesWithoutSignoff}</td>
          </tr>
          <tr>
            <th scope="row">{v.t("web.authorisation.maxGroup")}</th>
            <td>{table.maxWorkingGroupSize}</td>
          </tr>
        </tbody>
      </table>
      <p class="muted">
        {table.source === "supervisor"
          ? tx(v, "web.authorisation.bySupervisor", {
              date: <Time v={v} at={table.updatedAt ?? ""} style="date" />,
            })
          : v.t("web.authorisation.byDefault")}
      </p>
      {table.notes ? <p class="notes">{pick(table.notes, v.locale)}</p> : null}
    </div>
  );
}

/** Forms of the agency page re-rendered after a failed submission. */
interface AgencyForms {
  edit?: FormState;
  invite?: FormState;
  authorisation?: FormState;
  roster?: FormState;
}

const doneMessages = ["updated", "ended", "invited", "withdrawn", "authorisation", "roster"] as const;

/** The stored names and contacts as form values, so the edit form starts from what is there. */
function orgValues(a: Agency): Record<string, string> {
  return {
    "name.zh-TW": a.name["zh-TW"],
    "name.en": a.name.en,
    "abbreviation.zh-TW": a.abbreviation?.["zh-TW"] ?? "",
    "abbreviation.en": a.abbreviation?.en ?? "",
    website: a.website ?? "",
    email: a.email ?? "",
    phone: a.phone ?? "",
  };
}

/** Admins change an agency's or unit's names and contact details. */
function EditOrgForm(props: { v: View; agency: Agency; state: FormState | undefined }) {
  const { v, agency: a } = props;
  const { t } = v;
  const state = props.state ?? { values: orgValues(a), errors: {} };
  const form = "org-edit-form";
  return (
    <details class="panel form-panel" id="edit" open={!!props.state}>
      <summary>
        <h2 id="edit-title">
          {a.kind === "unit" ? t("web.agency.edit.titleUnit") : t("web.agency.edit.title")}
        </h2>
      </summary>
      <p>{t("web.agency.edit.intro")}</p>
      <Form
        v={v}
        id={form}
        action={`/agencies/${a.slug}/edit`}
        state={props.state}
        labels={{
          "name.zh-TW": t("web.admin.org.nameZh"),
          "name.en": t("web.admin.org.nameEn"),
          "abbreviation.zh-TW": t("web.admin.org.abbrZh"),
          "abbreviation.en": t("web.admin.org.abbrEn"),
          website: t("web.agency.website"),
          email: t("web.agency.email"),
          phone: t("web.common.phone"),
          address: t("web.agency.edit.address"),
        }}
      >
        <Field
          v={v}
          form={form}
          name="name.zh-TW"
          label={t("web.admin.org.nameZh")}
          lang="zh-Hant-TW"
          required
          state={state}
        />
        <Field
          v={v}
          form={form}
          name="name.en"
          label={t("web.admin.org.nameEn")}
          lang="en"
          required
          state={state}
        />
        <Field
          v={v}
          form={form}
          name="abbreviation.zh-TW"
          label={t("web.admin.org.abbrZh")}
          hint={t("web.form.bothLanguagesHint")}
          lang="zh-Hant-TW"
          state={state}
        />
        <Field
          v={v}
          form={form}
          name="abbreviation.en"
          label={t("web.admin.org.abbrEn")}
          lang="en"
          state={state}
        />
        <Field v={v} form={form} name="website" type="url" label={t("web.agency.website")} state={state} />
        <Field
          v={v}
          form={form}
          name="email"
          type="email"
          label={t("web.agency.email")}
          autocomplete="off"
          state={state}
        />
        <Field
          v={v}
          form={form}
          name="phone"
          type="tel"
          label={t("web.common.phone")}
          maxlength={50}
          state={state}
        />
        <Field
          v={v}
          form={form}
          name="address"
          label={t("web.agency.edit.address")}
          hint={t("web.agency.edit.addressHint")}
          maxlength={300}
          autocomplete="off"
          state={state}
        />
        <Submit label={t("web.agency.edit.submit")} />
      </Form>
    </details>
  );
}

function AgencyView(props: {
  v: View;
  agency: Agency;
  rosters: Roster[];
  pending: Invitation[] | null;
  forms: AgencyForms;
  year: number;
  done: string | undefined;
}) {
  const { v, agency: a, forms } = props;
  const { t, locale, actor } = v;
  const name = pick(a.name, locale);
  const isUnit = a.kind === "unit";
  const isAgency = a.kind === "agency";
  const mayInvite = isAgency && can(actor, { do: "invite-po", agencyId: a.id });
  const maySetTable = isAgency && can(actor, { do: "set-authorisation", agencyId: a.id });
  const mayFile = isAgency && can(actor, { do: "file-roster", agencyId: a.id });
  const mayEdit = can(actor, { do: "manage-orgs" });
  const chain = [...a.ancestors].reverse();
  const website = safeHref(a.website);
  const base = `/agencies/${a.slug}`;
  const poCount = a.pos.length;
  // Lead POs first, then the team in the order they joined.
  const pos = [...a.pos].sort(
    (x, y) => Number(y.tags.includes("lead-po")) - Number(x.tags.includes("lead-po")),
  );
  return (
    <>
      <nav aria-label={t("web.agency.breadcrumb")} class="breadcrumb">
        <ol>
          <li>
            <a href="/directory">{t("web.nav.directory")}</a>
          </li>
          {chain.map((o) => (
            <li>
              <a href={`/agencies/${o.slug}`}>{pick(o.name, locale)}</a>
            </li>
          ))}
          <li>
            <span aria-current="page">{name}</span>
          </li>
        </ol>
      </nav>
      <h1>
        {name}
        {a.abbreviation && pick(a.abbreviation, locale) !== name ? (
          <span class="abbr"> {t("web.common.inParens", { text: pick(a.abbreviation, locale) })}</span>
        ) : null}
      </h1>
      <OtherLang v={v} text={a.name} />
      {props.done && (doneMessages as readonly string[]).includes(props.done) ? (
        <Notice>{t(`web.agency.done.${props.done}`)}</Notice>
      ) : null}

      <dl class="facts">
        <div>
          <dt>{t("web.agency.kind")}</dt>
          <dd>{isUnit ? t("web.agency.unit") : t(`web.agency.level${a.level}`)}</dd>
        </div>
        {website || a.website ? (
          <div>
            <dt>{t("web.agency.website")}</dt>
            <dd>{website ? <a href={website}>{a.website}</a> : a.website}</dd>
          </div>
        ) : null}
        {a.email ? (
          <div>
            <dt>{t("web.agency.email")}</dt>
            <dd>
              <a href={`mailto:${a.email}`}>{a.email}</a>
            </dd>
          </div>
        ) : null}
        {a.phone ? (
          <div>
            <dt>{t("web.agency.phone")}</dt>
            <dd>{a.phone}</dd>
          </div>
        ) : null}
        {!isAgency ? null : (
          <>
            <div>
              <dt>{t("web.agency.size")}</dt>
              <dd>{t("web.agency.sizeValue", { agencies: a.size.subAgencies, units: a.size.units })}</dd>
            </div>
            <div>
              <dt>{t("web.agency.weight")}</dt>
              <dd>
                {t("web.agency.weightValue", { weight: a.coordinationWeight })}
                <span class="muted"> {t("web.agency.weightHelp")}</span>
              </dd>
            </div>
          </>
        )}
      </dl>
      {mayEdit ? <EditOrgForm v={v} agency={a} state={forms.edit} /> : null}

      {!isAgency ? null : (
        <section aria-labelledby="pos-title" id="pos">
          <h2 id="pos-title">{t("web.agency.posTitle")}</h2>
          <p>{t("web.agency.poSuggestion", { count: poCount, suggested: a.suggestedPoCount })}</p>
          {poCount < a.suggestedPoCount ? <p class="muted">{t("web.agency.poInvitePrompt")}</p> : null}
          {pos.length ? (
            <ul class="people-list">
              {pos.map((m) => (
                <li>
                  <a href={`/people/${m.personId}`} class="person-name">
                    {personName(m, locale)}
                  </a>
                  <Tags v={v} tags={m.tags} />
                  {m.email ? (
                    <p class="contact">
                      <span class="visually-hidden">{t("web.common.email")}</span>
                      <a href={`mailto:${m.email}`}>{m.email}</a>
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p class="empty">{t("web.agency.noPos")}</p>
          )}

          {mayInvite ? (
            <details class="panel form-panel" id="invite" open={!!forms.invite}>
              <summary>
                <h3 id="invite-title">{t("web.agency.invite.title")}</h3>
              </summary>
              <p>{t("web.agency.invite.intro")}</p>
              <Form
                v={v}
                id="invite-form"
                action={`${base}/invitations`}
                state={forms.invite}
                labels={{
                  email: t("web.agency.invite.email"),
                  tags: t("web.agency.invite.tags"),
                  message: t("web.agency.invite.message"),
                }}
              >
                <Field
                  v={v}
                  form="invite-form"
                  name="email"
                  type="email"
                  label={t("web.agency.invite.email")}
                  hint={t("web.agency.invite.emailHint")}
                  autocomplete="off"
                  required
                  state={forms.invite}
                />
                <Choices
                  v={v}
                  form="invite-form"
                  name="tags"
                  type="checkbox"
                  legend={t("web.agency.invite.tags")}
                  hint={t("web.agency.invite.tagsHint")}
                  options={poTags.map((tag) => ({ value: tag, label: t(`web.tag.${tag}`) }))}
                  checked={["team-po"]}
                  state={forms.invite}
                />
                <TextArea
                  v={v}
                  form="invite-form"
                  name="message"
                  label={t("web.agency.invite.message")}
                  hint={t("web.agency.invite.messageHint")}
                  maxlength={2000}
                  state={forms.invite}
                />
                <Submit label={t("web.agency.invite.submit")} />
              </Form>
            </details>
          ) : null}

          {props.pending ? (
            <section aria-labelledby="pending-title" id="invitations">
              <h3 id="pending-title">{t("web.agency.pending.title")}</h3>
              {props.pending.length ? (
                <ul class="plain-list">
                  {props.pending.map((inv) => (
                    <li class="row-with-action">
                      <span>
                        {tx(v, "web.agency.pending.item", {
                          person: inv.personName,
                          date: <Time v={v} at={inv.createdAt} style="date" />,
                        })}
                      </span>
                      <Tags v={v} tags={inv.tags} />
                      <ActionButton
                        v={v}
                        action={`/invitations/${inv.id}/withdraw`}
                        label={t("web.agency.pending.withdraw")}
                        ariaLabel={t("web.agency.pending.withdrawFor", { person: inv.personName })}
                      />
                    </li>
                  ))}
                </ul>
              ) : (
                <p class="empty">{t("web.agency.pending.none")}</p>
              )}
            </section>
          ) : null}
        </section>
      )}

      {a.supervisors.length ? (
        <section aria-labelledby="supervisors-title">
          <h2 id="supervisors-title">{t("web.agency.supervisors")}</h2>
          <ul class="people-list">
            {a.supervisors.map((m) => (
              <li>
                <a href={`/people/${m.personId}`} class="person-name">
                  {personName(m, locale)}
                </a>
                {m.email ? (
                  <p class="contact">
                    <span class="visually-hidden">{t("web.common.email")}</span>
                    <a href={`mailto:${m.email}`}>{m.email}</a>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {!isAgency ? null : (
        <section aria-labelledby="authorisation-title" id="authorisation">
          <h2 id="authorisation-title">{t("web.authorisation.title")}</h2>
          <p>{t("web.authorisation.intro")}</p>
          <AuthorisationTable v={v} table={a.authorisation} />
          {maySetTable ? (
            <details class="panel form-panel" open={!!forms.authorisation}>
              <summary>
                <h3 id="set-authorisation-title">{t("web.authorisation.formTitle")}</h3>
              </summary>
              <Form
                v={v}
                id="authorisation-form"
                action={`${base}/authorisation`}
                state={forms.authorisation}
                labels={{
                  maxUnitsWithoutSignoff: t("web.authorisation.maxUnits"),
                  maxAgenciesWithoutSignoff: t("web.authorisation.maxAgencies"),
                  maxWorkingGroupSize: t("web.authorisation.maxGroup"),
                  "notes.zh-TW": t("web.authorisation.notesZh"),
                  "notes.en": t("web.authorisation.notesEn"),
                }}
              >
                <Field
                  v={v}
                  form="authorisation-form"
                  name="maxUnitsWithoutSignoff"
                  type="number"
                  inputmode="numeric"
                  min={0}
                  max={100}
                  label={t("web.authorisation.maxUnits")}
                  value={String(a.authorisation.maxUnitsWithoutSignoff)}
                  required
                  state={forms.authorisation}
                />
                <Field
                  v={v}
                  form="authorisation-form"
                  name="maxAgenciesWithoutSignoff"
                  type="number"
                  inputmode="numeric"
                  min={0}
                  max={100}
                  label={t("web.authorisation.maxAgencies")}
                  value={String(a.authorisation.maxAgenciesWithoutSignoff)}
                  required
                  state={forms.authorisation}
                />
                <Field
                  v={v}
                  form="authorisation-form"
                  name="maxWorkingGroupSize"
                  type="number"
                  inputmode="numeric"
                  min={1}
                  max={200}
                  label={t("web.authorisation.maxGroup")}
                  value={String(a.authorisation.maxWorkingGroupSize)}
                  required
                  state={forms.authorisation}
                />
                <TextArea
                  v={v}
                  form="authorisation-form"
                  name="notes.zh-TW"
                  label={t("web.authorisation.notesZh")}
                  hint={t("web.authorisation.notesHint")}
                  lang="zh-Hant-TW"
                  maxlength={300}
                  state={forms.authorisation ?? { values: notesValues(a.authorisation), errors: {} }}
                />
                <TextArea
                  v={v}
                  form="authorisation-form"
                  name="notes.en"
                  label={t("web.authorisation.notesEn")}
                  lang="en"
                  maxlength={300}
                  state={forms.authorisation ?? { values: notesValues(a.authorisation), errors: {} }}
                />
                <Submit label={t("web.authorisation.submit")} />
              </Form>
            </details>
          ) : null}
        </section>
      )}

      {a.children.length ? (
        <section aria-labelledby="children-title">
          <h2 id="children-title">{t("web.agency.children")}</h2>
          <ul class="link-list">
            {a.children.map((o) => (
              <li>
                <a href={`/agencies/${o.slug}`}>{pick(o.name, locale)}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {a.units.length ? (
        <section aria-labelledby="units-title">
          <h2 id="units-title">{t("web.agency.units")}</h2>
          <ul class="columns-list">
            {a.units.map((u) => (
              <li>{pick(u.name, locale)}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {!isAgency ? null : (
        <section aria-labelledby="roster-title" id="roster">
          <h2 id="roster-title">{t("web.roster.title")}</h2>
          <p>{t("web.roster.intro")}</p>
          {props.rosters.length ? (
            <ol class="roster-list">
              {props.rosters.map((r) => (
                <li>
                  <h3>{t("web.roster.year", { year: r.year })}</h3>
                  <p class="muted">{tx(v, "web.roster.filedAt", { date: <Time v={v} at={r.filedAt} /> })}</p>
                  {r.entries.length ? (
                    <ul class="plain-list">
                      {r.entries.map((e) => (
                        <li>
                          <a href={`/people/${e.personId}`}>{e.name}</a> <Tags v={v} tags={e.tags} />
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p class="empty">{t("web.roster.noEntries")}</p>
                  )}
                  {r.note ? <p class="notes">{r.note}</p> : null}
                </li>
              ))}
            </ol>
          ) : (
            <p class="empty">{t("web.roster.none")}</p>
          )}
          {mayFile ? (
            <details class="panel form-panel" open={!!forms.roster}>
              <summary>
                <h3 id="file-roster-title">{t("web.roster.formTitle")}</h3>
              </summary>
              <p>
                {poCount
                  ? t("web.roster.snapshot", {
                      count: poCount,
                      names: a.pos.map((m) => personName(m, locale)).join(t("web.common.listSeparator")),
                    })
                  : t("web.roster.snapshotEmpty")}
              </p>
              <Form
                v={v}
                id="roster-form"
                action={`${base}/rosters`}
                state={forms.roster}
                labels={{ year: t("web.roster.yearLabel"), note: t("web.roster.note") }}
              >
                <Field
                  v={v}
                  form="roster-form"
                  name="year"
                  type="number"
                  inputmode="numeric"
                  min={2017}
                  max={2100}
                  label={t("web.roster.yearLabel")}
                  value={String(props.year)}
                  required
                  state={forms.roster}
                />
                <TextArea
                  v={v}
                  form="roster-form"
                  name="note"
                  label={t("web.roster.note")}
                  maxlength={2000}
                  state={forms.roster}
                />
                <Submit label={t("web.roster.submit")} />
              </Form>
            </details>
          ) : null}
        </section>
      )}
    </>
  );
}

function notesValues(table: Authorisation): Record<string, string> {
  return table.notes ? { "notes.zh-TW": table.notes["zh-TW"], "notes.en": table.notes.en } : {};
}

/** The agency page and its forms: edit the agency, invite a PO, set the authorisation table, file the roster. */
export function agencyPages(app: Hono<AppEnv>, kit: PageKit) {
  const { dir, deps } = kit;

  async function render(c: Ctx, slug: string, forms: AgencyForms = {}, status = 200) {
    const v = kit.view(c);
    const agency = await getAgency(dir, slug);
    const isAgency = agency.kind === "agency";
    const [rosters, pending] = await Promise.all([
      isAgency ? listRosters(dir, agency.id) : Promise.resolve([]),
      agency.kind !== "unit" && can(v.actor, { do: "invite-po", agencyId: agency.id })
        ? listInvitations(dir, v.actor, { agencyId: agency.id, state: "pending" })
        : Promise.resolve(null),
    ]);
    const body = (
      <AgencyView
        v={v}
        agency={agency}
        rosters={rosters}
        pending={pending}
        forms={forms}
        year={taipeiYear(deps.clock.now())}
        done={status === 200 ? c.req.query("done") : undefined}
      />
    );
    return c.html(
      renderPage(
        v,
        {
          title: pick(agency.name, v.locale),
          nav: "directory",
          langPath: `/agencies/${agency.slug}`,
          hasError: status >= 400,
        },
        body,
      ),
      status as 200,
    );
  }

  app.get("/agencies/:slug", (c) => render(c, c.req.param("slug")));

  /** The agency of a form, when the signed-in actor may do the action there; else 401/403/404. */
  async function agencyFor(c: Ctx, action: "invite-po" | "set-authorisation" | "file-roster") {
    const actor = requirePerson(c);
    const agency = await getAgency(dir, c.req.param("slug") ?? "");
    if (agency.kind !== "agency" || !can(actor, { do: action, agencyId: agency.id })) throw fail.forbidden();
    return { actor, agency };
  }

  app.post("/agencies/:slug/edit", async (c) => {
    const actor = requirePerson(c);
    if (!can(actor, { do: "manage-orgs" })) throw fail.forbidden();
    const agency = await getAgency(dir, c.req.param("slug") ?? "");
    const v = kit.view(c);
    const form = new Validator(v, await readForm(c));
    const name = form.bilingual("name", true)!;
    const abbreviation = form.bilingual("abbreviation", false);
    const website = form.url("website");
    const email = form.email("email", false);
    const phone = form.optional("phone", 50);
    const address = form.optional("address", 300);
    // The use case cannot store "no abbreviation" yet: say so rather than silently keeping the old one.
    if (!abbreviation && agency.abbreviation)
      form.fail("abbreviation.zh-TW", "web.agency.edit.abbreviationKept");
    if (!form.ok) return render(c, agency.slug, { edit: form.state() }, 400);
    const input = {
      name,
      abbreviation,
      // An emptied website or e-mail is removed; an emptied phone is cleared.
      website: website ?? null,
      email: email ?? null,
      phone: phone ?? (agency.phone ? "" : undefined),
      // The agency's read model does not carry its address, so an empty field keeps the stored one.
      address,
    };
    const result = await attempt(() => updateOrg(dir, actor, agency.id, input));
    if (!result.ok) {
      return render(
        c,
        agency.slug,
        { edit: errorState(v, result.error, form.values) },
        result.error.def.status,
      );
    }
    return c.redirect(`/agencies/${result.value.slug}?done=updated`, 303);
  });

  app.post("/agencies/:slug/invitations", async (c) => {
    const { actor, agency } = await agencyFor(c, "invite-po");
    const slug = agency.slug;
    const v = kit.view(c);
    const form = new Validator(v, await readForm(c));
    const email = form.email("email", true);
    const tags = form.someOf("tags", poTags);
    const message = form.optional("message", 2000);
    if (!form.ok) return render(c, slug, { invite: form.state() }, 400);
    const person = await findPersonByEmail(dir.db, email);
    if (!person) {
      form.fail("email", "web.agency.invite.notFound");
      return render(c, slug, { invite: form.state() }, 400);
    }
    const result = await attempt(() =>
      invitePo(dir, actor, agency.id, { personId: person.id, tags, message }, async (tx, inv) => {
        await enqueueMail(tx, invitationMail(deps.config.publicUrl, inv), deps.clock.now());
      }),
    );
    if (!result.ok) {
      return render(
        c,
        slug,
        { invite: errorState(v, result.error, form.values, { personId: "email" }) },
        result.error.def.status,
      );
    }
    return c.redirect(`/agencies/${agency.slug}?done=invited#pos`, 303);
  });

  app.post("/agencies/:slug/authorisation", async (c) => {
    const { actor, agency } = await agencyFor(c, "set-authorisation");
    const v = kit.view(c);
    const form = new Validator(v, await readForm(c));
    const input = {
      maxUnitsWithoutSignoff: form.int("maxUnitsWithoutSignoff", 0, 100),
      maxAgenciesWithoutSignoff: form.int("maxAgenciesWithoutSignoff", 0, 100),
      maxWorkingGroupSize: form.int("maxWorkingGroupSize", 1, 200),
      notes: form.bilingual("notes", false),
    };
    if (!form.ok) return render(c, agency.slug, { authorisation: form.state() }, 400);
    const result = await attempt(() => setAuthorisationTable(dir, actor, agency.id, input));
    if (!result.ok) {
      return render(
        c,
        agency.slug,
        { authorisation: errorState(v, result.error, form.values) },
        result.error.def.status,
      );
    }
    return c.redirect(`/agencies/${agency.slug}?done=authorisation#authorisation`, 303);
  });

  app.post("/agencies/:slug/rosters", async (c) => {
    const { actor, agency } = await agencyFor(c, "file-roster");
    const v = kit.view(c);
    const form = new Validator(v, await readForm(c));
    const input = { year: form.int("year", 2017, 2100), note: form.optional("note", 2000) };
    if (!form.ok) return render(c, agency.slug, { roster: form.state() }, 400);
    const result = await attempt(() => fileRoster(dir, actor, agency.id, input));
    if (!result.ok) {
      return render(
        c,
        agency.slug,
        { roster: errorState(v, result.error, form.values) },
        result.error.def.status,
      );
    }
    return c.redirect(`/agencies/${agency.slug}?done=roster#roster`, 303);
  });

  app.post("/invitations/:id/withdraw", async (c) => {
    const actor = requirePerson(c);
    const inv = await respondToInvitation(dir, actor, c.req.param("id"), "withdraw");
    return c.redirect(`/agencies/${inv.agency.slug}?done=withdrawn#invitations`, 303);
  });
}
