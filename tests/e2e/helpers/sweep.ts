// Every page of app.json, as every demo identity that can open it (tools/preview/pages.ts), in normal and care mode:
// each page is opened inside the running mini program (reLaunch, no reload), checked to have opened without a problem
// (the right page in front, no error page, no console error, page error or failed request), measured (page-audit.ts)
// and scanned by axe (axe.ts). Two tabs share the browser and the local cloud.
// What is measured once is not measured again (docs/adr/0154-the-sweep-measures-each-rendering-once.md): a page that
// renders exactly as it did for an earlier identity (the same DOM, form values and page data) takes that identity's
// figures, in normal mode and, without being rendered again, in care mode; axe runs once per distinct page structure.
import type { Frame, Page } from 'playwright-core';
import { appRoutes, identitiesFor } from '../../../tools/preview/pages';
import { sampleQueries, urlOf } from '../../../tools/preview/samples';
import { runAxe, type AxeRule } from './axe';
import { labelledTestIds, missingLabels } from './labelled';
import { auditPage, type AuditLimits, type PageAudit } from './page-audit';
import { watchProblems, type PreviewHandle } from './preview';

export type Mode = 'normal' | 'care';

export interface PageVisit {
  route: string;
  identity: string;
  mode: Mode;
  /** The record a detail page was opened on (tools/preview/samples.ts); empty for list pages. */
  query: Record<string, string>;
  audit: PageAudit;
  /** axe's violations (any impact), or those of the visit with the same structure. */
  axe: AxeRule[];
  /** The identity whose identical page structure axe actually scanned. */
  axeFrom: string;
  /** data-testids the WXML labels (aria-label) that reached the DOM without their label. */
  missingLabels: string[];
  /** The identity whose identical rendering of this page was measured: this one, or an earlier one. */
  measuredAs: string;
  /** What went wrong opening it: another page in front, the preview's error page, console errors, failed requests. */
  problems: string[];
}

export const LIMITS: Record<Mode, AuditLimits> = {
  normal: { minFontPx: 14, minContrast: 4.5, minTargetPx: 44, minLineHeight: 0 },
  care: { minFontPx: 18, minContrast: 4.5, minTargetPx: 48, minLineHeight: 1.5 },
};

interface MpWindow {
  __mp: { router: { reLaunch(url: string): Promise<void> }; idle(quietMs?: number): boolean; route(): string | null; pageData(): unknown };
  wx: { setStorageSync(key: string, value: unknown): void };
}

/** The storage key of care mode (miniprogram/utils/care.ts). */
export const CARE_KEY = 'careMode';

/** How long the page must stay at rest (no cloud call, no finite animation) before it is measured. */
const REST_MS = 80;

async function settle(frame: Frame): Promise<void> {
  await frame.waitForFunction(() => document.body?.hasAttribute('data-mp-ready') || document.body?.hasAttribute('data-mp-error'), undefined, { timeout: 30_000 });
  // At rest, rather than a fixed pause: no cloud call in flight or ended within REST_MS, and no finite animation
  // running (Vant's popups, toasts and fades), the whole REST_MS long. A spinner's endless rotation does not count.
  await frame.evaluate(
    (restMs) =>
      new Promise<void>((resolve, reject) => {
        const started = performance.now();
        let quietSince = started;
        const busy = () =>
          !(window as unknown as MpWindow).__mp.idle(restMs) ||
          document.getAnimations().some((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity);
        const check = () => {
          const now = performance.now();
          if (busy()) quietSince = now;
          else if (now - quietSince >= restMs) return resolve();
          if (now - started > 30_000) return reject(new Error('the page never came to rest within 30 s'));
          setTimeout(check, 16);
        };
        check();
      }),
    REST_MS,
  );
}

/** A hash of the page's element structure: tags, roles and aria attributes, text or not; repeated siblings once. */
function structureOf(frame: Frame, route: string): Promise<string> {
  return frame.evaluate((r) => {
    const sign = (el: Element): string => {
      // Classes stay out (colours and sizes are the style audit's, measured on every visit); structure and names in.
      const attrs = [...el.attributes].filter((a) => a.name === 'role' || a.name.startsWith('aria-')).map((a) => `${a.name}=${a.name === 'aria-label' ? Boolean(a.value) : a.value}`);
      const children: string[] = [];
      for (const child of el.children) {
        const s = sign(child);
        if (children[children.length - 1] !== s) children.push(s);
      }
      const text = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim()) ? 'T' : '';
      return `<${el.tagName}${attrs.join(' ')}${text}>${children.join('')}`;
    };
    const root = document.querySelector(`[data-mp-page="${r}"]`);
    const s = root ? sign(root) : '';
    let h = 5381;
    for (let i = 0; i < s.length; i++) h = ((h << 5) + h + s.charCodeAt(i)) | 0;
    return `${s.length}:${h}`;
  }, route);
}

/**
 * A fingerprint of everything a page shows and could show: its DOM, the values of its form fields (properties, not
 * in the DOM) and its page data (all its template can read). Two visits with the same fingerprint measure the same.
 */
function renderingOf(frame: Frame, route: string): Promise<string> {
  return frame.evaluate((r) => {
    const root = document.querySelector(`[data-mp-page="${r}"]`);
    if (!root) return 'no page root';
    const values = [...root.querySelectorAll('input, textarea')].map((el) => (el as HTMLInputElement).value);
    const s = `${root.outerHTML}\u0000${JSON.stringify(values)}\u0000${JSON.stringify((window as unknown as MpWindow).__mp.pageData())}`;
    let h = 5381;
    let k = 52711;
    for (let i = 0; i < s.length; i++) {
      h = ((h << 5) + h + s.charCodeAt(i)) | 0;
      k = Math.imul(k ^ s.charCodeAt(i), 16777619);
    }
    return `${s.length}:${h}:${k}`;
  }, route);
}

/** Whether the page in front is `route`, mounted, and not the preview's error page; what is wrong otherwise. */
async function openedProblems(frame: Frame, route: string): Promise<string[]> {
  const seen = await frame.evaluate(
    (r) => ({
      route: (window as unknown as MpWindow).__mp.route(),
      root: Boolean(document.querySelector(`[data-mp-page="${r}"]`)),
      error: document.querySelector('[data-testid="mp-page-error"]')?.textContent ?? null,
    }),
    route,
  );
  const problems: string[] = [];
  if (seen.route !== route) problems.push(`${seen.route ?? 'no page'} is in front`);
  if (!seen.root) problems.push('the page did not mount');
  if (seen.error !== null) problems.push(`the preview's error page: ${seen.error}`);
  return problems;
}

export async function sweep(preview: PreviewHandle, modes: readonly Mode[]): Promise<PageVisit[]> {
  const routes = appRoutes();
  const identities = [...new Set(routes.flatMap((r) => identitiesFor(r)))];
  const scanned = new Map<string, { axe: AxeRule[]; identity: string }>();
  /** route + fingerprint -> the identity whose visit measured it. */
  const renderings = new Map<string, string>();
  const measured: PageVisit[] = [];
  /** Visits that rendered (normal mode) or would have rendered (care mode) what an earlier identity's did. */
  const repeats: Array<Omit<PageVisit, 'audit' | 'axe' | 'axeFrom' | 'missingLabels'>> = [];
  const labelled = [...labelledTestIds().keys()];
  const queryFor = sampleQueries();
  const [firstMode, ...laterModes] = modes;
  if (!firstMode) return [];

  const visitAll = async (tab: Page, take: () => string[], identity: string) => {
    const frame = tab.mainFrame();
    const own = routes.filter((r) => identitiesFor(r).includes(identity));
    await tab.goto(`${preview.previewUrl}app.html?${new URLSearchParams({ as: identity, page: own[0]!.route })}`);
    // What the boot itself reports is counted with the first page opened after it (the boot opened that page too).
    await settle(frame);
    const open = async (route: string, query: Record<string, string>) => {
      await frame.evaluate((u) => (window as unknown as MpWindow).__mp.router.reLaunch(u), urlOf(route, query));
      await settle(frame);
      return [...(await openedProblems(frame, route)), ...take()];
    };
    const measure = async (route: string, mode: Mode, query: Record<string, string>, problems: string[]) => {
      const audit = await auditPage(frame, route, LIMITS[mode]);
      const key = `${mode} ${route} ${await structureOf(frame, route)}`;
      let result = scanned.get(key);
      if (!result) {
        result = { axe: (await runAxe(frame, route)).violations, identity };
        scanned.set(key, result);
      }
      measured.push({ route, identity, mode, query, audit, axe: result.axe, axeFrom: result.identity, missingLabels: await missingLabels(frame, route, labelled), measuredAs: identity, problems });
    };
    const setMode = (mode: Mode) => frame.evaluate(({ key, on }) => (window as unknown as MpWindow).wx.setStorageSync(key, on), { key: CARE_KEY, on: mode === 'care' });

    // The first mode decides what is new: every page is opened in it, and measured if no one saw it so before.
    await setMode(firstMode);
    const firstSeen: Array<{ route: string; query: Record<string, string> }> = [];
    const repeated: Array<{ route: string; query: Record<string, string>; earlier: string }> = [];
    for (const { route } of own) {
      const query = await queryFor(route, identity);
      const problems = await open(route, query);
      const key = `${route} ${await renderingOf(frame, route)}`;
      const earlier = renderings.get(key);
      if (earlier === undefined) {
        renderings.set(key, identity);
        firstSeen.push({ route, query });
        await measure(route, firstMode, query, problems);
      } else {
        repeated.push({ route, query, earlier });
        repeats.push({ route, identity, mode: firstMode, query, measuredAs: earlier, problems });
      }
    }
    // The other modes open only what was new; the rest would render as it did for the identity that saw it first.
    for (const mode of laterModes) {
      await setMode(mode);
      for (const { route, query } of firstSeen) await measure(route, mode, query, await open(route, query));
      for (const { route, query, earlier } of repeated) repeats.push({ route, identity, mode, query, measuredAs: earlier, problems: [] });
    }
  };

  const second = await preview.context.newPage();
  const secondWatch = watchProblems(second);
  try {
    const queue = [...identities];
    const tabs: Array<[Page, () => string[]]> = [
      [preview.page, () => preview.takeProblems()],
      [second, () => secondWatch.take()],
    ];
    await Promise.all(
      tabs.map(async ([tab, take]) => {
        for (let next = queue.shift(); next; next = queue.shift()) await visitAll(tab, take, next);
      }),
    );
  } finally {
    await second.close();
  }
  const byVisit = new Map(measured.map((v) => [`${v.mode} ${v.route} ${v.identity}`, v]));
  const copies = repeats.map((r) => {
    const source = byVisit.get(`${r.mode} ${r.route} ${r.measuredAs}`);
    if (!source) throw new Error(`sweep: ${r.route} as ${r.identity} (${r.mode}) repeats ${r.measuredAs}'s rendering, which was not measured`);
    return { ...r, audit: source.audit, axe: source.axe, axeFrom: source.axeFrom, missingLabels: source.missingLabels };
  });
  return [...measured, ...copies];
}
