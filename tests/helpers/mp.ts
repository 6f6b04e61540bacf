// Page tests: load a page of the real mini program with miniprogram-simulate (WXML compiled by the official wcc),
// mount it like the framework does, and let its wx.cloud.callFunction reach the local cloud in process, as the user
// `openid`. Needs `npm run build` first (Vant comes from miniprogram/miniprogram_npm).
import fs from 'fs';
import path from 'path';
import simulate from 'miniprogram-simulate';
import { localCloud, localCloudInternals } from '../../tools/local-cloud';
import type { Store } from '../../tools/local-cloud/store/store';
import { main as apiMain } from '../../cloudfunctions/api/src';
import { filesUnder } from '../../tools/lib/files-under';
import type { ShimHandle } from '../../tools/mp-shims';
import { onScreen } from './ui';

export const MP_ROOT = path.resolve(__dirname, '../../miniprogram');

const walk = (dir: string, ext: string): string[] =>
  filesUnder(dir, { keepFile: (name) => name.endsWith(ext) }).map((full) => path.relative(MP_ROOT, full).split(path.sep).join('/'));

let lists: { wxmlList: string[]; wxsList: string[] } | null = null;
function compilerLists() {
  if (!fs.existsSync(path.join(MP_ROOT, 'miniprogram_npm/@vant/weapp'))) {
    throw new Error('miniprogram/miniprogram_npm is missing: run `npm run build` first');
  }
  // wcc needs every wxml and wxs under the root, listed explicitly (it skips symlinks and node_modules).
  lists ??= { wxmlList: walk(MP_ROOT, '.wxml'), wxsList: walk(MP_ROOT, '.wxs') };
  return lists;
}

const ids = new Map<string, string>();

/** Loads a page once per test file (jest caches the module, so a second Component() call would never happen). */
export function loadPage(page: string): string {
  let id = ids.get(page);
  if (!id) {
    // Isolated: simulate defines a page's components by require()-ing their code, and jest caches modules per test
    // file, so a component shared by two pages (policy-card, draft-card) would be defined for the first page loaded
    // only and render nothing in the second.
    jest.isolateModules(() => {
      id = simulate.load(path.join(MP_ROOT, page), {
        rootPath: MP_ROOT,
        compilerOptions: { ...compilerLists(), maxBuffer: 64 * 1024 * 1024 },
      });
    });
    ids.set(page, id as unknown as string);
  }
  return id as unknown as string;
}

type Mounted = ReturnType<typeof simulate.render>;
type PageMethods = { onLoad?(q: Record<string, string>): unknown; onShow?(): unknown; onReady?(): unknown };

/** Renders the page, puts it on the page stack and runs onLoad(query), onShow, onReady as the framework would. */
export function mountPage(page: string, query: Record<string, string> = {}): Mounted {
  const comp = simulate.render(loadPage(page));
  comp.attach(document.createElement('parent-wrapper'));
  const shims = (globalThis as unknown as { __mpShims: ShimHandle }).__mpShims;
  shims.pages.length = 0;
  shims.pages.push(comp.instance);
  const inst = comp.instance as unknown as PageMethods;
  inst.onLoad?.(query);
  inst.onShow?.();
  inst.onReady?.();
  return comp;
}

/** Mounts a page and waits until it has loaded, without an error on screen. */
export async function openPage(page: string, query: Record<string, string> = {}): Promise<Mounted> {
  const comp = mountPage(page, query);
  await waitFor(comp, (d) => d.loading === false);
  expect(comp.data.error).toBe('');
  return comp;
}

let connected: Store | null = null;

/** An empty in-memory local cloud (strict, with the project's indexes); pages call it as `openid`. */
export function connectLocalCloud(openid: string): void {
  if (connected?.db.open) {
    // Still this file's cloud (configure() closes the store it replaces): emptied as the cloud project's tests empty
    // theirs (tests/setup/cloud.ts), its files too, instead of building a database of every collection and index
    // again, about 45 ms of CPU a test.
    localCloud.reset();
    fs.rmSync(localCloud.storage.dir, { recursive: true, force: true });
    fs.mkdirSync(localCloud.storage.dir, { recursive: true });
  } else {
    localCloud.configure({ filename: ':memory:', strict: { threshold: 0 } });
    connected = localCloudInternals.store;
  }
  useIdentity(openid);
}

/** The open call logs of countCloudCalls(): every wx.cloud.callFunction appends its action to each. */
const callLogs = new Set<string[]>();

/**
 * Records the action of every cloud call until `stop()`, which returns them in order. Counted at wx.cloud.callFunction,
 * the one door of the api client (miniprogram/services/api.ts), so no page can call the cloud past it.
 */
export function countCloudCalls(): { actions: string[]; stop(): string[] } {
  const actions: string[] = [];
  callLogs.add(actions);
  return { actions, stop: () => (callLogs.delete(actions), actions) };
}

/**
 * Reads meta.get and me.get into the session of the current launch, as any earlier screen of the launch leaves them:
 * what a page then calls on its first render is its own cost. The session is kept on the App instance
 * (services/session.ts), so the copy of the module a page loads sees these answers.
 */
export async function warmSession(): Promise<void> {
  const session = await import('../../miniprogram/services/session');
  await Promise.all([session.getMeta(), session.getMe()]);
}

export function useIdentity(openid: string): void {
  // Another WeChat user is another launch: the session cache (services/session.ts) is per App instance.
  (globalThis as unknown as { App: (def: object) => unknown }).App({ globalData: {} });
  // simulate's wx has no `cloud`: give it the one API pages use, reaching the function in process.
  const host = wx as unknown as {
    cloud?: {
      init?: () => void;
      callFunction?: (opts: { name: string; data: unknown }) => Promise<unknown>;
      uploadFile?: (opts: { cloudPath: string; filePath: string }) => Promise<unknown>;
    };
  };
  const cloud = (host.cloud ??= {});
  cloud.init = () => undefined;
  // The chosen file's bytes are not on disk in a test: its path stands in for them.
  cloud.uploadFile = async ({ cloudPath, filePath }) => ({
    fileID: localCloud.storage.write(cloudPath, Buffer.from(filePath)),
    statusCode: 200,
    errMsg: 'cloud.uploadFile:ok',
  });
  cloud.callFunction = async ({ name, data }) => {
    if (name !== 'api') throw new Error(`no cloud function ${name}`);
    for (const log of callLogs) log.push((data as { action?: string }).action ?? '?');
    const result = await localCloud.invoke(apiMain, data, { OPENID: openid });
    return { result, errMsg: 'cloud.callFunction:ok', requestID: 'test' };
  };
}

/** Waits until `predicate` holds (pages load asynchronously), failing with the page's data after `timeoutMs`. */
export async function waitFor(comp: Mounted, predicate: (data: Record<string, unknown>) => boolean, timeoutMs = 3000): Promise<void> {
  const started = Date.now();
  while (!predicate(comp.data as Record<string, unknown>)) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out; page data: ${JSON.stringify(comp.data)}`);
    await simulate.sleep(10);
  }
}

/**
 * simulate's wx.setStorageSync keeps nothing: give the pages a phone's storage (JSON-copied, as WeChat stores it)
 * for tests of local drafts. Undone by jest.restoreAllMocks().
 */
export function usePhoneStorage(): Map<string, unknown> {
  const store = new Map<string, unknown>();
  jest.spyOn(wx, 'setStorageSync').mockImplementation((key: string, value: unknown) => void store.set(key, JSON.parse(JSON.stringify(value))));
  jest.spyOn(wx, 'getStorageSync').mockImplementation(((key: string) => (store.has(key) ? store.get(key) : '')) as typeof wx.getStorageSync);
  jest.spyOn(wx, 'removeStorageSync').mockImplementation((key: string) => void store.delete(key));
  return store;
}

/**
 * A component of the page by its WXML id (管理's sections), once it is mounted: its data and its DOM, driven with the
 * same helpers as a page. The page goes on screen first: taps inside the component bubble to the page's root.
 */
export async function componentOf(page: Mounted, id: string, timeoutMs = 3000): Promise<Mounted> {
  onScreen(page);
  const started = Date.now();
  for (;;) {
    const found = page.querySelector(`#${id}`);
    if (found) return found as unknown as Mounted;
    if (Date.now() - started > timeoutMs) throw new Error(`no component #${id}; page data: ${JSON.stringify(page.data)}`);
    await simulate.sleep(10);
  }
}
