// One directory walker for the tools and the tests, so that each says only which folders it skips and which files it
// wants.
import fs from 'fs';
import path from 'path';

export interface WalkOptions {
  /** A folder, by its name, not to enter. By default every folder is entered. */
  skipDir?: (name: string) => boolean;
  /** A file, by its name, to list. By default every file is listed. */
  keepFile?: (name: string) => boolean;
}

/** Absolute paths of the regular files under `dir`, depth first (none when `dir` does not exist). */
export function filesUnder(dir: string, opts: WalkOptions = {}): string[] {
  const out: string[] = [];
  const visit = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!opts.skipDir?.(entry.name)) visit(full);
      } else if (entry.isFile() && (opts.keepFile?.(entry.name) ?? true)) out.push(full);
    }
  };
  if (fs.existsSync(dir)) visit(dir);
  return out;
}
