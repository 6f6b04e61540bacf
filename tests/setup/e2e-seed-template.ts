// Run by the e2e global setup in a process of its own (`tsx tests/setup/e2e-seed-template.ts <dir>`): builds the
// preview and seeds the demo agency once, through the real actions, into <dir>/database.sqlite and <dir>/storage/.
// Each e2e preview then starts on a copy of that folder instead of seeding again (ADR 0112).
import { buildPreview } from '../../tools/preview/build';
import { startStack } from '../../tools/preview/stack';

async function main(dir: string): Promise<void> {
  await buildPreview();
  const stack = await startStack({ dataDir: dir, reset: true, gatewayPort: 0, previewPort: 0, strictThreshold: 0 });
  // Closing checkpoints the write-ahead log into database.sqlite: the folder is then complete to copy.
  await stack.close();
  if (!stack.seeded) throw new Error(`${dir} was not empty: the template must be seeded from scratch`);
}

const dir = process.argv[2];
if (!dir) throw new Error('usage: tsx tests/setup/e2e-seed-template.ts <dir>');
main(dir).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
