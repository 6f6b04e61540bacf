// Closes the run's shared Chromium and removes the seeded template (tests/setup/e2e-global-setup.ts).
import fs from 'fs';
import { E2E_GLOBALS, type E2eGlobals } from './e2e-global-setup';
import { BROWSER_WS_ENV, SEEDED_TEMPLATE_ENV } from './e2e-shared';

export default async function globalTeardown(): Promise<void> {
  const globals = (globalThis as Record<symbol, E2eGlobals | undefined>)[E2E_GLOBALS];
  if (!globals) return;
  delete (globalThis as Record<symbol, E2eGlobals | undefined>)[E2E_GLOBALS];
  delete process.env[BROWSER_WS_ENV];
  delete process.env[SEEDED_TEMPLATE_ENV];
  try {
    await globals.server.close();
  } finally {
    fs.rmSync(globals.workDir, { recursive: true, force: true });
  }
}
