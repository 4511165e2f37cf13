import type { Hono } from "hono";
import {
  addMembership,
  createOrg,
  createPerson,
  findPersonByEmail,
  isPdis,
  listAgencies,
  requirePerson,
  type Actor,
  type AppEnv,
} from "../modules/directory/index.ts";
import { fail } from "../platform/http/errors.ts";
import { pick } from "../platform/i18n/index.ts";
import { Choices, Field, Form, Notice, Select, Submit, type FormState, type Option } from "./components.tsx";
import type { PageKit } from "./deps.ts";
import { attempt, errorState, readForm, Validator } from "./forms.ts";
import { renderPage } from "./layout.tsx";
import type { Ctx, View } from "./view.tsx";

type OrgItem = Awaited<ReturnType<typeof listAgencies>>[number];

interface AdminForms {
  person?: FormState;
  org?: FormState;
  membership?: FormState;
}

/** Roles this actor may hand out through the membership form. */
function grantableRoles(actor: Actor): Array<"unit-staff" | "supervisor" | "pdis"> {
  return actor.isAdmin ? ["unit-staff", "supervisor", "pdis"] : ["unit-staff", "supervisor"];
}

/** Agencies as select options, level by level, with each agency's units grouped under it. */
function orgOptions(v: View, agencies: OrgItem[], units: OrgItem[], withUnits: boolean): Option[] {
  const out: Option[] = [];
  const byParent = new Map<string, OrgItem[]>();
  for (const u of units) byParent.set(u.parentId ?? "", [...(byParent.get(u.parentId ?? "") ?? []), u]);
  for (const a of agencies) {
    const group = pick(a.name, v.locale);
    out.push({
      value: a.id,
      label: v.t("web.admin.orgOption", { name: group }),
      group: withUnits ? group : undefined,
    });
    if (withUnits) {
      for (const u of byParent.get(a.id) ?? [])
        out.push({ value: u.id, label: pick(u.name, v.locale), group });
    }
  }
  return out;
}

function AdminView(props: {
  v: View;
  forms: AdminForms;
  agencies: OrgItem[];
  units: OrgItem[];
  done?: string;
  doneRef?: string;
}) {
  const { v, forms } = props;
  const { t, actor } = v;
  const doneLink =
    props.done === "person" && props.doneRef
      ? `/people/${props.doneRef}`
      : props.done === "org" && props.doneRef
        ? `/agencies/${props.doneRef}`
        : props.done === "membership" && props.doneRef
          ? `/people/${props.doneRef}`
          : null;
  const roles = grantableRoles(actor);
  return (
    <>
      <h1>{t("web.admin.title")}</h1>
      <p class="lead">{t("web.admin.intro")}</p>
      {props.done && ["person", "org", "membership"].includes(props.done) ? (
        <Notice>
          {t(`web.admin.done.${props.done}`)} {doneLink ? <a href={doneLink}>{t("web.admin.view")}</a> : null}
        </Notice>
      ) : null}
      <nav aria-label={t("web.account.onThisPage")} class="toc">
        <ul>
          <li>
            <a href="#add-person">{t("web.admin.person.title")}</a>
          </li>
          {actor.isAdmin ? (
            <li>
              <a href="#add-org">{t("web.admin.org.title")}</a>
            </li>
          ) : null}
          <li>
            <a href="#add-membership">{t("web.admin.membership.title")}</a>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="add-person-title" id="add-person" class="panel">
        <h2 id="add-person-title">{t("web.admin.person.title")}</h2>
        <p>{t("web.admin.person.intro")}</p>
        <Form
          v={v}
          id="person-form"
          action="/admin/people"
          state={forms.person}
          labels={{
            email: t("web.common.email"),
            name: t("web.admin.person.name"),
            nameEn: t("web.admin.person.nameEn"),
            "title.zh-TW": t("web.admin.person.titleZh"),
            "title.en": t("web.admin.person.titleEn"),
            phone: t("web.common.phone"),
          }}
        >
          <Field
            v={v}
            form="person-form"
            name="email"
            type="email"
            label={t("web.common.email")}
            autocomplete="off"
            required
            state={forms.person}
          />
          <Field
            v={v}
            form="person-form"
            name="name"
            label={t("web.admin.person.name")}
            maxlength={100}
            required
            state={forms.person}
          />
          <Field
            v={v}
            form="person-form"
            name="nameEn"
            label={t("web.admin.person.nameEn")}
            maxlength={100}
            lang="en"
            state={forms.person}
          />
          <Field
            v={v}
            form="person-form"
            name="title.zh-TW"
            label={t("web.admin.person.titleZh")}
            hint={t("web.form.bothLanguagesHint")}
            lang="zh-Hant-TW"
            state={forms.person}
          />
          <Field
            v={v}
            form="person-form"
            name="title.en"
            label={t("web.admin.person.titleEn")}
            lang="en"
            state={forms.person}
          />
          <Field
            v={v}
            form="person-form"
            name="phone"
            type="tel"
            label={t("web.common.phone")}
            maxlength={50}
            state={forms.person}
          />
          {actor.isAdmin ? (
            <Choices
              v={v}
              form="person-form"
              name="isAdmin"
              type="checkbox"
              legend={t("web.admin.person.adminLegend")}
              options={[{ value: "1", label: t("web.admin.person.isAdmin") }]}
              state={forms.person}
            />
          ) : null}
          <Submit label={t("web.admin.person.submit")} />
        </Form>
      </section>

      {actor.isAdmin ? (
        <section aria-labelledby="add-org-title" id="add-org" class="panel">
          <h2 id="add-org-title">{t("web.admin.org.title")}</h2>
          <p>{t("web.admin.org.intro")}</p>
          <Form
            v={v}
            id="org-form"
            action="/admin/orgs"
            state={forms.org}
            labels={{
              kind: t("web.admin.org.kind"),
              parentId: t("web.admin.org.parent"),
              slug: t("web.admin.org.slug"),
              "name.zh-TW": t("web.admin.org.nameZh"),
              "name.en": t("web.admin.org.nameEn"),
              "abbreviation.zh-TW": t("web.admin.org.abbrZh"),
              "abbreviation.en": t("web.admin.org.abbrEn"),
              website: t("web.agency.website"),
              email: t("web.agency.email"),
              phone: t("web.common.phone"),
            }}
          >
            <Choices
              v={v}
              form="org-form"
              name="kind"
              type="radio"
              legend={t("web.admin.org.kind")}
              options={[
                { value: "agency", label: t("web.admin.org.kindAgency") },
                { value: "unit", label: t("web.admin.org.kindUnit") },
              ]}
              checked={["agency"]}
              required
              state={forms.org}
            />
            <Select
              v={v}
              form="org-form"
              name="parentId"
              label={t("web.admin.org.parent")}
              hint={t("web.admin.org.parentHint")}
              options={orgOptions(v, props.agencies, props.units, false)}
              placeholder={t("web.form.choose")}
              required
              state={forms.org}
            />
            <Field
              v={v}
              form="org-form"
              name="slug"
              label={t("web.admin.org.slug")}
              hint={t("web.admin.org.slugHint")}
              maxlength={63}
              autocomplete="off"
              required
              state={forms.org}
            />
            <Field
              v={v}
              form="org-form"
              name="name.zh-TW"
              label={t("web.admin.org.nameZh")}
              lang="zh-Hant-TW"
              required
              state={forms.org}
            />
            <Field
              v={v}
              form="org-form"
              name="name.en"
              label={t("web.admin.org.nameEn")}
              lang="en"
              required
              state={forms.org}
            />
            <Field
              v={v}
              form="org-form"
              name="abbreviation.zh-TW"
              label={t("web.admin.org.abbrZh")}
              hint={t("web.form.bothLanguagesHint")}
              lang="zh-Hant-TW"
              state={forms.org}
            />
            <Field
              v={v}
              form="org-form"
              name="abbreviation.en"
              label={t("web.admin.org.abbrEn")}
              lang="en"
              state={forms.org}
            />
            <Field
              v={v}
              form="org-form"
              name="website"
              type="url"
              label={t("web.agency.website")}
              state={forms.org}
            />
            <Field
              v={v}
              form="org-form"
              name="email"
              type="email"
              label={t("web.agency.email")}
              state={forms.org}
            />
            <Field
              v={v}
              form="org-form"
              name="phone"
              type="tel"
              label={t("web.common.phone")}
              maxlength={50}
              state={forms.org}
            />
            <Submit label={t("web.admin.org.submit")} />
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="add-membership-title" id="add-membership" class="panel">
        <h2 id="add-membership-title">{t("web.admin.membership.title")}</h2>
        <p>{t("web.admin.membership.intro")}</p>
        <Form
          v={v}
          id="membership-form"
          action="/admin/memberships"
          state={forms.membership}
          labels={{
            email: t("web.admin.membership.email"),
            role: t("web.admin.membership.role"),
            orgId: t("web.admin.membership.org"),
          }}
        >
          <Field
            v={v}
            form="membership-form"
            name="email"
            type="email"
            label={t("web.admin.membership.email")}
            hint={t("web.admin.membership.emailHint")}
            autocomplete="off"
            required
            state={forms.membership}
          />
          <Choices
            v={v}
            form="membership-form"
            name="role"
            type="radio"
            legend={t("web.admin.membership.role")}
            options={roles.map((r) => ({ value: r, label: t(`web.admin.membership.roleOption.${r}`) }))}
            required
            state={forms.membership}
          />
          <Select
            v={v}
            form="membership-form"
            name="orgId"
            label={t("web.admin.membership.org")}
            hint={t("web.admin.membership.orgHint")}
            options={orgOptions(v, props.agencies, props.units, true)}
            placeholder={t("web.form.choose")}
            required
            state={forms.membership}
          />
          <Submit label={t("web.admin.membership.submit")} />
        </Form>
      </section>
    </>
  );
}

/** Administration: add people, agencies and units, and memberships (admins and PDIS). */
export function adminPages(app: Hono<AppEnv>, kit: PageKit) {
  const { dir } = kit;

  /** Admins and PDIS only; the public is sent to sign in. */
  function allowed(c: Ctx): Actor & { personId: string } {
    const actor = requirePerson(c);
    if (!actor.isAdmin && !isPdis(actor)) throw fail.forbidden();
    return actor;
  }

  async function render(c: Ctx, forms: AdminForms = {}, status = 200) {
    const v = kit.view(c);
    const [agencies, units] = await Promise.all([listAgencies(dir, {}), listAgencies(dir, { kind: "unit" })]);
    c.header("Cache-Control", "no-store");
    return c.html(
      renderPage(
        v,
        { title: v.t("web.admin.title"), nav: "admin", langPath: "/admin", hasError: status >= 400 },
        <AdminView
          v={v}
          forms={forms}
          agencies={agencies}
          units={units}
          done={status === 200 ? c.req.query("done") : undefined}
          doneRef={status === 200 ? c.req.query("ref") : undefined}
        />,
      ),
      status as 200,
    );
  }

  app.get("/admin", (c) => {
    if (!c.get("actor").personId) return c.redirect("/sign-in?redirectTo=%2Fadmin", 303);
    allowed(c);
    return render(c);
  });

  app.post("/admin/people", async (c) => {
    const actor = allowed(c);
    const v = kit.view(c);
    const form = new Validator(v, await readForm(c));
    const input = {
      email: form.email("email", true),
      name: form.required("name", 100),
      nameEn: form.optional("nameEn", 100),
      title: form.bilingual("title", false),
      phone: form.optional("phone", 50),
      isAdmin: actor.isAdmin && form.values.isAdmin === "1",
    };
    if (!form.ok) return render(c, { person: form.state() }, 400);
    const result = await attempt(() => createPerson(dir, actor, input));
    if (!result.ok)
      return render(c, { person: errorState(v, result.error, form.values) }, result.error.def.status);
    return c.redirect(`/admin?done=person&ref=${result.value.id}#add-person`, 303);
  });

  app.post("/admin/orgs", async (c) => {
    const actor = allowed(c);
    if (!actor.isAdmin) throw fail.forbidden();
    const v = kit.view(c);
    const form = new Validator(v, await readForm(c));
    const input = {
      kind: form.oneOf("kind", ["agency", "unit"] as const),
      parentId: form.required("parentId", 100),
      slug: form.slug("slug"),
      name: form.bilingual("name", true)!,
      abbreviation: form.bilingual("abbreviation", false),
      website: form.url("website"),
      email: form.email("email", false),
      phone: form.optional("phone", 50),
    };
    if (!form.ok) return render(c, { org: form.state() }, 400);
    const result = await attempt(() => createOrg(dir, actor, input));
    if (!result.ok)
      return render(c, { org: errorState(v, result.error, form.values) }, result.error.def.status);
    return c.redirect(`/admin?done=org&ref=${encodeURIComponent(result.value.slug)}#add-org`, 303);
  });

  app.post("/admin/memberships", async (c) => {
    const actor = allowed(c);
    const v = kit.view(c);
    const form = new Validator(v, await readForm(c));
    const email = form.email("email", true);
    const role = form.oneOf("role", grantableRoles(actor));
    const orgId = form.required("orgId", 100);
    if (!form.ok) return render(c, { membership: form.state() }, 400);
    const person = await findPersonByEmail(dir.db, email);
    if (!person) {
      form.fail("email", "web.form.personNotFound");
      return render(c, { membership: form.state() }, 400);
    }
    const result = await attempt(() => addMembership(dir, actor, { personId: person.id, orgId, role }));
    if (!result.ok) {
      return render(
        c,
        { membership: errorState(v, result.error, form.values, { personId: "email" }) },
        result.error.def.status,
      );
    }
    return c.redirect(`/admin?done=membership&ref=${person.id}#add-membership`, 303);
  });
}
