// The local WeChat Cloud: control API for tests, the gateway and tools. Function code never imports this module;
// it sees the platform only through `wx-server-sdk` (tools/local-cloud/sdk.ts) and the clock environment variables.
import { randomUUID } from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Clock } from './clock';
import { currentContext, releaseContext, runWithContext as runInContext, wxContextFor, type WxContext, type WxContextInput } from './context';
import { loadDatabaseSpec, normalizeDatabaseSpec, type CollectionSpec, type DatabaseSpec, type IndexSpec } from './database-spec';
import type { Doc } from './ejson';
import { Executor, type ActionParams } from './executor';
import { Faults, type FaultCounts, type FaultKind, type FaultSpec } from './faults';
import { CloudSdkError, OpenapiEmulator, type OpenapiCall, type OpenapiHandler } from './openapi';
import { registerFunction, registeredFunction, registeredNameOf, type FunctionMain } from './registry';
import { setBackendProvider } from './runtime';
import { runSelfTest } from './selftest';
import { LocalStorage } from './storage';
import { Store, type QueryStats } from './store/store';
import { Transactions } from './store/transactions';

export type { FaultCounts, FaultKind, FaultSpec };
export type { CollectionSpec, DatabaseSpec, IndexSpec, OpenapiCall, WxContext, WxContextInput, FunctionMain };
export { registerFunction, CloudSdkError };

export interface LocalCloudOptions {
  /** ':memory:' (default) or a path to a SQLite file (WAL); data in a file survives a restart */
  filename?: string;
  /** default: <repo>/database/indexes.json */
  database?: DatabaseSpec;
  /** fail queries no declared index serves, on collections above `threshold` documents (bounded ones above 1000) */
  strict?: false | { threshold: number };
  /** local folder for cloud storage; default: a fresh folder under os.tmpdir() */
  storageDir?: string;
  envId?: string;
  appId?: string;
  /** $limit appended to pipelines without one (community-reported cloud behaviour); default 20 */
  aggregateDefaultLimit?: number;
  /** base of getTempFileURL's URLs; the gateway sets its real address */
  tempUrlBase?: string;
  /** SQLite's page cache for a file database, in MB (SQLite's default: 2); bench generators writing GBs raise it */
  cacheSizeMb?: number;
}

export type ResolvedOptions = Required<Pick<LocalCloudOptions, 'envId' | 'appId'>> & LocalCloudOptions;

/** The `context` argument of a cloud function's main(event, context), shaped like the cloud's. */
export interface FunctionContext {
  function_name: string;
  function_version: string;
  namespace: string;
  request_id: string;
  memory_limit_in_mb: number;
  time_limit_in_ms: number;
}

export interface LocalCloud {
  configure(opts?: LocalCloudOptions): void;
  reset(): void;
  close(): void;
  readonly options: ResolvedOptions;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any cloud function's main
  invoke<R>(main: (event: any, context: any) => Promise<R> | R, event: unknown, ctx?: WxContextInput): Promise<R>;
  /** Fires a timer trigger as the platform does: the timer event, no caller identity, SOURCE `wx_trigger`. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any cloud function's main
  fireTimer<R>(main: (event: any, context: any) => Promise<R> | R, trigger: string): Promise<R>;
  runWithContext<R>(ctx: WxContextInput, fn: () => R): R;
  clock: { set(now: Date | string | null, opts?: { frozen?: boolean }): void; now(): Date };
  openapi: {
    readonly calls: ReadonlyArray<OpenapiCall>;
    clear(): void;
    mock(api: string, handler: OpenapiHandler | null): void;
    setMsgSecWords(words: { risky?: string[]; review?: string[] }): void;
  };
  storage: { readonly dir: string; read(fileIdOrPath: string): Buffer | null; write(cloudPath: string, content: Buffer): string };
  db: {
    bulkInsert(collection: string, docs: Record<string, unknown>[]): void;
    collectionSize(collection: string): number;
    stats(): QueryStats;
  };
  /** The fault switch: fail the Nth database operation, commit, openapi call or storage write from now. */
  faults: { failNth(spec: FaultSpec): void; clear(): void; counts(): FaultCounts; readonly fired: number };
  selfTest(): Promise<void>;
}

const DEFAULTS = {
  filename: ':memory:',
  envId: 'local-dev',
  appId: 'wx-local-app',
  aggregateDefaultLimit: 20,
  tempUrlBase: 'http://127.0.0.1:0/_storage',
} as const;

/** What a cloud function's return value becomes on its way to the caller: JSON. */
function overTheWire<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Timer triggers' calls (fireTimer) are the only ones marked `wx_trigger`: what an event looks like says nothing. */
export const TRIGGER_SOURCE = 'wx_trigger';
export const CLIENT_SOURCE = 'wx_client';
/** An invocation through the function's HTTP access (gateway `/http/<name>/...`): no identity. */
export const HTTP_SOURCE = 'wx_http';

function sourceFor(ctx: WxContextInput): string {
  if (ctx.SOURCE) return ctx.SOURCE;
  return ctx.OPENID ? CLIENT_SOURCE : 'wx_unknown';
}

interface Runtime {
  opts: ResolvedOptions;
  store: Store;
  transactions: Transactions;
  executor: Executor;
  storage: LocalStorage;
  ownedStorageDir: string | null;
}

class LocalCloudImpl implements LocalCloud {
  private runtime: Runtime | null = null;
  private lastOptions: LocalCloudOptions = {};
  private readonly requestListeners = new Set<(action: string, params: ActionParams) => void>();
  private readonly clockImpl = new Clock();
  private readonly openapiImpl = new OpenapiEmulator(this.clockImpl);
  private readonly faultsImpl = new Faults();

  constructor() {
    this.openapiImpl.beforeCall = (api) => this.faultsImpl.check('openapi', api);
    setBackendProvider(() => {
      const rt = this.rt();
      return {
        execute: (action, params) => {
          this.faultsImpl.checkDatabase(action);
          return rt.executor.execute(action, params);
        },
        onRequest: (action, params) => this.requestListeners.forEach((l) => l(action, params)),
      };
    });
  }

  private rt(): Runtime {
    if (!this.runtime) this.configure(this.lastOptions);
    return this.runtime!;
  }

  configure(options: LocalCloudOptions = {}): void {
    this.close();
    // An option given as undefined means "the default", as if it were absent.
    const opts = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as LocalCloudOptions;
    const database = opts.database ? normalizeDatabaseSpec(opts.database) : loadDatabaseSpec();
    const filename = opts.filename ?? DEFAULTS.filename;
    if (filename !== ':memory:' && filename !== '') fs.mkdirSync(path.dirname(path.resolve(filename)), { recursive: true });
    const ownedStorageDir = opts.storageDir ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-storage-'));
    const resolved: ResolvedOptions = {
      ...DEFAULTS,
      strict: false,
      ...opts,
      database,
      storageDir: opts.storageDir ?? ownedStorageDir!,
    };
    let store: Store;
    try {
      store = new Store({
        filename,
        database,
        strict: resolved.strict ?? false,
        aggregateDefaultLimit: resolved.aggregateDefaultLimit ?? DEFAULTS.aggregateDefaultLimit,
        dbName: resolved.envId,
        ...(resolved.cacheSizeMb ? { cacheSizeMb: resolved.cacheSizeMb } : {}),
      });
    } catch (e) {
      if (ownedStorageDir) fs.rmSync(ownedStorageDir, { recursive: true, force: true });
      throw e;
    }
    const transactions = new Transactions(store, resolved.envId);
    this.runtime = {
      opts: resolved,
      store,
      transactions,
      executor: new Executor(store, transactions, () => this.clockImpl.nowMs()),
      storage: new LocalStorage(resolved.storageDir!, resolved.envId, resolved.tempUrlBase ?? DEFAULTS.tempUrlBase, () => this.clockImpl.nowMs()),
      ownedStorageDir,
    };
    this.runtime.storage.beforeWrite = (cloudPath) => this.faultsImpl.check('storage', cloudPath);
    this.faultsImpl.clear();
    this.lastOptions = { ...opts };
    this.clockImpl.set(null);
    this.openapiImpl.reset();
  }

  reset(): void {
    const rt = this.rt();
    rt.store.resetData();
    rt.transactions.clear();
    this.openapiImpl.reset();
    this.faultsImpl.clear();
    this.clockImpl.set(null);
  }

  close(): void {
    const rt = this.runtime;
    if (!rt) return;
    this.runtime = null;
    rt.transactions.clear();
    rt.store.close();
    if (rt.ownedStorageDir) fs.rmSync(rt.ownedStorageDir, { recursive: true, force: true });
    releaseContext();
  }

  get options(): ResolvedOptions {
    return { ...this.rt().opts };
  }

  // ---- invocation -----------------------------------------------------------------------------------------

  runWithContext<R>(ctx: WxContextInput, fn: () => R): R {
    return runInContext(ctx, fn);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any cloud function's main
  async invoke<R>(main: (event: any, context: any) => Promise<R> | R, event: unknown, ctx: WxContextInput = {}, name?: string): Promise<R> {
    const { envId, appId } = this.rt().opts;
    const wx: WxContextInput = { ...ctx, APPID: ctx.APPID ?? appId, SOURCE: sourceFor(ctx) };
    // The event arrives as JSON, and the platform stamps the caller's identity on it.
    const payload = (event === undefined || event === null ? {} : overTheWire(event)) as Record<string, unknown>;
    const platformEvent = ctx.OPENID ? { ...payload, userInfo: { appId: wx.APPID, openId: ctx.OPENID } } : payload;
    const context: FunctionContext = {
      function_name: name ?? registeredNameOf(main as FunctionMain) ?? (main.name || 'main'),
      function_version: '$LATEST',
      namespace: envId,
      request_id: randomUUID(),
      memory_limit_in_mb: 256,
      time_limit_in_ms: 3000,
    };
    const result = await runInContext(wx, () => main(platformEvent, context));
    return overTheWire(result);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any cloud function's main
  fireTimer<R>(main: (event: any, context: any) => Promise<R> | R, trigger: string): Promise<R> {
    const event = { Type: 'Timer', TriggerName: trigger, Time: this.clockImpl.now().toISOString() };
    return this.invoke(main, event, { SOURCE: TRIGGER_SOURCE });
  }

  /** cloud.callFunction inside a function: the callee runs with the caller's identity; SOURCE grows by `,scf`. */
  async callFunction(options: { name?: unknown; data?: unknown }): Promise<{ result: unknown; errMsg: string; requestID: string }> {
    if (!options || typeof options.name !== 'string') throw new CloudSdkError(-1, 'callFunction:fail name must be a string');
    const main = registeredFunction(options.name);
    if (!main) {
      throw new CloudSdkError(-501000, `callFunction:fail -501000 [ResourceNotFound.Function] function "${options.name}" is not registered with the local cloud`);
    }
    const caller = currentContext() ?? {};
    let result: unknown;
    try {
      result = await this.invoke(main, options.data ?? {}, { ...caller, SOURCE: `${caller.SOURCE ?? 'wx_unknown'},scf` }, options.name);
    } catch (e) {
      const err = e as { name?: unknown; message?: unknown } | null;
      const message = typeof err?.message === 'string' ? `${String(err.name ?? 'Error')}: ${err.message}` : String(e);
      throw new CloudSdkError(-504002, `callFunction:fail -504002 functions execute fail. ${message}`);
    }
    return { result, errMsg: 'callFunction:ok', requestID: randomUUID() };
  }

  getWXContext(): WxContext {
    const { envId, appId } = this.rt().opts;
    return wxContextFor(envId, appId);
  }

  // ---- platform pieces -----------------------------------------------------------------------------------

  readonly clock = {
    set: (now: Date | string | null, opts?: { frozen?: boolean }): void => this.clockImpl.set(now, opts),
    now: (): Date => this.clockImpl.now(),
  };

  readonly openapi = ((emulator: OpenapiEmulator) => ({
    get calls(): ReadonlyArray<OpenapiCall> {
      return emulator.calls;
    },
    clear: (): void => emulator.clear(),
    mock: (api: string, handler: OpenapiHandler | null): void => emulator.mock(api, handler),
    setMsgSecWords: (words: { risky?: string[]; review?: string[] }): void => emulator.setMsgSecWords(words),
  }))(this.openapiImpl);

  get openapiProxy(): unknown {
    return this.openapiImpl.proxy;
  }

  get storageBackend(): LocalStorage {
    return this.rt().storage;
  }

  readonly storage = ((self: LocalCloudImpl) => ({
    get dir(): string {
      return self.storageBackend.dir;
    },
    read: (fileIdOrPath: string): Buffer | null => self.storageBackend.read(fileIdOrPath),
    write: (cloudPath: string, content: Buffer): string => self.storageBackend.write(cloudPath, content),
  }))(this);

  readonly faults = ((impl: Faults) => ({
    failNth: (spec: FaultSpec): void => impl.failNth(spec),
    clear: (): void => impl.clear(),
    counts: (): FaultCounts => impl.counts(),
    get fired(): number {
      return impl.fired;
    },
  }))(this.faultsImpl);

  readonly db = {
    bulkInsert: (collection: string, docs: Record<string, unknown>[]): void => this.rt().store.bulkInsert(collection, docs as Doc[]),
    collectionSize: (collection: string): number => this.rt().store.collectionSize(collection),
    stats: (): QueryStats => this.rt().store.stats(),
  };

  // ---- self-test ----------------------------------------------------------------------------------------

  onDatabaseRequest(listener: (action: string, params: ActionParams) => void): () => void {
    this.requestListeners.add(listener);
    return () => this.requestListeners.delete(listener);
  }

  get store(): Store {
    return this.rt().store;
  }

  async selfTest(): Promise<void> {
    await runSelfTest(this);
  }
}

const instance = new LocalCloudImpl();

/** The process's local cloud, configured with defaults on first use if configure() was never called. */
export const localCloud: LocalCloud = instance;

/** For the SDK facade and the self-test only. */
export const localCloudInternals = instance;
export type LocalCloudInternals = LocalCloudImpl;
