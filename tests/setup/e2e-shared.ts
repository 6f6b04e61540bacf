// What the e2e global setup (tests/setup/e2e-global-setup.ts) hands every e2e test file, through the environment
// (jest starts its workers after the global setup, so they inherit it): ADR 0112.
/** The WebSocket endpoint of the one Chromium of this jest run (`chromium.connect`). */
export const BROWSER_WS_ENV = 'MINSHENG_E2E_BROWSER_WS';
/** A folder holding a freshly seeded local cloud (database.sqlite, storage/): each preview starts on a copy of it. */
export const SEEDED_TEMPLATE_ENV = 'MINSHENG_E2E_SEEDED_TEMPLATE';
