// The citizens' words as index queries (domain/search/query.ts) and the synonym data they are read with.
import { conceptsOf, covering, MAX_BRANCHES, parseQuery, suggestionsFor } from '../../cloudfunctions/api/src/domain/search/query';
import { normalizeText, queryTokens } from '../../cloudfunctions/api/src/domain/search-tokens';
import { PARTICLES, QUESTION_WORDS, SYNONYM_GROUPS } from '../../cloudfunctions/api/src/domain/search/synonyms';

test('the synonym data: at least 40 groups, no word in two groups, no question word or particle among them', () => {
  expect(SYNONYM_GROUPS.length).toBeGreaterThanOrEqual(40);
  const words = SYNONYM_GROUPS.flat().map(normalizeText);
  expect(new Set(words).size).toBe(words.length);
  for (const w of words) {
    expect(QUESTION_WORDS).not.toContain(w);
    expect(w.length === 1 && PARTICLES.includes(w)).toBe(false);
  }
  for (const g of SYNONYM_GROUPS) expect(g.length).toBeGreaterThanOrEqual(2);
});

test('a word that contains another of its group adds nothing and is left out', () => {
  expect(covering(['住房公积金', '公积金'])).toEqual(['公积金']);
  expect(covering(['领取', '申领', '怎么领', '领'])).toEqual(['领']);
  expect(covering(['电动自行车', '电动车', '电瓶车'])).toEqual(['电动自行车', '电动车', '电瓶车']);
});

test('concepts: synonym words (longest first), plain runs; question words, particles and punctuation dropped', () => {
  const c = conceptsOf('请问退休金怎么领？');
  expect(c.map((x) => x.typed)).toEqual(['退休金', '怎么领']);
  expect(c[0]!.preferred).toBe('养老金');
  expect(c[0]!.words).toContain('养老金');
  expect(c[1]!.words).toEqual(['领']);
  expect(conceptsOf('楼道的电动车充电怎么办').map((x) => x.typed)).toEqual(['楼道', '电动车', '充电']);
  // A long run no group knows is asked as its pairs (two words side by side), a last odd character with the last pair.
  expect(conceptsOf('小区楼道').map((x) => x.typed)).toEqual(['小区', '楼道']);
  expect(conceptsOf('量子计算机').map((x) => x.typed)).toEqual(['量子', '计算机']);
  expect(conceptsOf('老年人').map((x) => x.typed)).toEqual(['老年人']);
  // The whole of an ASCII word, never part of it: 12345 is the hotline, 123456 is not.
  expect(conceptsOf('12345').map((x) => x.preferred)).toEqual(['热线']);
  expect(conceptsOf('123456').map((x) => x.words)).toEqual([['123456']]);
  // The same concept typed twice is asked once.
  expect(conceptsOf('养老金 退休金')).toHaveLength(1);
  expect(conceptsOf('12345热线')).toHaveLength(1);
  expect(conceptsOf('怎么办？')).toEqual([]);
});

test('branches: one per choice of words, each the tokens of its words; a query with nothing searchable has none', () => {
  const q = parseQuery('电瓶车充电');
  const sorted = (b: string[][]) => b.map((x) => x.join(' ')).sort();
  expect(sorted(q.branches)).toEqual(
    sorted([
      ['充电', '动自', '电动', '自行', '行车'],
      ['充电', '动车', '电动'],
      ['充电', '瓶车', '电瓶'],
      ['充电', '电单', '单车'],
    ].map((b) => b.sort())),
  );
  // The lone character of 怎么用 is not asked beside other words; alone it is the query.
  expect(parseQuery('维修资金怎么用').concepts.map((c) => c.typed)).toEqual(['维修资金']);
  expect(parseQuery('税').branches).toEqual([['税']]);
  expect(q.needles).toEqual(expect.arrayContaining(['电瓶车', '电动自行车', '充电']));
  expect(parseQuery('吗？').branches).toEqual([]);
});

test('branches stay few however many synonyms, each still asking for every concept, the documents\' word first', () => {
  const q = parseQuery('退休金 公交 电动车 社保卡');
  expect(q.concepts).toHaveLength(4);
  expect(q.branches.length).toBeLessThanOrEqual(MAX_BRANCHES);
  expect(q.branches.length).toBeGreaterThan(1);
  for (const b of q.branches) {
    for (const c of q.concepts) expect(c.words.some((w) => queryTokens(w).every((t) => b.includes(t)))).toBe(true);
  }
  // With one word each, the words are the documents' ones: 养老金, 公共交通, 电动自行车, 社会保障卡.
  expect(q.branches[0]).toEqual(expect.arrayContaining(['养老', '公共', '电动', '社会']));
});

test('suggestions: the documents\' word for a synonym, each concept alone when there were several, never the query', () => {
  expect(suggestionsFor(parseQuery('退休工资'), '退休工资')).toEqual(['养老金']);
  expect(suggestionsFor(parseQuery('噪音'), '噪音')).toEqual(['噪声']);
  expect(suggestionsFor(parseQuery('噪音 量子通信'), '噪音 量子通信')).toEqual(['噪声', '噪音', '量子', '通信']);
  expect(suggestionsFor(parseQuery('养老金'), '养老金')).toEqual([]);
});
