// axe-core (pinned devDependency) run inside the preview, scoped to the mini program page, not the phone's chrome or
// the console.
import fs from 'fs';
import { createRequire } from 'module';
import type { Frame } from 'playwright-core';

const AXE_SOURCE = fs.readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeNode {
  target: string;
  html: string;
  summary: string;
  data: unknown[];
}

export interface AxeRule {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

export interface AxeOutcome {
  violations: AxeRule[];
  incomplete: AxeRule[];
}

/** Puts axe into the frame once per document. */
export async function injectAxe(frame: Frame): Promise<void> {
  if (await frame.evaluate(() => 'axe' in window)) return;
  await frame.evaluate(AXE_SOURCE);
}

/**
 * Rules that do not apply to a mini program: it runs on a touch screen, where VoiceOver and TalkBack scroll a region
 * with their own gestures; keyboard focus of a scrollable region (Vant's tab strip, chip rows) is a desktop concern.
 */
export const NOT_APPLICABLE: Record<string, string> = {
  'scrollable-region-focusable': 'keyboard scrolling: a mini program has no keyboard focus; screen readers scroll by gesture',
};

/** Runs axe on the current page's root element (`[data-mp-page="<route>"]`). */
export async function runAxe(frame: Frame, route: string, rules?: string[]): Promise<AxeOutcome> {
  await injectAxe(frame);
  return frame.evaluate(
    async ({ route, rules, notApplicable }) => {
      interface RawNode {
        target: unknown[];
        html: string;
        failureSummary?: string;
        any: Array<{ data: unknown }>;
        all: Array<{ data: unknown }>;
        none: Array<{ data: unknown }>;
      }
      interface RawRule {
        id: string;
        impact?: string | null;
        help: string;
        nodes: RawNode[];
      }
      const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: RawRule[]; incomplete: RawRule[] }> } }).axe;
      const off = Object.fromEntries(Object.keys(notApplicable).map((id) => [id, { enabled: false }]));
      const options = { resultTypes: ['violations', 'incomplete'], rules: off, ...(rules ? { runOnly: { type: 'rule', values: rules } } : {}) };
      const result = await axe.run({ include: [`[data-mp-page="${route}"]`] }, options);
      const shape = (r: RawRule) => ({
        id: r.id,
        impact: r.impact ?? null,
        help: r.help,
        nodes: r.nodes.map((n) => ({
          target: n.target.map(String).join(' '),
          html: n.html.slice(0, 160),
          summary: n.failureSummary ?? '',
          data: [...n.any, ...n.all, ...n.none].map((c) => c.data).filter((d) => d !== null && d !== undefined),
        })),
      });
      return { violations: result.violations.map(shape), incomplete: result.incomplete.map(shape) };
    },
    { route, rules, notApplicable: NOT_APPLICABLE },
  );
}
