import { DRAFT_MAX_AGE_MS, formDraft, type DraftStorage, type LeaveAlert } from '../../../miniprogram/utils/form-draft';

interface Form {
  title: string;
  content: string;
}

function harness(now = 1_000_000) {
  const store = new Map<string, unknown>();
  const storage: DraftStorage = { get: (k) => store.get(k), set: (k, v) => void store.set(k, JSON.parse(JSON.stringify(v))), remove: (k) => void store.delete(k) };
  const calls: string[] = [];
  const alert: LeaveAlert = { enable: (m) => calls.push(`enable:${m}`), disable: () => calls.push('disable') };
  const clock = { now };
  const make = (key = 'submit:complaint') =>
    formDraft<Form>({ key, message: '离开吗？', storage, alert, now: () => clock.now, hasContent: (f) => Boolean(f.title || f.content) });
  return { store, calls, clock, make };
}

const EMPTY: Form = { title: '', content: '' };

test('a changed form is kept under its key and restored by the next page of the same key only', () => {
  const h = harness();
  const draft = h.make();
  draft.start(EMPTY);
  draft.update({ title: '垃圾清运', content: '' });
  draft.update({ title: '垃圾清运', content: '小区垃圾三天没人收' });
  expect(h.make().restore()).toEqual({ form: { title: '垃圾清运', content: '小区垃圾三天没人收' }, savedAt: 1_000_000 });
  expect(h.make('submit:inquiry').restore()).toBeNull();
});

test('the leave question is asked while the form differs from its start, once per change of state', () => {
  const h = harness();
  const draft = h.make();
  draft.start(EMPTY);
  expect(draft.changed).toBe(false);
  draft.update({ title: '垃', content: '' });
  draft.update({ title: '垃圾', content: '' });
  expect(draft.changed).toBe(true);
  expect(h.calls).toEqual(['enable:离开吗？']);
  // Typed back to where it started: nothing to lose, no question, no stored draft.
  draft.update(EMPTY);
  expect(draft.changed).toBe(false);
  expect(h.calls).toEqual(['enable:离开吗？', 'disable']);
  expect(h.store.size).toBe(0);
});

test('clear after a submit forgets the draft and stops asking; the new baseline counts as unchanged', () => {
  const h = harness();
  const draft = h.make('reply:c1');
  draft.start(EMPTY);
  draft.update({ title: 'x', content: 'y' });
  draft.clear({ title: 'x', content: 'y' });
  expect(h.make('reply:c1').restore()).toBeNull();
  expect(h.calls).toEqual(['enable:离开吗？', 'disable']);
  draft.update({ title: 'x', content: 'y' });
  expect(draft.changed).toBe(false);
});

test('a form without content is not stored even when it differs (a chosen type alone is no draft)', () => {
  const h = harness();
  const draft = formDraft<Form & { type: string }>({
    key: 'k',
    message: 'm',
    storage: { get: (k) => h.store.get(k), set: (k, v) => void h.store.set(k, v), remove: (k) => void h.store.delete(k) },
    alert: { enable: () => undefined, disable: () => undefined },
    hasContent: (f) => Boolean(f.title || f.content),
  });
  draft.start({ type: '', title: '', content: '' });
  draft.update({ type: 'complaint', title: '', content: '' });
  expect(draft.changed).toBe(true);
  expect(h.store.size).toBe(0);
});

test('a stale or malformed draft is dropped instead of restored', () => {
  const h = harness();
  const draft = h.make();
  draft.start(EMPTY);
  draft.update({ title: '旧的', content: '' });
  h.clock.now += DRAFT_MAX_AGE_MS + 1;
  expect(h.make().restore()).toBeNull();
  expect(h.store.size).toBe(0);
  h.store.set('form-draft:submit:complaint', { form: 'not a draft' });
  expect(h.make().restore()).toBeNull();
  expect(h.store.size).toBe(0);
});

test('the start is a snapshot: a form changed in place still counts as changed', () => {
  const h = harness();
  const draft = h.make();
  const form = { title: '', content: '' };
  draft.start(form);
  form.title = '改在原处';
  draft.update(form);
  expect(draft.changed).toBe(true);
});
