// Once per jest run that includes e2e files (ADR 0112): one Chromium for every e2e file (the e2e test environment
// keeps one context of it per worker: docs/adr/0160) and one seeded local cloud that each preview copies, so a file
// pays neither a browser launch nor the seeding. tests/setup/e2e-global-teardown.ts closes and removes them.
import { execFile } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import { launchChromium, launchChromiumServer } from '../../tools/preview/browser';
import { SOURCE_MAPS_ENV } from '../../tools/preview/build';
import { BROWSER_WS_ENV, E2E_GLOBALS, SEEDED_TEMPLATE_ENV, type E2eGlobals } from './e2e-shared';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

type Launched = Pick<E2eGlobals, 'server' | 'browser'>;

/** The browser itself in band, a browser server for the workers otherwise. */
async function launch(inBand: boolean, args: string[]): Promise<Launched> {
  return inBand ? { server: null, browser: await launchChromium(args) } : { server: await launchChromiumServer(args), browser: null };
}

export async function closeLaunched(launched: Launched): Promise<void> {
  await (launched.server ?? launched.browser)?.close();
}

export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  // In band the files run in this very process: they use the browser directly, not through a WebSocket to a server
  // here (ADR 0164). In workers, each connects to the server.
  const inBand = globalConfig.maxWorkers <= 1;
  // Every boot of the preview would parse 1.4 MB of inline source maps that no test reads; the seeding child and the
  // workers inherit this (PREVIEW_SOURCE_MAPS=1 keeps them, to debug a test in DevTools).
  process.env[SOURCE_MAPS_ENV] ??= '0';
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-e2e-run-'));
  const template = path.join(workDir, 'seeded');
  const crashDir = path.join(workDir, 'crash-dumps');
  fs.mkdirSync(crashDir);
  try {
    const [launched, seeded] = await Promise.allSettled([
      // One renderer per site: a worker's pages (the tab its files pass on, the sweep's second tab) share the renderer
      // that has parsed and compiled the preview before (docs/adr/0160, 0166).
      launch(inBand, [`--crash-dumps-dir=${crashDir}`, '--process-per-site']),
      promisify(execFile)(process.execPath, [TSX, path.join(__dirname, 'e2e-seed-template.ts'), template], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }),
    ]);
    if (seeded.status === 'rejected') {
      if (launched.status === 'fulfilled') await closeLaunched(launched.value);
      throw new Error(`e2e global setup: building the preview and seeding the local cloud failed: ${(seeded.reason as Error).message}`, { cause: seeded.reason });
    }
    if (launched.status === 'rejected') throw launched.reason;
    const globals: E2eGlobals = { ...launched.value, workDir };
    (globalThis as Record<symbol, E2eGlobals>)[E2E_GLOBALS] = globals;
    if (globals.server) process.env[BROWSER_WS_ENV] = globals.server.wsEndpoint();
    process.env[SEEDED_TEMPLATE_ENV] = template;
  } catch (error) {
    fs.rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
}
