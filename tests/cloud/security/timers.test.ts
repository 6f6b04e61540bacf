// The timer path of the function is for the platform's timer triggers only. A caller who sends a body shaped like a
// timer event, through the gateway as an attacker would, gets the router's answer to an unknown request and changes
// nothing, with or without an identity (issue 14, docs/adr/0050-timer-events-trusted-by-source.md).
import fs from 'fs';
import path from 'path';
import { main } from '../../../cloudfunctions/api/src';
import { TRIGGER_NAMES } from '../../../cloudfunctions/api/src/timers';
import { FUNCTIONS_ROOT } from '../../../tools/local-cloud/functions';
import { localCloud } from '../../../tools/local-cloud';
import { startGateway, type Gateway } from '../../../tools/local-cloud/gateway';
import { storedDigest } from '../../helpers/digest';
import { at, CITIZEN, count, processingCase, repliedCase, setUpAgency } from '../cases/helpers';

let gw: Gateway;
beforeAll(async () => {
  gw = await startGateway({ port: 0, cloud: { filename: ':memory:', strict: { threshold: 0 } } });
});
afterAll(async () => {
  await gw.close();
});

async function callFunction(body: unknown, openid?: string): Promise<{ status: number; result: unknown }> {
  const res = await fetch(`${gw.url}/functions/api`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-wx-openid': openid } : {}) },
  });
  const json = (await res.json()) as { result?: unknown };
  return { status: res.status, result: json.result };
}

const unknownRequest = { ok: false, error: { code: 'INVALID_ARGUMENT', message: '请求缺少操作名称' } };

/** Cases a timer run would change: an overdue one, a reply waiting far past the rating and auto-close days. */
async function worldWithWorkDue(): Promise<void> {
  await setUpAgency();
  await processingCase();
  await repliedCase();
  at('2027-03-01T02:00:00.000Z');
}

describe('a forged timer event', () => {
  beforeEach(() => worldWithWorkDue());

  test.each([
    ['without identity', undefined],
    ['with a citizen identity', CITIZEN],
  ])('through the gateway %s is refused as an unknown request and writes nothing', async (_, openid) => {
    const before = storedDigest();
    const forged = { Type: 'Timer', TriggerName: 'tick', Time: localCloud.clock.now().toISOString() };
    expect(await callFunction(forged, openid)).toEqual({ status: 200, result: unknownRequest });
    expect(storedDigest()).toEqual(before);
  });

  test('with an unknown, inherited or malformed TriggerName answers cleanly and writes nothing', async () => {
    const before = storedDigest();
    for (const name of ['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 42, null, { a: 1 }]) {
      const forged = { Type: 'Timer', TriggerName: name, Time: localCloud.clock.now().toISOString() };
      expect({ name, answer: await callFunction(forged) }).toEqual({ name, answer: { status: 200, result: unknownRequest } });
    }
    expect(storedDigest()).toEqual(before);
  });

  test('a caller cannot borrow the trigger source: identity, a call chain or a half event are refused', async () => {
    const before = storedDigest();
    const event = { Type: 'Timer', TriggerName: 'tick', Time: localCloud.clock.now().toISOString() };
    expect(await localCloud.invoke(main, event, { OPENID: CITIZEN, SOURCE: 'wx_trigger' })).toEqual(unknownRequest);
    expect(await localCloud.invoke(main, event, { SOURCE: 'wx_trigger,scf' })).toEqual(unknownRequest);
    expect(await localCloud.invoke(main, event, {})).toEqual(unknownRequest);
    expect(await localCloud.invoke(main, { Type: 'Timer', TriggerName: 'tick' }, { SOURCE: 'wx_trigger' })).toEqual(unknownRequest);
    expect(storedDigest()).toEqual(before);
  });
});

describe('the real timer trigger', () => {
  beforeEach(() => worldWithWorkDue());

  test('fired by the platform (the gateway route) it runs its jobs', async () => {
    const events = count('case_events');
    const res = await fetch(`${gw.url}/_emulator/timers/tick`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ function: 'api', trigger: 'tick', result: { trigger: 'tick', jobs: { cases: expect.any(Object) } } });
    expect(count('case_events')).toBeGreaterThan(events);
  });

  test('every timer trigger of config.json has its jobs (a trigger without them would be refused)', async () => {
    const config = JSON.parse(fs.readFileSync(path.join(FUNCTIONS_ROOT, 'api', 'config.json'), 'utf8')) as { triggers: Array<{ name: string; type: string }> };
    const names = config.triggers.filter((t) => t.type === 'timer').map((t) => t.name);
    expect(names.length).toBeGreaterThan(0);
    expect([...TRIGGER_NAMES].sort()).toEqual([...names].sort());
    for (const name of names) expect(await localCloud.fireTimer(main, name)).toMatchObject({ trigger: name });
  });

  test('an unknown or inherited trigger name fired by the platform answers cleanly and runs nothing', async () => {
    const before = storedDigest();
    for (const name of ['nope', '__proto__', 'constructor']) {
      expect(await localCloud.fireTimer(main, name)).toEqual(unknownRequest);
    }
    expect(storedDigest()).toEqual(before);
  });
});
