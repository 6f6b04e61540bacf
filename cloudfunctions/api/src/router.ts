import type { ActionName, ApiResponse } from '../../../typings/api';
import { ACTIONS } from './actions';
import { requestFingerprint, type ActionDef } from './lib/action';
import { loadCaller } from './lib/caller';
import { now } from './lib/clock';
import { AppError, INTERNAL_MESSAGE } from './lib/errors';
import { validate } from './lib/validate';
import { authorize } from './permissions';

function isActionName(name: unknown): name is ActionName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(ACTIONS, name);
}

/** `{ action, payload }` in, the envelope out. The platform adds `userInfo` to the event; it is never trusted. */
export async function handleRequest(event: unknown): Promise<ApiResponse<unknown>> {
  try {
    const { action, payload } = (event ?? {}) as { action?: unknown; payload?: unknown };
    if (!isActionName(action)) {
      throw new AppError('INVALID_ARGUMENT', typeof action === 'string' ? `不支持的操作：${action}` : '请求缺少操作名称');
    }
    const def = ACTIONS[action] as unknown as ActionDef<ActionName>;
    // Who first, then what: a caller who may not run the action learns nothing of its payload's rules.
    const caller = await loadCaller();
    authorize(action, caller);
    const input = validate(def.schema, payload);
    const data = await def.run(input, { caller, now: now(), request: requestFingerprint(action, input) });
    return { ok: true, data };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toApiError() };
    console.error('[api] unexpected error', error);
    return { ok: false, error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } };
  }
}
