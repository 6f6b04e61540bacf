// miniprogram-simulate's browser build (build.js) with a few hooks the preview fills in at run time. Each patch is an
// exact text replacement with an expected count: a simulate upgrade that moves the code fails the build loudly here
// instead of rendering wrongly.
import fs from 'fs';
import path from 'path';
import { ROOT } from '../paths';

interface Patch {
  why: string;
  find: string;
  replace: string;
  count: number;
}

const PATCHES: Patch[] = [
  {
    why: 'rpx: simulate maps 1rpx to 1px and misses decimals; the runtime converts at the device width',
    find: "return style.replace(/(\\d+)rpx/ig, '$1px')",
    replace: "return window.__mpRpx ? window.__mpRpx(style) : style.replace(/(\\d+)rpx/ig, '$1px')",
    count: 2,
  },
  {
    why: 'modules: the runtime runs component code with a cached, path-resolving require (singletons survive)',
    find: 'window.require = runJs = filePath => {',
    replace: 'window.require = runJs = filePath => {\n    if (window.__mpRunModule) return window.__mpRunModule(filePath)',
    count: 1,
  },
  {
    why: 'SelectorQuery rects: relative to the page webview (below the navigation bar), as in WeChat',
    find: 'const rect = node.$$.getBoundingClientRect()',
    replace: 'const rect = window.__mpRect ? window.__mpRect(node.$$) : node.$$.getBoundingClientRect()',
    count: 1,
  },
  {
    why: 'SelectorQuery viewport: the page webview, not the whole document',
    find: 'itemRes.width = document.documentElement.clientWidth\n            itemRes.height = document.documentElement.clientHeight',
    replace:
      'itemRes.width = window.__mpViewport ? window.__mpViewport().width : document.documentElement.clientWidth\n            itemRes.height = window.__mpViewport ? window.__mpViewport().height : document.documentElement.clientHeight',
    count: 1,
  },
  {
    why: 'SelectorQuery viewport scroll offset: the page scroller',
    find: 'itemRes.scrollTop = document.documentElement.scrollTop || document.body.scrollTop || 0',
    replace: 'itemRes.scrollTop = window.__mpViewport ? window.__mpViewport().scrollTop : (document.documentElement.scrollTop || document.body.scrollTop || 0)',
    count: 1,
  },
  {
    why: 'IntersectionObserver: the viewport is the page webview',
    find: 'const clientWidth = document.documentElement.clientWidth\n  const clientHeight = document.documentElement.clientHeight',
    replace:
      'const clientWidth = window.__mpViewport ? window.__mpViewport().width : document.documentElement.clientWidth\n  const clientHeight = window.__mpViewport ? window.__mpViewport().height : document.documentElement.clientHeight',
    count: 1,
  },
  {
    why: 'IntersectionObserver rects: relative to the page webview',
    find: 'node ? node.$$.getBoundingClientRect() : {',
    replace: 'node ? (window.__mpRect ? window.__mpRect(node.$$) : node.$$.getBoundingClientRect()) : {',
    count: 1,
  },
  {
    why: 'IntersectionObserver target rects: relative to the page webview',
    find: 'const targetRect = targetNode.$$.getBoundingClientRect()',
    replace: 'const targetRect = window.__mpRect ? window.__mpRect(targetNode.$$) : targetNode.$$.getBoundingClientRect()',
    count: 1,
  },
  {
    why: 'aria: WeChat writes aria-* attributes (aria-role as role) onto the rendered element; simulate drops them (wcc names them ariaLabel, ariaRole...)',
    find: "exparserNode.setAttribute(name, value)\n    } else if (isComponentNode && name === 'animation') {",
    replace:
      "exparserNode.setAttribute(name, value)\n    } else if (window.__mpAria && /^aria(-|[A-Z])/.test(name)) {\n      window.__mpAria(exparserNode, name, value)\n    } else if (isComponentNode && name === 'animation') {",
    count: 1,
  },
  {
    why: "WXSS: simulate minifies every component's stylesheet with csso at every page load, about a tenth of a boot's CPU; the browser reads the unminified text the same (ADR 0166)",
    find: '  // 压缩\n  return csso.minify(wxss, {restructure: false}).css',
    replace: '  return wxss',
    count: 1,
  },
  {
    why: 'WXSS: a page load compiles each component it uses again (a Vant button once per page); the compiled text depends only on the stylesheet and its tag prefix (ADR 0166)',
    find: 'function compile(wxss, options = {}) {\n  if (options.less) {',
    replace:
      'const compiledWxss = new Map()\nfunction compile(wxss, options = {}) {\n  if (options.less) return compileWxss(wxss, options)\n  const key = `${options.prefix}\\u0000${wxss}`\n  if (!compiledWxss.has(key)) compiledWxss.set(key, compileWxss(wxss, options))\n  return compiledWxss.get(key)\n}\nfunction compileWxss(wxss, options) {\n  if (options.less) {',
    count: 1,
  },
];

export function patchedSimulate(): string {
  const file = path.join(ROOT, 'node_modules/miniprogram-simulate/build.js');
  let code = fs.readFileSync(file, 'utf8');
  for (const patch of PATCHES) {
    const found = code.split(patch.find).length - 1;
    if (found !== patch.count) {
      throw new Error(`miniprogram-simulate/build.js changed: expected ${patch.count} of ${JSON.stringify(patch.find.slice(0, 60))} (${patch.why}), found ${found}`);
    }
    code = code.split(patch.find).join(patch.replace);
  }
  return code;
}
