import { appendPatch, PagedList } from '../../../miniprogram/utils/list';

type Raw = { n: number };

function source(total: number, size: number) {
  const calls: Array<string | null> = [];
  const fetch = async (cursor: string | null) => {
    calls.push(cursor);
    const start = cursor ? Number(cursor) : 0;
    const items = Array.from({ length: Math.min(size, total - start) }, (_, i) => ({ n: start + i }));
    const next = start + size < total ? String(start + size) : null;
    return { items, nextCursor: next };
  };
  return { calls, fetch };
}

test('appendPatch writes only the new rows, at their indexes', () => {
  expect(appendPatch('items', 3, ['a', 'b'])).toEqual({ 'items[3]': 'a', 'items[4]': 'b' });
  expect(appendPatch('items', 0, [])).toEqual({});
});

test('the first page replaces the list; later pages append by path; the end is reported', async () => {
  const { calls, fetch } = source(5, 2);
  const list = new PagedList<Raw, string>('items', fetch, (r) => `#${r.n}`);
  const first = await list.next();
  expect(first?.patch).toEqual({ items: ['#0', '#1'] });
  const second = await list.next();
  expect(second?.patch).toEqual({ 'items[2]': '#2', 'items[3]': '#3' });
  const third = await list.next();
  expect(third).toMatchObject({ patch: { 'items[4]': '#4' }, count: 5, done: true });
  expect(await list.next()).toBeNull();
  expect(calls).toEqual([null, '2', '4']);
});

test('a second call while loading does nothing (no double page on a fast scroll)', async () => {
  const { calls, fetch } = source(10, 2);
  const list = new PagedList<Raw, number>('items', fetch, (r) => r.n);
  const [a, b] = await Promise.all([list.next(), list.next()]);
  expect(a?.count).toBe(2);
  expect(b).toBeNull();
  expect(calls).toEqual([null]);
});

test('a reset during a load drops the stale answer and starts again from the first page', async () => {
  let release: (() => void) | null = null;
  const fetch = (cursor: string | null) =>
    new Promise<{ items: Raw[]; nextCursor: string | null }>((resolve) => {
      release = () => resolve({ items: [{ n: cursor ? 99 : 0 }], nextCursor: 'x' });
    });
  const list = new PagedList<Raw, number>('items', fetch, (r) => r.n);
  const stale = list.next();
  const releaseStale = release as unknown as () => void;
  list.reset();
  const fresh = list.next();
  (release as unknown as () => void)();
  releaseStale();
  expect(await stale).toBeNull();
  expect((await fresh)?.patch).toEqual({ items: [0] });
});

test('a failed load can be retried for the same page', async () => {
  let fail = true;
  const list = new PagedList<Raw, number>(
    'items',
    async () => {
      if (fail) throw new Error('network');
      return { items: [{ n: 1 }], nextCursor: null };
    },
    (r) => r.n,
  );
  await expect(list.next()).rejects.toThrow('network');
  expect(list.busy).toBe(false);
  fail = false;
  expect((await list.next())?.patch).toEqual({ items: [1] });
});
