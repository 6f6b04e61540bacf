import { createHash } from 'crypto';
import type { z } from 'zod';
import type { ActionName, RequestOf, ResponseOf } from '../../../../typings/api';
import type { Caller } from './caller';

export interface ActionContext {
  caller: Caller;
  /** The request's instant, read once from the clock so one request sees one time. */
  now: Date;
  /** The action and its validated payload, hashed: a retry of one request carries the same (requestFingerprint). */
  request?: string;
}

/** What identifies one request across its retries: the action and the payload the caller sent (with its version). */
export function requestFingerprint(action: string, input: unknown): string {
  return createHash('sha256').update(action).update('\n').update(JSON.stringify(input) ?? '').digest('hex').slice(0, 24);
}

/**
 * Every action reads the same way: the router authorizes the caller (permissions.ts), then validates the payload
 * with the action's schema, then `run` applies the domain rule, persists, and emits its event.
 */
export interface ActionDef<N extends ActionName> {
  schema: z.ZodType<RequestOf<N>>;
  run(input: RequestOf<N>, ctx: ActionContext): Promise<ResponseOf<N>>;
}

export function defineAction<N extends ActionName>(def: ActionDef<N>): ActionDef<N> {
  return def;
}

export type ActionTable = { readonly [N in ActionName]: ActionDef<N> };
