import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { fail } from "../../../platform/http/errors.ts";
import type { Tx } from "../../../platform/db/database.ts";
import { writeAudited } from "../../audit/index.ts";
import { isPdis, type Actor } from "../../directory/index.ts";
import * as repo from "../repository.ts";
import { guessKind, speakerSlugBase } from "../classify.ts";
import { createPreparer } from "../preparer.ts";
import { kindCode } from "../search-source.ts";
import type { TranscriptKind } from "../tables.ts";
import type { PrepareOutcome, PreparedFile } from "./prepare-file.ts";
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

/** Imports of at least this many files into an archive this small load first and index after. */
const BULK_FILES = 200;
const BULK_MAX_EXISTING_SPEECHES = 50_000;

/**
 * Imports archive files (Markdown, or any format `parseTranscriptFile` reads), idempotently. A file
 * whose normalised text is unchanged is skipped; a new or changed file is written in one transaction
 * of its own (with its audit entry), keeping the ids of speeches that did not change; a file the
 * parser rejects is reported and nothing of it is written. Search vectors are written with the
 * speeches. PDIS and administrators only.
 *
 * Throughput: reading, parsing and tokenizing run ahead in worker threads while earlier files are
 * written (the database works in another thread or process). A large first import (≥ 200 files into an
 * archive of fewer than 50,000 speeches) drops the speeches' secondary indexes (search, speaker, date,
 * id) and builds them once at the end, which is several times cheaper than maintaining them row by
 * row; they are rebuilt even when the run fails, and `ensureSpeechSearch` restores them at
 * start-up after a crash.
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
  const bulk = files.length >= BULK_FILES && (await repo.countSpeeches(deps.db)) < BULK_MAX_EXISTING_SPEECHES;
  if (bulk) await repo.dropSpeechIndexes(deps.db);

  let done = 0;
  const progress = (file: string) => {
    done++;
    onProgress?.({ done, total: files.length, file });
  };
  const write = async (p: PreparedFile) => {
    try {
      const pending = new Map<string, { id: string; slug: string }>();
      const r = await writeAudited(deps.db, actor, async (tx) => {
        const value = await writeOne(tx, p, { now: deps.clock.now(), cache, pending });
        return {
          value,
          audit: [
            {
              action: "transcript.import",
              entityType: "transcript",
              entityId: value.id,
              after: {
                slug: p.t.slug,
                file: p.file,
                sourceHash: p.hash,
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
      hashes.set(p.t.slug, { id: r.id, sourceHash: p.hash });
      if (r.created) summary.transcripts.created++;
      else summary.transcripts.updated++;
      summary.speeches += r.speeches;
    } catch (e) {
      // A database refusal (e.g. a constraint) rolls the file back; it is reported, the run goes on.
      summary.skipped.push({ file: p.file, line: 0, message: (e as Error).message });
    } finally {
      progress(p.file);
    }
  };

  // Reading, parsing and tokenizing run ahead in worker threads (or here, for a few files) while
  // the previous files are written.
  const preparer = createPreparer(hashes, files.length);
  try {
    const ahead: Array<Promise<PrepareOutcome>> = [];
    let next = 0;
    const fill = () => {
      while (ahead.length < preparer.depth && next < files.length) {
        const file = files[next++]!;
        let text: string;
        try {
          text = file.text; // read once (a caller may read files lazily)
        } catch (e) {
          ahead.push(
            Promise.resolve({ kind: "error", file: file.name, line: 0, message: (e as Error).message }),
          );
          continue;
        }
        ahead.push(preparer.prepare(file.name, text));
      }
    };
    fill();
    while (ahead.length > 0) {
      const r = await ahead.shift()!;
      fill();
      if (r.kind === "ready") {
        await write(r.prepared);
        continue;
      }
      if (r.kind === "unchanged") summary.transcripts.unchanged++;
      else summary.skipped.push({ file: r.file, line: r.line, message: r.message });
      progress(r.file);
    }
  } finally {
    await preparer.close();
    if (bulk) await repo.createSpeechIndexes(deps.db);
  }
  if (summary.transcripts.created + summary.transcripts.updated > 0) await repo.analyzeArchive(deps.db);
  return summary;
}

async function writeOne(
  tx: Tx,
  p: PreparedFile,
  o: {
    now: Date;
    cache: SpeakerCache;
    pending: Map<string, { id: string; slug: string }>;
  },
): Promise<{ id: string; created: boolean; rows: number; speeches: number; kept: number }> {
  const t = p.t;
  // Speakers first: new names get an id and a slug unique among all speakers.
  const speakerId = (name: string) => o.cache.byName.get(name) ?? o.pending.get(name)?.id;
  const pendingSlugs = new Set<string>();
  for (const b of t.blocks) {
    if (b.kind !== "speech" || b.speaker === "" || speakerId(b.speaker)) continue;
    const base = speakerSlugBase(b.speaker);
    let slug = base;
    const taken = (s: string) => o.cache.slugs.has(s) || pendingSlugs.has(s);
    for (let n = 2; taken(slug); n++) slug = `${base}-${n}`;
    pendingSlugs.add(slug);
    o.pending.set(b.speaker, { id: randomUUID(), slug });
  }
  if (o.pending.size)
    await repo.insertSpeakers(
      tx,
      [...o.pending].map(([name, s]) => ({ id: s.id, name, slug: s.slug })),
    );

  const fields = {
    title: t.title,
    date: t.date,
    titleDatePrefix: t.titleDatePrefix ?? null,
  };
  // An import is idempotent: a crash may lose its last commits (re-run it), never their consistency.
  // Not waiting for each file's commit to reach the disk is what makes it affordable.
  await tx.execute(sql`set local synchronous_commit = off`);
  const existing = await repo.findTranscript(tx, t.slug, true);
  let old: Array<{ id: string; key: string }> = [];
  let transcriptId: string;
  let kind: TranscriptKind;
  if (existing && existing.state !== "published")
    // A draft or a transcript in review belongs to its speakers' review; an import never replaces it.
    throw new Error(`"${t.slug}" is a ${existing.state} transcript under review; not replaced by an import`);
  if (existing) {
    old = (await repo.speechKeys(tx, existing.id)).map((s) => ({
      id: s.id,
      key: keyOf(s.kind, s.speakerId, s.text),
    }));
    await repo.updateTranscript(tx, existing.id, {
      ...fields,
      language: p.language,
      sourceHash: p.hash,
      updatedAt: o.now,
    });
    await repo.deleteSpeeches(tx, existing.id);
    transcriptId = existing.id;
    kind = existing.kind;
  } else {
    const row = await repo.insertTranscript(tx, {
      slug: t.slug,
      ...fields,
      kind: guessKind(t.slug, t.title),
      state: "published",
      publishedAt: o.now,
      language: p.language,
      sourceHash: p.hash,
      createdAt: o.now,
      updatedAt: o.now,
    });
    transcriptId = row.id;
    kind = row.kind;
  }

  // The prepared search data lacks the kind (an existing transcript keeps its own).
  const kindMarker = kindCode(kind);
  const rows: repo.NewSpeech[] = t.blocks.map((b, position) => {
    const text = p.texts[position]!;
    const doc = p.search[position];
    const common = {
      transcriptId,
      position,
      text,
      searchCodes: doc ? [...doc.codes, kindMarker] : null,
      searchText: doc?.text ?? null,
      date: t.date,
    };
    if (b.kind === "speech") {
      const splitBack = text.split("\n\n");
      const faithful =
        splitBack.length === b.paragraphs.length && splitBack.every((q, k) => q === b.paragraphs[k]);
      return {
        ...common,
        kind: "speech",
        speakerId: b.speaker === "" ? null : (speakerId(b.speaker) ?? null),
        colon: b.colon,
        continued: b.continued ?? false,
        paragraphs: faithful ? null : b.paragraphs,
      };
    }
    if (b.kind === "narrative") return { ...common, kind: "narrative", style: b.style };
    return { ...common, kind: "heading", headingLevel: b.level };
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
