// What a citizen's words ask the token indexes (domain/search-tokens.ts): the query is cut into concepts — a word of a
// synonym group (any word of the group will do), or a run of other text (itself) — with question words and particles
// left out. A document matches when it holds every concept in one of its words. As one index query that is an $or of
// `_.all(tokens)` branches, one branch per choice of words, kept few (docs/adr/0096-one-search-for-citizens.md).
import { normalizeText, queryTokens } from '../search-tokens';
import { PARTICLES, QUESTION_WORDS, SYNONYM_GROUPS } from './synonyms';

export interface Concept {
  /** As the citizen typed it (normalized). */
  typed: string;
  /** The words any of which satisfies the concept, fewest that still say the same (see `covering`). */
  words: string[];
  /** The group's first word when the typed word is a synonym: what the agency's documents say. */
  preferred?: string;
}

export interface ParsedQuery {
  concepts: Concept[];
  /** Each branch: the tokens a document must all hold. Empty when nothing is searchable. */
  branches: string[][];
  /** Every word searched for, for marking hits in titles and excerpts. */
  needles: string[];
}

/** More branches than this, and a query costs more index lookups than a page is worth; concepts then keep fewer words. */
export const MAX_BRANCHES = 16;

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const WORD = /[a-z0-9]/;

interface Lexicon {
  groups: string[][];
  /** normalized word -> its group */
  groupOf: Map<string, number>;
  questionWords: string[];
  longest: number;
}

function lexicon(groups: ReadonlyArray<readonly string[]>, questions: readonly string[]): Lexicon {
  const norm = groups.map((g) => g.map(normalizeText));
  const groupOf = new Map<string, number>();
  norm.forEach((g, i) => g.forEach((w) => groupOf.set(w, i)));
  const questionWords = questions.map(normalizeText).sort((a, b) => b.length - a.length);
  const longest = Math.max(...[...groupOf.keys(), ...questionWords].map((w) => w.length));
  return { groups: norm, groupOf, questionWords, longest };
}

const DEFAULT_LEXICON = lexicon(SYNONYM_GROUPS, QUESTION_WORDS);

/**
 * The words of a group that still find everything the group finds: a word that contains another word of the group
 * adds nothing (every text holding 住房公积金 holds 公积金), so it is left out.
 */
export function covering(words: readonly string[]): string[] {
  const unique = [...new Set(words)];
  return unique.filter((w) => !unique.some((o) => o !== w && w.includes(o)));
}

function longestAt(text: string, i: number, accept: (w: string) => boolean, max: number): string | null {
  for (let n = Math.min(max, text.length - i); n >= 1; n--) {
    const w = text.slice(i, i + n);
    if (accept(w)) return w;
  }
  return null;
}

/**
 * A run of four or more characters that no group knows is mostly two words side by side (线路调整, 迁移条件), and a
 * document rarely holds them in that order: it is asked as its pairs from the start, a last odd character joining the
 * last pair. Runs of up to three characters (老年人, 充电桩) stay whole.
 */
function piecesOf(run: string): string[] {
  const chars = [...run];
  if (chars.length < 4) return run ? [run] : [];
  const out: string[] = [];
  for (let i = 0; i < chars.length; ) {
    const n = chars.length - i === 3 ? 3 : 2;
    out.push(chars.slice(i, i + n).join(''));
    i += n;
  }
  return out;
}

/** Cuts a query into concepts: synonym words (longest first), other runs; question words and particles dropped. */
export function conceptsOf(query: string, lex: Lexicon = DEFAULT_LEXICON): Concept[] {
  const text = normalizeText(query);
  const out: Concept[] = [];
  let plain = '';
  const flush = () => {
    for (const piece of piecesOf(plain)) out.push({ typed: piece, words: [piece] });
    plain = '';
  };
  const synonym = (w: string) => {
    const g = lex.groups[lex.groupOf.get(w)!]!;
    const concept: Concept = { typed: w, words: covering(g) };
    if (g[0] !== w) concept.preferred = g[0]!;
    out.push(concept);
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (WORD.test(ch)) {
      // An ASCII word is one concept, a synonym only when it is the whole word (12345, not 123456).
      let j = i;
      while (j < text.length && WORD.test(text[j]!)) j++;
      const word = text.slice(i, j);
      flush();
      if (lex.groupOf.has(word)) synonym(word);
      else out.push({ typed: word, words: [word] });
      i = j;
      continue;
    }
    if (!CJK.test(ch)) {
      flush();
      i++;
      continue;
    }
    const syn = longestAt(text, i, (w) => lex.groupOf.has(w) && [...w].every((c) => CJK.test(c)), lex.longest);
    if (syn) {
      flush();
      synonym(syn);
      i += syn.length;
      continue;
    }
    const question = lex.questionWords.find((q) => text.startsWith(q, i));
    if (question) {
      flush();
      i += question.length;
      continue;
    }
    if (PARTICLES.includes(ch)) {
      flush();
      i++;
      continue;
    }
    plain += ch;
    i++;
  }
  flush();
  // The same concept typed twice (养老金 退休金) is asked once.
  const seen = new Set<string>();
  return out.filter((c) => {
    const key = c.words.join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A concept's words, most useful first: the one covering the documents' word (the group's first), then the one covering
 * what was typed, then the rest. When branches must be few, concepts keep their first words.
 */
function ranked(c: Concept): string[] {
  const covers = (text: string | undefined) => (text ? c.words.find((w) => text.includes(w)) : undefined);
  const first = [covers(c.preferred ?? c.typed), covers(c.typed)].filter((w): w is string => !!w);
  return [...new Set([...first, ...c.words])];
}

/** How many words each concept fans out to: one each, then one more in turn while the branches stay within the cap. */
function fanOut(concepts: Concept[], cap: number): string[][] {
  const words = concepts.map(ranked);
  const counts = words.map(() => 1);
  let product = 1;
  for (let grew = true; grew; ) {
    grew = false;
    counts.forEach((n, i) => {
      if (n >= words[i]!.length || (product / n) * (n + 1) > cap) return;
      product = (product / n) * (n + 1);
      counts[i] = n + 1;
      grew = true;
    });
  }
  return words.map((w, i) => w.slice(0, counts[i]));
}

/**
 * A lone character of plain text (用 of 怎么用, 坐 of 坐公交) is mostly a verb the documents say otherwise; beside other
 * words it is not asked for. Alone, it is the query (税).
 */
function withoutLoneCharacters(concepts: Concept[]): Concept[] {
  const strong = concepts.filter((c) => c.preferred !== undefined || c.words.length > 1 || [...c.typed].length > 1);
  return strong.length ? strong : concepts;
}

export function parseQuery(query: string, lex: Lexicon = DEFAULT_LEXICON): ParsedQuery {
  const concepts = withoutLoneCharacters(conceptsOf(query, lex));
  let combos: string[][] = [[]];
  for (const words of fanOut(concepts, MAX_BRANCHES)) combos = combos.flatMap((combo) => words.map((w) => [...combo, w]));
  const seen = new Set<string>();
  const branches: string[][] = [];
  for (const combo of concepts.length ? combos : []) {
    const tokens = [...new Set(combo.flatMap((w) => queryTokens(w)))].sort();
    const key = tokens.join(' ');
    if (tokens.length === 0 || seen.has(key)) continue;
    seen.add(key);
    branches.push(tokens);
  }
  const needles = [...new Set(concepts.flatMap((c) => [c.typed, ...c.words]))];
  return { concepts, branches, needles };
}

/**
 * Other searches to offer when nothing was found: each concept alone when there were several, and the documents'
 * word for a synonym the citizen typed. Never the query itself.
 */
export function suggestionsFor(parsed: ParsedQuery, query: string, max = 4): string[] {
  const out = new Set<string>();
  const asked = normalizeText(query).trim();
  for (const c of parsed.concepts) {
    if (c.preferred) out.add(c.preferred);
    if (parsed.concepts.length > 1 && c.typed.length > 1) out.add(c.typed);
  }
  out.delete(asked);
  return [...out].slice(0, max);
}
