// cloud.openapi: the same any-path callable Proxy as the real SDK, answered locally. Every call lands in an outbox
// (with the caller's OPENID and the local clock's time) that tests and the preview can read.
import { randomBytes } from 'crypto';
import type { Clock } from './clock';
import { currentContext } from './context';

export interface OpenapiCall {
  api: string;
  args: unknown;
  result?: unknown;
  error?: { errCode: number; errMsg: string };
  at: string;
  openid?: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- handlers receive whatever the function code passes
export type OpenapiHandler = (args: any) => unknown;

export interface MsgSecWords {
  risky?: string[];
  review?: string[];
}

/** The shape of wx-server-sdk's CloudSDKError: errCode, errMsg and a message built from both. */
export class CloudSdkError extends Error {
  constructor(
    readonly errCode: number,
    readonly errMsg: string,
  ) {
    super(`errCode: ${errCode} | errMsg: ${errMsg}`);
    this.name = 'CloudSDKError';
  }
}

const LABEL_PASS = 100;
const LABEL_RISKY = 20001;
const LABEL_REVIEW = 21000;
const V1_RISKY_ERRCODE = 87014;

function traceId(): string {
  return `${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}-${randomBytes(6).toString('hex')}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function failure(e: unknown): { errCode: number; errMsg: string } {
  if (isRecord(e) && typeof e.errCode === 'number') return { errCode: e.errCode, errMsg: String(e.errMsg ?? '') };
  if (isRecord(e) && typeof e.message === 'string') return { errCode: -1, errMsg: e.message };
  return { errCode: -1, errMsg: String(e) };
}

export class OpenapiEmulator {
  readonly calls: OpenapiCall[] = [];
  private readonly mocks = new Map<string, OpenapiHandler>();
  private words: Required<MsgSecWords> = { risky: [], review: [] };
  readonly proxy: unknown;
  /** the fault switch (faults.ts): throws to fail this call before it is answered */
  beforeCall: ((api: string) => void) | null = null;

  constructor(private readonly clock: Clock) {
    this.proxy = this.rootProxy();
  }

  clear(): void {
    this.calls.length = 0;
  }

  /** Outbox, mocks and msgSecCheck words back to their defaults. */
  reset(): void {
    this.clear();
    this.mocks.clear();
    this.words = { risky: [], review: [] };
  }

  mock(api: string, handler: OpenapiHandler | null): void {
    if (handler) this.mocks.set(api, handler);
    else this.mocks.delete(api);
  }

  setMsgSecWords(words: MsgSecWords): void {
    this.words = { risky: [...(words.risky ?? [])].filter(Boolean), review: [...(words.review ?? [])].filter(Boolean) };
  }

  async call(api: string, args: unknown): Promise<Record<string, unknown>> {
    const at = this.clock.now().toISOString();
    const openid = currentContext()?.OPENID;
    const record: OpenapiCall = { api, args, at, ...(openid !== undefined ? { openid } : {}) };
    this.calls.push(record);
    try {
      this.beforeCall?.(api);
      const mock = this.mocks.get(api);
      const raw = mock ? await mock(args) : this.defaultAnswer(api, args);
      const answer = isRecord(raw) ? raw : {};
      if (typeof answer.errCode === 'number' && answer.errCode !== 0) throw answer;
      const result = { ...answer, errMsg: `openapi.${api}:ok`, errCode: 0 };
      record.result = result;
      return result;
    } catch (e) {
      const { errCode, errMsg } = failure(e);
      const fullMsg = errMsg.startsWith(`openapi.${api}:`) ? errMsg : `openapi.${api}:fail ${errMsg}`;
      record.error = { errCode, errMsg: fullMsg };
      throw new CloudSdkError(errCode, fullMsg);
    }
  }

  private defaultAnswer(api: string, args: unknown): Record<string, unknown> {
    switch (api) {
      case 'security.msgSecCheck':
        return this.msgSecCheck(isRecord(args) ? args : {});
      case 'security.mediaCheckAsync':
        return { traceId: traceId() };
      default:
        // subscribeMessage.send, security.imgSecCheck and anything else: accepted.
        return {};
    }
  }

  private msgSecCheck(args: Record<string, unknown>): Record<string, unknown> {
    const text = ['content', 'title', 'nickname', 'signature']
      .map((k) => (typeof args[k] === 'string' ? (args[k] as string) : ''))
      .join('\n')
      .toLowerCase();
    const hit = (list: string[]): string | undefined => list.find((w) => text.includes(w.toLowerCase()));
    const risky = hit(this.words.risky);
    const review = risky === undefined ? hit(this.words.review) : undefined;
    if (Number(args.version) !== 2) {
      // Version 1 answers only ok or errCode 87014.
      if (risky !== undefined) throw { errCode: V1_RISKY_ERRCODE, errMsg: 'risky content' };
      return {};
    }
    const id = traceId();
    if (risky !== undefined || review !== undefined) {
      const suggest = risky !== undefined ? 'risky' : 'review';
      const label = risky !== undefined ? LABEL_RISKY : LABEL_REVIEW;
      return {
        result: { suggest, label },
        detail: [{ strategy: 'keyword', errcode: 0, suggest, label, level: 90, keyword: risky ?? review }],
        traceId: id,
      };
    }
    return {
      result: { suggest: 'pass', label: LABEL_PASS },
      detail: [{ strategy: 'content_model', errcode: 0, suggest: 'pass', label: LABEL_PASS, prob: 90 }],
      traceId: id,
    };
  }

  /** cloud.openapi: property access builds the API path, a call on a path calls it; `cloud.openapi({...})` returns itself. */
  private rootProxy(): unknown {
    const callable = (paths: string[]): unknown =>
      new Proxy(function openapiPath() {}, {
        get: (_t, prop) => {
          if (typeof prop === 'symbol' || prop === 'then') return undefined;
          if (prop === 'toJSON') return () => ({});
          return callable([...paths, prop]);
        },
        apply: (_t, _this, args: unknown[]) => this.call(paths.join('.'), args[0]),
      });
    const root: unknown = new Proxy(function openapi() {}, {
      get: (_t, prop) => {
        if (typeof prop === 'symbol' || prop === 'then') return undefined;
        if (prop === 'toJSON') return () => ({});
        return callable([prop]);
      },
      apply: (_t, _this, args: unknown[]) => {
        if (!isRecord(args[0])) throw new Error('an options object is expected');
        return root;
      },
    });
    return root;
  }
}
