// Static checks of the case pages' WXML and WXSS (miniprogram-simulate drops aria-* from its DOM, so page tests
// cannot see them): every tappable element has an aria-label, no text is set below 26rpx, and every class bound to a
// tap declares a height of at least 88rpx.
import fs from 'fs';
import path from 'path';

const MP = path.resolve(__dirname, '../../../miniprogram');
const OURS = [
  'pages/submit',
  'pages/cases',
  'pages/case',
  'pages/letters',
  'pages/letter',
  'pages/bind',
  'pages/privacy',
  'staff/queue',
  'staff/case',
  'staff/admin',
  'staff/admin-settings',
  'pages/mine',
  'components/case-card',
  'components/case-status',
  'components/case-timeline',
  'components/due-badge',
  'components/privacy-popup',
];

function read(dir: string, ext: string): string {
  return fs.readFileSync(path.join(MP, dir, `index.${ext}`), 'utf8');
}

/** A page's styles with the sheets it imports from the staff subpackage (staff/styles/admin.wxss) written in. */
function styles(dir: string): string {
  return read(dir, 'wxss').replace(/^@import "(\.\.\/styles\/[\w-]+\.wxss)";/gm, (_, file: string) => fs.readFileSync(path.join(MP, dir, file), 'utf8'));
}

/** The style rules, without @import lines (which would glue onto the first selector). */
/** The rules alone: imports and comments out, so a comment before a rule is not read as part of its selector. */
function rules(wxss: string): string {
  return wxss.replace(/^@import[^;]*;/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
}

function tags(wxml: string): string[] {
  return wxml.match(/<[a-z][\w-]*\b[^>]*>/gs) ?? [];
}

/** Vant hosts whose own inner elements carry the accessible name (a label prop, the slotted content). */
const HOSTS = /^<(van-field|van-search|van-uploader|van-tabs|picker)\b/;
const INTERACTIVE = /\s(bindtap|bind:tap|catchtap|bind:click|bind:change|bindchange|open-type)=/;

// A link card is named by its visible text (WCAG 2.5.3: the name must contain what is shown, which a shorter
// aria-label breaks); tests/e2e/accessibility.test.ts checks that such controls do have text.
const NAMED_BY_CONTENT = /\saria-role="link"/;

test.each(OURS)('%s: every tappable element has an aria-label', (dir) => {
  const missing = tags(read(dir, 'wxml')).filter((t) => INTERACTIVE.test(t) && !HOSTS.test(t) && !/\saria-label="[^"]+"/.test(t) && !NAMED_BY_CONTENT.test(t));
  expect(missing).toEqual([]);
});

test.each(OURS)('%s: no text under 26rpx, body text of at least 30rpx', (dir) => {
  const wxss = styles(dir);
  const sizes = [...wxss.matchAll(/font-size:\s*(?:calc\()?(\d+)rpx/g)].map((m) => Number(m[1]));
  expect(sizes.filter((n) => n < 26)).toEqual([]);
  for (const m of rules(wxss).matchAll(/\.(body|title|question|card__title|doc__p|step__note)\s*\{([^}]*)\}/g)) {
    expect([m[1], Number(/font-size:\s*(?:calc\()?(\d+)rpx/.exec(m[2])?.[1] ?? 30) >= 30]).toEqual([m[1], true]);
  }
});

test('the shared admin styles are read where a page imports them', () => {
  expect(styles('staff/admin-settings')).toContain('.choice {');
  expect(styles('staff/admin')).toContain('.link {');
});

test('classes of tapped views and texts declare at least 88rpx of height', () => {
  const problems: string[] = [];
  for (const dir of OURS) {
    const wxss = styles(dir);
    for (const t of tags(read(dir, 'wxml'))) {
      if (!/^<(view|text)\b/.test(t) || !/\s(bindtap|bind:tap)=/.test(t)) continue;
      const cls = /\sclass="([^"{]+)/.exec(t)?.[1]?.trim().split(/\s+/)[0];
      if (!cls) {
        problems.push(`${dir}: a tappable element without a class`);
        continue;
      }
      const decls = [...rules(wxss).matchAll(/([^{}]+)\{([^}]*)\}/g)]
        .filter((m) => m[1].split(',').map((x) => x.trim()).includes(`.${cls}`))
        .map((m) => m[2])
        .join(';');
      const heights = [...decls.matchAll(/(?:min-height|height|line-height):\s*(?:max\()?(\d+)rpx/g)].map((m) => Number(m[1]));
      if (!heights.some((h) => h >= 88)) problems.push(`${dir}: .${cls}`);
    }
  }
  expect(problems).toEqual([]);
});

test('the scan sees what it should (a broken pattern would pass everything)', () => {
  const interactive = OURS.flatMap((d) => tags(read(d, 'wxml')).filter((t) => INTERACTIVE.test(t)));
  expect(interactive.length).toBeGreaterThan(60);
  expect(tags('<view\n  class="a"\n  bindtap="x"\n>')).toHaveLength(1);
});

test('the case pages use the larger Vant sizes', () => {
  for (const dir of OURS.filter((d) => !d.startsWith('components/'))) expect([dir, read(dir, 'wxss').startsWith('@import "../../styles/elder.wxss";')]).toEqual([dir, true]);
});
