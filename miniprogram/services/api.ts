// The typed client of the cloud function `api`. In WeChat it goes through wx.cloud.callFunction; the browser
// preview and the page tests provide a wx.cloud.callFunction that reaches the local cloud, so this file never changes.
import type { ActionName, ApiError, ApiResponse, ErrorCode, RequestOf, ResponseOf } from '../../typings/api';
import { config } from '../config';

/** ErrorCode of the server, plus NETWORK when the call never reached it. */
export type ClientErrorCode = ErrorCode | 'NETWORK';

export class ApiCallError extends Error {
  readonly code: ClientErrorCode;
  readonly fields: Record<string, string>;

  constructor(error: { code: ClientErrorCode; message: string; fields?: Record<string, string> }) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.fields = error.fields ?? {};
  }
}

const NETWORK_MESSAGE = '网络不给力，请检查网络后重试。';

function isEnvelope(value: unknown): value is ApiResponse<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

export async function call<N extends ActionName>(action: N, payload: RequestOf<N>): Promise<ResponseOf<N>> {
  let result: unknown;
  try {
    const res = await wx.cloud.callFunction({ name: config.functionName, data: { action, payload } });
    result = res.result;
  } catch {
    throw new ApiCallError({ code: 'NETWORK', message: NETWORK_MESSAGE });
  }
  if (!isEnvelope(result)) throw new ApiCallError({ code: 'INTERNAL', message: '服务返回的内容无法识别，请稍后再试。' });
  if (result.ok) return result.data as ResponseOf<N>;
  const error: ApiError = result.error;
  throw new ApiCallError(error);
}

/** The message to show for any failure of `call()`. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiCallError) return error.message;
  return '操作没有成功，请稍后再试。';
}
