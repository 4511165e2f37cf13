import { randomUUID } from "node:crypto";
import { fail } from "../../../platform/http/errors.ts";
import type { Tx } from "../../../platform/db/database.ts";
import { writeAudited } from "../../audit/index.ts";
import { isPdis, type Actor } from "../../directory/index.ts";
import * as repo from "../repository.ts";
import { guessKind, guessLanguage, sourceHash, speakerSlugBase } from "../classify.ts";
import type { ParsedTranscript } from "../markdown.ts";
import { parseTranscriptFile } from "../formats.ts";
import type { TranscriptsDeps } from "./deps.ts";

/** One archive file: its name (the slug is the name without folders and `.md`) and its text. */
export interface TranscriptFile {
  name: string;
  text: string;
}

/** A file that was not imported, and why. */
export interface SkippedFile {
  file: string;
  line: number;
  message: string;
}

/** What an import did. */
export interface ImportSummary {
  files: number;
  transcripts: { created: number; updated: number; unchanged: number };
  /** Speech rows (speakers' turns) written by this run. */
  speeches: number;
  skipped: SkippedFile[];
}

/** Reported after each file. */
export interface ImportProgress {
  done: number;
  total: number;
  file: string;
}

interface SpeakerCache {
  byName: Map<string, string>;
  slugs: Set<string>;
}

/**
 * Imports archive Markdown files, idempotently. A file whose normalised text is unchanged is skipped;
 * a new or changed file is written in one transaction of its own (with its audit entry), keeping the
 * ids of speeches that did not change; a file the parser rejects is reported and nothing of it is
 * written. PDIS and administrators only.
 */
export async function importTranscriptFiles(
  deps: TranscriptsDeps,
  actor: Actor,
  files: TranscriptFile[],
  onProgress?: (p: ImportProgress) => void,
): Promise<ImportSummary> {
  if (!actor.isAdmin && !isPdis(actor)) throw fail.forbidden();
  const summary: ImportSummary = {
    files: files.length,
    transcripts: { created: 0, updated: 0, unchanged: 0 },
    speeches: 0,
    skipped: [],
  };
  const hashes = await repo.transcriptHashes(deps.db);
  const cache: SpeakerCache = { byName: new Map(), slugs: new Set() };
  for (const s of await repo.allSpeakers(deps.db)) {
    cache.byName.set(s.name, s.id);
    cache.slugs.add(s.slug);
  }

  let done = 0;
  for (const file of files) {
    try {
      const text = file.text; // read once (a caller may read files lazily)
      const parsed = parseTranscriptFile(text, file.name);
      if (!parsed.ok) {
        summary.skipped.push({ file: file.name, ...parsed.error });
        continue;
      }
      const t = parsed.transcript;
      const hash = sourceHash(text);
      if (hashes.get(t.slug)?.sourceHash === hash) {
        summary.transcripts.unchanged++;
        continue;
      }
      const language = guessLanguage(text);
      const pending = new Map<string, { id: string; slug: string }>();
      const r = await writeAudited(deps.db, actor, async (tx) => {
        const value = await writeOne(tx, t, { hash, language, now: deps.clock.now(), cache, pending });
        return {
          value,
          audit: [
            {
              action: "transcript.import",
              entityType: "transcript",
              entityId: value.id,
              after: {
                slug: t.slug,
                file: file.name,
                sourceHash: hash,
                created: value.created,
                rows: value.rows,
                keptIds: value.kept,
              },
            },
          ],
        };
      });
      for (const [name, s] of pending) {
        cache.byName.set(name, s.id);
        cache.slugs.add(s.slug);
      }
      hashes.set(t.slug, { id: r.id, sourceHash: hash });
      if (r.created) summary.transcripts.created++;
      else summary.transcripts.updated++;
      summary.speeches += r.speeches;
    } catch (e) {
      // A database refusal (e.g. a constraint) rolls the file back; it is reported, the run goes on.
      summary.skipped.push({ file: file.name, line: 0, message: (e as Error).message });
    } finally {
      done++;
      onProgress?.({ done, total: files.length, file: file.name });
    }
  }
  return summary;
}

async function writeOne(
  tx: Tx,
  t: ParsedTranscript,
  o: {
    hash: string;
    language: "zh-TW" | "en";
    now: Date;
    cache: SpeakerCache;
    pending: Map<string, { id: string; slug: string }>;
  },
): Promise<{ id: string; created: boolean; rows: number; speeches: number; kept: number }> {
  // Speakers first: new names get an id and a slug unique among all speakers.
  const speakerId = (name: string) => o.cache.byName.get(name) ?? o.pending.get(name)?.id;
  for (const b of t.blocks) {
    if (b.kind !== "speech" || b.speaker === "" || speakerId(b.speaker)) continue;
    const base = speakerSlugBase(b.speaker);
    let slug = base;
    const taken = (s: string) => o.cache.slugs.has(s) || [...o.pending.values()].some((p) => p.slug === s);
    for (let n = 2; taken(slug); n++) slug = `${base}-${n}`;
    o.pending.set(b.speaker, { id: randomUUID(), slug });
  }
  if (o.pending.size)
    await repo.insertSpeakers(
      tx,
      [...o.pending].map(([name, s]) => ({ id: s.id, name, slug: s.slug })),
    );

  const fields = { title: t.title, date: t.date, titleDatePrefix: t.titleDatePrefix ?? null };
  const existing = await repo.findTranscript(tx, t.slug, true);
  let old: Array<{ id: string; key: string }> = [];
  let transcriptId: string;
  if (existing) {
    old = (await repo.speechKeys(tx, existing.id)).map((s) => ({
      id: s.id,
      key: keyOf(s.kind, s.speakerId, s.text),
    }));
    await repo.updateTranscript(tx, existing.id, {
      ...fields,
      language: o.language,
      sourceHash: o.hash,
      updatedAt: o.now,
    });
    await repo.deleteSpeeches(tx, existing.id);
    transcriptId = existing.id;
  } else {
    const row = await repo.insertTranscript(tx, {
      slug: t.slug,
      ...fields,
      kind: guessKind(t.slug, t.title),
      state: "published",
      language: o.language,
      sourceHash: o.hash,
      createdAt: o.now,
      updatedAt: o.now,
    });
    transcriptId = row.id;
  }

  const rows: repo.NewSpeech[] = t.blocks.map((b, position) => {
    if (b.kind === "speech") {
      const text = b.paragraphs.join("\n\n");
      const splitBack = text.split("\n\n");
      const faithful =
        splitBack.length === b.paragraphs.length && splitBack.every((p, k) => p === b.paragraphs[k]);
      return {
        transcriptId,
        position,
        kind: "speech",
        speakerId: b.speaker === "" ? null : (speakerId(b.speaker) ?? null),
        text,
        colon: b.colon,
        continued: b.continued ?? false,
        paragraphs: faithful ? null : b.paragraphs,
      };
    }
    if (b.kind === "narrative")
      return { transcriptId, position, kind: "narrative", text: b.text, style: b.style };
    return { transcriptId, position, kind: "heading", text: b.text, headingLevel: b.level };
  });
  const ids = matchIds(
    old,
    rows.map((r) => keyOf(r.kind, r.speakerId ?? null, r.text)),
  );
  let kept = 0;
  rows.forEach((r, k) => {
    const id = ids[k];
    if (id) kept++;
    r.id = id ?? randomUUID();
  });
  await repo.insertSpeeches(tx, rows);
  return {
    id: transcriptId,
    created: !existing,
    rows: rows.length,
    speeches: rows.filter((r) => r.kind === "speech").length,
    kept,
  };
}

function keyOf(kind: string, speakerId: string | null, text: string): string {
  return `${kind}\u0000${speakerId ?? ""}\u0000${text}`;
}

/**
 * For each new row, the id of the old row it continues, or null. A row equal to the old row at the
 * same position keeps its id; the others are matched in order, greedily, between those anchors, so a
 * paragraph inserted or removed does not change the permalinks of the speeches around it.
 */
export function matchIds(old: Array<{ id: string; key: string }>, keys: string[]): Array<string | null> {
  const ids: Array<string | null> = keys.map((k, i) => (old[i]?.key === k ? old[i]!.id : null));
  const used = new Set<number>(ids.flatMap((id, i) => (id ? [i] : [])));
  const queues = new Map<string, number[]>();
  old.forEach((o, j) => {
    if (used.has(j)) return;
    const q = queues.get(o.key);
    if (q) q.push(j);
    else queues.set(o.key, [j]);
  });
  // The old index of the next anchor at or after each new position.
  const nextAnchor = new Array<number>(keys.length + 1).fill(old.length);
  for (let i = keys.length - 1; i >= 0; i--) nextAnchor[i] = ids[i] ? i : nextAnchor[i + 1]!;
  let last = -1;
  for (let i = 0; i < keys.length; i++) {
    if (ids[i]) {
      last = i;
      continue;
    }
    const q = queues.get(keys[i]!);
    if (!q) continue;
    while (q.length && q[0]! <= last) q.shift();
    const j = q[0];
    if (j !== undefined && j < nextAnchor[i]!) {
      q.shift();
      ids[i] = old[j]!.id;
      last = j;
    }
  }
  return ids;
}
