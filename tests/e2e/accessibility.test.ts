// Every page of app.json, as every identity that can open it, in normal and care mode, in the preview against the
// seeded demo agency (tests/e2e/helpers/sweep.ts). Each page must open without a problem: the right page in front, not
// the preview's error page, no console error, page error or failed request (this was the smoke test). And each is
// measured (docs/accessibility.md): computed styles (text size, text contrast, tap targets, care mode's line height and
// overflow) and axe-core (0 serious or critical violations; images and icon-only controls named). The pages are read
// from app.json, so a page added later is checked as it lands. Figures are printed per page.
// A page that renders exactly as it did for an earlier identity is measured once (docs/adr/0154).
import { appRoutes, identitiesFor } from '../../tools/preview/pages';
import { DETAIL_ROUTES } from '../../tools/preview/samples';
import { closeBrowser, openPreview, type PreviewHandle } from './helpers/preview';
import { LIMITS, sweep, type Mode, type PageVisit } from './helpers/sweep';

jest.setTimeout(600_000);

const MODES: readonly Mode[] = ['normal', 'care'];

const low = (values: Array<number | null>) => {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? String(Math.min(...known)) : '-';
};

/** One line per page and mode: identities, renderings measured, the smallest figures, axe's serious/critical count. */
function report(all: PageVisit[]): string {
  const lines = ['mode   page                          ids  measured  texts  min px  min contrast  targets  min target  axe serious+critical (all)'];
  for (const mode of MODES) {
    for (const { route } of appRoutes()) {
      const of = all.filter((v) => v.route === route && v.mode === mode);
      if (!of.length) continue;
      const own = of.filter((v) => v.measuredAs === v.identity);
      const serious = own.reduce((n, v) => n + v.axe.filter((r) => r.impact === 'serious' || r.impact === 'critical').length, 0);
      const any = own.reduce((n, v) => n + v.axe.length, 0);
      lines.push(
        [
          mode.padEnd(6),
          route.padEnd(29),
          String(of.length).padStart(3),
          String(own.length).padStart(9),
          String(Math.max(...of.map((v) => v.audit.texts))).padStart(6),
          low(of.map((v) => v.audit.minFontPx)).padStart(7),
          low(of.map((v) => v.audit.minContrast)).padStart(13),
          String(Math.max(...of.map((v) => v.audit.targets))).padStart(8),
          low(of.map((v) => v.audit.minTargetPx)).padStart(11),
          `${serious} (${any})`.padStart(10),
        ].join(' '),
      );
    }
  }
  return lines.join('\n');
}

let preview: PreviewHandle;
let visits: PageVisit[] = [];

beforeAll(async () => {
  preview = await openPreview();
  const started = Date.now();
  visits = await sweep(preview, MODES);
  const renders = visits.filter((v) => v.measuredAs === v.identity).length;
  console.log(`${visits.length} page visits, ${renders} renderings measured, in ${((Date.now() - started) / 1000).toFixed(1)} s\n${report(visits)}`);
});

afterAll(async () => {
  await preview?.close();
  await closeBrowser();
});

/** Findings of the visits that were measured (a repeat carries the same findings under the earlier identity). */
const findings = (pick: (v: PageVisit) => Array<{ element: string; figure: string }>): string[] =>
  visits.filter((v) => v.measuredAs === v.identity).flatMap((v) => pick(v).map((f) => `${v.route} as ${v.identity} (${v.mode}): ${f.element}: ${f.figure}`));

test('app.json is read with its subpackages', () => {
  const routes = appRoutes();
  expect(routes[0]!.route).toBe('pages/index/index');
  expect(routes.some((r) => r.subpackage === 'staff')).toBe(true);
});

test('every page of app.json was opened as every identity that can open it, in every mode', () => {
  const expected = MODES.flatMap((mode) => appRoutes().flatMap((r) => identitiesFor(r).map((identity) => `${mode} ${r.route} ${identity}`)));
  expect(visits.map((v) => `${v.mode} ${v.route} ${v.identity}`).sort()).toEqual(expected.sort());
  // The pages rendered something to measure.
  expect(visits.filter((v) => v.audit.texts === 0).map((v) => `${v.route} as ${v.identity} (${v.mode})`)).toEqual([]);
});

/**
 * Found when this sweep took over the smoke test's checks and applied them in care mode too, not mended yet
 * (docs/adr/0154): when the policy list is the first page a tab opens in care mode, Vant's tabs (tabs/index.js,
 * scrollIntoView) read the size of tabs that are not laid out yet and throw in a promise. Nothing on screen is wrong.
 * Matched by its text in care mode, not by page: a problem is counted with the visit during which it arrives.
 */
const knownProblem = (v: PageVisit, problem: string) => v.mode === 'care' && problem.includes('@vant/weapp/tabs/index.js') && problem.includes("reading 'width'");

test('every page opened without a problem: itself in front, no error page, console error, page error or failed request', () => {
  expect(visits.flatMap((v) => v.problems.filter((p) => !knownProblem(v, p)).map((p) => `${v.route} as ${v.identity} (${v.mode}): ${p}`))).toEqual([]);
});

test('a page is measured again in care mode exactly when its normal rendering was new', () => {
  for (const v of visits) {
    const normal = visits.find((n) => n.mode === 'normal' && n.route === v.route && n.identity === v.identity)!;
    expect(`${v.route} as ${v.identity} (${v.mode}) measured as ${v.measuredAs}`).toBe(`${v.route} as ${v.identity} (${v.mode}) measured as ${normal.measuredAs}`);
  }
  // Pages that differ by who looks (a person's own cases, a staff member's rights) are measured once per rendering.
  const mine = visits.filter((v) => v.route === 'pages/mine/index' && v.mode === 'care');
  expect(new Set(mine.map((v) => v.measuredAs)).size).toBe(identitiesFor(appRoutes().find((r) => r.route === 'pages/mine/index')!).length);
});

test('every detail page was measured with a record of the demo data, not only in its not-found state', () => {
  const withRecord = new Set(visits.filter((v) => v.measuredAs === v.identity && Object.keys(v.query).length > 0).map((v) => v.route));
  expect(DETAIL_ROUTES.filter((r) => !withRecord.has(r))).toEqual([]);
});

describe.each(MODES)('%s mode', (mode) => {
  const limits = LIMITS[mode];
  const inMode = (pick: (v: PageVisit) => Array<{ element: string; figure: string }>) => (v: PageVisit) => (v.mode === mode ? pick(v) : []);

  test(`no visible text under ${limits.minFontPx} px`, () => {
    expect(findings(inMode((v) => v.audit.smallText))).toEqual([]);
  });

  test(`no text contrast under ${limits.minContrast}:1`, () => {
    expect(findings(inMode((v) => v.audit.lowContrast))).toEqual([]);
  });

  test(`no tap target under ${limits.minTargetPx}x${limits.minTargetPx} px`, () => {
    expect(findings(inMode((v) => v.audit.smallTargets))).toEqual([]);
  });

  test('axe: no serious or critical violation', () => {
    const serious = visits
      .filter((v) => v.mode === mode && v.measuredAs === v.identity)
      .flatMap((v) =>
        v.axe
          .filter((r) => r.impact === 'serious' || r.impact === 'critical')
          .flatMap((r) => r.nodes.map((n) => `${v.route} as ${v.identity} (${mode}): ${r.id} (${r.impact}) ${n.target}: ${n.summary.replace(/\s+/g, ' ').slice(0, 200)}`)),
      );
    expect(serious).toEqual([]);
  });

  test('every image and icon-only control has an aria-label', () => {
    expect(findings(inMode((v) => v.audit.unlabelled))).toEqual([]);
  });

  test('every control the WXML labels keeps its aria-label in the DOM', () => {
    const missing = visits.filter((v) => v.mode === mode && v.measuredAs === v.identity).flatMap((v) => v.missingLabels.map((id) => `${v.route} as ${v.identity}: [data-testid=${id}] has no aria-label`));
    expect(missing).toEqual([]);
  });

  if (mode === 'care') {
    test(`line height of wrapped text at least ${limits.minLineHeight}`, () => {
      expect(findings(inMode((v) => v.audit.tightLines))).toEqual([]);
    });

    test('pages of the main package lay out without overflow or truncation', () => {
      expect(findings(inMode((v) => (v.route.startsWith('pages/') ? v.audit.overflow : [])))).toEqual([]);
    });
  }
});
