// The one place function code reads the time. In the cloud, Date.now(). The local cloud publishes its settable clock
// through two environment variables (see docs/local-cloud.md); nothing sets them in production.

export function nowMs(): number {
  const frozen = process.env.LOCAL_CLOUD_CLOCK_FROZEN_AT_MS;
  if (frozen) return Number(frozen);
  const offset = process.env.LOCAL_CLOUD_CLOCK_OFFSET_MS;
  return Date.now() + (offset ? Number(offset) : 0);
}

export function now(): Date {
  return new Date(nowMs());
}
