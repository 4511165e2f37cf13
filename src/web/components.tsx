import type { Child } from "hono/jsx";
import type { View } from "./view.tsx";
import { CsrfField } from "./layout.tsx";

/** The state of a form re-rendered after a failed submission. */
export interface FormState {
  /** Submitted values, by field name. */
  values: Record<string, string | string[]>;
  /** Localised messages by field name. */
  errors: Record<string, string>;
  /** A message that belongs to no single field. */
  alert?: string;
}

/** An empty form state. */
export const emptyForm = (values: Record<string, string | string[]> = {}): FormState => ({
  values,
  errors: {},
});

const fieldId = (form: string, name: string) => `${form}-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;

/** The value a field shows: what was submitted, else the default. */
function valueOf(state: FormState | undefined, name: string, fallback = ""): string {
  const v = state?.values[name];
  return typeof v === "string" ? v : fallback;
}

/** A form posting to `action` with the CSRF field, and an error summary when the last try failed. */
export function Form(props: {
  v: View;
  id: string;
  action: string;
  state?: FormState;
  labels?: Record<string, string>;
  class?: string;
  children?: Child;
}) {
  // The fragment brings a re-rendered form (with its errors) into view, without scripts.
  return (
    <form
      method="post"
      action={`${props.action}#${props.id}`}
      id={props.id}
      class={props.class ?? "stack-form"}
      novalidate
    >
      <CsrfField v={props.v} />
      <ErrorSummary v={props.v} form={props.id} state={props.state} labels={props.labels ?? {}} />
      {props.children}
    </form>
  );
}

/**
 * Lists a failed form's problems at its top, each linking to its field; announced to screen
 * readers as an alert.
 */
export function ErrorSummary(props: {
  v: View;
  form: string;
  state?: FormState;
  labels: Record<string, string>;
}) {
  const s = props.state;
  if (!s) return null;
  const entries = Object.entries(s.errors);
  if (!entries.length && !s.alert) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <p class="error-summary-title">{props.v.t("web.form.problem")}</p>
      {s.alert ? <p>{s.alert}</p> : null}
      {entries.length ? (
        <ul>
          {entries.map(([name, message]) => (
            <li>
              <a href={`#${fieldId(props.form, name)}`}>
                {props.labels[name]
                  ? props.v.t("web.form.fieldProblem", { label: props.labels[name], message })
                  : message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function FieldError(props: { id: string; message?: string; v: View }) {
  if (!props.message) return null;
  return (
    <p class="field-error" id={`${props.id}-error`}>
      <span class="visually-hidden">{props.v.t("web.form.errorPrefix")}</span>
      {props.message}
    </p>
  );
}

function describedBy(id: string, hint?: Child, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/** A labelled text-like input with its hint and error. */
export function Field(props: {
  v: View;
  form: string;
  name: string;
  label: string;
  state?: FormState;
  type?: "text" | "email" | "url" | "number" | "tel" | "search" | "date" | "datetime-local";
  value?: string;
  hint?: Child;
  required?: boolean;
  autocomplete?: string;
  inputmode?: "numeric" | "email" | "tel" | "url" | "search" | "text";
  min?: number;
  max?: number;
  maxlength?: number;
  lang?: string;
  class?: string;
}) {
  const id = fieldId(props.form, props.name);
  const error = props.state?.errors[props.name];
  return (
    <div class={`field${error ? " field-invalid" : ""}${props.class ? ` ${props.class}` : ""}`}>
      <label for={id}>
        {props.label}
        {props.required ? null : <span class="optional">{props.v.t("web.form.optional")}</span>}
      </label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <FieldError id={id} message={error} v={props.v} />
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        value={valueOf(props.state, props.name, props.value)}
        required={props.required}
        aria-required={props.required ? "true" : undefined}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(id, props.hint, error)}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        min={props.min}
        max={props.max}
        maxlength={props.maxlength}
        lang={props.lang}
      />
    </div>
  );
}

/** A labelled multi-line text field. */
export function TextArea(props: {
  v: View;
  form: string;
  name: string;
  label: string;
  state?: FormState;
  hint?: Child;
  required?: boolean;
  rows?: number;
  maxlength?: number;
  lang?: string;
}) {
  const id = fieldId(props.form, props.name);
  const error = props.state?.errors[props.name];
  return (
    <div class={`field${error ? " field-invalid" : ""}`}>
      <label for={id}>
        {props.label}
        {props.required ? null : <span class="optional">{props.v.t("web.form.optional")}</span>}
      </label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <FieldError id={id} message={error} v={props.v} />
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 3}
        required={props.required}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(id, props.hint, error)}
        maxlength={props.maxlength}
        lang={props.lang}
      >
        {valueOf(props.state, props.name)}
      </textarea>
    </div>
  );
}

/** One option of a select; options with `group` are shown in an optgroup of that label. */
export interface Option {
  value: string;
  label: string;
  group?: string;
}

/** A labelled select. */
export function Select(props: {
  v: View;
  form: string;
  name: string;
  label: string;
  options: Option[];
  state?: FormState;
  value?: string;
  hint?: Child;
  required?: boolean;
  placeholder?: string;
}) {
  const id = fieldId(props.form, props.name);
  const error = props.state?.errors[props.name];
  const selected = valueOf(props.state, props.name, props.value);
  const groups: Array<{ label: string | undefined; options: Option[] }> = [];
  for (const o of props.options) {
    const g = groups[groups.length - 1];
    if (g && g.label === o.group) g.options.push(o);
    else groups.push({ label: o.group, options: [o] });
  }
  const render = (o: Option) => (
    <option value={o.value} selected={o.value === selected}>
      {o.label}
    </option>
  );
  return (
    <div class={`field${error ? " field-invalid" : ""}`}>
      <label for={id}>
        {props.label}
        {props.required ? null : <span class="optional">{props.v.t("web.form.optional")}</span>}
      </label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <FieldError id={id} message={error} v={props.v} />
      <select
        id={id}
        name={props.name}
        required={props.required}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(id, props.hint, error)}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {groups.map((g) =>
          g.label === undefined ? (
            g.options.map(render)
          ) : (
            <optgroup label={g.label}>{g.options.map(render)}</optgroup>
          ),
        )}
      </select>
    </div>
  );
}

/** A group of checkboxes or radio buttons in a fieldset. */
export function Choices(props: {
  v: View;
  form: string;
  name: string;
  legend: string;
  options: Option[];
  type: "checkbox" | "radio";
  state?: FormState;
  checked?: string[];
  hint?: Child;
  required?: boolean;
}) {
  const id = fieldId(props.form, props.name);
  const error = props.state?.errors[props.name];
  const submitted = props.state?.values[props.name];
  const checked = new Set(
    submitted === undefined ? (props.checked ?? []) : Array.isArray(submitted) ? submitted : [submitted],
  );
  return (
    <fieldset
      class={`field choices${error ? " field-invalid" : ""}`}
      id={id}
      aria-describedby={describedBy(id, props.hint, error)}
    >
      <legend>
        {props.legend}
        {props.required ? null : <span class="optional">{props.v.t("web.form.optional")}</span>}
      </legend>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <FieldError id={id} message={error} v={props.v} />
      <div class="choice-list">
        {props.options.map((o, i) => (
          <div class="choice">
            <input
              type={props.type}
              id={`${id}-${i}`}
              name={props.name}
              value={o.value}
              checked={checked.has(o.value)}
            />
            <label for={`${id}-${i}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** A submit button. */
export function Submit(props: { label: string; variant?: "primary" | "secondary" | "danger" }) {
  return (
    <button type="submit" class={`button button-${props.variant ?? "primary"}`}>
      {props.label}
    </button>
  );
}

/** A one-button form (accept, decline, revoke, sign out that session). */
export function ActionButton(props: {
  v: View;
  action: string;
  label: string;
  variant?: "primary" | "secondary" | "danger";
  /** A longer accessible name when the visible label is short and repeated in a list. */
  ariaLabel?: string;
}) {
  return (
    <form method="post" action={props.action} class="inline-form">
      <CsrfField v={props.v} />
      <button
        type="submit"
        class={`button button-${props.variant ?? "secondary"}`}
        aria-label={props.ariaLabel}
      >
        {props.label}
      </button>
    </form>
  );
}

/** A status message after a successful action (announced politely). */
export function Notice(props: { children?: Child; kind?: "success" | "info" }) {
  return (
    <div class={`notice notice-${props.kind ?? "success"}`} role="status">
      {props.children}
    </div>
  );
}

/** A page-level alert (an action that failed outside a form). */
export function Alert(props: { children?: Child }) {
  return (
    <div class="error-summary" role="alert">
      {props.children}
    </div>
  );
}

/** Small labels for tags and roles. */
export function Tags(props: { v: View; tags: string[]; prefix?: string }) {
  if (!props.tags.length) return null;
  return (
    <ul class="tags" aria-label={props.v.t("web.common.tags")}>
      {props.tags.map((tag) => (
        <li class="tag">{props.v.t(`${props.prefix ?? "web.tag."}${tag}`)}</li>
      ))}
    </ul>
  );
}

/** Text in the other language of the page, marked with its `lang`. */
export function OtherLang(props: { v: View; text: { "zh-TW": string; en: string } | null | undefined }) {
  if (!props.text) return null;
  const other = props.v.locale === "en" ? "zh-TW" : "en";
  const text = props.text[other];
  if (!text || text === props.text[props.v.locale]) return null;
  return (
    <p class="other-lang" lang={other === "en" ? "en" : "zh-Hant-TW"}>
      {text}
    </p>
  );
}
