import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeAudited } from "../../audit/index.ts";
import { systemActor } from "../../directory/index.ts";
import * as archive from "../archive-repository.ts";
import { parseTranscriptMarkdown } from "../markdown.ts";
import type { TranscriptsDeps } from "./deps.ts";
import { importTranscriptFiles, type ImportSummary } from "./import-transcripts.ts";
import { importTranscriptLinks, linkFileKind, type LinkImportSummary } from "./import-links.ts";

/** The project's own fictional demo transcripts (the public archive itself is not shipped). */
export const demoTranscriptsDir = fileURLToPath(new URL("../../../../demo/transcripts/", import.meta.url));

/** Demo speakers are the fictional seed people: their names start with 示範 or "Demo ". */
const DEMO_NAME = /^(示範|Demo )/;

/**
 * Loads the demo transcripts and their link files through the same import use cases as the CLI
 * (idempotent), then links demo speakers to the demo directory people of the same name.
 */
export async function seedDemoTranscripts(
  deps: TranscriptsDeps,
  dir = demoTranscriptsDir,
): Promise<{ transcripts: ImportSummary; links: LinkImportSummary; speakersLinked: number }> {
  // A deployment without the demo folder simply has no demo transcripts.
  const names = existsSync(dir) ? readdirSync(dir).sort() : [];
  const read = (n: string) => ({ name: `demo/transcripts/${n}`, text: readFileSync(join(dir, n), "utf8") });
  const markdown = names.filter((n) => n.toLowerCase().endsWith(".md")).map(read);
  const linkFiles = names.filter((n) => linkFileKind(n)).map(read);
  const transcripts = await importTranscriptFiles(deps, systemActor, markdown);
  const links = await importTranscriptLinks(deps, systemActor, linkFiles);

  const speakerNames = new Set<string>();
  for (const f of markdown) {
    const parsed = parseTranscriptMarkdown(f.text, f.name);
    if (!parsed.ok) continue;
    for (const b of parsed.transcript.blocks)
      if (b.kind === "speech" && DEMO_NAME.test(b.speaker)) speakerNames.add(b.speaker);
  }
  const speakersLinked = await writeAudited(deps.db, systemActor, async (tx) => {
    const linked = await archive.linkSpeakersByName(tx, [...speakerNames]);
    return {
      value: linked.length,
      audit: [
        {
          action: "transcript.demo.seed",
          entityType: "transcript-links",
          entityId: "demo",
          after: {
            files: markdown.length,
            created: transcripts.transcripts.created,
            speakersLinked: linked.map((l) => ({ speaker: l.name, personId: l.personId })),
          },
        },
      ],
    };
  });
  return { transcripts, links, speakersLinked };
}
