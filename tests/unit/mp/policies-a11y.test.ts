// Static checks of the policy and draft pages' WXML and WXSS (miniprogram-simulate drops aria-* from its DOM, so
// page tests cannot see them): every tappable element carries an aria-label, and no text is set below the sizes the
// elderly-friendly rules ask for.
import fs from 'fs';
import path from 'path';

const MP = path.resolve(__dirname, '../../../miniprogram');
const OURS = [
  'pages/policies',
  'pages/policy',
  'pages/favorites',
  'pages/drafts',
  'pages/draft',
  'components/highlight-text',
  'components/policy-card',
  'components/policy-article',
  'components/explanation',
  'components/draft-card',
  'components/window-countdown',
  'staff/policies',
  'staff/policy-edit',
  'staff/drafts',
  'staff/draft-edit',
  'staff/moderation',
  'staff/draft-report',
  'staff/components/list-editor',
  'pages/surveys',
  'pages/survey',
  'pages/survey-results',
  'staff/surveys',
  'staff/survey-edit',
  'staff/survey-results',
];

function read(dir: string, ext: string): string {
  return fs.readFileSync(path.join(MP, dir, `index.${ext}`), 'utf8');
}

/** Opening tags (multi-line ones too) of a WXML source. */
function tags(wxml: string): string[] {
  return wxml.match(/<[a-z][\w-]*\b[^>]*>/gs) ?? [];
}

/** Every declaration of the rules whose selector list names `.cls` on its own (`.a, .cls {`), joined. */
function declarationsOf(wxss: string, cls: string): string {
  const out: string[] = [];
  for (const m of wxss.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    const selectors = m[1].split(',').map((x) => x.trim());
    if (selectors.includes(`.${cls}`)) out.push(m[2]);
  }
  return out.join(';');
}

const INTERACTIVE = /\s(bindtap|bind:tap|catchtap|bind:click|open-type)=/;

// A link card is named by its visible text (WCAG 2.5.3: the name must contain what is shown, which a shorter
// aria-label breaks); tests/e2e/accessibility.test.ts checks that such controls do have text.
const NAMED_BY_CONTENT = /\saria-role="link"/;

test.each(OURS)('%s: every tappable element has an aria-label', (dir) => {
  const missing = tags(read(dir, 'wxml')).filter((t) => INTERACTIVE.test(t) && !/\saria-label="[^"]+"/.test(t) && !NAMED_BY_CONTENT.test(t));
  expect(missing).toEqual([]);
});

test.each(OURS)('%s: no text smaller than 26rpx; body and explanation text at 32rpx with line height of at least 1.6', (dir) => {
  const wxss = read(dir, 'wxss');
  const sizes = [...wxss.matchAll(/font-size:\s*(?:calc\()?(\d+)rpx/g)].map((m) => Number(m[1]));
  expect(sizes.filter((n) => n < 26)).toEqual([]);
  for (const cls of ['body__p', 'para__text', 'ex__text', 'comment__text']) {
    const decls = declarationsOf(wxss, cls);
    if (!decls) continue;
    expect([cls, /font-size:\s*(?:calc\()?(\d+)rpx/.exec(decls)?.[1]]).toEqual([cls, '32']);
    expect(Number(/line-height:\s*([\d.]+)/.exec(decls)?.[1])).toBeGreaterThanOrEqual(1.6);
  }
});

test('the scan sees the tappable elements it should (a broken pattern would pass everything)', () => {
  const interactive = OURS.flatMap((d) => tags(read(d, 'wxml')).filter((t) => INTERACTIVE.test(t)));
  expect(interactive.length).toBeGreaterThan(40);
  expect(tags('<view\n  class="a"\n  bindtap="x"\n>')).toHaveLength(1);
});

test('elements one taps are at least 88rpx high (the classes bound to taps declare it)', () => {
  // Classes of tappable views and texts in our pages; each must set min-height or line-height >= 88rpx somewhere.
  const problems: string[] = [];
  for (const dir of OURS) {
    const wxss = read(dir, 'wxss');
    for (const t of tags(read(dir, 'wxml'))) {
      if (!/^<(view|text)\b/.test(t) || !/\s(bindtap|bind:tap)=/.test(t)) continue;
      const cls = /\sclass="([^"{]+)/.exec(t)?.[1]?.trim().split(/\s+/)[0];
      if (!cls) {
        problems.push(`${dir}: ${t.slice(0, 60)}`);
        continue;
      }
      const rule = declarationsOf(wxss, cls);
      const heights = [...rule.matchAll(/(?:min-height|line-height|height):\s*(?:max\()?(\d+)rpx/g)].map((m) => Number(m[1]));
      if (!heights.some((h) => h >= 88)) problems.push(`${dir}: .${cls}`);
    }
  }
  expect(problems).toEqual([]);
});
