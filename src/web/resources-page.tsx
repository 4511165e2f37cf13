import type { Hono } from "hono";
import {
  can,
  createResource,
  listResources,
  orgLabels,
  requirePerson,
  resourceCategories,
  type Actor,
  type AppEnv,
  type LocaleText,
} from "../modules/directory/index.ts";
import { fail } from "../platform/http/errors.ts";
import { pick } from "../platform/i18n/index.ts";
import {
  Field,
  Form,
  Notice,
  Select,
  Submit,
  Tags,
  TextArea,
  type FormState,
  type Option,
} from "./components.tsx";
import type { PageKit } from "./deps.ts";
import { attempt, errorState, readForm, Validator } from "./forms.ts";
import { renderPage } from "./layout.tsx";
import type { Ctx, View } from "./view.tsx";

type Resource = Awaited<ReturnType<typeof listResources>>[number];

/** Forms of the resources page re-rendered after a failed submission. */
interface ResourceForms {
  pool?: FormState;
  internal?: FormState;
}

/** An agency the actor may add internal resources for: one they are a PO of. */
interface PoAgency {
  id: string;
  name: LocaleText;
}

/** The agencies the actor is a PO of (from their grants). */
function poAgencyIds(actor: Actor): string[] {
  return [...new Set(actor.grants.filter((g) => g.role === "po").map((g) => g.agencyId))];
}

/** PDIS and admins add outside pools. */
const mayAddPool = (actor: Actor) => can(actor, { do: "manage-resources", agencyId: null });

function ResourceItem(props: { v: View; r: Resource }) {
  const { v, r } = props;
  return (
    <li class="resource">
      <h4>{pick(r.name, v.locale)}</h4>
      <Tags v={v} tags={[r.category]} prefix="web.category." />
      {r.description ? <p>{pick(r.description, v.locale)}</p> : null}
      {r.contactEmail ? (
        <p class="contact">
          <span class="visually-hidden">{v.t("web.common.email")}</span>
          <a href={`mailto:${r.contactEmail}`}>{r.contactEmail}</a>
        </p>
      ) : null}
    </li>
  );
}

/** Labels of a resource form's fields, for its error summary. */
function resourceLabels(v: View): Record<string, string> {
  const { t } = v;
  return {
    orgId: t("web.resources.form.agency"),
    category: t("web.resources.form.category"),
    slug: t("web.resources.form.slug"),
    "name.zh-TW": t("web.resources.form.nameZh"),
    "name.en": t("web.resources.form.nameEn"),
    "description.zh-TW": t("web.resources.form.descriptionZh"),
    "description.en": t("web.resources.form.descriptionEn"),
    contactEmail: t("web.resources.form.contactEmail"),
  };
}

/** The fields both resource forms share. */
function ResourceFields(props: { v: View; form: string; state?: FormState }) {
  const { v, form, state } = props;
  const { t } = v;
  return (
    <>
      <Select
        v={v}
        form={form}
        name="category"
        label={t("web.resources.form.category")}
        options={resourceCategories.map((c) => ({ value: c, label: t(`web.category.${c}`) }))}
        placeholder={t("web.form.choose")}
        required
        state={state}
      />
      <Field
        v={v}
        form={form}
        name="name.zh-TW"
        label={t("web.resources.form.nameZh")}
        lang="zh-Hant-TW"
        required
        state={state}
      />
      <Field
        v={v}
        form={form}
        name="name.en"
        label={t("web.resources.form.nameEn")}
        lang="en"
        required
        state={state}
      />
      <Field
        v={v}
        form={form}
        name="slug"
        label={t("web.resources.form.slug")}
        hint={t("web.resources.form.slugHint")}
        maxlength={63}
        autocomplete="off"
        required
        state={state}
      />
      <TextArea
        v={v}
        form={form}
        name="description.zh-TW"
        label={t("web.resources.form.descriptionZh")}
        hint={t("web.form.bothLanguagesHint")}
        lang="zh-Hant-TW"
        maxlength={300}
        state={state}
      />
      <TextArea
        v={v}
        form={form}
        name="description.en"
        label={t("web.resources.form.descriptionEn")}
        lang="en"
        maxlength={300}
        state={state}
      />
      <Field
        v={v}
        form={form}
        name="contactEmail"
        type="email"
        label={t("web.resources.form.contactEmail")}
        autocomplete="off"
        state={state}
      />
    </>
  );
}

function ResourcesView(props: {
  v: View;
  resources: Resource[];
  poAgencies: PoAgency[];
  forms: ResourceForms;
  done: string | undefined;
}) {
  const { v, forms } = props;
  const { t, locale, actor } = v;
  const internal = props.resources.filter((r) => r.kind === "internal");
  const pools = props.resources.filter((r) => r.kind === "pool");
  const byAgency = new Map<string, { org: NonNullable<Resource["org"]>; items: Resource[] }>();
  for (const r of internal) {
    if (!r.org) continue;
    const g = byAgency.get(r.org.id) ?? { org: r.org, items: [] };
    g.items.push(r);
    byAgency.set(r.org.id, g);
  }
  const byCategory = new Map<string, Resource[]>();
  for (const r of pools) byCategory.set(r.category, [...(byCategory.get(r.category) ?? []), r]);
  const agencyOptions: Option[] = props.poAgencies.map((a) => ({ value: a.id, label: pick(a.name, locale) }));
  const done = (which: "pool" | "internal") =>
    props.done === which ? <Notice>{t(`web.resources.done.${which}`)}</Notice> : null;
  return (
    <>
      <h1>{t("web.resources.title")}</h1>
      <p class="lead">{t("web.resources.intro")}</p>
      <nav aria-label={t("web.resources.onThisPage")} class="toc">
        <ul>
          <li>
            <a href="#internal">{t("web.resources.internal")}</a>
          </li>
          <li>
            <a href="#pools">{t("web.resources.pools")}</a>
          </li>
        </ul>
      </nav>
      <section aria-labelledby="internal" class="resource-section">
        <h2 id="internal">{t("web.resources.internal")}</h2>
        <p>{t("web.resources.internalIntro")}</p>
        {done("internal")}
        {agencyOptions.length ? (
          <details class="panel form-panel" id="add-internal" open={!!forms.internal}>
            <summary>
              <h3 id="add-internal-title">{t("web.resources.addInternal.title")}</h3>
            </summary>
            <p>{t("web.resources.addInternal.intro")}</p>
            <Form
              v={v}
              id="internal-form"
              action="/resources/internal"
              state={forms.internal}
              labels={resourceLabels(v)}
            >
              <Select
                v={v}
                form="internal-form"
                name="orgId"
                label={t("web.resources.form.agency")}
                hint={t("web.resources.addInternal.agencyHint")}
                options={agencyOptions}
                value={agencyOptions.length === 1 ? agencyOptions[0]!.value : undefined}
                placeholder={agencyOptions.length === 1 ? undefined : t("web.form.choose")}
                required
                state={forms.internal}
              />
              <ResourceFields v={v} form="internal-form" state={forms.internal} />
              <Submit label={t("web.resources.addInternal.submit")} />
            </Form>
          </details>
        ) : null}
        {byAgency.size ? (
          [...byAgency.values()].map((g) => (
            <section aria-labelledby={`res-${g.org.slug}`}>
              <h3 id={`res-${g.org.slug}`}>
                <a href={`/agencies/${g.org.slug}`}>{pick(g.org.name, locale)}</a>
              </h3>
              <ul class="resource-list">
                {g.items.map((r) => (
                  <ResourceItem v={v} r={r} />
                ))}
              </ul>
            </section>
          ))
        ) : (
          <p class="empty">{t("web.resources.none")}</p>
        )}
      </section>
      <section aria-labelledby="pools" class="resource-section">
        <h2 id="pools">{t("web.resources.pools")}</h2>
        <p>{t("web.resources.poolsIntro")}</p>
        {done("pool")}
        {mayAddPool(actor) ? (
          <details class="panel form-panel" id="add-pool" open={!!forms.pool}>
            <summary>
              <h3 id="add-pool-title">{t("web.resources.addPool.title")}</h3>
            </summary>
            <p>{t("web.resources.addPool.intro")}</p>
            <Form
              v={v}
              id="pool-form"
              action="/resources/pools"
              state={forms.pool}
              labels={resourceLabels(v)}
            >
              <ResourceFields v={v} form="pool-form" state={forms.pool} />
              <Submit label={t("web.resources.addPool.submit")} />
            </Form>
          </details>
        ) : null}
        {byCategory.size ? (
          [...byCategory.entries()].map(([category, items]) => (
            <section aria-labelledby={`pool-${category}`}>
              <h3 id={`pool-${category}`}>{t(`web.category.${category}`)}</h3>
              <ul class="resource-list">
                {items.map((r) => (
                  <ResourceItem v={v} r={r} />
                ))}
              </ul>
            </section>
          ))
        ) : (
          <p class="empty">{t("web.resources.none")}</p>
        )}
      </section>
    </>
  );
}

/** The resource directory and its forms: add an outside pool, add an internal resource of my agency. */
export function resourcesPages(app: Hono<AppEnv>, kit: PageKit) {
  const { dir } = kit;

  async function render(c: Ctx, forms: ResourceForms = {}, status = 200) {
    const v = kit.view(c);
    const ids = poAgencyIds(v.actor);
    const [resources, labels] = await Promise.all([
      listResources(dir, {}),
      ids.length ? orgLabels(dir.db, ids) : Promise.resolve(new Map<string, { name: LocaleText }>()),
    ]);
    const poAgencies = ids.flatMap((id) => {
      const label = labels.get(id);
      return label ? [{ id, name: label.name }] : [];
    });
    return c.html(
      renderPage(
        v,
        {
          title: v.t("web.resources.title"),
          nav: "resources",
          langPath: "/resources",
          hasError: status >= 400,
        },
        <ResourcesView
          v={v}
          resources={resources}
          poAgencies={poAgencies}
          forms={forms}
          done={status === 200 ? c.req.query("done") : undefined}
        />,
      ),
      status as 200,
    );
  }

  app.get("/resources", (c) => render(c));

  /** Reads the fields both forms share. */
  function readResource(form: Validator) {
    return {
      category: form.oneOf("category", resourceCategories),
      name: form.bilingual("name", true)!,
      slug: form.slug("slug"),
      description: form.bilingual("description", false),
      contactEmail: form.email("contactEmail", false),
    };
  }

  app.post("/resources/pools", async (c) => {
    const actor = requirePerson(c);
    if (!mayAddPool(actor)) throw fail.forbidden();
    const v = kit.view(c);
    const form = new Validator(v, await readForm(c));
    const input = { kind: "pool" as const, ...readResource(form) };
    if (!form.ok) return render(c, { pool: form.state() }, 400);
    const result = await attempt(() => createResource(dir, actor, input));
    if (!result.ok) {
      return render(c, { pool: errorState(v, result.error, form.values) }, result.error.def.status);
    }
    return c.redirect("/resources?done=pool#pools", 303);
  });

  app.post("/resources/internal", async (c) => {
    const actor = requirePerson(c);
    // The form is offered to an agency's POs; the use case decides for which agency.
    if (!poAgencyIds(actor).length && !mayAddPool(actor)) throw fail.forbidden();
    const v = kit.view(c);
    const form = new Validator(v, await readForm(c));
    const input = { kind: "internal" as const, orgId: form.required("orgId", 100), ...readResource(form) };
    if (!form.ok) return render(c, { internal: form.state() }, 400);
    const result = await attempt(() => createResource(dir, actor, input));
    if (!result.ok) {
      // Another agency's resource is refused outright, not explained inside the form.
      if (result.error.def.status === 403) throw result.error;
      return render(c, { internal: errorState(v, result.error, form.values) }, result.error.def.status);
    }
    return c.redirect("/resources?done=internal#internal", 303);
  });
}
