import type { z } from 'zod';
import type { ActionName, RequestOf, ResponseOf } from '../../../../typings/api';
import type { Caller } from './caller';

export interface ActionContext {
  caller: Caller;
  /** The request's instant, read once from the clock so one request sees one time. */
  now: Date;
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
