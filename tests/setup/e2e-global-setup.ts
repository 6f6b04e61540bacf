// Once per jest run that includes e2e files (ADR 0112): one Chromium for every e2e file (the e2e test environment
// keeps one context of it per worker: docs/adr/0160) and one seeded local cloud that each preview copies, so a file
// pays neither a browser launch nor the seeding. tests/setup/e2e-global-teardown.ts closes and removes them.
import { execFile } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import type { BrowserServer } from 'playwright-core';
import { launchChromiumServer } from '../../tools/preview/browser';
import { SOURCE_MAPS_ENV } from '../../tools/preview/build';
import { BROWSER_WS_ENV, SEEDED_TEMPLATE_ENV } from './e2e-shared';

export interface E2eGlobals {
  server: BrowserServer;
  workDir: string;
}

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

export const E2E_GLOBALS = Symbol.for('minsheng.e2e.globals');

export default async function globalSetup(): Promise<void> {
  // Every boot of the preview would parse 1.4 MB of inline source maps that no test reads; the seeding child and the
  // workers inherit this (PREVIEW_SOURCE_MAPS=1 keeps them, to debug a test in DevTools).
  process.env[SOURCE_MAPS_ENV] ??= '0';
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-e2e-run-'));
  const template = path.join(workDir, 'seeded');
  const crashDir = path.join(workDir, 'crash-dumps');
  fs.mkdirSync(crashDir);
  try {
    const [launched, seeded] = await Promise.allSettled([
      // One renderer per site: a worker's pages (its files' previews on their own ports, the sweep's second tab) share
      // the renderer that has parsed and compiled the preview before (docs/adr/0160).
      launchChromiumServer([`--crash-dumps-dir=${crashDir}`, '--process-per-site']),
      promisify(execFile)(process.execPath, [TSX, path.join(__dirname, 'e2e-seed-template.ts'), template], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }),
    ]);
    if (seeded.status === 'rejected') {
      if (launched.status === 'fulfilled') await launched.value.close();
      throw new Error(`e2e global setup: building the preview and seeding the local cloud failed: ${(seeded.reason as Error).message}`, { cause: seeded.reason });
    }
    if (launched.status === 'rejected') throw launched.reason;
    const server = launched.value;
    (globalThis as Record<symbol, E2eGlobals>)[E2E_GLOBALS] = { server, workDir };
    process.env[BROWSER_WS_ENV] = server.wsEndpoint();
    process.env[SEEDED_TEMPLATE_ENV] = template;
  } catch (error) {
    fs.rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
}
