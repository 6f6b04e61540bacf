// The one directory walker of the tools and tests (tools/lib/files-under.ts).
import fs from 'fs';
import os from 'os';
import path from 'path';
import { filesUnder } from '../../tools/lib/files-under';

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-files-under-'));
  for (const file of ['a.ts', 'b.wxml', 'pages/c.ts', 'pages/deep/d.ts', '.hidden/e.ts', 'miniprogram_npm/f.ts']) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), '');
  }
  fs.symlinkSync(path.join(root, 'a.ts'), path.join(root, 'link.ts'));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const rel = (files: string[]) => files.map((f) => path.relative(root, f)).sort();

test('lists every regular file at every depth, links left out', () => {
  expect(rel(filesUnder(root))).toEqual(['.hidden/e.ts', 'a.ts', 'b.wxml', 'miniprogram_npm/f.ts', 'pages/c.ts', 'pages/deep/d.ts']);
});

test('skips the folders and keeps the files its caller names', () => {
  const ts = filesUnder(root, { skipDir: (name) => name === 'miniprogram_npm' || name.startsWith('.'), keepFile: (name) => name.endsWith('.ts') });
  expect(rel(ts)).toEqual(['a.ts', 'pages/c.ts', 'pages/deep/d.ts']);
});

test('a folder that does not exist has no files', () => {
  expect(filesUnder(path.join(root, 'missing'))).toEqual([]);
});
