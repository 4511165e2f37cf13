import type { Hono } from "hono";
import {
  can,
  endMembership,
  getPerson,
  orgLabels,
  requirePerson,
  updatePerson,
  type Actor,
  type AppEnv,
} from "../modules/directory/index.ts";
import { fail } from "../platform/http/errors.ts";
import { pick } from "../platform/i18n/index.ts";
import { AuthorisationTable } from "./agency-page.tsx";
import { ActionButton, Field, Form, Notice, Submit, Tags, type FormState } from "./components.tsx";
import type { PageKit } from "./deps.ts";
import { attempt, errorState, readForm, Validator } from "./forms.ts";
import { renderPage } from "./layout.tsx";
import { personName, Time, tx, type Ctx, type View } from "./view.tsx";

type Person = Awaited<ReturnType<typeof getPerson>>;
type Role = Person["roles"][number];

/** Forms of the person page re-rendered after a failed submission. */
interface PersonForms {
  edit?: FormState;
}

const doneMessages = ["updated", "ended"] as const;

/** The person themselves, PDIS and admins may change a person's details. */
function mayEditPerson(actor: Actor, personId: string): boolean {
  return actor.personId === personId || can(actor, { do: "manage-people" });
}

/** Only PDIS and admins change the address a person signs in with. */
const mayEditEmail = (actor: Actor) => can(actor, { do: "manage-people" });

/** The person themselves, or whoever manages the memberships of the role's agency, may end a role. */
function mayEndRole(actor: Actor, personId: string, role: Role): boolean {
  if (role.endedAt) return false;
  return actor.personId === personId || can(actor, { do: "manage-memberships", agencyId: role.agency.id });
}

/** A role in one plain sentence (for an accessible name, where links cannot go). */
function roleText(v: View, r: Role): string {
  const { t, locale } = v;
  if (r.role === "po") return t("web.person.role.po", { agency: pick(r.agency.name, locale) });
  if (r.role === "supervisor")
    return t("web.person.role.supervisor", { agency: pick(r.agency.name, locale) });
  if (r.role === "pdis") return t("web.person.role.pdis");
  return t("web.person.role.staff", { unit: pick(r.org.name, locale) });
}

function RoleLine(props: { v: View; role: Role; mayEnd?: boolean }) {
  const { v, role: r } = props;
  const { t, locale } = v;
  const agency = <a href={`/agencies/${r.agency.slug}`}>{pick(r.agency.name, locale)}</a>;
  let text;
  if (r.role === "po") text = tx(v, "web.person.role.po", { agency });
  else if (r.role === "supervisor") text = tx(v, "web.person.role.supervisor", { agency });
  else if (r.role === "pdis") text = t("web.person.role.pdis");
  else
    text = tx(v, "web.person.role.staff", {
      unit: <a href={`/agencies/${r.org.slug}`}>{pick(r.org.name, locale)}</a>,
    });
  return (
    <li class={r.endedAt ? "ended" : undefined}>
      <span>{text}</span>
      <Tags v={v} tags={r.role === "po" ? r.tags : []} />
      <span class="muted">
        {" "}
        {r.endedAt
          ? tx(v, "web.person.between", {
              from: <Time v={v} at={r.since} style="date" />,
              to: <Time v={v} at={r.endedAt} style="date" />,
            })
          : tx(v, "web.person.since", { date: <Time v={v} at={r.since} style="date" /> })}
      </span>
      {props.mayEnd ? (
        <>
          {" "}
          <ActionButton
            v={v}
            action={`/memberships/${r.membershipId}/end`}
            label={t("web.person.end.button")}
            ariaLabel={t("web.person.end.confirm", { role: roleText(v, r) })}
            variant="danger"
          />
        </>
      ) : null}
    </li>
  );
}

/** The current details as form values, so the edit form starts from what is stored. */
function personValues(p: Person): Record<string, string> {
  return {
    name: p.name,
    nameEn: p.nameEn ?? "",
    "title.zh-TW": p.title?.["zh-TW"] ?? "",
    "title.en": p.title?.en ?? "",
    phone: p.phone ?? "",
    email: p.email ?? "",
  };
}

function EditPersonForm(props: { v: View; person: Person; state: FormState | undefined; open: boolean }) {
  const { v, person: p } = props;
  const { t, actor } = v;
  const state = props.state ?? { values: personValues(p), errors: {} };
  const withEmail = mayEditEmail(actor);
  return (
    <details class="panel form-panel" id="edit-details" open={props.open || !!props.state}>
      <summary>
        <h2 id="edit-details-title">{t("web.person.edit.title")}</h2>
      </summary>
      <p>{t("web.person.edit.intro")}</p>
      <Form
        v={v}
        id="person-edit-form"
        action={`/people/${p.id}/edit`}
        state={props.state}
        labels={{
          name: t("web.admin.person.name"),
          nameEn: t("web.admin.person.nameEn"),
          "title.zh-TW": t("web.admin.person.titleZh"),
          "title.en": t("web.admin.person.titleEn"),
          phone: t("web.common.phone"),
          ...(withEmail ? { email: t("web.common.email") } : {}),
        }}
      >
        <Field
          v={v}
          form="person-edit-form"
          name="name"
          label={t("web.admin.person.name")}
          maxlength={100}
          autocomplete="off"
          required
          state={state}
        />
        <Field
          v={v}
          form="person-edit-form"
          name="nameEn"
          label={t("web.admin.person.nameEn")}
          maxlength={100}
          autocomplete="off"
          lang="en"
          state={state}
        />
        <Field
          v={v}
          form="person-edit-form"
          name="title.zh-TW"
          label={t("web.admin.person.titleZh")}
          hint={t("web.form.bothLanguagesHint")}
          lang="zh-Hant-TW"
          state={state}
        />
        <Field
          v={v}
          form="person-edit-form"
          name="title.en"
          label={t("web.admin.person.titleEn")}
          lang="en"
          state={state}
        />
        <Field
          v={v}
          form="person-edit-form"
          name="phone"
          type="tel"
          label={t("web.common.phone")}
          maxlength={50}
          autocomplete="off"
          state={state}
        />
        {withEmail ? (
          <Field
            v={v}
            form="person-edit-form"
            name="email"
            type="email"
            label={t("web.common.email")}
            hint={t("web.person.edit.emailHint")}
            autocomplete="off"
            required
            state={state}
          />
        ) : null}
        <Submit label={t("web.person.edit.submit")} />
      </Form>
    </details>
  );
}

function PersonView(props: {
  v: View;
  person: Person;
  forms: PersonForms;
  openEdit: boolean;
  done: string | undefined;
}) {
  const { v, person: p } = props;
  const { t, locale, actor } = v;
  const active = p.roles.filter((r) => !r.endedAt);
  const ended = p.roles.filter((r) => r.endedAt);
  const otherName = locale === "en" ? p.name : p.nameEn;
  return (
    <>
      <h1>{personName(p, locale)}</h1>
      {otherName && otherName !== personName(p, locale) ? (
        <p class="other-lang" lang={locale === "en" ? "zh-Hant-TW" : "en"}>
          {otherName}
        </p>
      ) : null}
      {p.title ? <p class="lead">{pick(p.title, locale)}</p> : null}
      {props.done && (doneMessages as readonly string[]).includes(props.done) ? (
        <Notice>{t(`web.person.done.${props.done}`)}</Notice>
      ) : null}
      {actor.personId === p.id ? (
        <p class="notice notice-info">
          {t("web.person.isYou")} <a href="/account">{t("web.nav.account")}</a>
        </p>
      ) : null}
      {p.email || p.phone ? (
        <section aria-labelledby="contact-title">
          <h2 id="contact-title">{t("web.person.contact")}</h2>
          <dl class="facts">
            {p.email ? (
              <div>
                <dt>{t("web.common.email")}</dt>
                <dd>
                  <a href={`mailto:${p.email}`}>{p.email}</a>
                </dd>
              </div>
            ) : null}
            {p.phone ? (
              <div>
                <dt>{t("web.common.phone")}</dt>
                <dd>{p.phone}</dd>
              </div>
            ) : null}
          </dl>
        </section>
      ) : null}
      {mayEditPerson(actor, p.id) ? (
        <EditPersonForm v={v} person={p} state={props.forms.edit} open={props.openEdit} />
      ) : null}
      <section aria-labelledby="roles-title" id="roles">
        <h2 id="roles-title">{t("web.person.roles")}</h2>
        {active.length ? (
          <ul class="role-list">
            {active.map((r) => (
              <RoleLine v={v} role={r} mayEnd={mayEndRole(actor, p.id, r)} />
            ))}
          </ul>
        ) : (
          <p class="empty">{t("web.person.noRoles")}</p>
        )}
        {ended.length ? (
          <>
            <h3>{t("web.person.pastRoles")}</h3>
            <ul class="role-list">
              {ended.map((r) => (
                <RoleLine v={v} role={r} />
              ))}
            </ul>
          </>
        ) : null}
      </section>
      {p.authorisation.length ? (
        <section aria-labelledby="person-authorisation-title">
          <h2 id="person-authorisation-title">{t("web.authorisation.title")}</h2>
          <p>{t("web.person.authorisationIntro")}</p>
          {p.authorisation.map((a) => (
            <AuthorisationTable
              v={v}
              table={a.table}
              caption={t("web.person.authorisationOf", { agency: pick(a.agency.name, locale) })}
            />
          ))}
        </section>
      ) : null}
    </>
  );
}

/** The person page and its forms: edit the details, end a role. */
export function personPages(app: Hono<AppEnv>, kit: PageKit) {
  const { dir } = kit;

  async function render(c: Ctx, id: string, forms: PersonForms = {}, status = 200) {
    const v = kit.view(c);
    const person = await getPerson(dir, v.actor, id);
    if (mayEditPerson(v.actor, person.id)) c.header("Cache-Control", "no-store");
    return c.html(
      renderPage(
        v,
        {
          title: personName(person, v.locale),
          nav: "directory",
          langPath: `/people/${person.id}`,
          hasError: status >= 400,
        },
        <PersonView
          v={v}
          person={person}
          forms={forms}
          openEdit={c.req.query("edit") !== undefined}
          done={status === 200 ? c.req.query("done") : undefined}
        />,
      ),
      status as 200,
    );
  }

  app.get("/people/:id", (c) => render(c, c.req.param("id")));

  app.post("/people/:id/edit", async (c) => {
    const actor = requirePerson(c);
    const id = c.req.param("id");
    if (!mayEditPerson(actor, id)) throw fail.forbidden();
    const person = await getPerson(dir, actor, id);
    const v = kit.view(c);
    const form = new Validator(v, await readForm(c));
    const name = form.required("name", 100);
    const nameEn = form.optional("nameEn", 100);
    const title = form.bilingual("title", false);
    const phone = form.optional("phone", 50);
    // The e-mail is how a person signs in: only PDIS and admins change it; anyone else's is ignored.
    const email = mayEditEmail(actor) ? form.email("email", true) : undefined;
    // The use case cannot store "no title" yet: say so rather than silently keeping the old one.
    if (!title && person.title) form.fail("title.zh-TW", "web.person.edit.titleKept");
    if (!form.ok) return render(c, person.id, { edit: form.state() }, 400);
    const input = {
      name,
      // An emptied field clears the stored value; an empty one stays empty.
      nameEn: nameEn ?? (person.nameEn ? "" : undefined),
      title,
      phone: phone ?? (person.phone ? "" : undefined),
      email,
    };
    const result = await attempt(() => updatePerson(dir, actor, person.id, input));
    if (!result.ok) {
      return render(
        c,
        person.id,
        { edit: errorState(v, result.error, form.values) },
        result.error.def.status,
      );
    }
    return c.redirect(`/people/${person.id}?done=updated`, 303);
  });

  app.post("/memberships/:id/end", async (c) => {
    const actor = requirePerson(c);
    const ended = await endMembership(dir, actor, c.req.param("id"));
    // Back to the person when the actor may still see them (someone without an active role is
    // private); otherwise to the agency or unit the role belonged to.
    const privileged = actor.isAdmin || can(actor, { do: "see-private-person", personId: ended.personId });
    if (privileged || (await attempt(() => getPerson(dir, actor, ended.personId))).ok) {
      return c.redirect(`/people/${ended.personId}?done=ended`, 303);
    }
    const org = (await orgLabels(dir.db, [ended.orgId])).get(ended.orgId);
    return c.redirect(org ? `/agencies/${org.slug}?done=ended` : "/directory", 303);
  });
}
