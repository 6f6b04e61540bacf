// A warm function instance answers many requests in a row, and the agency's configuration (settings, departments,
// categories) changes a few times a year. Each instance keeps it for a few seconds instead of reading three documents
// lists on every request; an edit made through this instance is seen at once, one made through another instance
// within the TTL. See docs/adr/0007-warm-instance-config-cache.md.

const DEFAULT_TTL_MS = 10_000;

/** `CONFIG_CACHE_TTL_MS` (function environment variable) overrides the TTL; 0 turns the cache off. */
export function ttlMs(): number {
  const raw = process.env.CONFIG_CACHE_TTL_MS;
  const value = raw === undefined || raw === '' ? DEFAULT_TTL_MS : Number(raw);
  return Number.isFinite(value) ? value : DEFAULT_TTL_MS;
}

const entries = new Map<string, { loadedAt: number; value: Promise<unknown> }>();

export function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  const ttl = ttlMs();
  if (ttl <= 0) return load();
  // Real time on purpose: the local cloud's clock may stand still or jump, the cache's age may not.
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && now - hit.loadedAt < ttl) return hit.value as Promise<T>;
  const value = load();
  entries.set(key, { loadedAt: now, value });
  // A failed load is not remembered: the next request tries again.
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  return value;
}

export function invalidate(key: string): void {
  entries.delete(key);
}
