// One naming scheme for every module (docs/adr/0143-one-naming-scheme-for-actions.md), checked against the real
// ACTIONS table and the files on disk: action `<module>.<verb>` lives in `actions/<module dir>/<verb, kebab-case>.ts`
// and exports one handler, named the whole action name in camelCase, which is the very object in the table.
import fs from 'fs';
import path from 'path';
import { ACTIONS } from '../../../cloudfunctions/api/src/actions';
import { filesUnder } from '../../../tools/lib/files-under';

const ACTIONS_DIR = path.join(__dirname, '../../../cloudfunctions/api/src/actions');

/** The directory of each contract prefix. `staff.bind` is the admin module's (a staff member binds an invite). */
const MODULE_DIRS: Readonly<Record<string, string>> = {
  admin: 'admin',
  staff: 'admin',
  announcement: 'announcements',
  case: 'cases',
  draft: 'drafts',
  export: 'exports',
  guide: 'guide',
  home: 'home',
  me: 'me',
  message: 'messages',
  meta: 'meta',
  policy: 'policies',
  search: 'search',
  stats: 'stats',
  survey: 'surveys',
};

const kebab = (s: string): string => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Where an action must live and what its handler must be called. */
function expected(action: string): { dir: string; file: string; handler: string } {
  const [prefix, ...rest] = action.split('.');
  const dir = MODULE_DIRS[prefix!];
  if (!dir) throw new Error(`${action}: the prefix "${prefix}" has no module directory; add it to MODULE_DIRS (and the ADR)`);
  return { dir, file: path.join(dir, `${rest.map(kebab).join('-')}.ts`), handler: [prefix!, ...rest.map(capital)].join('') };
}

type Exports = Record<string, unknown>;
const load = (file: string): Exports => jest.requireActual<Exports>(path.join(ACTIONS_DIR, file));

/** Every .ts file under actions/, relative to it. */
const sourceFiles = (): string[] => filesUnder(ACTIONS_DIR, { keepFile: (name) => name.endsWith('.ts') }).map((file) => path.relative(ACTIONS_DIR, file));

/** What defineAction returns: a schema to validate with and a run function. */
const looksLikeHandler = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && typeof (v as { run?: unknown }).run === 'function' && typeof (v as { schema?: { safeParse?: unknown } }).schema?.safeParse === 'function';

const names = Object.keys(ACTIONS).sort();
const handlers = new Map<unknown, string>(Object.entries(ACTIONS).map(([name, def]) => [def, name]));

test('the scheme derives the documented paths and names', () => {
  expect(expected('case.requestExtension')).toEqual({ dir: 'cases', file: 'cases/request-extension.ts', handler: 'caseRequestExtension' });
  expect(expected('draft.publishReport')).toEqual({ dir: 'drafts', file: 'drafts/publish-report.ts', handler: 'draftPublishReport' });
  expect(expected('admin.staff.list')).toEqual({ dir: 'admin', file: 'admin/staff-list.ts', handler: 'adminStaffList' });
  expect(expected('staff.bind')).toEqual({ dir: 'admin', file: 'admin/bind.ts', handler: 'staffBind' });
  expect(expected('me.get')).toEqual({ dir: 'me', file: 'me/get.ts', handler: 'meGet' });
  expect(names.length).toBeGreaterThan(80);
});

test.each(names)('%s lives in its own file and exports its handler by name', (action) => {
  const { file, handler } = expected(action);
  expect(fs.existsSync(path.join(ACTIONS_DIR, file))).toBe(true);
  const exported = load(file)[handler];
  expect(exported).toBeDefined();
  expect(exported).toBe(ACTIONS[action as keyof typeof ACTIONS]);
});

test('no file exports a handler but its own action file: no second handler, none in a helper, none unregistered', () => {
  const strays: string[] = [];
  for (const file of sourceFiles()) {
    if (path.basename(file) === 'index.ts') continue;
    for (const [exportName, value] of Object.entries(load(file))) {
      if (!looksLikeHandler(value)) continue;
      const action = handlers.get(value);
      if (!action) {
        strays.push(`${file}: ${exportName} is not in ACTIONS`);
        continue;
      }
      const want = expected(action);
      if (want.file !== file || want.handler !== exportName) strays.push(`${file}: ${exportName} (${action} belongs in ${want.file} as ${want.handler})`);
    }
  }
  expect(strays).toEqual([]);
});

test('every module directory has one table, typed like the others, of its own actions only; actions/index.ts spreads them all', () => {
  const dirs = fs
    .readdirSync(ACTIONS_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  expect(dirs).toEqual([...new Set(Object.values(MODULE_DIRS))].sort());
  // Nothing but the table beside the module directories.
  expect(sourceFiles().filter((f) => !f.includes(path.sep))).toEqual(['index.ts']);

  const spread = fs.readFileSync(path.join(ACTIONS_DIR, 'index.ts'), 'utf8');
  const covered: string[] = [];
  for (const dir of dirs) {
    const source = fs.readFileSync(path.join(ACTIONS_DIR, dir, 'index.ts'), 'utf8');
    const tables = [...source.matchAll(/^export const ([A-Z_]+_ACTIONS): Pick<ActionTable, /gm)].map((m) => m[1]!);
    expect({ dir, tables: tables.length }).toEqual({ dir, tables: 1 });
    const [table] = tables;
    expect({ dir, spread: spread.includes(`...${table},`) }).toEqual({ dir, spread: true });
    const entries = Object.keys(load(path.join(dir, 'index.ts'))[table!] as object);
    for (const action of entries) expect({ action, dir: expected(action).dir }).toEqual({ action, dir });
    covered.push(...entries);
  }
  expect(covered.sort()).toEqual(names);
});
