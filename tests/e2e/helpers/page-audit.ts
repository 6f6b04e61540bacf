// What a person with poor eyesight meets on a page, measured from the preview's computed styles: the size and the
// contrast of every visible text, and the size of every tap target. Run inside the mini program page; the figures
// and the offending elements come back for the report and the assertions.
import type { Frame } from 'playwright-core';

export interface AuditLimits {
  /** Smallest font size of visible text, px. */
  minFontPx: number;
  /** Smallest text contrast ratio (WCAG 2 relative luminance). */
  minContrast: number;
  /** Smallest width and height of a tap target, px. */
  minTargetPx: number;
  /** Smallest line height of visible text, as a multiple of its font size (0: not checked). */
  minLineHeight: number;
}

export interface Finding {
  /** A readable pointer at the element: tag, test id, class, text. */
  element: string;
  figure: string;
}

export interface PageAudit {
  texts: number;
  targets: number;
  minFontPx: number | null;
  minContrast: number | null;
  minLineHeight: number | null;
  /** The smaller side of the smallest tap target. */
  minTargetPx: number | null;
  smallText: Finding[];
  lowContrast: Finding[];
  tightLines: Finding[];
  smallTargets: Finding[];
  /** Elements whose content is cut off or runs past the page's right edge. */
  overflow: Finding[];
  /** Images and icon-only controls a screen reader has no name for. */
  unlabelled: Finding[];
}

/** Measures the page whose root is `[data-mp-page="<route>"]`. */
export async function auditPage(frame: Frame, route: string, limits: AuditLimits): Promise<PageAudit> {
  // Run under tsx, esbuild names inner functions with a helper the page does not have.
  await frame.evaluate('globalThis.__name ??= (fn) => fn');
  return frame.evaluate(
    ({ route, limits }) => {
      type Rgba = [number, number, number, number];
      const root = document.querySelector(`[data-mp-page="${route}"]`);
      if (!root) throw new Error(`no page root for ${route}`);

      const parse = (value: string): Rgba[] =>
        [...value.matchAll(/rgba?\(([^)]+)\)/g)].map((m) => {
          const parts = m[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
          return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
        });
      const over = (top: Rgba, bottom: Rgba): Rgba => {
        const a = top[3];
        return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
      };
      const luminance = (c: Rgba) => {
        const ch = (v: number) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2]);
      };
      const ratio = (a: Rgba, b: Rgba) => {
        const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
        return (l1 + 0.05) / (l2 + 0.05);
      };
      // The backgrounds a text may sit on: its own and its ancestors' colours composited down to the first opaque
      // one; every stop of a gradient on the way is a candidate (the worst one counts).
      const backgrounds = (el: Element): Rgba[] => {
        const layers: Rgba[][] = [];
        for (let node: Element | null = el; node; node = node.parentElement) {
          const cs = getComputedStyle(node);
          const gradient = cs.backgroundImage.includes('gradient') ? parse(cs.backgroundImage) : [];
          if (gradient.length) {
            layers.push(gradient);
            if (gradient.every((c) => c[3] === 1)) break;
          }
          const [color] = parse(cs.backgroundColor);
          if (color && color[3] > 0) {
            layers.push([color]);
            if (color[3] === 1) break;
          }
        }
        let result: Rgba[] = [[255, 255, 255, 1]];
        for (const layer of layers.reverse()) result = layer.flatMap((top) => result.map((bottom) => over(top, bottom)));
        return result;
      };
      const opacity = (el: Element) => {
        let value = 1;
        for (let node: Element | null = el; node; node = node.parentElement) value *= Number(getComputedStyle(node).opacity);
        return value;
      };
      const visible = (el: Element) => {
        const rect = el.getBoundingClientRect();
        return rect.width > 0 && rect.height > 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
      };
      const describe = (el: Element, text?: string) => {
        const testid = el.closest('[data-testid]')?.getAttribute('data-testid');
        const cls = (el.getAttribute('class') ?? '').trim().split(/\s+/)[0] ?? '';
        const label = text ?? el.getAttribute('aria-label') ?? el.textContent ?? '';
        return `<${el.tagName.toLowerCase()}${cls ? ` .${cls}` : ''}>${testid ? ` in [data-testid=${testid}]` : ''} "${label.replace(/\s+/g, ' ').trim().slice(0, 30)}"`;
      };
      const round = (n: number) => Math.round(n * 100) / 100;

      const result = {
        texts: 0,
        targets: 0,
        minFontPx: null as number | null,
        minContrast: null as number | null,
        minLineHeight: null as number | null,
        minTargetPx: null as number | null,
        smallText: [] as Array<{ element: string; figure: string }>,
        lowContrast: [] as Array<{ element: string; figure: string }>,
        tightLines: [] as Array<{ element: string; figure: string }>,
        smallTargets: [] as Array<{ element: string; figure: string }>,
        overflow: [] as Array<{ element: string; figure: string }>,
        unlabelled: [] as Array<{ element: string; figure: string }>,
      };
      const named = (el: Element) =>
        Boolean(el.closest('[aria-hidden="true"]')) ||
        [el, el.parentElement].some((n) => n?.getAttribute('aria-label')?.trim() || n?.getAttribute('aria-labelledby')) ||
        Boolean(el.querySelector('[aria-label]:not([aria-label=""])'));
      const textOf = (el: Element) => (el.textContent ?? '').replace(/[\uE000-\uF8FF\s]/g, '');
      const low = (current: number | null, value: number) => (current === null ? value : Math.min(current, value));

      const wraps = (el: Element) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
      };
      const checkText = (el: Element, text: string, colorOf: (cs: CSSStyleDeclaration) => string) => {
        const cs = getComputedStyle(el);
        const size = parseFloat(cs.fontSize);
        const [fg] = parse(colorOf(cs));
        if (!fg) return;
        result.texts++;
        result.minFontPx = low(result.minFontPx, size);
        if (size < limits.minFontPx) result.smallText.push({ element: describe(el, text), figure: `${round(size)}px` });
        // WCAG exempts the text of disabled controls from the contrast minimum.
        if (el.closest('[aria-disabled="true"], [data-disabled], [disabled], [class*="button--disabled"]')) return;
        const color: Rgba = [fg[0], fg[1], fg[2], fg[3] * opacity(el)];
        const worst = Math.min(...backgrounds(el).map((bg) => ratio(over(color, bg), bg)));
        result.minContrast = low(result.minContrast, round(worst));
        if (worst < limits.minContrast) result.lowContrast.push({ element: describe(el, text), figure: `${round(worst)}:1 (${colorOf(cs)} at ${round(size)}px)` });
        // Line spacing matters where text runs over several lines (not in a one-line button, tag or input).
        if (limits.minLineHeight > 0 && cs.lineHeight !== 'normal' && !el.matches('input, textarea') && wraps(el)) {
          const lh = parseFloat(cs.lineHeight) / size;
          result.minLineHeight = low(result.minLineHeight, round(lh));
          if (lh < limits.minLineHeight - 0.01) result.tightLines.push({ element: describe(el, text), figure: `line-height ${round(lh)}` });
        }
      };

      const seen = new Set<Element>();
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim() ?? '';
        const el = node.parentElement;
        if (!text || !el || seen.has(el) || !visible(el)) continue;
        // Vant's icon font draws glyphs from private-use code points: an icon, not text.
        if (/^[\uE000-\uF8FF]+$/.test(text)) continue;
        seen.add(el);
        checkText(el, text, (cs) => cs.color);
      }
      for (const field of root.querySelectorAll('input, textarea')) {
        const input = field as HTMLInputElement | HTMLTextAreaElement;
        if (!visible(input) || input.type === 'checkbox' || input.type === 'range') continue;
        if (input.value) checkText(input, input.value, (cs) => cs.color);
        else if (input.placeholder) checkText(input, input.placeholder, () => getComputedStyle(input, '::placeholder').color);
      }

      // Tap targets: anything with a tap handler (exparser keeps bindtap/catchtap listeners on its element), the
      // native controls, and what declares itself a control.
      interface ExparserNode {
        __wxEvents?: Record<string, unknown>;
      }
      const controls = 'wx-button, wx-input, wx-textarea, wx-switch, wx-checkbox, wx-radio, wx-picker, wx-navigator, wx-slider, [role=button], [role=link], [role=tab], [role=checkbox], [role=switch], [role=radio]';
      const listens = (el: Element | null, ...names: string[]) => {
        const events = (el as (Element & { __wxElement?: ExparserNode }) | null)?.__wxElement?.__wxEvents;
        return Boolean(events && names.some((n) => events[n]));
      };
      // Vant's icon and cell handle tap inside whether or not anyone listens: they are targets only when the page
      // listens on them (or the cell is marked clickable). A Vant checkbox's icon and label toggle together: one target.
      const vantInner = (el: Element) => el.parentElement && /^VAN-(ICON|CELL)$/.test(el.parentElement.tagName);
      const tappable = (el: Element) => {
        if (el.closest('van-checkbox, van-radio') && !/^VAN-(CHECKBOX|RADIO)$/.test(el.tagName)) return false;
        if (/^VAN-(CHECKBOX|RADIO)$/.test(el.tagName)) return true;
        if (vantInner(el)) return /van-cell--clickable/.test(el.getAttribute('class') ?? '') || listens(el.parentElement, 'click', 'tap');
        return listens(el, 'tap', 'longpress', 'click') || el.matches(controls);
      };
      // A component host is inline by default: its box is a line box; the target is what it draws.
      const boxOf = (el: Element): DOMRect => {
        const own = el.getBoundingClientRect();
        if (getComputedStyle(el).display !== 'inline' || !el.firstElementChild) return own;
        const rects = [...el.children].map((c) => c.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0);
        if (!rects.length) return own;
        const left = Math.min(...rects.map((r) => r.left));
        const top = Math.min(...rects.map((r) => r.top));
        return new DOMRect(left, top, Math.max(...rects.map((r) => r.right)) - left, Math.max(...rects.map((r) => r.bottom)) - top);
      };
      const targets = [root, ...root.querySelectorAll('*')].filter((el) => tappable(el) && visible(el));
      const same = (a: DOMRect, b: DOMRect) => Math.abs(a.left - b.left) < 1 && Math.abs(a.top - b.top) < 1 && Math.abs(a.width - b.width) < 1 && Math.abs(a.height - b.height) < 1;
      for (const el of targets) {
        // One target drawn by nested elements (a component's host and its inner control) counts once.
        const inner = targets.find((other) => other !== el && el.contains(other) && same(other.getBoundingClientRect(), el.getBoundingClientRect()));
        if (inner) continue;
        const rect = boxOf(el);
        result.targets++;
        const field = el.matches('wx-input, wx-textarea') || el.querySelector('input, textarea');
        if (!field && !textOf(el) && !named(el)) result.unlabelled.push({ element: describe(el), figure: 'icon-only control without aria-label' });
        const side = Math.min(rect.width, rect.height);
        result.minTargetPx = low(result.minTargetPx, round(side));
        if (rect.width < limits.minTargetPx - 0.5 || rect.height < limits.minTargetPx - 0.5) {
          result.smallTargets.push({ element: describe(el), figure: `${round(rect.width)}x${round(rect.height)}px` });
        }
      }

      for (const image of root.querySelectorAll('wx-image, wx-cover-image')) {
        if (visible(image) && !named(image)) result.unlabelled.push({ element: describe(image), figure: 'image without aria-label' });
      }

      // Overflow and truncation: text cut by an ellipsis or a clamp, or anything reaching past the screen's width.
      const width = root.getBoundingClientRect().right;
      for (const el of root.querySelectorAll('*')) {
        if (!visible(el)) continue;
        const cs = getComputedStyle(el);
        const rect = el.getBoundingClientRect();
        const cut = (cs.textOverflow === 'ellipsis' || cs.webkitLineClamp !== 'none') && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
        if (cut) result.overflow.push({ element: describe(el), figure: `text cut: ${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight}` });
        else if (rect.right > width + 1 && !el.closest('wx-scroll-view, wx-swiper')) {
          result.overflow.push({ element: describe(el), figure: `right edge at ${round(rect.right)}px of ${round(width)}px` });
        }
      }
      return result;
    },
    { route, limits },
  );
}
