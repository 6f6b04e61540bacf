// npm run typecheck: every tsconfig of the project, each its own program under its own globals and checked in full,
// exactly as `tsc -p <project>` checks it, but in one process that parses each file once (ADR 0159). The projects
// overlap (lib.dom, @types/node, the mini program's typings, the function's sources and the local cloud are in two or
// three of them): five `tsc -p` parsed and bound them again in every process. A syntax tree depends only on the file and
// the options that shape parsing, which all five share, so it is kept across programs as TypeScript's language service
// keeps it across projects; each program's checker still resolves and checks every file against its own globals.
import path from 'path';
import ts from 'typescript';
import { isMain } from './lib/is-main';

const ROOT = path.resolve(__dirname, '..');

/** Every project `npm run typecheck` checks, in the order the old `tsc -p … &&` chain ran them. */
export const PROJECTS = ['tsconfig.json', 'tsconfig.node.json', 'tsconfig.mptest.json', 'tools/preview/tsconfig.json', 'tools/preview/fixtures/tsconfig.json'];

const formatHost: ts.FormatDiagnosticsHost = {
  getCanonicalFileName: (f) => f,
  getCurrentDirectory: () => process.cwd(),
  getNewLine: () => ts.sys.newLine,
};

function parseProject(project: string): ts.ParsedCommandLine {
  const configErrors: ts.Diagnostic[] = [];
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, project), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => configErrors.push(d),
  });
  if (!parsed) throw new Error(ts.formatDiagnostics(configErrors, formatHost));
  return parsed;
}

/** What shapes a syntax tree besides the file: two programs that agree on it may share the tree. */
function parseKey(options: ts.CompilerOptions, version: ts.ScriptTarget | ts.CreateSourceFileOptions): string {
  const v = typeof version === 'object' ? version : { languageVersion: version };
  return JSON.stringify([v.languageVersion, v.impliedNodeFormat, v.jsDocParsingMode, options.moduleDetection, options.jsx]);
}

/** Checks one project as `tsc -p` would (configuration, options, syntax, globals, semantics); its diagnostics. */
function check(project: string, trees: Map<string, ts.SourceFile>): readonly ts.Diagnostic[] {
  const parsed = parseProject(project);
  const host = ts.createCompilerHost(parsed.options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, version, onError, shouldCreateNewSourceFile) => {
    const key = `${parseKey(parsed.options, version)}\0${fileName}`;
    let tree = shouldCreateNewSourceFile ? undefined : trees.get(key);
    if (!tree) {
      tree = read(fileName, version, onError, shouldCreateNewSourceFile);
      if (tree) trees.set(key, tree);
    }
    return tree;
  };
  const program = ts.createProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    host,
    configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(parsed),
    ...(parsed.projectReferences ? { projectReferences: parsed.projectReferences } : {}),
  });
  return ts.getPreEmitDiagnostics(program);
}

export function typecheck(projects: string[] = PROJECTS): number {
  const trees = new Map<string, ts.SourceFile>();
  let errors = 0;
  for (const project of projects) {
    const diagnostics = check(project, trees);
    if (diagnostics.length === 0) continue;
    errors += diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error).length;
    const format = process.stdout.isTTY ? ts.formatDiagnosticsWithColorAndContext : ts.formatDiagnostics;
    console.error(`typecheck: ${project}`);
    console.error(format(diagnostics, formatHost));
  }
  return errors;
}

if (isMain(__filename)) {
  const errors = typecheck(process.argv.slice(2).length ? process.argv.slice(2) : PROJECTS);
  if (errors > 0) {
    console.error(`typecheck: ${errors} error${errors === 1 ? '' : 's'}`);
    process.exit(1);
  }
}
