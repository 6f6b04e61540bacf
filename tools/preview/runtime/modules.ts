// The module system of the mini program's JS context. simulate's own browser require re-runs a module on every call,
// so a service module would not be a singleton; the base library caches by path. Component and page files are the
// exception: simulate must run them once per load to catch their Component() call, so they run fresh each time.
import { win } from './env';

interface Module {
  exports: unknown;
}

const cache = new Map<string, Module>();

function normalize(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

const dirname = (p: string) => p.split('/').slice(0, -1).join('/');

function has(virtual: string): boolean {
  return typeof win.__FILE_MAP__[virtual] === 'string';
}

/** Resolves a require from `fromDir` to a file of the virtual tree, as the base library does (.js, .json, /index.js). */
export function resolveModule(fromDir: string, request: string): string | null {
  const base = normalize(request.startsWith('/') ? request : `${fromDir}/${request}`);
  for (const candidate of [base, `${base}.js`, `${base}.json`, `${base}/index.js`]) {
    if ((candidate.endsWith('.js') || candidate.endsWith('.json')) && has(candidate)) return candidate;
  }
  return null;
}

function execute(virtual: string, module: Module): void {
  const source = win.__FILE_MAP__[virtual] as string;
  if (virtual.endsWith('.json')) {
    module.exports = JSON.parse(source);
    return;
  }
  const fn = new Function('require', 'module', 'exports', source) as (r: (p: string) => unknown, m: Module, e: unknown) => void;
  fn.call(module.exports, requireFrom(dirname(virtual)), module, module.exports);
}

function requireFrom(fromDir: string): (request: string) => unknown {
  return (request: string) => {
    const virtual = resolveModule(fromDir, request);
    if (!virtual) throw new Error(`module "${request}" is not defined (required from /${fromDir || ''}): no such file in the mini program`);
    const cached = cache.get(virtual);
    if (cached) return cached.exports;
    const module: Module = { exports: {} };
    cache.set(virtual, module);
    try {
      execute(virtual, module);
    } catch (error) {
      cache.delete(virtual);
      throw error;
    }
    return module.exports;
  };
}

export const requireModule = requireFrom('');

export function installModuleSystem(): void {
  win.require = requireModule;
  win.__mpRunModule = (filePath: string) => {
    const virtual = resolveModule('', filePath);
    if (!virtual) return null;
    const module: Module = { exports: {} };
    execute(virtual, module);
    return module.exports;
  };
}
