// The contract types every call the mini program makes (issue 12): a page that casts its way around it, with
// `as unknown as`, `as ActionName` or a cast to a request or response type, would send or read what the contract
// does not say, and tsc would not notice. Only services/api.ts, where the function's JSON answer comes off the wire,
// names the answer's type once.
import fs from 'fs';
import path from 'path';
import { ownMiniprogramFiles } from '../../helpers/miniprogram-files';

const ROOT = path.join(__dirname, '../../../miniprogram');
const WIRE = path.join('services', 'api.ts');

/** The code without its comments (a comment may well mention a cast). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

const CASTS: Array<{ name: string; re: RegExp }> = [
  { name: 'as unknown as', re: /\bas\s+unknown\s+as\b/ },
  { name: 'as ActionName', re: /\bas\s+ActionName\b/ },
  { name: 'a cast to a request or response type', re: /\bas\s+(RequestOf|ResponseOf)\s*</ },
];

function castsIn(text: string): string[] {
  const bare = code(text);
  return CASTS.filter((c) => c.re.test(bare)).map((c) => c.name);
}

test('no file of the mini program casts around the contract', () => {
  const files = ownMiniprogramFiles('.ts');
  expect(files.length).toBeGreaterThan(50);
  const found = files
    .map((file) => ({ file: path.relative(ROOT, file), casts: castsIn(fs.readFileSync(file, 'utf8')) }))
    .filter((f) => f.casts.length > 0 && !(f.file === WIRE && f.casts.every((c) => c === 'a cast to a request or response type')));
  expect(found).toEqual([]);
});

test('the wire names the answer’s type in one place', () => {
  const api = fs.readFileSync(path.join(ROOT, WIRE), 'utf8');
  expect(code(api).match(/\bas\s+ResponseOf\s*</g)).toHaveLength(1);
});

test('the check sees each cast, and not one in a comment', () => {
  expect(castsIn('const x = raw as unknown as CaseView;')).toEqual(['as unknown as']);
  expect(castsIn('void call(`case.${action}` as ActionName, payload);')).toEqual(['as ActionName']);
  expect(castsIn("const p = fields as RequestOf<'case.accept'>;")).toEqual(['a cast to a request or response type']);
  expect(castsIn('// no `as unknown as` here\nconst y = 1;')).toEqual([]);
});
