// `npm run cloud` as a newcomer runs it: a separate process, found by its banner, spoken to over HTTP.
import { spawn, type ChildProcess } from 'child_process';
import path from 'path';

const ROOT = path.resolve(__dirname, '../..');

export function startCli(args: string[]): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  // One process (tsx as a loader, not its CLI, which runs the script in a child): a signal reaches the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'tools/local-cloud/cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ADMIN_OPENIDS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner within 30 s:\n${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /local cloud listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`cli exited with ${code}:\n${out}`));
    });
  });
}

/** Resolves when the process has exited, with its exit code and signal. */
export function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
}
