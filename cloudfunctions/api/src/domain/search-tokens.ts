// Keyword search without full-text search: the cloud database has none, and a regular expression scans the whole
// collection. Documents store the tokens of their text in an array field with a (multikey) index; a query asks for
// documents holding all of its tokens (`_.all`). Chinese has no spaces, so Chinese text is cut into single characters
// and overlapping pairs (bigrams): any substring of two or more characters of a text yields bigrams that text holds.
// ASCII words (and numbers) become whole-word tokens plus their prefixes, so "cov" finds "COVID-19"; a document number
// (国办发〔2020〕53号) also becomes one token of its own. See docs/adr/0006-search-tokens.md.

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const WORD = /[a-z0-9]/;
const MAX_PREFIX = 12;

/** Full-width forms to half-width, lower case: "ＣＯＶＩＤ－１９" and "covid-19" tokenize alike. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

type Run = { kind: 'cjk' | 'word'; text: string };

function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  let current: Run | null = null;
  for (const ch of normalizeText(text)) {
    const kind = CJK.test(ch) ? 'cjk' : WORD.test(ch) ? 'word' : null;
    if (!kind) {
      current = null;
      continue;
    }
    if (current && current.kind === kind) current.text += ch;
    else {
      current = { kind, text: ch };
      runs.push(current);
    }
  }
  return runs;
}

/**
 * A document number (文号) such as 国办发〔2020〕53号, in any bracket style once normalized (〔〕 [] () 【】 〖〗 {}):
 * the characters before the bracket (the issuer's code, with whatever Chinese text runs into it: "根据国办发"), the year
 * and the serial number.
 */
const DOC_NO = /([\u3400-\u4dbf\u4e00-\u9fff]{2,6})\s*[〔[(【〖{]\s*(\d{4})\s*[〕\])】〗}]\s*第?\s*(\d{1,5})\s*号/g;
/**
 * How much of the code a token keeps: its last two or three characters (国办发, 政办发 of 京政办发). Three tell issuers
 * apart well enough (京政办发 and 沪政办发 with the same year and serial would meet); more would miss the number in text
 * that runs into it ("根据国办发").
 */
const MIN_CODE = 2;
const MAX_CODE = 3;

const docNoToken = (code: string, m: RegExpMatchArray): string => `#${code}${m[2]}-${Number(m[3])}`;

/**
 * A stored number gives a token for each ending of its code, '#办发2020-53' and '#国办发2020-53': whichever a citizen
 * types (国办发, 京政办发 or just 办发), the query is the one token that ends the same way, an exact lookup of one short
 * posting list whatever the size of the library. Its year, serial and 号 are among the commonest tokens of a policy
 * library, and so are the pairs of a code (政发): asking for them too made the search grow with the library.
 */
function docNoTokens(m: RegExpMatchArray): string[] {
  const chars = [...m[1]!];
  const out: string[] = [];
  for (let n = MIN_CODE; n <= Math.min(MAX_CODE, chars.length); n++) out.push(docNoToken(chars.slice(-n).join(''), m));
  return out;
}

/** The tokens a document stores for its text: every CJK character and pair, every word and its prefixes. */
export function indexTokens(...texts: Array<string | undefined | null>): string[] {
  const tokens = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const m of normalizeText(text).matchAll(DOC_NO)) for (const t of docNoTokens(m)) tokens.add(t);
    for (const run of runsOf(text)) {
      if (run.kind === 'cjk') {
        const chars = [...run.text];
        chars.forEach((c, i) => {
          tokens.add(c);
          if (i + 1 < chars.length) tokens.add(c + chars[i + 1]);
        });
      } else {
        const word = run.text.slice(0, MAX_PREFIX);
        for (let n = Math.min(2, word.length); n <= word.length; n++) tokens.add(word.slice(0, n));
      }
    }
  }
  return [...tokens];
}

/**
 * The tokens a query needs, fewest that still say the same: a CJK run of one character is that character, a longer
 * run is its pairs; a word is itself (cut to the longest indexed prefix). Empty when the query has nothing searchable.
 */
export function queryTokens(query: string): string[] {
  const tokens = new Set<string>();
  // A document number asks for its one token, nothing else: the whole code, and any text typed into it, is its own.
  let rest = normalizeText(query);
  for (const m of rest.matchAll(DOC_NO)) tokens.add(docNoToken([...m[1]!].slice(-MAX_CODE).join(''), m));
  rest = rest.replace(DOC_NO, ' ');
  for (const run of runsOf(rest)) {
    if (run.kind === 'cjk') {
      const chars = [...run.text];
      if (chars.length === 1) tokens.add(chars[0]!);
      for (let i = 0; i + 1 < chars.length; i++) tokens.add(chars[i]! + chars[i + 1]!);
    } else {
      tokens.add(run.text.slice(0, MAX_PREFIX));
    }
  }
  return [...tokens];
}

/** Marks each occurrence of the query's searchable runs in `text` for display: [{ text, hit }]. */
export function highlight(text: string, query: string): Array<{ text: string; hit: boolean }> {
  const needles = runsOf(query)
    .map((r) => r.text)
    .filter((t) => t.length > 0)
    .sort((a, b) => b.length - a.length);
  if (needles.length === 0) return [{ text, hit: false }];
  const normalized = normalizeText(text);
  // NFKC can change lengths (rarely, e.g. ligatures); then fall back to no highlight rather than misplace marks.
  if (normalized.length !== text.length) return [{ text, hit: false }];
  const parts: Array<{ text: string; hit: boolean }> = [];
  let i = 0;
  let plainStart = 0;
  while (i < text.length) {
    const needle = needles.find((n) => normalized.startsWith(n, i));
    if (!needle) {
      i++;
      continue;
    }
    if (plainStart < i) parts.push({ text: text.slice(plainStart, i), hit: false });
    parts.push({ text: text.slice(i, i + needle.length), hit: true });
    i += needle.length;
    plainStart = i;
  }
  if (plainStart < text.length) parts.push({ text: text.slice(plainStart), hit: false });
  return parts;
}
