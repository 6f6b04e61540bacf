// The e2e files' test environment: Node's, plus one browser context per jest worker that outlives its test files
// (docs/adr/0160-one-browser-context-per-e2e-worker.md), and in it one tab that the files pass on (ADR 0166). A file's
// first boot of the preview in a new context parsed and compiled its 4.5 MB of scripts from nothing (4–5 s of CPU);
// in a new tab of a context whose renderer has booted it before, about 1–2 s; in the tab the previous file booted it
// in, from the same origin, about 0.4 s: V8 finds the scripts it compiled under the same URLs.
// Jest loads this module once per worker, so its state is the worker's; a file reaches it through its global.
// Files stay apart: each has its own local cloud and preview server; the server listens on the port the previous
// file's did when it is free (the same origin), and a file's storage, routes and listeners go with it.
import { TestEnvironment } from 'jest-environment-node';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CONTEXT_OPTIONS, PHONE_VIEWPORT } from '../../tools/preview/browser';
import { BROWSER_WS_ENV, e2eGlobals, WORKER_BROWSER } from './e2e-shared';

export interface WorkerBrowser {
  /** CONTEXT_OPTIONS and a phone's viewport, as every preview is opened; a page may set its own size. */
  context: BrowserContext;
  /** The tab the previous file kept, blank, or a new one. */
  takePage(): Promise<Page>;
  /** The port the previous file's preview server listened on (0 before the first): listening there keeps the origin. */
  previewPort: number;
  /**
   * Leaves `page` blank for the next file (its listeners and routes removed, its origin's storage cleared) and closes
   * the tab kept before it, if no file took that one. Checked by tests/e2e/harness.test.ts.
   */
  keep(page: Page): Promise<void>;
}

/** The page events a file listens to (tests/e2e/helpers/preview.ts and the tests); Playwright's own 'close' and 'crash' stay. */
const FILE_EVENTS = ['console', 'pageerror', 'framenavigated', 'request', 'requestfailed', 'requestfinished', 'response', 'download', 'dialog', 'popup', 'filechooser', 'load', 'domcontentloaded'] as const;

let shared: Promise<WorkerBrowser> | null = null;

async function contextOf(browser: Browser): Promise<WorkerBrowser> {
  const context = await browser.newContext({ viewport: PHONE_VIEWPORT, ...CONTEXT_OPTIONS });
  let kept: Page | null = null;
  return {
    context,
    previewPort: 0,
    takePage: async () => {
      const page = kept ?? (await context.newPage());
      kept = null;
      return page;
    },
    keep: async (page) => {
      for (const event of FILE_EVENTS) page.removeAllListeners(event);
      await page.unrouteAll({ behavior: 'ignoreErrors' });
      // The next file's server listens on this port again: nothing of this file's storage may be waiting for it there.
      await page.evaluate(() => localStorage.clear()).catch(() => undefined);
      await page.goto('about:blank');
      const before = kept;
      kept = page;
      if (before && before !== page) await before.close();
    },
  };
}

export default class E2eEnvironment extends TestEnvironment {
  override async setup(): Promise<void> {
    await super.setup();
    // Jest formats every stack of this realm with source-map-support, 100 frames deep (jest-runner's runTest, just
    // before this setup), and Playwright takes a stack for each call it makes or races (LongStandingScope._race): 2.4 s
    // of the e2e process's CPU in a profile. This realm's stacks are Playwright's and this file's; a test's own errors
    // are made in the test's realm, whose source maps jest keeps.
    Reflect.deleteProperty(Error, 'prepareStackTrace');
    Error.stackTraceLimit = 10;
    // In band the global setup's browser is in this process; a worker process connects to its server (ADR 0164).
    const inProcess = e2eGlobals()?.browser;
    const endpoint = process.env[BROWSER_WS_ENV];
    if (inProcess) shared ??= contextOf(inProcess);
    else if (endpoint) shared ??= chromium.connect(endpoint).then(contextOf);
    else return;
    (this.global as unknown as Record<string, unknown>)[WORKER_BROWSER] = shared;
  }
}
