// WeChat's calling convention for asynchronous APIs: success/fail/complete callbacks when any is given, otherwise a
// promise; results carry errMsg "name:ok", failures are plain objects with errMsg "name:fail reason".
import type { AnyObject } from '../env';
import { reportError } from '../loud';

export interface Callbacks {
  success?: (res: AnyObject) => void;
  fail?: (err: AnyObject) => void;
  complete?: (res: AnyObject) => void;
}

export type ApiOptions = AnyObject & Callbacks;

/** A failure to report as WeChat does: the errMsg is used as is. */
export class WxFail extends Error {
  constructor(
    readonly errMsg: string,
    readonly extra: AnyObject = {},
  ) {
    super(errMsg);
  }
}

function toWxError(name: string, error: unknown): AnyObject {
  if (error instanceof WxFail) return { errMsg: error.errMsg, ...error.extra };
  if (error && typeof error === 'object' && typeof (error as AnyObject).errMsg === 'string') return { ...(error as AnyObject), errMsg: (error as AnyObject).errMsg };
  return { errMsg: `${name}:fail ${error instanceof Error ? error.message : String(error)}` };
}

function safely(name: string, fn: ((res: AnyObject) => void) | undefined, res: AnyObject): void {
  if (typeof fn !== 'function') return;
  try {
    fn(res);
  } catch (error) {
    reportError(`callback of wx.${name}`, error);
  }
}

export function asyncApi(name: string, impl: (opts: AnyObject) => Promise<AnyObject | void> | AnyObject | void) {
  return (opts: ApiOptions = {}): Promise<AnyObject> | undefined => {
    const settled = Promise.resolve()
      .then(() => impl(opts ?? {}))
      .then(
        (res) => ({ errMsg: `${name}:ok`, ...(res ?? {}) }),
        (error: unknown) => Promise.reject(toWxError(name, error)),
      );
    if (opts && (opts.success || opts.fail || opts.complete)) {
      settled.then(
        (res) => {
          safely(name, opts.success, res);
          safely(name, opts.complete, res);
        },
        (err: AnyObject) => {
          safely(name, opts.fail, err);
          safely(name, opts.complete, err);
        },
      );
      return undefined;
    }
    return settled;
  };
}

/** An API WeChat offers with callbacks only ("以 Promise 风格调用：不支持"): it returns undefined whatever is passed. */
export function callbackApi(name: string, impl: (opts: AnyObject) => Promise<AnyObject | void> | AnyObject | void) {
  const api = asyncApi(name, impl);
  return (opts: ApiOptions = {}): undefined => {
    api({ ...opts, fail: opts.fail ?? ((err: AnyObject) => reportError(`wx.${name}`, err.errMsg)), complete: opts.complete ?? (() => undefined) });
    return undefined;
  };
}
