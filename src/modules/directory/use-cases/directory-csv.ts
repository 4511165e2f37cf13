import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import * as repo from "../repository.ts";
import type { Actor } from "../actor.ts";
import { fail } from "../../../platform/http/errors.ts";
import { writeAudited, type AuditEntry } from "../../audit/index.ts";
import type { DirectoryDeps } from "./deps.ts";

/** Columns of the directory CSV: one row per agency or unit. */
export const DIRECTORY_CSV_COLUMNS = [
  "slug",
  "kind",
  "parent_slug",
  "name_zh",
  "name_en",
  "abbreviation_zh",
  "abbreviation_en",
  "website",
  "email",
  "phone",
  "address",
] as const;

/** Writes every agency and unit as CSV, parents before children, so the file re-imports as it is. */
export async function exportDirectoryCsv(deps: DirectoryDeps): Promise<string> {
  const rows = await repo.listOrgs(deps.db, {});
  const bySlug = new Map(rows.map((r) => [r.id, r.slug]));
  const ordered = [...rows].sort(
    (a, b) => a.level - b.level || kindRank(a.kind) - kindRank(b.kind) || a.slug.localeCompare(b.slug),
  );
  return stringify(
    ordered.map((o) => ({
      slug: o.slug,
      kind: o.kind,
      parent_slug: o.parentId ? (bySlug.get(o.parentId) ?? "") : "",
      name_zh: o.name["zh-TW"],
      name_en: o.name.en,
      abbreviation_zh: o.abbreviation?.["zh-TW"] ?? "",
      abbreviation_en: o.abbreviation?.en ?? "",
      website: o.website ?? "",
      email: o.email ?? "",
      phone: o.phone ?? "",
      address: o.address ?? "",
    })),
    { header: true, columns: [...DIRECTORY_CSV_COLUMNS] },
  );
}

function kindRank(kind: string): number {
  return kind === "executive-yuan" ? 0 : kind === "agency" ? 1 : 2;
}

/** A problem found in an imported file. */
export interface CsvProblem {
  line: number;
  field: string;
  message: string;
}

/**
 * Creates or updates agencies and units from CSV, keyed by slug. The whole file is checked first;
 * any problem means nothing is written. Re-importing the same file changes nothing.
 */
export async function importDirectoryCsv(
  deps: DirectoryDeps,
  actor: Actor,
  text: string,
): Promise<{ created: number; updated: number; unchanged: number; errors: CsvProblem[] }> {
  if (!actor.isAdmin) throw fail.forbidden();
  let records: Array<Record<string, string>>;
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (e) {
    return {
      created: 0,
      updated: 0,
      unchanged: 0,
      errors: [{ line: 1, field: "file", message: (e as Error).message }],
    };
  }
  const errors: CsvProblem[] = [];
  const header = Object.keys(records[0] ?? {});
  for (const col of ["slug", "kind", "parent_slug", "name_zh", "name_en"]) {
    if (records.length && !header.includes(col))
      errors.push({ line: 1, field: col, message: "column is missing" });
  }
  const existing = await repo.listOrgs(deps.db, {});
  const known = new Map(existing.map((o) => [o.slug, o]));
  const inFile = new Map<string, { kind: string; level: number }>();
  records.forEach((r, i) => {
    const line = i + 2;
    const slug = r.slug ?? "";
    if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(slug))
      errors.push({ line, field: "slug", message: "must be lowercase letters, digits and dashes" });
    if (inFile.has(slug)) errors.push({ line, field: "slug", message: "appears twice in the file" });
    if (!["executive-yuan", "agency", "unit"].includes(r.kind ?? ""))
      errors.push({ line, field: "kind", message: "must be executive-yuan, agency or unit" });
    if (!r.name_zh) errors.push({ line, field: "name_zh", message: "must not be empty" });
    if (!r.name_en) errors.push({ line, field: "name_en", message: "must not be empty" });
    if ((r.abbreviation_zh ? 1 : 0) !== (r.abbreviation_en ? 1 : 0))
      errors.push({
        line,
        field: "abbreviation_en",
        message: "give the abbreviation in both languages or neither",
      });
    if (r.website && !/^https?:\/\//.test(r.website))
      errors.push({ line, field: "website", message: "must be an http(s) URL" });
    let level = 1;
    if (r.kind === "executive-yuan") {
      if (r.parent_slug)
        errors.push({ line, field: "parent_slug", message: "the Executive Yuan has no parent" });
    } else {
      const parent =
        inFile.get(r.parent_slug ?? "") ??
        (known.get(r.parent_slug ?? "") as { kind: string; level: number } | undefined);
      if (!parent)
        errors.push({
          line,
          field: "parent_slug",
          message: "no such agency earlier in the file or in the directory",
        });
      else {
        if (parent.kind === "unit" && r.kind === "agency")
          errors.push({ line, field: "parent_slug", message: "an agency cannot sit under a unit" });
        level = r.kind === "unit" ? parent.level : parent.level + 1;
        if (level > 3)
          errors.push({
            line,
            field: "parent_slug",
            message: "third-level agencies are the deepest agencies",
          });
      }
    }
    const old = known.get(slug);
    if (old && old.kind !== r.kind)
      errors.push({ line, field: "kind", message: `is ${old.kind} in the directory; kind cannot change` });
    inFile.set(slug, { kind: r.kind ?? "", level });
  });
  if (errors.length) return { created: 0, updated: 0, unchanged: 0, errors };
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  await writeAudited(deps.db, actor, async (tx) => {
    const ids = new Map(existing.map((o) => [o.slug, o.id]));
    const audit: AuditEntry[] = [];
    for (const r of records) {
      const values = {
        name: { "zh-TW": r.name_zh!, en: r.name_en! },
        abbreviation: r.abbreviation_zh ? { "zh-TW": r.abbreviation_zh, en: r.abbreviation_en! } : null,
        website: r.website || null,
        email: r.email || null,
        phone: r.phone || null,
        address: r.address || null,
      };
      const old = known.get(r.slug!);
      const parentId = r.parent_slug ? ids.get(r.parent_slug)! : null;
      if (!old) {
        const row = await repo.insertOrg(tx, {
          slug: r.slug!,
          kind: r.kind as "agency",
          level: inFile.get(r.slug!)!.level,
          parentId,
          ...values,
        });
        ids.set(row.slug, row.id);
        audit.push({ action: "org.create", entityType: "org", entityId: row.id, after: row });
        created++;
      } else {
        const norm = (x: { "zh-TW": string; en: string } | null | undefined) =>
          x ? [x["zh-TW"], x.en] : null;
        const same =
          JSON.stringify([
            norm(old.name),
            norm(old.abbreviation),
            old.website,
            old.email,
            old.phone,
            old.address,
            old.parentId,
          ]) ===
          JSON.stringify([
            norm(values.name),
            norm(values.abbreviation),
            values.website,
            values.email,
            values.phone,
            values.address,
            parentId,
          ]);
        if (same) {
          unchanged++;
          continue;
        }
        const row = await repo.updateOrg(tx, old.id, { ...values, parentId });
        audit.push({ action: "org.update", entityType: "org", entityId: old.id, before: old, after: row });
        updated++;
      }
    }
    return {
      value: null,
      audit: [
        {
          action: "directory.import",
          entityType: "directory",
          entityId: "csv",
          after: { created, updated, unchanged },
        },
        ...audit,
      ],
    };
  });
  return { created, updated, unchanged, errors: [] };
}
