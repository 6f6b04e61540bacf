// Makes `require('wx-server-sdk')` from any cloud function resolve to the local cloud's facade (the real SDK with its
// database seam pinned), without touching the function's code or package.json. Jest does the same with moduleNameMapper.
import Module from 'module';
import path from 'path';

const facade = path.join(__dirname, 'sdk.ts');

type Resolve = (request: string, parent: unknown, isMain: boolean, options: unknown) => string;
const moduleWithResolve = Module as unknown as { _resolveFilename: Resolve };
const original = moduleWithResolve._resolveFilename;

let installed = false;

export function installSdkRedirect(): void {
  if (installed) return;
  installed = true;
  moduleWithResolve._resolveFilename = function resolve(request, parent, isMain, options) {
    if (request === 'wx-server-sdk') return facade;
    return original.call(this, request, parent, isMain, options);
  };
}
