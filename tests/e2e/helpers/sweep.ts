// Every page of app.json, as every demo identity that can open it (tools/preview/pages.ts), in normal and care mode:
// each page is opened inside the running mini program (reLaunch, no reload) and measured (page-audit.ts) and scanned
// by axe (axe.ts). Two tabs share the browser and the local cloud; axe runs once per distinct page structure, since
// two identities that see the same elements get the same answer from it.
import type { Frame, Page } from 'playwright-core';
import { appRoutes, identitiesFor } from '../../../tools/preview/pages';
import { sampleQueries, urlOf } from '../../../tools/preview/samples';
import { runAxe, type AxeRule } from './axe';
import { labelledTestIds, missingLabels } from './labelled';
import { auditPage, type AuditLimits, type PageAudit } from './page-audit';
import type { PreviewHandle } from './preview';

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
}

export const LIMITS: Record<Mode, AuditLimits> = {
  normal: { minFontPx: 14, minContrast: 4.5, minTargetPx: 44, minLineHeight: 0 },
  care: { minFontPx: 18, minContrast: 4.5, minTargetPx: 48, minLineHeight: 1.5 },
};

interface MpWindow {
  __mp: { router: { reLaunch(url: string): Promise<void> }; idle(quietMs?: number): boolean };
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

export async function sweep(preview: PreviewHandle, modes: Mode[], log: (line: string) => void = () => {}): Promise<PageVisit[]> {
  const routes = appRoutes();
  const identities = [...new Set(routes.flatMap((r) => identitiesFor(r)))];
  const scanned = new Map<string, { axe: AxeRule[]; identity: string }>();
  const visits: PageVisit[] = [];
  const labelled = [...labelledTestIds().keys()];
  const queryFor = sampleQueries();

  const visitAll = async (tab: Page, identity: string) => {
    const frame = tab.mainFrame();
    const own = routes.filter((r) => identitiesFor(r).includes(identity));
    await tab.goto(`${preview.previewUrl}app.html?${new URLSearchParams({ as: identity, page: own[0]!.route })}`);
    await settle(frame);
    for (const mode of modes) {
      await frame.evaluate(({ key, on }) => (window as unknown as MpWindow).wx.setStorageSync(key, on), { key: CARE_KEY, on: mode === 'care' });
      for (const { route } of own) {
        const query = await queryFor(route, identity);
        const url = urlOf(route, query);
        await frame.evaluate((u) => (window as unknown as MpWindow).__mp.router.reLaunch(u), url);
        await settle(frame);
        const audit = await auditPage(frame, route, LIMITS[mode]);
        const key = `${mode} ${route} ${await structureOf(frame, route)}`;
        let result = scanned.get(key);
        if (!result) {
          result = { axe: (await runAxe(frame, route)).violations, identity };
          scanned.set(key, result);
        }
        visits.push({ route, identity, mode, query, audit, axe: result.axe, axeFrom: result.identity, missingLabels: await missingLabels(frame, route, labelled) });
        log(`${mode} ${identity} ${route}`);
      }
    }
  };

  const second = await preview.context.newPage();
  try {
    const queue = [...identities];
    await Promise.all(
      [preview.page, second].map(async (tab) => {
        for (let next = queue.shift(); next; next = queue.shift()) await visitAll(tab, next);
      }),
    );
  } finally {
    await second.close();
  }
  return visits;
}
