// The router asks who before what (issue 9 item 1): a caller who may not run an action is refused for who they are,
// whatever the payload, and learns nothing of its rules.
import { callRaw, seedStaff } from '../../helpers/cloud';

const garbage = [undefined, {}, { title: 1 }, { nope: true }, 'x', [1, 2]];

test.each(garbage)('policy.save by a citizen with payload %p is PERMISSION_DENIED, never a schema message', async (payload) => {
  expect(await callRaw('o_citizen', { action: 'policy.save', payload })).toEqual({
    ok: false,
    error: { code: 'PERMISSION_DENIED', message: '您没有权限进行此操作。' },
  });
});

test.each(garbage)('case.submit without identity with payload %p is UNAUTHENTICATED', async (payload) => {
  expect(await callRaw(null, { action: 'case.submit', payload })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
});

test('an editor with the same bad body gets the schema message', async () => {
  await seedStaff('o_editor', ['editor']);
  expect(await callRaw('o_editor', { action: 'policy.save', payload: { title: 1 } })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_ARGUMENT', fields: { title: '标题应为文字' } },
  });
});
