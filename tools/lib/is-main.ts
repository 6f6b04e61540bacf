import path from 'path';

/** True when `filename` is the script node (or tsx) was started with: a tool's CLI entry, not an import. */
export function isMain(filename: string): boolean {
  const started = process.argv[1];
  return !!started && path.resolve(started).replace(/\.ts$/, '') === filename.replace(/\.ts$/, '');
}
