import type { Child } from "hono/jsx";
import { renderPage } from "./layout.tsx";
import { viewOf, type Ctx, type View } from "./view.tsx";

/** The parts of an OpenAPI 3 document the reference page reads. */
export interface OpenApiDocument {
  openapi?: string;
  info?: { title?: string; version?: string; description?: string };
  servers?: Array<{ url: string; description?: string }>;
  tags?: Array<{ name: string; description?: string }>;
  paths?: object;
  components?: object;
}

type Json = Record<string, unknown>;
const METHODS = ["get", "post", "put", "patch", "delete"] as const;

const isObj = (x: unknown): x is Json => typeof x === "object" && x !== null && !Array.isArray(x);
const asObj = (x: unknown): Json => (isObj(x) ? x : {});
const asArr = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const asStr = (x: unknown): string | undefined => (typeof x === "string" ? x : undefined);

/** The component name of a `$ref` ("#/components/schemas/Agency" → "Agency"). */
const refName = (ref: string) => ref.split("/").pop() ?? ref;
const anchor = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-|-$/g, "");

/** A schema in one line: names link to their definition; arrays, objects and enums spelled out. */
function SchemaType(props: { schema: unknown; depth?: number }): Child {
  const s = asObj(props.schema);
  const depth = props.depth ?? 0;
  const nullable = s.nullable === true ? " | null" : "";
  const ref = asStr(s.$ref);
  if (ref) {
    const name = refName(ref);
    return (
      <>
        <a href={`#schema-${anchor(name)}`}>{name}</a>
        {nullable}
      </>
    );
  }
  for (const key of ["oneOf", "anyOf", "allOf"] as const) {
    const parts = asArr(s[key]);
    if (parts.length) {
      return (
        <>
          {parts.map((p, i) => (
            <>
              {i ? (key === "allOf" ? " & " : " | ") : ""}
              <SchemaType schema={p} depth={depth} />
            </>
          ))}
          {nullable}
        </>
      );
    }
  }
  const enumValues = asArr(s.enum);
  if (enumValues.length) return `${enumValues.map((e) => JSON.stringify(e)).join(" | ")}${nullable}`;
  const type = asStr(s.type);
  if (type === "array") {
    return (
      <>
        <SchemaType schema={s.items} depth={depth} />
        []{nullable}
      </>
    );
  }
  if (type === "object" || isObj(s.properties)) {
    const props_ = Object.entries(asObj(s.properties));
    if (!props_.length || depth > 1) return `object${nullable}`;
    return (
      <>
        {"{ "}
        {props_.map(([k, v], i) => (
          <>
            {i ? ", " : ""}
            {k}: <SchemaType schema={v} depth={depth + 1} />
          </>
        ))}
        {" }"}
        {nullable}
      </>
    );
  }
  const format = asStr(s.format);
  return `${type ?? "any"}${format ? ` (${format})` : ""}${nullable}`;
}

interface Operation {
  method: string;
  path: string;
  op: Json;
}

function OperationView(props: { v: View; o: Operation }) {
  const { v, o } = props;
  const { t } = v;
  const params = asArr(o.op.parameters).map(asObj);
  const body = asObj(o.op.requestBody);
  const bodyContent = Object.entries(asObj(body.content));
  const responses = Object.entries(asObj(o.op.responses));
  const secured = asArr(o.op.security).length > 0;
  const id = `op-${o.method}-${anchor(o.path)}`;
  return (
    <article class="operation" aria-labelledby={id}>
      <h3 id={id} class="operation-title">
        <span class={`method method-${o.method}`}>{o.method.toUpperCase()}</span> <code>{o.path}</code>
      </h3>
      {asStr(o.op.summary) ? <p lang="en">{asStr(o.op.summary)}</p> : null}
      {asStr(o.op.description) ? <p lang="en">{asStr(o.op.description)}</p> : null}
      {secured ? <p class="tag">{t("web.apiDocs.needsToken")}</p> : null}
      {params.length ? (
        <div class="table-wrap">
          <table>
            <caption>{t("web.apiDocs.parameters")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("web.apiDocs.name")}</th>
                <th scope="col">{t("web.apiDocs.in")}</th>
                <th scope="col">{t("web.apiDocs.type")}</th>
                <th scope="col">{t("web.apiDocs.required")}</th>
              </tr>
            </thead>
            <tbody>
              {params.map((p) => (
                <tr>
                  <td>
                    <code>{asStr(p.name) ?? ""}</code>
                    {asStr(p.description) ? (
                      <span class="muted" lang="en">
                        {" "}
                        {asStr(p.description)}
                      </span>
                    ) : null}
                  </td>
                  <td>{t(`web.apiDocs.location.${asStr(p.in) ?? "query"}`)}</td>
                  <td>
                    <code>
                      <SchemaType schema={p.schema} />
                    </code>
                  </td>
                  <td>{p.required === true ? t("web.apiDocs.yes") : t("web.apiDocs.no")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {bodyContent.length ? (
        <p>
          <strong>{t("web.apiDocs.requestBody")}</strong>{" "}
          {bodyContent.map(([type, media]) => (
            <>
              <code>{type}</code>{" "}
              <code>
                <SchemaType schema={asObj(media).schema} />
              </code>
            </>
          ))}
        </p>
      ) : null}
      {responses.length ? (
        <div class="table-wrap">
          <table>
            <caption>{t("web.apiDocs.responses")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("web.apiDocs.status")}</th>
                <th scope="col">{t("web.apiDocs.description")}</th>
                <th scope="col">{t("web.apiDocs.schema")}</th>
              </tr>
            </thead>
            <tbody>
              {responses.map(([status, r]) => {
                const res = asObj(r);
                const content = Object.values(asObj(res.content)).map(asObj);
                return (
                  <tr>
                    <td>
                      <code>{status}</code>
                    </td>
                    <td lang="en">{asStr(res.description) ?? ""}</td>
                    <td>
                      {content.length ? (
                        content.map((m) => (
                          <code>
                            <SchemaType schema={m.schema} />
                          </code>
                        ))
                      ) : (
                        <span class="muted">{t("web.apiDocs.noBody")}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </article>
  );
}

function SchemaView(props: { v: View; name: string; schema: Json }) {
  const { v, name, schema } = props;
  const properties = Object.entries(asObj(schema.properties));
  const required = new Set(asArr(schema.required).map(String));
  return (
    <article class="schema" aria-labelledby={`schema-${anchor(name)}`}>
      <h3 id={`schema-${anchor(name)}`}>
        <code>{name}</code>
      </h3>
      {asStr(schema.description) ? <p lang="en">{asStr(schema.description)}</p> : null}
      {properties.length ? (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{v.t("web.apiDocs.fieldsOf", { name })}</caption>
            <thead>
              <tr>
                <th scope="col">{v.t("web.apiDocs.field")}</th>
                <th scope="col">{v.t("web.apiDocs.type")}</th>
                <th scope="col">{v.t("web.apiDocs.required")}</th>
              </tr>
            </thead>
            <tbody>
              {properties.map(([k, p]) => (
                <tr>
                  <td>
                    <code>{k}</code>
                    {asStr(asObj(p).description) ? (
                      <span class="muted" lang="en">
                        {" "}
                        {asStr(asObj(p).description)}
                      </span>
                    ) : null}
                  </td>
                  <td>
                    <code>
                      <SchemaType schema={p} />
                    </code>
                  </td>
                  <td>{required.has(k) ? v.t("web.apiDocs.yes") : v.t("web.apiDocs.no")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>
          <code>
            <SchemaType schema={schema} />
          </code>
        </p>
      )}
    </article>
  );
}

function ApiDocsView(props: { v: View; doc: OpenApiDocument }) {
  const { v, doc } = props;
  const { t } = v;
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(asObj(doc.paths))) {
    for (const method of METHODS) {
      const op = asObj(item)[method];
      if (isObj(op)) ops.push({ method, path, op });
    }
  }
  const tagOrder = (doc.tags ?? []).map((x) => x.name);
  const byTag = new Map<string, Operation[]>();
  for (const o of ops) {
    const tag = asStr(asArr(o.op.tags)[0]) ?? t("web.apiDocs.other");
    if (!tagOrder.includes(tag)) tagOrder.push(tag);
    byTag.set(tag, [...(byTag.get(tag) ?? []), o]);
  }
  const schemas = Object.entries(asObj(asObj(doc.components).schemas)).sort(([a], [b]) => a.localeCompare(b));
  const server = doc.servers?.[0]?.url ?? "";
  return (
    <>
      <h1>{t("web.apiDocs.title")}</h1>
      <p class="lead">{t("web.apiDocs.intro")}</p>
      <dl class="facts">
        <div>
          <dt>{t("web.apiDocs.version")}</dt>
          <dd>
            {doc.info?.title ?? ""} {doc.info?.version ?? ""}
          </dd>
        </div>
        {server ? (
          <div>
            <dt>{t("web.apiDocs.server")}</dt>
            <dd>
              <code>{server}</code>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t("web.apiDocs.document")}</dt>
          <dd>
            <a href="/api/openapi.json">/api/openapi.json</a>
          </dd>
        </div>
      </dl>
      {doc.info?.description ? <p lang="en">{doc.info.description}</p> : null}
      <p>{t("web.apiDocs.auth")}</p>
      <p>{t("web.apiDocs.errors")}</p>
      <nav aria-label={t("web.apiDocs.contents")} class="toc">
        <ul>
          {tagOrder
            .filter((tag) => byTag.has(tag))
            .map((tag) => (
              <li>
                <a href={`#tag-${anchor(tag)}`}>{tag}</a> ({byTag.get(tag)!.length})
              </li>
            ))}
          {schemas.length ? (
            <li>
              <a href="#schemas">{t("web.apiDocs.schemas")}</a>
            </li>
          ) : null}
        </ul>
      </nav>
      {tagOrder
        .filter((tag) => byTag.has(tag))
        .map((tag) => (
          <section aria-labelledby={`tag-${anchor(tag)}`}>
            <h2 id={`tag-${anchor(tag)}`} lang="en">
              {tag}
            </h2>
            {byTag.get(tag)!.map((o) => (
              <OperationView v={v} o={o} />
            ))}
          </section>
        ))}
      {schemas.length ? (
        <section aria-labelledby="schemas">
          <h2 id="schemas">{t("web.apiDocs.schemas")}</h2>
          {schemas.map(([name, schema]) => (
            <SchemaView v={v} name={name} schema={asObj(schema)} />
          ))}
        </section>
      ) : null}
    </>
  );
}

/**
 * The browsable API reference, rendered on the server from the OpenAPI document. app.ts serves it:
 * `app.get("/api/docs", (c) => c.html(apiDocsPage(c, app.getOpenAPIDocument(openApiConfig))))`.
 */
export function apiDocsPage(c: Ctx, doc: OpenApiDocument): string {
  const v = viewOf(c);
  return renderPage(v, { title: v.t("web.apiDocs.title"), nav: "api" }, <ApiDocsView v={v} doc={doc} />);
}
