// Generated bench databases kept between runs (issue 17.5: generating 1M cases took 367 of a run's 381 s). A file is
// keyed by what decides its content: the generator's version (a hash of the source of every module the generator
// imports, found by esbuild) and the size. A changed generator or domain rule gives a new key, and the stale files of
// that name are removed when a file is next generated. Files are built beside their final name and renamed when complete, so an interrupted
// generation leaves nothing that looks usable. The benches only read the databases they open from here.
import { createHash } from 'crypto';
import { buildSync } from 'esbuild';
import fs from 'fs';
import path from 'path';
import { performance } from 'perf_hooks';
import { localCloud } from '../local-cloud';

const ROOT = path.resolve(__dirname, '../..');
export const CACHE_DIR = path.join(ROOT, '.cache', 'bench');
/** Bumped when the way a database is stored changes (store.ts, ejson.ts) without the generator changing. */
const STORAGE_FORMAT = 1;
/** Page cache while generating: the indexes of a few GB of documents are updated far faster in memory. */
const BUILD_CACHE_MB = 1024;

/** A hash of the source of `entry` and every local module it imports: the generator's version. */
export function sourceVersion(entry: string): string {
  const result = buildSync({ entryPoints: [entry], bundle: true, write: false, metafile: true, platform: 'node', packages: 'external', logLevel: 'silent' });
  const hash = createHash('sha256').update(`format ${STORAGE_FORMAT}\n`);
  for (const input of Object.keys(result.metafile.inputs).sort()) {
    hash.update(`${input}\n`);
    hash.update(fs.readFileSync(path.resolve(ROOT, input)));
  }
  return hash.digest('hex').slice(0, 16);
}

export interface CachedDatabase<M> {
  file: string;
  meta: M;
  /** true when this run generated it */
  generated: boolean;
  /** seconds spent generating (this run) or opening */
  seconds: number;
}

export const sizeLabel = (n: number): string => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));

/**
 * The SQLite file of `name` at `size` for the generator `entry`: taken from the cache, or built by `build` (which fills
 * the local cloud, configured on the new file, and answers what the bench needs besides the data) and kept.
 * The local cloud is left closed.
 */
export async function cachedDatabase<M>(name: string, size: number, entry: string, build: () => Promise<M> | M): Promise<CachedDatabase<M>> {
  const started = performance.now();
  const stem = `${name}-${sizeLabel(size)}`;
  const version = sourceVersion(entry);
  const file = path.join(CACHE_DIR, `${stem}-${version}.sqlite`);
  const metaFile = `${file}.json`;
  if (fs.existsSync(file) && fs.existsSync(metaFile)) {
    return { file, meta: JSON.parse(fs.readFileSync(metaFile, 'utf8')) as M, generated: false, seconds: (performance.now() - started) / 1000 };
  }
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  // This size's earlier file, and any size's file of an older generator: none can be used again.
  for (const old of fs.readdirSync(CACHE_DIR)) {
    if (old.startsWith(`${stem}-`) || (old.startsWith(`${name}-`) && !old.includes(`-${version}.`))) fs.rmSync(path.join(CACHE_DIR, old), { force: true });
  }
  const partial = `${file}.partial`;
  localCloud.configure({ filename: partial, strict: false, cacheSizeMb: BUILD_CACHE_MB });
  let meta: M;
  try {
    meta = await build();
  } finally {
    localCloud.close();
  }
  // Closing checkpoints the WAL into the file; the rename makes it usable.
  fs.writeFileSync(metaFile, JSON.stringify(meta));
  fs.renameSync(partial, file);
  return { file, meta, generated: true, seconds: (performance.now() - started) / 1000 };
}
