// What the e2e global setup (tests/setup/e2e-global-setup.ts) hands every e2e test file, through the environment
// (jest starts its workers after the global setup, so they inherit it): ADR 0112. Also what the test environment and
// the files' helpers share: a file imports this module in its own module registry, so it loads no playwright-core.
import type { Browser, BrowserServer } from 'playwright-core';

/** The WebSocket endpoint of the one Chromium of this jest run (`chromium.connect`). */
export const BROWSER_WS_ENV = 'MINSHENG_E2E_BROWSER_WS';
/** A folder holding a freshly seeded local cloud (database.sqlite, storage/): each preview starts on a copy of it. */
export const SEEDED_TEMPLATE_ENV = 'MINSHENG_E2E_SEEDED_TEMPLATE';

/** What the global setup keeps on the main process's global for the teardown, and for the environment when in band. */
export interface E2eGlobals {
  /** The browser server other worker processes connect to; null when jest runs the files in band. */
  server: BrowserServer | null;
  /** In band: the browser itself, which the environment in this same process uses without a WebSocket (ADR 0164). */
  browser: Browser | null;
  workDir: string;
}

/** The property of a test file's global that holds this worker's browser (a promise), when the run shares one. */
export const WORKER_BROWSER = '__minshengWorkerBrowser';

export const E2E_GLOBALS = Symbol.for('minsheng.e2e.globals');

/** This process's E2eGlobals: set in jest's main process, which is also the one test process when in band. */
export function e2eGlobals(): E2eGlobals | undefined {
  return (globalThis as Record<symbol, E2eGlobals | undefined>)[E2E_GLOBALS];
}
