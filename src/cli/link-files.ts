import { existsSync, statSync } from "node:fs";
import { basename, join } from "node:path";

const LINK_FILES = ["alternates.tsv", "redirects.tsv"];

/**
 * The archive's link files among the paths given to `import transcripts`: `alternates.tsv` and
 * `redirects.tsv` named directly, or lying at the top of a folder named.
 */
export function collectLinkFiles(paths: string[]): string[] {
  const found = new Set<string>();
  for (const p of paths) {
    if (!existsSync(p)) continue;
    if (statSync(p).isDirectory()) {
      for (const name of LINK_FILES) if (existsSync(join(p, name))) found.add(join(p, name));
    } else if (LINK_FILES.includes(basename(p).toLowerCase())) found.add(p);
  }
  // Alternates first, then redirects: the order the summary reports them in.
  return [...found].sort((a, b) => basename(a).localeCompare(basename(b)));
}
