// WXSS as the browser needs it. simulate prefixes class selectors per component and converts rpx at insertion time;
// what it does not do is done here:
// - @import is inlined (simulate's own inliner needs quotes and a semicolon, and cannot see app.wxss);
// - app.wxss is prepended to every page's style (and to own components that opt into global classes), so it gets
//   the page's class prefix, as WeChat applies app.wxss inside each page;
// - the `page` selector becomes the page's root tag, so `page { background }` colours that page only;
// - Vant's icon font comes from @vant/icons' embedded woff2 (same iconfont project) instead of at.alicdn.com.
import fs from 'fs';
import path from 'path';
import { ROOT } from '../paths';

type Reader = (virtual: string) => string | null;

const IMPORT = /@import\s+(?:url\()?\s*(["'])([^"']+)\1\s*\)?\s*;?/g;

export function inlineImports(virtual: string, read: Reader, seen: Set<string> = new Set()): string {
  const css = read(virtual);
  if (css === null) throw new Error(`wxss: ${virtual} not found`);
  if (seen.has(virtual)) return '';
  seen.add(virtual);
  return css.replace(IMPORT, (_all, _q: string, target: string) => {
    const resolved = target.startsWith('/') ? target.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(virtual), target));
    const withExt = resolved.endsWith('.wxss') ? resolved : `${resolved}.wxss`;
    if (read(withExt) === null) throw new Error(`wxss: ${virtual} imports ${target}, which does not exist`);
    return inlineImports(withExt, read, seen);
  });
}

const stripComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '');

/** Rewrites the type selector `page` in style-rule preludes (not in declarations, keyframes or at-rule preludes). */
export function scopePageSelector(css: string, pageTag: string): string {
  const src = stripComments(css);
  let out = '';
  let prelude = '';
  // Each open brace pushes what its block contains: rules (top level, @media), declarations, or keyframe stops.
  const stack: Array<'rules' | 'decls' | 'frames'> = ['rules'];
  for (const ch of src) {
    const context = stack[stack.length - 1]!;
    if (ch === '{') {
      const head = prelude.trim();
      if (context === 'rules' && !head.startsWith('@')) {
        out += prelude.replace(/(^|[\s,>+~(])page(?=$|[\s,>+~.:#[{)])/g, `$1${pageTag}`) + ch;
        stack.push('decls');
      } else {
        out += prelude + ch;
        if (context === 'rules' && /^@(-\w+-)?keyframes/.test(head)) stack.push('frames');
        else if (context === 'rules' && /^@(media|supports|document|layer|container)/.test(head)) stack.push('rules');
        else stack.push('decls');
      }
      prelude = '';
    } else if (ch === '}') {
      out += prelude + ch;
      prelude = '';
      if (stack.length > 1) stack.pop();
    } else if (ch === ';' && context !== 'decls') {
      out += prelude + ch;
      prelude = '';
    } else {
      prelude += ch;
    }
  }
  return out + prelude;
}

let iconFont: string | null = null;

function vantIconFontDataUrl(): string {
  if (iconFont) return iconFont;
  const less = fs.readFileSync(path.join(ROOT, 'node_modules/@vant/icons/src/encode-woff2.less'), 'utf8');
  const match = /url\('(data:font\/woff2;[^']+)'\)/.exec(less);
  if (!match) throw new Error('@vant/icons/src/encode-woff2.less no longer holds a base64 woff2');
  iconFont = match[1]!;
  return iconFont;
}

const REMOTE_ICON_FONT = /src:\s*url\((["']?)\/\/at\.alicdn\.com\/t\/c\/font_2553510_[^)]*\)[^;}]*/g;

export function embedIconFont(css: string): string {
  if (!css.includes('at.alicdn.com')) return css;
  const out = css.replace(REMOTE_ICON_FONT, `src:url("${vantIconFontDataUrl()}") format("woff2")`);
  if (out.includes('at.alicdn.com')) throw new Error('wxss: a remote icon font other than Vant\'s font_2553510 is referenced; embed it in tools/preview/build/wxss.ts');
  return out;
}
