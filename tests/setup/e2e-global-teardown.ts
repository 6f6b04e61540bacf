// Closes the run's shared Chromium and removes the seeded template (tests/setup/e2e-global-setup.ts).
import fs from 'fs';
import { closeLaunched } from './e2e-global-setup';
import { BROWSER_WS_ENV, E2E_GLOBALS, e2eGlobals, SEEDED_TEMPLATE_ENV, type E2eGlobals } from './e2e-shared';

export default async function globalTeardown(): Promise<void> {
  const globals = e2eGlobals();
  if (!globals) return;
  delete (globalThis as Record<symbol, E2eGlobals | undefined>)[E2E_GLOBALS];
  delete process.env[BROWSER_WS_ENV];
  delete process.env[SEEDED_TEMPLATE_ENV];
  try {
    await closeLaunched(globals);
  } finally {
    fs.rmSync(globals.workDir, { recursive: true, force: true });
  }
}
