// The free-text rule (cloudfunctions/api/src/lib/text.ts, ADR 0051) on the edge cases a schema test does not reach.
import { normalizeText, textFlaw, visibleLength } from '../../cloudfunctions/api/src/lib/text';

describe('normalizeText', () => {
  test('line ends become \\n only where lines are allowed; NFC; trimmed', () => {
    expect(normalizeText(' a\r\nb\rc \n', true)).toBe('a\nb\nc');
    expect(normalizeText('a\r\nb', false)).toBe('a\r\nb');
    expect(normalizeText('\u3000Cafe\u0301\u3000', false)).toBe('Café');
  });

  test('text with nothing visible is empty', () => {
    expect(normalizeText('\u200B\u200C\u200D\u2060\uFEFF', false)).toBe('');
    expect(normalizeText(' \u200B ', true)).toBe('');
  });
});

describe('textFlaw', () => {
  test.each([
    ['a\u0000b', false, 'control'],
    ['a\u001Fb', true, 'control'],
    ['a\u007Fb', true, 'control'],
    ['a\u009Fb', true, 'control'],
    ['a\nb', false, 'control'],
    ['a\tb', false, 'control'],
    ['a\u202Db', true, 'bidi'],
    ['a\u2069', false, 'bidi'],
    ['\uD83D', false, 'surrogate'],
    ['a\uDE00', true, 'surrogate'],
    ['\uDE00\uD83D', false, 'surrogate'],
  ])('%j (multi-line %p) is %s', (s, multiline, flaw) => {
    expect(textFlaw(s, multiline)).toBe(flaw);
  });

  test.each([
    ['第一行\n\t第二行', true],
    ['👨‍👩‍👧 家人', false],
    ['\u200E标记\u200F', false],
    ['全角，标点！（括号）', false],
    ['𠀀 扩展汉字', false],
  ])('%j (multi-line %p) is clean', (s, multiline) => {
    expect(textFlaw(s, multiline)).toBeNull();
  });
});

test('visible length counts code points and leaves zero-width characters out', () => {
  expect(visibleLength('😀')).toBe(1);
  expect(visibleLength('a\u200Bb\uFEFF')).toBe(2);
  expect(visibleLength('👨‍👩‍👧')).toBe(3);
});
