// End-to-end tests drive the real mini program in Debian's Chromium: openPreview() starts a fresh local cloud with
// the demo agency, its gateway and the preview server in this jest worker, opens the page as a demo identity, and
// records every console error, page error and failed request (tests fail on any).
// Under jest the e2e global setup (tests/setup/e2e-global-setup.ts, ADR 0112) launched one Chromium for the run and
// seeded one local cloud: the e2e test environment keeps one context of that browser per worker (ADR 0160), where a
// file opens its pages, and each preview starts on its own copy of the seeded data. Without them (another runner) a
// file launches its own browser and seeds in memory. The preview build is compiled once and cached under .preview/.
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Browser, BrowserContext, Frame, Page, Request } from 'playwright-core';
import { localCloud } from '../../../tools/local-cloud';
import { connectChromium, CONTEXT_OPTIONS, launchChromium, PHONE_VIEWPORT } from '../../../tools/preview/browser';
import { buildPreview } from '../../../tools/preview/build';
import { urlOf } from '../../../tools/preview/samples';
import { startStack, type Stack } from '../../../tools/preview/stack';
import type { Manifest } from '../../../tools/preview/shared/manifest';
import type { WorkerBrowser } from '../../setup/e2e-environment';
import { BROWSER_WS_ENV, SEEDED_TEMPLATE_ENV, WORKER_BROWSER } from '../../setup/e2e-shared';
import { timed } from './phase-times';

/** Who the preview is opened as when a test does not say. */
export const DEFAULT_IDENTITY = 'citizenA';

let browser: Promise<Browser> | null = null;
let crashDir: string | null = null;

/** This test file's browser: the run's shared Chromium, or one launched on first use. */
export function launchBrowser(): Promise<Browser> {
  const shared = process.env[BROWSER_WS_ENV];
  if (shared) {
    browser ??= timed('connect chromium', () => connectChromium(shared));
    return browser;
  }
  crashDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-e2e-'));
  browser ??= timed('launch chromium', () => launchChromium([`--crash-dumps-dir=${crashDir}`]));
  return browser;
}

/** This worker's browser context, kept across its files by the e2e test environment, or null (another runner). */
function workerBrowser(): Promise<WorkerBrowser | null> {
  return (globalThis as unknown as Record<string, Promise<WorkerBrowser> | undefined>)[WORKER_BROWSER] ?? Promise.resolve(null);
}

/** Closes the browser this file launched or connected to itself (outside the e2e environment); the worker's stays. */
export async function closeBrowser(): Promise<void> {
  const b = browser;
  browser = null;
  if (b) await timed('close chromium', async () => (await b).close());
  if (crashDir) fs.rmSync(crashDir, { recursive: true, force: true });
  crashDir = null;
}

/** A fresh data folder copied from the run's seeded template, or null: seed in memory. */
function freshDataDir(): string | null {
  const template = process.env[SEEDED_TEMPLATE_ENV];
  if (!template) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-e2e-data-'));
  fs.cpSync(template, dir, { recursive: true });
  return dir;
}

export interface Problems {
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
}

export interface OpenOptions {
  /** A demo identity key (tools/seed/identities.ts); default DEFAULT_IDENTITY. */
  identity?: string;
  /** A route, e.g. "pages/mine/index" or "__preview__/e2e-form/index"; default the entry page. */
  page?: string;
  query?: Record<string, string>;
  /** Open the emulator console with the phone in an iframe, instead of the mini program alone. */
  shell?: boolean;
  /** wx.getAppBaseInfo().fontSizeSetting */
  fontSize?: number;
}

export interface PreviewHandle {
  page: Page;
  /** The mini program's frame (the page itself, or the console's iframe with `shell`). */
  readonly app: Frame;
  context: BrowserContext;
  gatewayUrl: string;
  previewUrl: string;
  localCloud: typeof localCloud;
  manifest: Manifest;
  problems: Problems;
  /** Opens the mini program again (same local cloud and browser tab), e.g. as another identity or at another page. */
  goto(opts: OpenOptions): Promise<void>;
  /** Opens a page inside the running mini program as wx.reLaunch does: same identity, no reload of the preview. */
  reLaunch(route: string, query?: Record<string, string>): Promise<void>;
  /** Resolves when no cloud call has been in flight for `quietMs` (the page has its data). */
  waitForIdle(quietMs?: number, timeoutMs?: number): Promise<void>;
  /** The current mini program page's data (a JSON copy). */
  pageData<T = Record<string, unknown>>(): Promise<T>;
  /** The route of the page on top of the stack. */
  route(): Promise<string | null>;
  /** Waits until the current page's data satisfies `predicate` (evaluated here, on a copy). */
  waitForData<T = Record<string, unknown>>(predicate: (data: T) => boolean, timeoutMs?: number): Promise<T>;
  /** Every console error, page error and failed request so far, one line each; then forgets them. */
  takeProblems(): string[];
  /** Throws, listing them, if any console error, page error or failed request happened; then forgets them. */
  expectNoProblems(): void;
  close(): Promise<void>;
}

interface MpHandle {
  __mp: { pageData(): unknown; route(): string | null; idle(quietMs?: number): boolean; router: { reLaunch(url: string): Promise<void> } };
}

let current: { stack: Stack; context: BrowserContext } | null = null;

export interface ProblemWatch {
  problems: Problems;
  /** Every problem so far, one line each ("console.error: …", "page error: …", "request: …"); then forgets them. */
  take(): string[];
}

/** Records a tab's console errors, page errors and failed requests (the preview's own tab, or another one a test opens). */
export function watchProblems(page: Page): ProblemWatch {
  const problems: Problems = { consoleErrors: [], pageErrors: [], failedRequests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.consoleErrors.push(`${msg.text()} @ ${msg.location().url}:${msg.location().lineNumber}`);
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.stack ?? error.message));
  // A request the browser aborted because its document was left (a test reopening the mini program while the page
  // still loads) is not the product's failure: WeChat does not reload a page under its calls. Which aborts those are is
  // known only once the navigation has committed, so they are judged when the problems are read.
  const navigations = new Map<Frame, number>();
  const startedIn = new WeakMap<Request, number>();
  let aborted: Request[] = [];
  page.on('framenavigated', (f) => navigations.set(f, (navigations.get(f) ?? 0) + 1));
  page.on('request', (req) => startedIn.set(req, navigations.get(req.frame()) ?? 0));
  const describeFailure = (req: Request) => `${req.method()} ${req.url()}: ${req.failure()?.errorText}`;
  page.on('requestfailed', (req) => {
    if (req.failure()?.errorText === 'net::ERR_ABORTED') aborted.push(req);
    else problems.failedRequests.push(describeFailure(req));
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.failedRequests.push(`${res.request().method()} ${res.url()}: HTTP ${res.status()}`);
  });
  return {
    problems,
    take: () => {
      for (const req of aborted) if ((navigations.get(req.frame()) ?? 0) === startedIn.get(req)) problems.failedRequests.push(describeFailure(req));
      aborted = [];
      const all = [...problems.consoleErrors.map((e) => `console.error: ${e}`), ...problems.pageErrors.map((e) => `page error: ${e}`), ...problems.failedRequests.map((e) => `request: ${e}`)];
      problems.consoleErrors.length = 0;
      problems.pageErrors.length = 0;
      problems.failedRequests.length = 0;
      return all;
    },
  };
}

/** Starts a fresh local cloud + gateway + preview in this worker and opens the mini program in Chromium. */
export async function openPreview(opts: OpenOptions = {}): Promise<PreviewHandle> {
  if (current) throw new Error('openPreview: close() the previous preview first (the local cloud is one per process)');
  const [built, worker] = await Promise.all([timed('build preview', () => buildPreview()), workerBrowser()]);
  const dataDir = freshDataDir();
  const stack = await timed('start stack and seed', () => startStack({ dataDir, gatewayPort: 0, previewPort: worker?.previewPort ?? 0, strictThreshold: 0 })).catch((error: unknown) => {
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  const viewport = opts.shell ? { width: 1280, height: 900 } : PHONE_VIEWPORT;
  // The worker's context when the run shares one (its renderer has booted the preview before: tests/setup/e2e-environment.ts).
  const context = worker
    ? worker.context
    : await timed('new context', async () => (await launchBrowser()).newContext({ viewport, ...CONTEXT_OPTIONS }));
  current = { stack, context };
  if (worker) worker.previewPort = Number(new URL(stack.preview.url).port);
  const page = worker ? await worker.takePage() : await context.newPage();
  if (worker) await page.setViewportSize(viewport);
  const watch = watchProblems(page);
  const problems = watch.problems;

  let shell = false;
  const appFrame = async (): Promise<Frame> => {
    if (!shell) return page.mainFrame();
    const el = await page.waitForSelector('iframe[data-testid="pv-app"]');
    const frame = await el.contentFrame();
    if (!frame) throw new Error('the console has no mini program frame');
    return frame;
  };
  let app = page.mainFrame();
  const waitForBoot = async () => {
    app = await appFrame();
    await app.waitForFunction(() => document.body?.hasAttribute('data-mp-ready') || document.body?.hasAttribute('data-mp-error'), undefined, { timeout: 30_000 });
    const bootError = await app.evaluate(() => document.body.getAttribute('data-mp-error'));
    if (bootError) throw new Error(`the mini program did not start:\n${bootError}`);
  };

  const handle: PreviewHandle = {
    page,
    get app() {
      return app;
    },
    context,
    gatewayUrl: stack.gateway.url,
    previewUrl: stack.preview.url,
    localCloud,
    manifest: built.manifest,
    problems,
    goto: async (o) => {
      shell = Boolean(o.shell);
      const identity = o.identity ?? DEFAULT_IDENTITY;
      if (shell) {
        const params = new URLSearchParams({ as: identity });
        if (o.page) params.set('page', o.page);
        if (o.query) params.set('query', new URLSearchParams(o.query).toString());
        await page.goto(`${stack.preview.url}?${params}`);
      } else {
        await page.goto(stack.preview.appUrl({ identity, ...(o.page ? { page: o.page } : {}), ...(o.query ? { query: o.query } : {}), ...(o.fontSize ? { fontSize: o.fontSize } : {}) }));
      }
      await waitForBoot();
    },
    reLaunch: async (route, query = {}) => {
      app = await appFrame();
      await app.evaluate((url) => (window as unknown as MpHandle).__mp.router.reLaunch(url), urlOf(route, query));
    },
    waitForIdle: async (quietMs = 300, timeoutMs = 15_000) => {
      const started = Date.now();
      for (;;) {
        try {
          app = await appFrame();
          if (await app.evaluate((q) => (window as unknown as MpHandle).__mp.idle(q), quietMs)) return;
        } catch {
          // the frame is navigating (identity switch): try again
        }
        if (Date.now() - started > timeoutMs) throw new Error(`the page still had cloud calls in flight after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    pageData: async <T>() => {
      app = await appFrame();
      return app.evaluate(() => (window as unknown as MpHandle).__mp.pageData()) as Promise<T>;
    },
    route: async () => {
      app = await appFrame();
      return app.evaluate(() => (window as unknown as MpHandle).__mp.route());
    },
    waitForData: async <T>(predicate: (data: T) => boolean, timeoutMs = 10_000) => {
      const started = Date.now();
      let last: T | null = null;
      while (Date.now() - started < timeoutMs) {
        try {
          last = await handle.pageData<T>();
          if (last && predicate(last)) return last;
        } catch {
          // the frame may be navigating (identity switch): try again
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`page data never matched; last: ${JSON.stringify(last)}`);
    },
    takeProblems: () => watch.take(),
    expectNoProblems: () => {
      const all = watch.take();
      if (all.length) throw new Error(`the preview reported problems:\n${all.join('\n')}`);
    },
    close: async () => {
      current = null;
      await timed('close context', () => (worker ? worker.keep(page) : context.close()));
      await timed('close stack', () => stack.close());
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  try {
    await timed('first page boot', () => handle.goto(opts));
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}
