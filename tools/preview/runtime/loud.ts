// What the preview cannot do must not pass silently: a page that depends on it would look fine here and break on a
// phone, or the reverse. Every such gap logs one console.error (the e2e tests fail on any) naming what is missing.

export class PreviewUnsupportedError extends Error {
  constructor(what: string) {
    super(`[预览不支持 / not supported in the preview] ${what}`);
    this.name = 'PreviewUnsupportedError';
  }
}

export function reportUnsupported(what: string): PreviewUnsupportedError {
  const error = new PreviewUnsupportedError(what);
  console.error(error.message);
  return error;
}

/** Reports an unexpected failure in preview code (callbacks of pages, lifecycles) the way WeChat's console would. */
export function reportError(where: string, error: unknown): void {
  console.error(`[mini program] ${where}:`, error);
}
