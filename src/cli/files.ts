import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** The `*.md` files named or found (recursively) in the folders named, sorted; and paths that do not exist. */
export function collectMarkdownFiles(paths: string[]): { files: string[]; missing: string[] } {
  const files = new Set<string>();
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.toLowerCase().endsWith(".md")) files.add(p);
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) walk(p);
    else if (p.toLowerCase().endsWith(".md")) files.add(p);
  }
  return { files: [...files].sort(), missing };
}
