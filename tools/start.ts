// npm start [-- --port 5173] [--cloud-port 8787] [--reset] [--data DIR]
// Builds what is stale, starts the local cloud on a file store under .local-cloud/ (strict indexes, the demo admin in
// ADMIN_OPENIDS), seeds the demo agency the first time (or again with --reset), serves the preview and prints its URL.
// Ctrl-C stops everything.
import path from 'path';
import { build, ROOT } from './build';
import { buildPreview } from './preview/build';
import { startStack } from './preview/stack';

interface StartOptions {
  port: number;
  cloudPort: number;
  reset: boolean;
  dataDir: string;
}

function parseArgs(argv: string[]): StartOptions {
  const opts: StartOptions = { port: 5173, cloudPort: 8787, reset: false, dataDir: path.join(ROOT, '.local-cloud') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    const port = (v: string) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${arg} must be a port number (0-65535)`);
      return n;
    };
    if (arg === '--port') opts.port = port(value());
    else if (arg === '--cloud-port') opts.cloudPort = port(value());
    else if (arg === '--reset') opts.reset = true;
    else if (arg === '--data') opts.dataDir = path.resolve(value());
    else if (arg === '--help' || arg === '-h') {
      console.log('npm start -- [--port 5173] [--cloud-port 8787] [--reset] [--data .local-cloud]');
      process.exit(0);
    } else throw new Error(`unknown option ${arg} (try --help)`);
  }
  return opts;
}

async function main(): Promise<void> {
  const started = Date.now();
  const opts = parseArgs(process.argv.slice(2));
  const built = await build();
  if (built.length) console.log(`构建 / built: ${built.join(', ')}`);
  const stack = await startStack({ dataDir: opts.dataDir, reset: opts.reset, gatewayPort: opts.cloudPort, previewPort: opts.port });
  await buildPreview();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log('');
  console.log(`本地云 / local cloud:  ${stack.gateway.url}  (data: ${path.relative(process.cwd(), opts.dataDir) || '.'}${stack.seeded ? ', demo data seeded' : ''})`);
  if (stack.portsFellBack) console.log('  (a default port was busy; the ports above were free)');
  console.log(`预览已就绪 / preview ready: ${stack.preview.url}   (${seconds} s)`);
  console.log('  在浏览器打开上面的地址；右侧控制台可切换身份、调整时钟、查看订阅消息。Ctrl-C 停止。');
  console.log('  Open the address above; the console beside the phone switches identity, sets the clock, shows the outbox.');

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log('\n正在停止 / stopping…');
    stack.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`npm start failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
