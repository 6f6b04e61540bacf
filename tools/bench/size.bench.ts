// `npm run bench -- size`: what an upload would weigh (tools/lib/upload-size.ts says how it is counted) against the
// budgets of issue 10.3, and what the api bundle adds to a cold start over `require('wx-server-sdk')` alone.
import { FUNCTION_BUNDLE, requireMs, sizeFigures } from '../lib/size-budgets';
import type { BenchResult } from './index';

const LABELS = { main: 'main package', staff: 'staff subpackage', functionBundle: 'cloud function bundle (api/index.js)' } as const;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export default async function sizeBench(): Promise<BenchResult> {
  const figures = sizeFigures();
  const sdk = requireMs('wx-server-sdk');
  const bundle = requireMs(FUNCTION_BUNDLE);
  return {
    title: 'Upload sizes (reachable files, TypeScript as compiled JS) and the function bundle',
    rows: [
      ...figures.map((f) => ({ what: LABELS[f.name], files: f.files, size: kb(f.bytes), budget: kb(f.budget) })),
      { what: "require('wx-server-sdk') alone, median of 5 cold processes", files: '', size: `${sdk.toFixed(0)} ms`, budget: '' },
      { what: 'require(api/index.js) (loads the SDK too)', files: '', size: `${bundle.toFixed(0)} ms`, budget: '' },
    ],
    notes: [`The bundle adds ${(bundle - sdk).toFixed(0)} ms to a cold start over the SDK alone.`],
    checks: figures.map((f) => ({ figure: LABELS[f.name], value: kb(f.bytes), goal: `<= ${kb(f.budget)}`, pass: f.bytes <= f.budget })),
  };
}
