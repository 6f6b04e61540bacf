// The reusable CSV writer (cloudfunctions/api/src/lib/csv.ts): quoting by RFC 4180, CRLF, the BOM Excel needs, and
// formula-looking text kept as text.
import { CSV_BOM, csvField, csvFile, csvRow } from '../../../cloudfunctions/api/src/lib/csv';

test('fields are quoted only when they must be, quotes doubled', () => {
  expect(csvField('物业管理')).toBe('物业管理');
  expect(csvField('甲,乙')).toBe('"甲,乙"');
  expect(csvField('他说"好"')).toBe('"他说""好"""');
  expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"');
  expect(csvField(3.5)).toBe('3.5');
  expect(csvField(Number.NaN)).toBe('');
  expect(csvField(true)).toBe('是');
  expect(csvField(null)).toBe('');
});

test('text a spreadsheet would run as a formula gets an apostrophe', () => {
  for (const s of ['=1+1', '+86 138', '-2', '@SUM(A1)', '\tx']) expect(csvField(s).replace(/^"/, '').startsWith("'")).toBe(true);
  expect(csvField('a=1')).toBe('a=1');
  expect(csvField(-2)).toBe('-2');
});

test('a file starts with the UTF-8 byte-order mark and ends every record with CRLF', () => {
  const file = csvFile(['编号', '状态'], [['MS20261125-0001', '待受理']]);
  expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(file.toString('utf8')).toBe(`${CSV_BOM}编号,状态\r\nMS20261125-0001,待受理\r\n`);
  expect(csvRow(['a', 'b'])).toBe('a,b\r\n');
});
