// Finds the project's cloud functions (cloudfunctions/<name>/ with config.json and src/index.ts), loads them and
// their timer triggers, as the cloud console would after an upload.
import fs from 'fs';
import path from 'path';
import { registerFunction } from './index';
import { installSdkRedirect } from './register';

export type CloudMain = (event: unknown, context: unknown) => Promise<unknown>;

export interface TimerTrigger {
  name: string;
  config: string;
}

export interface LoadedFunction {
  name: string;
  main: CloudMain;
  triggers: TimerTrigger[];
}

export const FUNCTIONS_ROOT = path.resolve(__dirname, '../../cloudfunctions');

interface FunctionConfig {
  triggers?: Array<{ name: string; type: string; config: string }>;
}

export function loadFunctions(root = FUNCTIONS_ROOT): Map<string, LoadedFunction> {
  installSdkRedirect();
  const loaded = new Map<string, LoadedFunction>();
  for (const name of fs.readdirSync(root).sort()) {
    const dir = path.join(root, name);
    const entry = path.join(dir, 'src', 'index.ts');
    if (!fs.existsSync(entry)) continue;
    const configPath = path.join(dir, 'config.json');
    const config: FunctionConfig = fs.existsSync(configPath) ? JSON.parse(fs.readFileSync(configPath, 'utf8')) : {};
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- functions are discovered at run time
    const mod = require(entry) as { main?: CloudMain };
    if (typeof mod.main !== 'function') throw new Error(`cloud function ${name}: ${entry} does not export main`);
    const triggers = (config.triggers ?? []).filter((t) => t.type === 'timer').map((t) => ({ name: t.name, config: t.config }));
    registerFunction(name, mod.main);
    loaded.set(name, { name, main: mod.main, triggers });
  }
  return loaded;
}
