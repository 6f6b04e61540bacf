// Generated bench databases kept between runs (issue 17.5: generating 1M cases took 367 of a run's 381 s). A file is
// keyed by what decides its content: the generator's version (a hash of the source of every module the generator
// imports, found by esbuild) and the size. A changed generator or domain rule gives a new key, and the stale files of
// that name are removed when a file is next generated. Files are built beside their final name and renamed when complete, so an interrupted
// generation leaves nothing that looks usable. A bench whose calls write opens a working copy (`workingCopy`), so the
// cached file stays as generated. Every database opened is logged (`cacheUses`) for the run's account of its time.
import Database from 'better-sqlite3';
import { createHash } from 'crypto';
import { buildSync } from 'esbuild';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { performance } from 'perf_hooks';
import { localCloud, type LocalCloudOptions } from '../local-cloud';

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
  name: string;
  size: number;
  file: string;
  /** the storage files written while generating, when asked for (`withStorage`) */
  storageDir: string | null;
  meta: M;
  /** true when this run generated it */
  generated: boolean;
  /** seconds spent generating (this run) or opening */
  seconds: number;
}

/** How a bench came by its data: generated into the cache, opened from it, or copied from it to be written. */
export interface CacheUse {
  name: string;
  size: number;
  how: 'generated' | 'cache' | 'copied';
  seconds: number;
}

const uses: CacheUse[] = [];

/** Every database taken from or put into the cache by this process, in order (index.ts accounts a run's time with it). */
export function cacheUses(): readonly CacheUse[] {
  return uses;
}

export interface CacheOptions {
  /** Keep the storage files the build writes (attachments, exported files) beside the database. */
  withStorage?: boolean;
  /**
   * Something besides the generator's source that decides the content, folded into the key: the seed counts, or the
   * day, for data written through the actions at the real clock (its deadlines and windows are relative to that day).
   */
  alsoKeyedBy?: string;
}

export const sizeLabel = (n: number): string => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));

/**
 * The SQLite file of `name` at `size` for the generator `entry`: taken from the cache, or built by `build` (which fills
 * the local cloud, configured on the new file, and answers what the bench needs besides the data) and kept.
 * The local cloud is left closed.
 */
export async function cachedDatabase<M>(name: string, size: number, entry: string, build: () => Promise<M> | M, options: CacheOptions = {}): Promise<CachedDatabase<M>> {
  const started = performance.now();
  const stem = `${name}-${sizeLabel(size)}`;
  const source = sourceVersion(entry);
  const version = options.alsoKeyedBy === undefined ? source : createHash('sha256').update(`${source}\n${options.alsoKeyedBy}`).digest('hex').slice(0, 16);
  const file = path.join(CACHE_DIR, `${stem}-${version}.sqlite`);
  const metaFile = `${file}.json`;
  const storageDir = options.withStorage ? `${file}.storage` : null;
  const done = (generated: boolean, meta: M): CachedDatabase<M> => {
    const seconds = (performance.now() - started) / 1000;
    uses.push({ name, size, how: generated ? 'generated' : 'cache', seconds });
    return { name, size, file, storageDir, meta, generated, seconds };
  };
  if (fs.existsSync(file) && fs.existsSync(metaFile) && (!storageDir || fs.existsSync(storageDir))) {
    return done(false, JSON.parse(fs.readFileSync(metaFile, 'utf8')) as M);
  }
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  // This size's earlier file, and any size's file of an older generator: none can be used again.
  for (const old of fs.readdirSync(CACHE_DIR)) {
    if (old.startsWith(`${stem}-`) || (old.startsWith(`${name}-`) && !old.includes(`-${version}.`))) fs.rmSync(path.join(CACHE_DIR, old), { force: true, recursive: true });
  }
  const partial = `${file}.partial`;
  const partialStorage = storageDir && `${storageDir}.partial`;
  localCloud.configure({ filename: partial, strict: false, cacheSizeMb: BUILD_CACHE_MB, ...(partialStorage ? { storageDir: partialStorage } : {}) });
  let meta: M;
  try {
    meta = await build();
  } finally {
    localCloud.close();
  }
  // Closing checkpoints the WAL into the file; the renames make it usable (the database last: it is what is looked for).
  fs.writeFileSync(metaFile, JSON.stringify(meta));
  if (storageDir && partialStorage) {
    fs.mkdirSync(partialStorage, { recursive: true });
    fs.renameSync(partialStorage, storageDir);
  }
  fs.renameSync(partial, file);
  return done(true, meta);
}

/** How the bench came by its data, for its notes: "generated and stored in 41 s" or "opened from the cache in 0.2 s". */
export function originOf(cached: CachedDatabase<unknown>): string {
  return cached.generated ? `generated and stored in ${cached.seconds.toFixed(0)} s` : `opened from the cache in ${cached.seconds.toFixed(1)} s`;
}

type OpenOptions = Omit<LocalCloudOptions, 'filename' | 'storageDir'>;

/**
 * Opens the local cloud on a cached database in place (no copy: the policy library is GBs), for a bench whose calls
 * only read. `close()` proves they did: a write would change what later runs measure, so the file is then removed
 * (the next run generates it again) and `close()` throws.
 */
export function openInPlace(cached: CachedDatabase<unknown>, options: OpenOptions): { close(): void } {
  localCloud.configure({ ...options, filename: cached.file, ...(cached.storageDir ? { storageDir: cached.storageDir } : {}) });
  // A second connection sees data_version move whenever another connection (the local cloud's) commits a change.
  const watcher = new Database(cached.file, { readonly: true });
  const version = () => watcher.pragma('data_version', { simple: true }) as number;
  const opened = version();
  return {
    close() {
      const wrote = version() !== opened;
      watcher.close();
      localCloud.close();
      if (!wrote) return;
      fs.rmSync(cached.file, { force: true });
      fs.rmSync(`${cached.file}.json`, { force: true });
      throw new Error(`${cached.name}: the measured calls wrote into the cached database (removed: the next run generates it); a bench whose calls write opens a workingCopy`);
    },
  };
}

export interface WorkingCopy {
  /** a fresh directory holding `database.sqlite` and `storage/`, the layout `npm run cloud -- --data DIR` opens */
  dir: string;
  filename: string;
  storageDir: string;
  remove(): void;
}

/**
 * A copy of a cached database (and its storage) for a bench whose calls write: every run starts from the data as
 * generated, and the cache is never changed by a run. Logged as the bench's data time.
 */
export function workingCopy(cached: CachedDatabase<unknown>): WorkingCopy {
  const { name, size } = cached;
  const started = performance.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `minsheng-bench-${name}-`));
  const filename = path.join(dir, 'database.sqlite');
  const storageDir = path.join(dir, 'storage');
  fs.copyFileSync(cached.file, filename);
  if (cached.storageDir) fs.cpSync(cached.storageDir, storageDir, { recursive: true });
  else fs.mkdirSync(storageDir);
  uses.push({ name, size, how: 'copied', seconds: (performance.now() - started) / 1000 });
  return { dir, filename, storageDir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
