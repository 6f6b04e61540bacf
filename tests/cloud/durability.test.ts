// Issue 9 item 4: the local cloud on a data folder (`npm run cloud -- --data DIR`) killed with SIGKILL in the middle of
// a write load, then started again on the same folder. Every submission it acknowledged is there, every case has its
// `submitted` event, the day's counters agree with the cases, and retrying every request that was in flight creates
// each case exactly once.
import fs from 'fs';
import os from 'os';
import path from 'path';
import { DEFAULT_LIMITS } from '../../cloudfunctions/api/src/domain/defaults';
import { localCloud, localCloudInternals } from '../../tools/local-cloud';
import { exitOf, startCli } from '../helpers/cloud-process';
import { setUpAgency, submission } from './cases/helpers';

const CLIENTS = 8;
/** The kill comes once this many submissions were acknowledged (others in flight): mid-load on a fast or a starved machine. */
const KILL_AFTER = 3 * CLIENTS;

interface Sent {
  openid: string;
  clientRequestId: string;
  body: string;
}

async function submitOver(url: string, s: Sent): Promise<string | null> {
  const res = await fetch(`${url}/functions/api`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': s.openid }, body: s.body });
  const json = (await res.json()) as { result?: { ok: boolean; data?: { id: string } } };
  return json.result?.ok ? json.result.data!.id : null;
}

/** CLIENTS citizens submitting back to back until KILL_AFTER are acknowledged, then `kill`; what was sent, and the case ids acknowledged. */
async function writeLoad(url: string, kill: () => void): Promise<{ sent: Sent[]; acknowledged: Map<string, string>; cut: number; refused: number }> {
  let cut = 0;
  let refused = 0;
  const sent: Sent[] = [];
  const acknowledged = new Map<string, string>();
  let stopped = false;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      for (let k = 0; !stopped; k++) {
        const clientRequestId = `durable-${c}-${k}`;
        const s: Sent = { openid: `o_durable_${c}`, clientRequestId, body: JSON.stringify({ action: 'case.submit', payload: submission({ clientRequestId }) }) };
        sent.push(s);
        try {
          const id = await submitOver(url, s);
          if (id) acknowledged.set(clientRequestId, id);
          else refused++;
          if (acknowledged.size >= KILL_AFTER && !stopped) {
            stopped = true;
            kill();
          }
        } catch {
          cut++;
          return; // the connection died with the process: this request's outcome is unknown
        }
      }
    }),
  );
  return { sent, acknowledged, cut, refused };
}

interface Row {
  _id: string;
  [k: string]: unknown;
}

function rows(collection: string): Row[] {
  const store = localCloudInternals.store;
  return store.collectionNames().includes(collection) ? (store.find(collection, { sort: [['_id', 1]] }) as Row[]) : [];
}

test('kill -9 during concurrent submissions: acknowledged writes survive, nothing is half-written, retries apply once', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-durability-'));
  const filename = path.join(dir, 'database.sqlite');
  try {
    // The agency (catalogue, settings) written in this process to the folder's database, then closed.
    localCloud.configure({ filename });
    await setUpAgency({ settings: { limits: { ...DEFAULT_LIMITS, submissionsPerDay: 100_000 } } });
    localCloud.close();

    const first = await startCli(['--data', dir, '--port', '0']);
    const killed = exitOf(first.child);
    const { sent, acknowledged, cut, refused } = await writeLoad(first.url, () => first.child.kill('SIGKILL'));
    expect((await killed).signal).toBe('SIGKILL');
    expect(acknowledged.size).toBeGreaterThan(CLIENTS);

    const second = await startCli(['--data', dir, '--port', '0']);
    let retried = 0;
    try {
      // Every acknowledged case is there for its owner.
      for (const [clientRequestId, id] of acknowledged) {
        const owner = sent.find((s) => s.clientRequestId === clientRequestId)!.openid;
        const res = await fetch(`${second.url}/functions/api`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': owner }, body: JSON.stringify({ action: 'case.get', payload: { id } }) });
        expect(((await res.json()) as { result: { ok: boolean } }).result).toMatchObject({ ok: true, data: { id } });
      }
      // The client retries everything it sent: each answer is the acknowledged case, or a new one for a lost request.
      for (const s of sent) {
        const id = await submitOver(second.url, s);
        expect(id).not.toBeNull();
        if (acknowledged.has(s.clientRequestId)) expect(id).toBe(acknowledged.get(s.clientRequestId));
        retried++;
      }
    } finally {
      second.child.kill('SIGINT');
      await exitOf(second.child);
    }

    // What is on disk, read in this process.
    localCloud.configure({ filename });
    const cases = rows('cases').filter((c) => String(c.openid).startsWith('o_durable_'));
    expect(cases).toHaveLength(sent.length);
    const events = new Map(rows('case_events').map((e) => [e._id, e]));
    const counters = new Map(rows('counters').map((c) => [c._id, Number(c.n)]));
    const withoutEvent = cases.filter((c) => events.get(`${c._id}-1-0`)?.kind !== 'submitted').map((c) => c._id);
    expect(withoutEvent).toEqual([]);
    // The day's sequence counts every case of the day (the agency has none of its own), each tracking number once.
    const sequences = [...counters].filter(([id]) => id.startsWith('tracking_')).reduce((n, [, v]) => n + v, 0);
    expect(sequences).toBe(rows('cases').length);
    expect(new Set(cases.map((c) => c.trackingNo)).size).toBe(cases.length);
    for (let c = 0; c < CLIENTS; c++) {
      const openid = `o_durable_${c}`;
      const own = [...counters].filter(([id]) => id.startsWith(`submit_${openid}_`)).reduce((n, [, v]) => n + v, 0);
      expect({ openid, counted: own }).toEqual({ openid, counted: cases.filter((x) => x.openid === openid).length });
    }
    console.log(`durability: ${sent.length} submissions sent by ${CLIENTS} clients, SIGKILL after ${acknowledged.size} acknowledged (${cut} cut off in flight, ${refused} refused), all present; ${retried} retried after restart, ${cases.length} cases, 0 half-written`);
  } finally {
    localCloud.configure({ filename: ':memory:', strict: { threshold: 0 } });
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
