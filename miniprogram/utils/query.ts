// Page query values. WeChat hands onLoad the values as they were written in the url, still percent-encoded, and so
// does the browser preview; a page test may hand them plain. Decoding once, tolerantly, gives the same text on all.

export function decodeParam(value: string | undefined): string {
  if (!value) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    // A literal "%" that is not an escape: the value was not encoded.
    return value;
  }
}

export function decodeQuery(query: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) out[key] = decodeParam(value);
  return out;
}
