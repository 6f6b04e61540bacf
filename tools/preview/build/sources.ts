// The files the preview serves, as one virtual tree rooted like the mini program (what simulate's require and
// readFile see): miniprogram/** as is, preview fixtures under __preview__/. Plus the key that decides whether a
// cached build is still good: paths, sizes and mtimes of every input, including the preview's own code.
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { filesUnder } from '../../lib/files-under';
import { FIXTURE_MOUNT, FIXTURES_ROOT, MP_ROOT, ROOT } from '../paths';

export interface SourceFile {
  /** Path in the virtual tree, "/"-separated, no leading slash: "pages/index/index.ts". */
  virtual: string;
  absolute: string;
  fixture: boolean;
}

const SKIP_FILE = /(\.d\.ts|\.test\.ts|\.map|\.md|tsconfig\.json)$/;

const hidden = (name: string) => name.startsWith('.');
const walk = (dir: string) => filesUnder(dir, { skipDir: hidden, keepFile: (name) => !hidden(name) && !SKIP_FILE.test(name) });

const toPosix = (p: string) => p.split(path.sep).join('/');

export function collectSources(): SourceFile[] {
  const files: SourceFile[] = walk(MP_ROOT).map((absolute) => ({ virtual: toPosix(path.relative(MP_ROOT, absolute)), absolute, fixture: false }));
  for (const absolute of walk(FIXTURES_ROOT)) {
    files.push({ virtual: `${FIXTURE_MOUNT}/${toPosix(path.relative(FIXTURES_ROOT, absolute))}`, absolute, fixture: true });
  }
  return files.sort((a, b) => (a.virtual < b.virtual ? -1 : 1));
}

/** Code of the preview itself: a change to any of it invalidates the cache too. */
const TOOL_DIRS = ['tools/preview/build', 'tools/preview/runtime', 'tools/preview/console', 'tools/preview/shared', 'tools/mp-shims'];
const TOOL_FILES = ['node_modules/miniprogram-simulate/build.js', 'node_modules/@vant/icons/src/encode-woff2.less', 'tools/preview/paths.ts'];

/** A hash of every input of the build, and of `variant` (how it is built: with or without source maps). */
export function buildKey(sources: SourceFile[], variant = ''): string {
  const hash = crypto.createHash('sha1');
  hash.update(`${variant}\n`);
  const add = (label: string, file: string) => {
    const stat = fs.statSync(file);
    hash.update(`${label}\0${stat.size}\0${stat.mtimeMs}\n`);
  };
  for (const s of sources) add(s.virtual, s.absolute);
  for (const dir of TOOL_DIRS) for (const file of walk(path.join(ROOT, dir))) add(path.relative(ROOT, file), file);
  for (const file of TOOL_FILES) add(file, path.join(ROOT, file));
  hash.update(process.version);
  return hash.digest('hex').slice(0, 16);
}
