// What the browser journeys do again and again: call an action through the gateway for setup, reopen the mini program
// as another person, and tap, type and read elements by data-testid.
import type { Frame } from 'playwright-core';
import type { ActionName, ApiResponse, RequestOf, ResponseOf, SettingsView } from '../../../typings/api';
import type { PreviewHandle } from './preview';

/** Setup and checks by action, through the gateway, as a WeChat user would call. */
export async function callAction<N extends ActionName>(preview: PreviewHandle, openid: string, action: N, payload: RequestOf<N>): Promise<ResponseOf<N>> {
  const res = await fetch(`${preview.gatewayUrl}/functions/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
    body: JSON.stringify({ action, payload }),
  });
  const body = (await res.json()) as { result: ApiResponse<ResponseOf<N>> };
  if (!body.result.ok) throw new Error(`${action}: ${JSON.stringify(body.result.error)}`);
  return body.result.data;
}

type TemplateKind = keyof SettingsView['subscribeTemplates'];
type Template = NonNullable<SettingsView['subscribeTemplates'][TemplateKind]>;

/** Configures one subscribe-message template, as the agency's admin does in settings. */
export async function useSubscribeTemplate(preview: PreviewHandle, admin: string, kind: TemplateKind, template: Template): Promise<void> {
  const settings = await callAction(preview, admin, 'admin.settings.get', {});
  await callAction(preview, admin, 'admin.settings.update', {
    version: settings.version,
    subscribeTemplates: { ...settings.subscribeTemplates, [kind]: template },
  });
}

/** Checks `ready` in Node every 50 ms until it holds or `timeoutMs` has passed; the caller asserts what it waited for. */
export async function pollUntil(ready: () => boolean, timeoutMs = 10_000): Promise<void> {
  for (const started = Date.now(); !ready() && Date.now() - started < timeoutMs; ) await new Promise((r) => setTimeout(r, 50));
}

export async function waitForRoute(preview: PreviewHandle, route: string): Promise<void> {
  const started = Date.now();
  while ((await preview.route()) !== route) {
    if (Date.now() - started > 10_000) throw new Error(`never reached ${route}; at ${await preview.route()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Opens the mini program again as another person, at a page (the local cloud and its data stay); `settle` also waits
 * until the page has loaded its data.
 */
export async function openAs(
  preview: PreviewHandle,
  identity: string,
  page: string,
  opts: { query?: Record<string, string>; settle?: boolean } = {},
): Promise<Frame> {
  const params = new URLSearchParams({ as: identity, page });
  if (opts.query) params.set('query', new URLSearchParams(opts.query).toString());
  await preview.page.goto(`${preview.previewUrl}app.html?${params}`);
  await preview.app.waitForFunction(() => document.body.hasAttribute('data-mp-ready'), undefined, { timeout: 30_000 });
  await waitForRoute(preview, page);
  if (opts.settle) await preview.waitForData((d: { loading?: boolean }) => d.loading !== true);
  return preview.app;
}

/**
 * A control by data-testid on the page in front: pages below it in the stack stay in the DOM, hidden (the home page's
 * search box under the list it opened), and cannot be tapped or typed into, as on a phone.
 */
const shown = (testId: string): string => `[data-testid="${testId}"]:visible`;

/**
 * Taps an element found by data-testid (a Vant button on its own <button>), scrolled into view and settled first: a
 * scroll that lands during a touch cancels the tap, in the preview as on a phone.
 */
export async function tap(app: Frame, testId: string, opts: { nth?: number; hasText?: string } = {}): Promise<void> {
  const el = app.locator(shown(testId), opts.hasText ? { hasText: opts.hasText } : {}).nth(opts.nth ?? 0);
  const tag = await el.evaluate((node) => node.tagName.toLowerCase());
  const target = tag === 'van-button' ? el.locator('wx-button').first() : el;
  await target.scrollIntoViewIfNeeded();
  await new Promise((r) => setTimeout(r, 300));
  await target.click();
}

export async function type(app: Frame, testId: string, value: string, nth = 0): Promise<void> {
  await app.locator(shown(testId)).nth(nth).locator('input, textarea').first().fill(value);
}

export async function text(app: Frame, testId: string, nth = 0): Promise<string> {
  return ((await app.locator(`[data-testid="${testId}"]`).nth(nth).textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** WeChat's subscribe prompt of the preview: allow, when the page asks. */
export async function allowSubscribe(app: Frame): Promise<void> {
  await app.locator('[data-testid="mp-subscribe-allow"]').click({ timeout: 10_000 });
}

/**
 * A member of staff opens their queue (the mini program reopened as them) and taps the case card with `title`; waits
 * until the case page shows the case in `status`.
 */
export async function openFromQueue(preview: PreviewHandle, identity: string, title: string, status: string): Promise<Frame> {
  const app = await openAs(preview, identity, 'staff/queue/index', { settle: true });
  await tap(app, 'case-card', { hasText: title });
  await waitForRoute(preview, 'staff/case/index');
  await preview.waitForData((d: { c?: { status: string } | null }) => d.c?.status === status);
  return app;
}
