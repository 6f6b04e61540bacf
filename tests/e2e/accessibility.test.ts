// Accessibility of every page of app.json, as every identity that can open it, in normal and care mode, measured in
// the preview (docs/accessibility.md): computed styles (text size, text contrast, tap targets, care mode's line height
// and overflow) and axe-core (0 serious or critical violations; images and icon-only controls named). The pages are
// read from app.json, so a page added later is checked as it lands. Figures are printed per page.
import { appRoutes, identitiesFor } from '../../tools/preview/pages';
import { DETAIL_ROUTES } from '../../tools/preview/samples';
import { closeBrowser, openPreview, type PreviewHandle } from './helpers/preview';
import { LIMITS, sweep, type Mode, type PageVisit } from './helpers/sweep';

jest.setTimeout(600_000);

const MODES: Mode[] = ['normal', 'care'];
let preview: PreviewHandle;
let visits: PageVisit[] = [];

beforeAll(async () => {
  preview = await openPreview();
  const started = Date.now();
  visits = await sweep(preview, MODES);
  console.log(`${visits.length} page visits in ${((Date.now() - started) / 1000).toFixed(1)} s\n${report(visits)}`);
});

afterAll(async () => {
  await preview?.close();
  await closeBrowser();
});

const low = (values: Array<number | null>) => {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? String(Math.min(...known)) : '-';
};

/** One line per page and mode: the smallest figures over every identity, and axe's count of serious/critical. */
function report(all: PageVisit[]): string {
  const lines = ['mode   page                          ids  texts  min px  min contrast  targets  min target  axe serious+critical (all)'];
  for (const mode of MODES) {
    for (const { route } of appRoutes()) {
      const of = all.filter((v) => v.route === route && v.mode === mode);
      if (!of.length) continue;
      const serious = of.reduce((n, v) => n + v.axe.filter((r) => r.impact === 'serious' || r.impact === 'critical').length, 0);
      const any = of.reduce((n, v) => n + v.axe.length, 0);
      lines.push(
        [
          mode.padEnd(6),
          route.padEnd(29),
          String(of.length).padStart(3),
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

function findings(mode: Mode, pick: (v: PageVisit) => Array<{ element: string; figure: string }>): string[] {
  return visits.filter((v) => v.mode === mode).flatMap((v) => pick(v).map((f) => `${v.route} as ${v.identity} (${mode}): ${f.element}: ${f.figure}`));
}

test('every page of app.json was opened as every identity that can open it, in every mode', () => {
  const expected = appRoutes().flatMap((r) => identitiesFor(r).flatMap((identity) => MODES.map((mode) => `${mode} ${r.route} ${identity}`)));
  expect(visits.map((v) => `${v.mode} ${v.route} ${v.identity}`).sort()).toEqual(expected.sort());
  // The pages rendered something to measure.
  expect(visits.filter((v) => v.audit.texts === 0).map((v) => `${v.route} as ${v.identity}`)).toEqual([]);
});

test('every detail page was measured with a record of the demo data, not only in its not-found state', () => {
  const withRecord = new Set(visits.filter((v) => Object.keys(v.query).length > 0).map((v) => v.route));
  expect(DETAIL_ROUTES.filter((r) => !withRecord.has(r))).toEqual([]);
});

describe.each(MODES)('%s mode', (mode) => {
  const limits = LIMITS[mode];

  test(`no visible text under ${limits.minFontPx} px`, () => {
    expect(findings(mode, (v) => v.audit.smallText)).toEqual([]);
  });

  test(`no text contrast under ${limits.minContrast}:1`, () => {
    expect(findings(mode, (v) => v.audit.lowContrast)).toEqual([]);
  });

  test(`no tap target under ${limits.minTargetPx}x${limits.minTargetPx} px`, () => {
    expect(findings(mode, (v) => v.audit.smallTargets)).toEqual([]);
  });

  test('axe: no serious or critical violation', () => {
    const serious = visits
      .filter((v) => v.mode === mode)
      .flatMap((v) =>
        v.axe
          .filter((r) => r.impact === 'serious' || r.impact === 'critical')
          .flatMap((r) => r.nodes.map((n) => `${v.route} as ${v.identity} (${mode}): ${r.id} (${r.impact}) ${n.target}: ${n.summary.replace(/\s+/g, ' ').slice(0, 200)}`)),
      );
    expect(serious).toEqual([]);
  });

  test('every image and icon-only control has an aria-label', () => {
    expect(findings(mode, (v) => v.audit.unlabelled)).toEqual([]);
  });

  if (mode === 'care') {
    test(`line height of wrapped text at least ${limits.minLineHeight}`, () => {
      expect(findings(mode, (v) => v.audit.tightLines)).toEqual([]);
    });

    test('pages of the main package lay out without overflow or truncation', () => {
      expect(findings(mode, (v) => (v.route.startsWith('pages/') ? v.audit.overflow : []))).toEqual([]);
    });
  }

  test('every control the WXML labels keeps its aria-label in the DOM', () => {
    const missing = visits.filter((v) => v.mode === mode).flatMap((v) => v.missingLabels.map((id) => `${v.route} as ${v.identity}: [data-testid=${id}] has no aria-label`));
    expect(missing).toEqual([]);
  });
});
