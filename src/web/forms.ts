import { AppError } from "../platform/http/errors.ts";
import type { FormState } from "./components.tsx";
import type { Ctx, View } from "./view.tsx";

/** Submitted form values by name; repeated names (checkboxes) become lists. */
export type FormValues = Record<string, string | string[]>;

/** Reads an urlencoded or multipart form; files and the CSRF field are dropped. */
export async function readForm(c: Ctx): Promise<FormValues> {
  const body = await c.req.parseBody({ all: true });
  const out: FormValues = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === "_csrf") continue;
    if (typeof v === "string") out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === "string");
  }
  return out;
}

/** The first value of a field, trimmed. */
export function str(values: FormValues, name: string): string {
  const v = values[name];
  return (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();
}

/** All values of a field. */
export function list(values: FormValues, name: string): string[] {
  const v = values[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map((x) => x.trim()).filter(Boolean);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Collects field errors in the reader's language while reading a form. */
export class Validator {
  readonly errors: Record<string, string> = {};
  constructor(
    private readonly v: View,
    readonly values: FormValues,
  ) {}

  /** Records an error for a field (the first one wins). */
  fail(name: string, key: string, params?: Record<string, string | number>): void {
    this.errors[name] ??= this.v.t(key, params);
  }

  /** A text that must be present. */
  required(name: string, max = 300): string {
    const s = str(this.values, name);
    if (!s) this.fail(name, "web.form.required");
    else if ([...s].length > max) this.fail(name, "web.form.tooLong", { max });
    return s;
  }

  /** A text that may be empty (undefined then). */
  optional(name: string, max = 300): string | undefined {
    const s = str(this.values, name);
    if ([...s].length > max) this.fail(name, "web.form.tooLong", { max });
    return s || undefined;
  }

  /** An e-mail address. */
  email(name: string, required: true): string;
  email(name: string, required: false): string | undefined;
  email(name: string, required: boolean): string | undefined {
    const s = str(this.values, name);
    if (!s) {
      if (required) this.fail(name, "web.form.required");
      return required ? "" : undefined;
    }
    if (s.length > 254 || !EMAIL.test(s)) this.fail(name, "web.form.email");
    return s;
  }

  /** A whole number within bounds. */
  int(name: string, min: number, max: number): number {
    const s = str(this.values, name);
    const n = Number(s);
    if (!s || !Number.isInteger(n) || n < min || n > max) this.fail(name, "web.form.integer", { min, max });
    return n;
  }

  /** A lowercase identifier used in addresses. */
  slug(name: string): string {
    const s = str(this.values, name);
    if (!s) this.fail(name, "web.form.required");
    else if (!SLUG.test(s)) this.fail(name, "web.form.slug");
    return s;
  }

  /** An optional http(s) address. */
  url(name: string): string | undefined {
    const s = str(this.values, name);
    if (!s) return undefined;
    const ok = URL.canParse(s) && /^https?:$/.test(new URL(s).protocol);
    if (!ok || s.length > 500) this.fail(name, "web.form.url");
    return s;
  }

  /** One of the allowed values. */
  oneOf<T extends string>(name: string, allowed: readonly T[]): T {
    const s = str(this.values, name);
    if (!s) this.fail(name, "web.form.required");
    else if (!allowed.includes(s as T)) this.fail(name, "web.form.choice");
    return s as T;
  }

  /** Zero or more of the allowed values. */
  someOf<T extends string>(name: string, allowed: readonly T[]): T[] {
    const values = list(this.values, name);
    if (values.some((x) => !allowed.includes(x as T))) this.fail(name, "web.form.choice");
    return values.filter((x): x is T => allowed.includes(x as T));
  }

  /**
   * A text in both languages from two fields (`<base>.zh-TW`, `<base>.en`): both are needed when
   * required, and otherwise both or neither.
   */
  bilingual(base: string, required: boolean, max = 300): { "zh-TW": string; en: string } | undefined {
    const zhName = `${base}.zh-TW`;
    const enName = `${base}.en`;
    const zh = str(this.values, zhName);
    const en = str(this.values, enName);
    if (!zh && !en && !required) return undefined;
    for (const [name, value] of [
      [zhName, zh],
      [enName, en],
    ] as const) {
      if (!value) this.fail(name, required ? "web.form.required" : "web.form.bothLanguages");
      else if ([...value].length > max) this.fail(name, "web.form.tooLong", { max });
    }
    return { "zh-TW": zh, en };
  }

  /** True when nothing failed. */
  get ok(): boolean {
    return Object.keys(this.errors).length === 0;
  }

  /** The state to re-render the form with. */
  state(alert?: string): FormState {
    return { values: this.values, errors: this.errors, ...(alert ? { alert } : {}) };
  }
}

/**
 * Turns a use case's error into the form's state: the message goes next to the field it names
 * (translated to the form's own field name), or to the top of the form.
 */
export function errorState(
  v: View,
  err: AppError,
  values: FormValues,
  fieldMap: Record<string, string> = {},
): FormState {
  const message = err.localized(v.locale);
  const field = err.field
    ? (fieldMap[err.field] ?? (err.field in values ? err.field : undefined))
    : undefined;
  return field ? { values, errors: { [field]: message } } : { values, errors: {}, alert: message };
}

/** Runs a use case and returns its error as form state, rethrowing anything that is not an AppError. */
export async function attempt<T>(
  fn: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: AppError }> {
  try {
    return { ok: true, value: await fn() };
  } catch (err) {
    if (err instanceof AppError && err.def.status < 500) return { ok: false, error: err };
    throw err;
  }
}
