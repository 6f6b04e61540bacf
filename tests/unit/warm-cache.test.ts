import { cached, invalidate } from '../../cloudfunctions/api/src/lib/warm-cache';

describe('warm-instance cache', () => {
  const saved = process.env.CONFIG_CACHE_TTL_MS;
  let now = 1_000_000;
  beforeEach(() => {
    process.env.CONFIG_CACHE_TTL_MS = '10000';
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    invalidate('k');
  });
  afterEach(() => {
    jest.restoreAllMocks();
    process.env.CONFIG_CACHE_TTL_MS = saved;
  });

  test('answers from memory within the TTL and loads again after it', async () => {
    let loads = 0;
    const load = async () => ++loads;
    expect(await cached('k', load)).toBe(1);
    now += 9_999;
    expect(await cached('k', load)).toBe(1);
    now += 1;
    expect(await cached('k', load)).toBe(2);
  });

  test('concurrent requests share one load; invalidate forces the next one', async () => {
    let loads = 0;
    const load = () => new Promise<number>((resolve) => setTimeout(() => resolve(++loads), 5));
    expect(await Promise.all([cached('k', load), cached('k', load)])).toEqual([1, 1]);
    invalidate('k');
    expect(await cached('k', load)).toBe(2);
  });

  test('a failed load is not remembered', async () => {
    await expect(cached('k', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cached('k', async () => 'back')).toBe('back');
  });

  test('a TTL of 0 turns it off', async () => {
    process.env.CONFIG_CACHE_TTL_MS = '0';
    let loads = 0;
    const load = async () => ++loads;
    await cached('k', load);
    await cached('k', load);
    expect(loads).toBe(2);
  });
});
