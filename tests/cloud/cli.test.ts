// `npm run cloud` as a newcomer runs it: a separate process, found by its banner, spoken to over HTTP.
import { startCli } from '../helpers/cloud-process';

test('npm run cloud -- --memory --port 0: banner, meta.get over HTTP, env passed through, clean stop', async () => {
  const { child, url, output } = await startCli(['--memory', '--port', '0', '--env', 'ADMIN_OPENIDS=o_admin']);
  try {
    const res = await fetch(`${url}/functions/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': 'o_admin' },
      body: JSON.stringify({ action: 'me.get', payload: {} }),
    });
    expect(await res.json()).toMatchObject({ result: { ok: true, data: { roles: ['admin'], isStaff: true } } });
    const garbage = await fetch(`${url}/functions/api`, { method: 'POST', body: '%%%' });
    expect(garbage.status).toBe(400);
    const meta = await fetch(`${url}/functions/api`, { method: 'POST', body: JSON.stringify({ action: 'meta.get', payload: {} }) });
    expect(await meta.json()).toMatchObject({ result: { ok: true } });
    expect(output()).toContain('for local development only');
  } finally {
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  }
}, 60_000);

test('a bad option fails with a message', async () => {
  await expect(startCli(['--port', 'seventy'])).rejects.toThrow(/--port must be 0..65535/);
}, 60_000);
