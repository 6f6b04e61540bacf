// The controls the WXML labels for screen readers: every element written with an aria-label and a fixed data-testid,
// read from the sources, so a label the preview (or a refactor) loses is noticed on the page that renders it.
import fs from 'fs';
import path from 'path';
import type { Frame } from 'playwright-core';
import { MP_ROOT } from '../../../tools/preview/paths';
import { ownMiniprogramFiles } from '../../helpers/miniprogram-files';

/** data-testid -> the WXML file that labels it (ids some WXML also uses without a label are left out). */
export function labelledTestIds(): Map<string, string> {
  const ids = new Map<string, string>();
  const unlabelled = new Set<string>();
  for (const file of ownMiniprogramFiles('.wxml')) {
    const source = fs.readFileSync(file, 'utf8');
    for (const [tag] of source.matchAll(/<[a-z][\w-]*\s[^>]*>/g)) {
      const testid = /\sdata-testid="([^"{}]+)"/.exec(tag)?.[1];
      if (!testid) continue;
      if (/\saria-label="[^"]+"/.test(tag)) ids.set(testid, path.relative(MP_ROOT, file));
      else unlabelled.add(testid);
    }
  }
  for (const id of unlabelled) ids.delete(id);
  return ids;
}

/** The labelled test ids rendered on the page without an aria-label on the element or inside it (a component's own). */
export function missingLabels(frame: Frame, route: string, testIds: string[]): Promise<string[]> {
  return frame.evaluate(
    ({ route, testIds }) => {
      const root = document.querySelector(`[data-mp-page="${route}"]`);
      if (!root) return [];
      const missing: string[] = [];
      for (const id of testIds) {
        for (const el of root.querySelectorAll(`[data-testid="${id}"]`)) {
          const label = el.getAttribute('aria-label') || el.querySelector('[aria-label]')?.getAttribute('aria-label');
          if (!label) missing.push(id);
        }
      }
      return missing;
    },
    { route, testIds },
  );
}
