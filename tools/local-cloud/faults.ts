// The fault switch: fails the Nth database operation, transaction commit, openapi call or storage write from the
// moment it is armed, with the error the real SDK surfaces for a transient failure, so tests can prove that a request
// failing half-way leaves nothing half-written. Checked where the SDK's request reaches the local cloud (the database
// backend, the openapi emulator, the storage backend); the operation then does not happen.
import { CloudSdkError } from './openapi';
import { DbError } from './store/errors';

export const FAULT_KINDS = ['db', 'commit', 'openapi', 'storage'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  kind: FaultKind;
  /** 1 = the next operation of this kind */
  n: number;
}

export type FaultCounts = Record<FaultKind, number>;

const zero = (): FaultCounts => ({ db: 0, commit: 0, openapi: 0, storage: 0 });

export function isFaultKind(v: unknown): v is FaultKind {
  return typeof v === 'string' && (FAULT_KINDS as readonly string[]).includes(v);
}

/** What each kind of operation answers when it fails: the cloud's transient "try again" errors. */
function failure(kind: FaultKind, what: string): Error {
  switch (kind) {
    case 'db':
    case 'commit':
      return new DbError('DATABASE_REQUEST_FAILED', `[InternalError] ${what}: service temporarily unavailable, please retry (local cloud fault).`);
    case 'openapi':
      return new CloudSdkError(-1, `openapi.${what}:fail system error (local cloud fault)`);
    case 'storage':
      return new CloudSdkError(-1, `uploadFile:fail system error, please retry (local cloud fault): ${what}`);
  }
}

export class Faults {
  private seen = zero();
  private armed: Array<{ kind: FaultKind; at: number }> = [];
  private firedCount = 0;

  /** Arms one failure: the `n`th operation of `kind` counted from now. */
  failNth(spec: FaultSpec): void {
    if (!isFaultKind(spec.kind)) throw new Error(`local cloud: unknown fault kind ${String(spec.kind)}`);
    if (!Number.isInteger(spec.n) || spec.n < 1) throw new Error('local cloud: a fault needs n >= 1');
    this.armed.push({ kind: spec.kind, at: this.seen[spec.kind] + spec.n });
  }

  /** Disarms every fault and restarts the counts. */
  clear(): void {
    this.seen = zero();
    this.armed = [];
    this.firedCount = 0;
  }

  /** Operations of each kind since the last clear(). */
  counts(): FaultCounts {
    return { ...this.seen };
  }

  /** Faults that fired since the last clear(). */
  get fired(): number {
    return this.firedCount;
  }

  get pending(): ReadonlyArray<{ kind: FaultKind; at: number }> {
    return this.armed;
  }

  /** Counts one operation; throws the kind's transient error when it is the armed one. */
  check(kind: FaultKind, what: string): void {
    const count = ++this.seen[kind];
    const i = this.armed.findIndex((a) => a.kind === kind && a.at === count);
    if (i < 0) return;
    this.armed.splice(i, 1);
    this.firedCount++;
    throw failure(kind, what);
  }

  /** A database request: every one counts as `db`, a commit also as `commit`. Aborts never fail (a rollback must run). */
  checkDatabase(action: string): void {
    if (action === 'database.abortTransaction') return;
    this.check('db', action);
    if (action === 'database.commitTransaction') this.check('commit', action);
  }
}
