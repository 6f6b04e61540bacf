// What a keyword search shows besides the matching policies: the title with the keyword marked, and a short body
// excerpt around the first place the keyword occurs. Matching itself is done by the token index
// (domain/search-tokens.ts); ranking (title hits first) by the two phases in repositories/policies.ts.
import { highlight, queryTokens } from '../search-tokens';

export type Parts = Array<{ text: string; hit: boolean }>;

/**
 * Characters of context kept before the first hit, and the excerpt's length: about two lines of a card at 375 px,
 * which is what a list shows; twenty cards of longer excerpts made one page's setData pass 16 KB (issue 17.1).
 */
const BEFORE = 12;
const LENGTH = 48;

/** The tokens a keyword needs, or null when it has nothing searchable (punctuation only). */
export function searchTokensFor(keyword: string): string[] | null {
  const tokens = queryTokens(keyword);
  return tokens.length ? tokens : null;
}

export function titleParts(title: string, keyword: string): Parts {
  return highlight(title, keyword);
}

/** Keeps a cut from splitting a surrogate pair (a rare character outside the BMP). */
function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return at > 0 && at < text.length && code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}

/**
 * An excerpt of the body around the first paragraph that holds the keyword as written, marked; the opening of the
 * body when no paragraph does (the tokens can match a text that holds the keyword's pairs apart).
 */
export function snippet(paragraphs: readonly string[], keyword: string): Parts {
  for (const p of paragraphs) {
    const parts = highlight(p, keyword);
    const first = parts.findIndex((x) => x.hit);
    if (first < 0) continue;
    const offset = parts.slice(0, first).reduce((n, x) => n + x.text.length, 0);
    const start = safeCut(p, Math.max(0, offset - BEFORE));
    const end = safeCut(p, Math.min(p.length, start + LENGTH));
    return frame(highlight(p.slice(start, end), keyword), start > 0, end < p.length);
  }
  const opening = paragraphs[0] ?? '';
  const end = safeCut(opening, Math.min(opening.length, LENGTH));
  return frame([{ text: opening.slice(0, end), hit: false }], false, end < opening.length);
}

function frame(parts: Parts, cutBefore: boolean, cutAfter: boolean): Parts {
  const out = parts.map((x) => ({ ...x }));
  if (cutBefore) out.unshift({ text: '…', hit: false });
  if (cutAfter) out.push({ text: '…', hit: false });
  // Adjacent plain runs read as one.
  return out.reduce<Parts>((acc, x) => {
    const last = acc[acc.length - 1];
    if (last && !last.hit && !x.hit) last.text += x.text;
    else if (x.text) acc.push(x);
    return acc;
  }, []);
}
