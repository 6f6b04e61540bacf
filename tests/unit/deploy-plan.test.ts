import { collectionSteps, deployPlan, describePlan, functionSteps } from '../../tools/deploy/plan';

test('indexes become WeChat updateindex bodies, in field order, with string directions', () => {
  const steps = collectionSteps({
    collections: {
      '//': { indexes: [] },
      cases: { indexes: [{ name: 'status_due', fields: [['status', 1], ['answerDueAt', -1]] }, { name: 'req', fields: [['requestKey', 1]], unique: true }] },
      settings: { bounded: true, indexes: [] },
    },
  });
  expect(steps).toEqual([
    {
      collection: 'cases',
      createIndexes: [
        { name: 'status_due', unique: false, keys: [{ name: 'status', direction: '1' }, { name: 'answerDueAt', direction: '-1' }] },
        { name: 'req', unique: true, keys: [{ name: 'requestKey', direction: '1' }] },
      ],
    },
    { collection: 'settings', createIndexes: [] },
  ]);
});

test('a 2dsphere index is deployed with the geo direction', () => {
  const [offices] = collectionSteps({ collections: { offices: { indexes: [{ name: 'loc_geo', fields: [['loc', '2dsphere']] }] } } });
  expect(offices!.createIndexes).toEqual([{ name: 'loc_geo', unique: false, keys: [{ name: 'loc', direction: '2dsphere' }] }]);
});

test('the api function is deployed with its timer triggers and openapi permissions from config.json', () => {
  const api = functionSteps().find((f) => f.name === 'api');
  expect(api).toBeDefined();
  expect(api!.triggers).toEqual([
    { name: 'tick', type: 'timer', config: '0 */10 * * * * *' },
    { name: 'exports', type: 'timer', config: '0 * * * * * *' },
  ]);
  expect(api!.openapi).toEqual(expect.arrayContaining(['subscribeMessage.send', 'security.msgSecCheck']));
});

test('the plan of the repository names every declared collection', () => {
  const plan = deployPlan();
  const text = describePlan(plan, 'env-1');
  for (const c of plan.collections) expect(text).toContain(`集合 ${c.collection}`);
  expect(text).toContain('云函数 api');
  for (const name of ['search-tokens:drafts', 'search-tokens:policies', 'search-tokens:guide_items', 'search-tokens:announcements', 'announcement-current']) {
    expect(text).toContain(`    ${name}：`);
  }
});
