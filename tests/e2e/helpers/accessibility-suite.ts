// Accessibility of every page of app.json, as every identity that can open it, in one display mode, measured in the
// preview (docs/accessibility.md): computed styles (text size, text contrast, tap targets, care mode's line height
// and overflow) and axe-core (0 serious or critical violations; images and icon-only controls named). The pages are
// read from app.json, so a page added later is checked as it lands. Figures are printed per page.
// One test file per mode (accessibility-normal, accessibility-care): the two halves run in jest's two e2e workers at
// once instead of one after the other (docs/adr/0153-e2e-waits-for-rest-and-splits-the-sweep.md).
import { appRoutes, identitiesFor } from '../../../tools/preview/pages';
import { DETAIL_ROUTES } from '../../../tools/preview/samples';
import { closeBrowser, openPreview, type PreviewHandle } from './preview';
import { LIMITS, sweep, type Mode, type PageVisit } from './sweep';

const low = (values: Array<number | null>) => {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? String(Math.min(...known)) : '-';
};

/** One line per page: the smallest figures over every identity, and axe's count of serious/critical. */
function report(mode: Mode, all: PageVisit[]): string {
  const lines = ['mode   page                          ids  texts  min px  min contrast  targets  min target  axe serious+critical (all)'];
  for (const { route } of appRoutes()) {
    const of = all.filter((v) => v.route === route);
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
  return lines.join('\n');
}

/** Registers the sweep of `mode` (beforeAll) and every check on its visits. */
export function accessibilitySuite(mode: Mode): void {
  jest.setTimeout(600_000);
  const limits = LIMITS[mode];
  let preview: PreviewHandle;
  let visits: PageVisit[] = [];

  beforeAll(async () => {
    preview = await openPreview();
    const started = Date.now();
    visits = await sweep(preview, [mode]);
    console.log(`${visits.length} page visits (${mode}) in ${((Date.now() - started) / 1000).toFixed(1)} s\n${report(mode, visits)}`);
  });

  afterAll(async () => {
    await preview?.close();
    await closeBrowser();
  });

  const findings = (pick: (v: PageVisit) => Array<{ element: string; figure: string }>): string[] =>
    visits.flatMap((v) => pick(v).map((f) => `${v.route} as ${v.identity} (${mode}): ${f.element}: ${f.figure}`));

  test(`every page of app.json was opened as every identity that can open it (${mode} mode)`, () => {
    const expected = appRoutes().flatMap((r) => identitiesFor(r).map((identity) => `${r.route} ${identity}`));
    expect(visits.map((v) => `${v.route} ${v.identity}`).sort()).toEqual(expected.sort());
    expect(visits.every((v) => v.mode === mode)).toBe(true);
    // The pages rendered something to measure.
    expect(visits.filter((v) => v.audit.texts === 0).map((v) => `${v.route} as ${v.identity}`)).toEqual([]);
  });

  test('every detail page was measured with a record of the demo data, not only in its not-found state', () => {
    const withRecord = new Set(visits.filter((v) => Object.keys(v.query).length > 0).map((v) => v.route));
    expect(DETAIL_ROUTES.filter((r) => !withRecord.has(r))).toEqual([]);
  });

  test(`no visible text under ${limits.minFontPx} px`, () => {
    expect(findings((v) => v.audit.smallText)).toEqual([]);
  });

  test(`no text contrast under ${limits.minContrast}:1`, () => {
    expect(findings((v) => v.audit.lowContrast)).toEqual([]);
  });

  test(`no tap target under ${limits.minTargetPx}x${limits.minTargetPx} px`, () => {
    expect(findings((v) => v.audit.smallTargets)).toEqual([]);
  });

  test('axe: no serious or critical violation', () => {
    const serious = visits.flatMap((v) =>
      v.axe
        .filter((r) => r.impact === 'serious' || r.impact === 'critical')
        .flatMap((r) => r.nodes.map((n) => `${v.route} as ${v.identity} (${mode}): ${r.id} (${r.impact}) ${n.target}: ${n.summary.replace(/\s+/g, ' ').slice(0, 200)}`)),
    );
    expect(serious).toEqual([]);
  });

  test('every image and icon-only control has an aria-label', () => {
    expect(findings((v) => v.audit.unlabelled)).toEqual([]);
  });

  if (mode === 'care') {
    test(`line height of wrapped text at least ${limits.minLineHeight}`, () => {
      expect(findings((v) => v.audit.tightLines)).toEqual([]);
    });

    test('pages of the main package lay out without overflow or truncation', () => {
      expect(findings((v) => (v.route.startsWith('pages/') ? v.audit.overflow : []))).toEqual([]);
    });
  }

  test('every control the WXML labels keeps its aria-label in the DOM', () => {
    const missing = visits.flatMap((v) => v.missingLabels.map((id) => `${v.route} as ${v.identity}: [data-testid=${id}] has no aria-label`));
    expect(missing).toEqual([]);
  });
}
