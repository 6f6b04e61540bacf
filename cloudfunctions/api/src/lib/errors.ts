import type { ApiError, ErrorCode } from '../../../../typings/api';

/** A failure the caller can act on: a stable code and a Chinese message. Anything else becomes INTERNAL. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (fields) this.fields = fields;
  }

  toApiError(): ApiError {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
}

export const INTERNAL_MESSAGE = '系统繁忙，请稍后再试。如果问题持续，请联系我们。';

export const errors = {
  invalid: (message: string, fields?: Record<string, string>) => new AppError('INVALID_ARGUMENT', message, fields),
  unauthenticated: () => new AppError('UNAUTHENTICATED', '无法确认您的身份，请在微信中重新打开小程序。'),
  denied: (message = '您没有权限进行此操作。') => new AppError('PERMISSION_DENIED', message),
  notFound: (what: string) => new AppError('NOT_FOUND', `${what}不存在或您无权查看。`),
  conflict: (message = '内容已被他人更新，请刷新后重试。') => new AppError('CONFLICT', message),
  rateLimited: (message: string) => new AppError('RATE_LIMITED', message),
  contentRejected: (message = '内容包含不适宜发布的信息，请修改后再提交。') => new AppError('CONTENT_REJECTED', message),
  precondition: (message: string) => new AppError('FAILED_PRECONDITION', message),
};
