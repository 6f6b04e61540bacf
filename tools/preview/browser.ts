// Debian's Chromium driven by playwright-core, as the e2e tests and the screenshots use it (never a downloaded browser).
import fs from 'fs';
import type { Browser, BrowserServer, Frame } from 'playwright-core';

/** Debian's two builds of the same Chromium: the headless shell (package chromium-headless-shell) and the full browser. */
export const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
export const FULL_CHROMIUM = '/usr/bin/chromium';

/**
 * CHROMIUM_PATH when set; else the headless shell when installed, as Playwright itself runs headless: the same Blink
 * and V8 without the browser's UI layers, a quarter less CPU per boot of the preview (ADR 0163); else the full browser.
 */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env, exists: (file: string) => boolean = fs.existsSync): string {
  return env.CHROMIUM_PATH ?? (exists(HEADLESS_SHELL) ? HEADLESS_SHELL : FULL_CHROMIUM);
}

export const CHROMIUM = chromiumPath();
export const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A phone's screen: the size every preview opens at, in the e2e tests and the screenshots. */
export const PHONE_VIEWPORT = { width: 375, height: 812 };

/** How every preview's browser context is made: a touch screen in China. */
export const CONTEXT_OPTIONS = { hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' } as const;

function launchOptions(extraArgs: string[]) {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium-headless-shell chromium fonts-noto-cjk (the preview never downloads a browser)`);
  return { executablePath: CHROMIUM, headless: true, args: [...LAUNCH_ARGS, ...extraArgs] };
}

// playwright-core is loaded when a browser is launched, not with this module: an e2e test file imports this module in
// its own module registry, where loading playwright-core again costs about a quarter of a second of CPU, and under
// jest's e2e environment the file never launches a browser itself.
const playwright = () => import('playwright-core');

/** Headless Chromium with a fresh profile (Playwright's launch() makes a temporary user-data-dir). */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return (await playwright()).chromium.launch(launchOptions(extraArgs));
}

/** The Chromium behind `endpoint` (launchChromiumServer's `wsEndpoint()`), from another process. */
export async function connectChromium(endpoint: string): Promise<Browser> {
  return (await playwright()).chromium.connect(endpoint);
}

/** The same Chromium behind a WebSocket endpoint, for other processes to `connectChromium()` (the e2e global setup). */
export async function launchChromiumServer(extraArgs: string[] = []): Promise<BrowserServer> {
  return (await playwright()).chromium.launchServer(launchOptions(extraArgs));
}

interface MpWindow {
  __mp?: { idle(quietMs?: number): boolean };
}

/** Waits until the mini program booted (or failed to) and its cloud calls have settled. */
export async function waitForMiniProgram(frame: Frame, timeoutMs = 30_000): Promise<void> {
  await frame.waitForFunction(() => document.body?.hasAttribute('data-mp-ready') || document.body?.hasAttribute('data-mp-error'), undefined, { timeout: timeoutMs });
  const bootError = await frame.evaluate(() => document.body.getAttribute('data-mp-error'));
  if (bootError) throw new Error(`the mini program did not start:\n${bootError}`);
  await frame.waitForFunction(() => (window as unknown as MpWindow).__mp?.idle(300) === true, undefined, { timeout: timeoutMs, polling: 50 });
}
