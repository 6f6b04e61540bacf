// Issue 10.3: what would be uploaded stays within budget. Figures and require time: `npm run bench -- size`.
import path from 'path';
import { sizeFigures } from '../../tools/lib/size-budgets';
import { MINIPROGRAM_ROOT, uploadedFiles } from '../../tools/lib/upload-size';

const rel = (file: string) => path.relative(MINIPROGRAM_ROOT, file).split(path.sep).join('/');

test.each(sizeFigures().map((f) => [f.name, f] as const))('%s is within its budget', (_name, figure) => {
  expect(figure.bytes).toBeGreaterThan(0);
  expect(figure.bytes).toBeLessThanOrEqual(figure.budget);
});

test('the upload walk counts what pages reach, compiled, and nothing else', () => {
  const files = [...uploadedFiles().keys()].map(rel);
  expect(files).toEqual(expect.arrayContaining(['app.json', 'app.ts', 'pages/index/index.wxml', 'staff/queue/index.ts', 'miniprogram_npm/@vant/weapp/button/index.js', 'miniprogram_npm/@vant/weapp/common/component.js']));
  // Vant components no page uses, tests and dev-only pages stay out.
  expect(files.filter((f) => /\/(calendar|area|cascader|goods-action)\//.test(f))).toEqual([]);
  expect(files.filter((f) => f.endsWith('.test.ts') || f.startsWith('dev/'))).toEqual([]);
});
