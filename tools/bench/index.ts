// `npm run bench`: runs every tools/bench/*.bench.ts in turn (its default export) and prints the table it answers.
import fs from 'fs';
import path from 'path';
import { installSdkRedirect } from '../local-cloud/register';

export interface BenchResult {
  title: string;
  rows: Array<Record<string, string | number>>;
  notes?: string[];
}

async function main(): Promise<void> {
  installSdkRedirect();
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  for (const file of files) {
    const mod = (await import(path.join(__dirname, file))) as { default: () => Promise<BenchResult> };
    const started = Date.now();
    const result = await mod.default();
    console.log(`\n${result.title}  (${file}, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    console.table(result.rows);
    for (const note of result.notes ?? []) console.log(`  ${note}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
