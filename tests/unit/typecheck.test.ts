// npm run typecheck (tools/typecheck.ts): TypeScript 7 checks every tsconfig of the project, and a type error fails it.
import fs from 'fs';
import os from 'os';
import path from 'path';
import { filesUnder } from '../../tools/lib/files-under';
import { PROJECTS, typecheck } from '../../tools/typecheck';

const ROOT = path.resolve(__dirname, '../..');

const tsconfigsOf = (dir: string): string[] =>
  filesUnder(dir, {
    skipDir: (name) => ['node_modules', 'miniprogram_npm'].includes(name) || name.startsWith('.'),
    keepFile: (name) => /^tsconfig(\.[\w-]+)?\.json$/.test(name) && name !== 'tsconfig.base.json',
  }).map((full) => path.relative(ROOT, full));

test('every tsconfig of the project is checked (tsconfig.base.json is only extended)', () => {
  expect([...PROJECTS].sort()).toEqual(tsconfigsOf(ROOT).sort());
});

describe('a project of its own', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-typecheck-'));
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ extends: path.join(ROOT, 'tsconfig.base.json'), compilerOptions: { lib: ['ES2020'], types: [] }, include: ['*.ts'] }));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('passes when it is sound, and fails, naming it, on a type error or an unused local', () => {
    const project = path.join(dir, 'tsconfig.json');
    fs.writeFileSync(path.join(dir, 'a.ts'), 'export const n: number = 1;\n');
    expect(typecheck([project])).toEqual([]);
    fs.writeFileSync(path.join(dir, 'a.ts'), "export const n: number = '1';\n");
    const [wrongType, ...rest] = typecheck([project]);
    expect(rest).toEqual([]);
    expect(wrongType).toEqual({ project, output: expect.stringContaining("a.ts(1,14): error TS2322: Type 'string' is not assignable to type 'number'.") });
    fs.writeFileSync(path.join(dir, 'a.ts'), 'export function f(): number {\n  const unused = 2;\n  return 1;\n}\n');
    expect(typecheck([project])).toEqual([{ project, output: expect.stringContaining("error TS6133: 'unused' is declared but its value is never read.") }]);
  });
});
