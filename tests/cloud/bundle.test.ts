// The uploaded artefact, not its sources: cloudfunctions/api/index.js as `npm run build` bundles it (tree-shaken zod,
// only the zh-CN locale) must answer bad input with the same Chinese messages as src/ does.
import fs from 'fs';
import path from 'path';
import { localCloud } from '../../tools/local-cloud';
import { main as sourceMain } from '../../cloudfunctions/api/src';
import { FUNCTION_BUNDLE } from '../../tools/lib/size-budgets';

type Main = typeof sourceMain;

const CITIZEN = 'o_bundle_citizen';
const BAD_EVENTS: unknown[] = [
  { action: 'case.submit', payload: 'not an object' },
  { action: 'case.submit', payload: { title: 5, secret: true } },
  { action: 'case.submit', payload: { type: 'praise', title: '长'.repeat(51), contactPhone: 'call me', images: 'x' } },
  { action: 'policy.list', payload: { limit: 1.5, categoryId: '' } },
  { action: 'no.such.action', payload: {} },
  'garbage',
];

test('the bundle exists and is what npm run build made from src/', () => {
  expect(fs.existsSync(FUNCTION_BUNDLE)).toBe(true);
  expect(path.relative(path.resolve(__dirname, '../..'), FUNCTION_BUNDLE)).toBe('cloudfunctions/api/index.js');
});

test('bad input gets the same Chinese answer from the bundle as from the sources', async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built artefact, loaded as the cloud loads it
  const bundleMain = (require(FUNCTION_BUNDLE) as { main: Main }).main;
  for (const event of BAD_EVENTS) {
    const fromBundle = (await localCloud.invoke(bundleMain, event, { OPENID: CITIZEN })) as { ok: boolean; error?: { message: string; fields?: Record<string, string> } };
    const fromSource = await localCloud.invoke(sourceMain, event, { OPENID: CITIZEN });
    expect(fromBundle).toEqual(fromSource);
    expect(fromBundle.ok).toBe(false);
    const texts = [fromBundle.error!.message, ...Object.values(fromBundle.error!.fields ?? {})];
    for (const text of texts) {
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      expect(text).not.toMatch(/Invalid|Expected|Unrecognized/);
    }
  }
});
