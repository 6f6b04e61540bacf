// The local cloud's clock. Function code never sees this object: it reads the two environment variables below
// (the only emulator seam it knows about), so a frozen or shifted clock reaches it however it was loaded.

export const CLOCK_OFFSET_ENV = 'LOCAL_CLOUD_CLOCK_OFFSET_MS';
export const CLOCK_FROZEN_ENV = 'LOCAL_CLOUD_CLOCK_FROZEN_AT_MS';

export interface ClockSetOptions {
  frozen?: boolean;
}

export class Clock {
  private offsetMs = 0;
  private frozenAtMs: number | null = null;

  /** Time flows from `now` (or stands still at it with `frozen`); `null` returns to real time. */
  set(now: Date | string | null, opts: ClockSetOptions = {}): void {
    if (now === null) {
      this.offsetMs = 0;
      this.frozenAtMs = null;
      delete process.env[CLOCK_OFFSET_ENV];
      delete process.env[CLOCK_FROZEN_ENV];
      return;
    }
    const target = now instanceof Date ? now.getTime() : Date.parse(now);
    if (!Number.isFinite(target)) throw new Error(`localCloud.clock.set: not a valid date: ${String(now)}`);
    if (opts.frozen) {
      this.offsetMs = 0;
      this.frozenAtMs = target;
      process.env[CLOCK_FROZEN_ENV] = String(target);
      delete process.env[CLOCK_OFFSET_ENV];
    } else {
      this.frozenAtMs = null;
      this.offsetMs = target - Date.now();
      process.env[CLOCK_OFFSET_ENV] = String(this.offsetMs);
      delete process.env[CLOCK_FROZEN_ENV];
    }
  }

  nowMs(): number {
    return this.frozenAtMs ?? Date.now() + this.offsetMs;
  }

  now(): Date {
    return new Date(this.nowMs());
  }
}
