// Opaque list cursors: the client hands back what the previous page gave it. They carry the last sort key seen (and,
// for lists answered in phases, the phase), never an offset, so a page costs the same however deep it is.
import { errors } from '../../lib/errors';

export interface PhaseCursor {
  /** Index of the phase the next page continues in. */
  p: number;
  /** The last sort key returned in that phase; absent when the phase has not started. */
  k?: string;
}

export function encodeCursor(cursor: PhaseCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

const invalid = () => errors.invalid('分页参数格式不正确，请刷新列表后重试', { cursor: '分页参数格式不正确' });

/** Reads a cursor this module wrote; anything else (tampered, from another list) is INVALID_ARGUMENT. */
export function decodeCursor(raw: string | undefined, phases: number): PhaseCursor {
  if (raw === undefined) return { p: 0 };
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const c = value as Partial<PhaseCursor> | null;
  if (!c || typeof c !== 'object' || !Number.isInteger(c.p) || (c.p as number) < 0 || (c.p as number) >= phases) throw invalid();
  if (c.k !== undefined && (typeof c.k !== 'string' || c.k.length > 200)) throw invalid();
  return c.k === undefined ? { p: c.p as number } : { p: c.p as number, k: c.k };
}
