// WXML and WXS through the official compiler (wcc from miniprogram-compiler), in one run for the whole tree. wcc reads
// files relative to one root, so fixtures are staged next to the mini program's files in a scratch folder; the file
// lists are explicit because the compiler's own glob skips symlinks and node_modules and mis-resolves absolute
// component paths.
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { SourceFile } from './sources';

interface Compiler {
  wxmlToJs(rootPath: string, options: { wxmlList: string[]; wxsList: string[]; maxBuffer: number }): string;
}

export interface CompiledWxml {
  /** JS source; evaluated in the browser it returns wcc's $gwx (path -> template function). */
  code: string;
  wxmlList: string[];
  wxsList: string[];
}

export function compileWxml(sources: SourceFile[]): CompiledWxml {
  const staged = sources.filter((s) => /\.(wxml|wxs|json)$/.test(s.virtual));
  const wxmlList = staged.filter((s) => s.virtual.endsWith('.wxml')).map((s) => s.virtual);
  const wxsList = staged.filter((s) => s.virtual.endsWith('.wxs')).map((s) => s.virtual);
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-wcc-'));
  try {
    for (const s of staged) {
      const target = path.join(stage, s.virtual);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(s.absolute, target);
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped CommonJS package
    const compiler = require('miniprogram-compiler') as Compiler;
    let output: string;
    try {
      output = compiler.wxmlToJs(stage, { wxmlList, wxsList, maxBuffer: 256 * 1024 * 1024 });
    } catch (error) {
      // wcc names files relative to the stage folder, which is the virtual tree: say where they really are.
      throw new Error(`wcc failed (paths are relative to miniprogram/, fixtures under __preview__/):\n${(error as Error).message}`);
    }
    return { code: output, wxmlList, wxsList };
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}
