// Issue 9 item 3: every mutating action, run once cleanly to count its database operations, commits, openapi calls
// and storage writes, then once per operation with that operation failed by the local cloud's fault switch. A failed
// call must answer a retryable error with a Chinese message and leave either nothing (the digest of every collection
// as before) or the whole write; the retry with the same payload must succeed and leave exactly what one clean call
// leaves (the same number of new documents in every collection: one case, one event, not two and not none).
import { DEFAULT_LIMITS } from '../../../cloudfunctions/api/src/domain/defaults';
import { localCloud, localCloudInternals, type FaultKind } from '../../../tools/local-cloud';
import { startGateway } from '../../../tools/local-cloud/gateway';
import type { ActionName, RequestOf } from '../../../typings/api';
import { callAs, ok, seedStaff } from '../../helpers/cloud';
import { storedDigest } from '../../helpers/digest';
import { ADMIN, CITIZEN, DISPATCHER, HANDLER, OTHER_CITIZEN, SUPERVISOR, processingCase, repliedCase, setUpAgency, submission, submit } from '../cases/helpers';
import { policyInput } from '../policies/helpers';
import { announcementInput, publishedAnnouncement } from '../announcements/helpers';

const EDITOR = 'o_fault_editor';
/** Errors a client may retry: the generic one and the "busy, try again" of a conflicting transaction. */
const RETRYABLE = ['INTERNAL', 'CONFLICT'];
const CHINESE = /[\u4e00-\u9fff]/;
let serial = 0;

interface Scenario<N extends ActionName> {
  caller: string;
  /** a fresh record to act on, built before each run */
  payload: () => Promise<RequestOf<N>>;
}

const versioned = (c: { id: string; version: number }) => ({ id: c.id, version: c.version });

function draftInput(): RequestOf<'draft.save'> {
  const now = localCloud.clock.now().getTime();
  return {
    title: `电动自行车停放充电管理办法（征求意见稿）${++serial}`,
    paragraphs: ['第一条 为加强住宅小区电动自行车停放充电管理，制定本办法。'],
    opensAt: new Date(now).toISOString(),
    closesAt: new Date(now + 40 * 86_400_000).toISOString(),
  };
}

const openDraft = () => ok(EDITOR, 'draft.save', draftInput());

async function publishedSuggestion() {
  const r = await repliedCase({ type: 'suggestion', title: '建议在幸福路增设公交站', content: '幸福路沿线居民多，建议增设一站公交站。' });
  return ok(DISPATCHER, 'case.setPublishable', { ...versioned(r), publishable: true });
}

const SCENARIOS: { [N in ActionName]?: Scenario<N> } = {
  'case.submit': { caller: CITIZEN, payload: async () => submission() },
  'case.accept': { caller: DISPATCHER, payload: async () => ({ ...versioned(await submit()), departmentId: 'dept-housing' }) },
  'case.reply': { caller: HANDLER, payload: async () => ({ ...versioned(await processingCase()), content: '经核查，物业已于今日修复电梯。' }) },
  'case.rate': { caller: CITIZEN, payload: async () => ({ ...versioned(await repliedCase()), score: 5, solved: true }) },
  'case.cosign': { caller: OTHER_CITIZEN, payload: async () => ({ id: (await publishedSuggestion()).id }) },
  // Creating actions are idempotent by the client's key; without one a retry after a lost answer creates twice.
  'draft.comment': { caller: CITIZEN, payload: async () => ({ id: (await openDraft()).id, content: '建议增加充电桩数量，方便居民。', clientRequestId: `fault-comment-${++serial}` }) },
  'policy.save': { caller: EDITOR, payload: async () => policyInput({ title: `关于规范停车收费的通知${++serial}`, clientRequestId: `fault-policy-${serial}` }) },
  'draft.save': { caller: EDITOR, payload: async () => ({ ...draftInput(), clientRequestId: `fault-draft-${serial}` }) },
  'draft.moderate': {
    caller: EDITOR,
    payload: async () => {
      const c = await ok(CITIZEN, 'draft.comment', { id: (await openDraft()).id, content: '建议明确物业的管理责任。' });
      return { commentId: c.commentId, decision: 'approve' };
    },
  },
  'case.approveExtension': {
    caller: SUPERVISOR,
    payload: async () => {
      const asked = await ok(HANDLER, 'case.requestExtension', { ...versioned(await processingCase()), days: 3, reason: '等待检测报告' });
      return { ...versioned(asked), approve: true };
    },
  },
  'case.respondCosign': {
    caller: SUPERVISOR,
    payload: async () => {
      const c = await publishedSuggestion();
      await ok(OTHER_CITIZEN, 'case.cosign', { id: c.id });
      return { ...versioned(await ok(SUPERVISOR, 'case.get', { id: c.id })), content: '已会同交通部门研究，计划年内在幸福路增设公交站。' };
    },
  },
  'policy.publish': { caller: EDITOR, payload: async () => versioned(await ok(EDITOR, 'policy.save', policyInput({ title: `关于加强物业管理的意见${++serial}` }))) },
  'case.withdraw': { caller: CITIZEN, payload: async () => versioned(await processingCase()) },
  'case.reject': { caller: DISPATCHER, payload: async () => ({ ...versioned(await submit()), reason: 'duplicate' }) },
  'case.assign': { caller: DISPATCHER, payload: async () => ({ ...versioned(await processingCase()), departmentId: 'dept-transport' }) },
  'case.askInfo': { caller: HANDLER, payload: async () => ({ ...versioned(await processingCase()), question: '请补充具体楼栋号。' }) },
  'case.supplement': {
    caller: CITIZEN,
    payload: async () => {
      const asked = await ok(HANDLER, 'case.askInfo', { ...versioned(await processingCase()), question: '请补充电梯故障的照片。' });
      return { ...versioned(asked), content: '已补充：故障发生在每天早上。' };
    },
  },
  'case.requestExtension': { caller: HANDLER, payload: async () => ({ ...versioned(await processingCase()), days: 3, reason: '等待检测报告' }) },
  'case.note': { caller: HANDLER, payload: async () => ({ ...versioned(await processingCase()), content: '已电话联系物业。' }) },
  'case.escalate': { caller: SUPERVISOR, payload: async () => ({ ...versioned(await processingCase()), note: '请加快办理。' }) },
  'case.setPublishable': { caller: DISPATCHER, payload: async () => ({ ...versioned(await repliedCase()), publishable: true }) },
  'policy.unpublish': {
    caller: EDITOR,
    payload: async () => {
      const p = await ok(EDITOR, 'policy.save', policyInput({ title: `关于调整公交票价的通知${++serial}` }));
      return { ...versioned(await ok(EDITOR, 'policy.publish', versioned(p))), reason: '已被新政策替代' };
    },
  },
  'announcement.save': { caller: EDITOR, payload: async () => announcementInput({ clientRequestId: `fault-announcement-${++serial}` }) },
  // A follower of the department: the publication's fan-out writes their message after the commit.
  'announcement.publish': {
    caller: EDITOR,
    payload: async () => {
      await ok(CITIZEN, 'announcement.follow', { departmentId: 'dept-housing', following: true });
      return versioned(await ok(EDITOR, 'announcement.save', announcementInput()));
    },
  },
  'announcement.withdraw': { caller: EDITOR, payload: async () => ({ ...versioned(await publishedAnnouncement(EDITOR)), reason: '信息有误' }) },
  // Each run starts from not following, so every clean call writes the one follow.
  'announcement.follow': {
    caller: OTHER_CITIZEN,
    payload: async () => {
      await ok(OTHER_CITIZEN, 'announcement.follow', { departmentId: 'dept-transport', following: false });
      return { departmentId: 'dept-transport', following: true };
    },
  },
  'message.read': {
    caller: CITIZEN,
    payload: async () => {
      await processingCase();
      return { ids: [(await ok(CITIZEN, 'message.list', { limit: 1 })).items[0]!.id] };
    },
  },
  'admin.settings.update': {
    caller: ADMIN,
    payload: async () => ({ version: (await ok(ADMIN, 'admin.settings.get', {})).version, acceptDays: 2 + (++serial % 3) }),
  },
};

async function setUpWorld(): Promise<void> {
  const limits = { ...DEFAULT_LIMITS, submissionsPerDay: 10_000 };
  await setUpAgency({ settings: { limits, cosignThreshold: 1 } });
  await seedStaff(EDITOR, ['editor']);
}

function collectionsOnly(digest: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(digest).filter(([name]) => name !== '(outbox)'));
}

/** Documents per collection, from a digest ("count:hash"). */
function sizes(digest: Record<string, string>): Record<string, number> {
  return Object.fromEntries(Object.entries(collectionsOnly(digest)).map(([name, v]) => [name, Number(v.split(':')[0])]));
}

function delta(before: Record<string, string>, after: Record<string, string>): Record<string, number> {
  const a = sizes(after);
  const b = sizes(before);
  return Object.fromEntries(Object.keys({ ...a, ...b }).map((name) => [name, (a[name] ?? 0) - (b[name] ?? 0)]).filter(([, d]) => d !== 0));
}

interface Finding {
  fault: string;
  problem: string;
}

async function runWithFault<N extends ActionName>(action: N, scenario: Scenario<N>, kind: FaultKind, n: number, clean: Record<string, number>): Promise<Finding[]> {
  const fault = `${kind} #${n}`;
  const findings: Finding[] = [];
  const payload = await scenario.payload();
  const before = storedDigest();
  localCloud.faults.clear();
  localCloud.faults.failNth({ kind, n });
  const failed = await callAs(scenario.caller, action, payload);
  const fired = localCloud.faults.fired;
  localCloud.faults.clear();
  if (fired !== 1) findings.push({ fault, problem: `the fault did not fire (${fired})` });
  const afterFault = storedDigest();
  if (!failed.ok) {
    if (!RETRYABLE.includes(failed.error.code) || !CHINESE.test(failed.error.message)) {
      findings.push({ fault, problem: `not a clear retryable error: ${failed.error.code} ${failed.error.message}` });
    }
    const unchanged = JSON.stringify(collectionsOnly(afterFault)) === JSON.stringify(collectionsOnly(before));
    const complete = JSON.stringify(delta(before, afterFault)) === JSON.stringify(clean);
    if (!unchanged && !complete) findings.push({ fault, problem: `partial write: ${JSON.stringify(delta(before, afterFault))} (clean: ${JSON.stringify(clean)}), changed ${changedCollections(before, afterFault)}` });
  }
  // After a failure the client retries; after a success (a fault the function rides out) a repeat must change nothing.
  const retry = await callAs(scenario.caller, action, payload);
  if (!retry.ok) findings.push({ fault, problem: `retry failed: ${retry.error.code} ${retry.error.message}` });
  const final = delta(before, storedDigest());
  if (JSON.stringify(final) !== JSON.stringify(clean)) findings.push({ fault, problem: `after the retry ${JSON.stringify(final)}, one clean call leaves ${JSON.stringify(clean)}` });
  return findings;
}

function changedCollections(a: Record<string, string>, b: Record<string, string>): string {
  return Object.keys({ ...a, ...b }).filter((k) => k !== '(outbox)' && a[k] !== b[k]).join(', ');
}

/**
 * Known and accepted: a co-sign response commits, then queues one message per co-signer outside the transaction (the
 * co-signers are unbounded). A failure in between leaves the response without its messages until the retry, which
 * queues them (docs/reliability.md, Faults). Only that state is excused, and only before the retry.
 */
function excused(action: ActionName, f: Finding): boolean {
  return action === 'case.respondCosign' && f.problem.startsWith('partial write: {"case_events":1} (clean: {"case_events":1,"notifications":1})');
}

const ACTIONS_UNDER_FAULT = Object.keys(SCENARIOS) as ActionName[];

describe.each(ACTIONS_UNDER_FAULT)('%s under faults', (action) => {
  test('each failed operation leaves nothing or everything, answers a retryable error, and the retry succeeds once', async () => {
    await setUpWorld();
    const scenario = SCENARIOS[action] as unknown as Scenario<typeof action>;
    // A first call creates what only the first one does (the day's counters); the second shows what each call adds.
    await ok(scenario.caller, action, await scenario.payload());
    const payload = await scenario.payload();
    const before = storedDigest();
    localCloud.faults.clear();
    const res = await callAs(scenario.caller, action, payload);
    const counts = localCloud.faults.counts();
    expect(res).toMatchObject({ ok: true });
    const clean = delta(before, storedDigest());
    // The same payload again changes nothing more (idempotent) or is refused; it never writes a second record.
    const again = storedDigest();
    await callAs(scenario.caller, action, payload);
    expect(delta(again, storedDigest())).toEqual({});

    const findings: Finding[] = [];
    const kinds: FaultKind[] = ['db', 'commit', 'openapi', 'storage'];
    for (const kind of kinds) {
      for (let n = 1; n <= counts[kind]; n++) findings.push(...(await runWithFault(action, scenario, kind, n, clean)));
    }
    console.log(`faults ${action}: ${counts.db} database operations (${counts.commit} commits), ${counts.openapi} openapi calls, ${counts.storage} storage writes; ${findings.length} findings`);
    expect(counts.db).toBeGreaterThan(0);
    expect(findings.filter((f) => !excused(action, f)).map((f) => `${f.fault}: ${f.problem}`)).toEqual([]);
  }, 120_000);
});

describe('the fault switch', () => {
  test('over the gateway: POST arms the Nth database operation, GET counts, DELETE disarms; bad specs are 400', async () => {
    const gw = await startGateway({ port: 0, cloud: { filename: ':memory:', strict: { threshold: 0 } } });
    try {
      const send = async (method: string, route: string, body?: unknown, openid?: string) => {
        const res = await fetch(`${gw.url}${route}`, { method, headers: { 'content-type': 'application/json', ...(openid ? { 'x-wx-openid': openid } : {}) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
        return { status: res.status, json: (await res.json()) as Record<string, unknown> };
      };
      expect((await send('POST', '/_emulator/faults', { kind: 'disk', n: 1 })).status).toBe(400);
      expect((await send('POST', '/_emulator/faults', { kind: 'db', n: 0 })).status).toBe(400);
      expect((await send('POST', '/_emulator/faults', { kind: 'db', n: 1 })).status).toBe(200);
      const failed = await send('POST', '/functions/api', { action: 'me.get', payload: {} }, 'o_a');
      expect(failed.json.result).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(CHINESE) } });
      expect((await send('GET', '/_emulator/faults')).json).toMatchObject({ fired: 1, counts: { db: 1 } });
      expect((await send('POST', '/_emulator/faults', { kind: 'db', n: 5 })).status).toBe(200);
      expect((await send('DELETE', '/_emulator/faults')).json).toMatchObject({ fired: 0, counts: { db: 0 } });
      const fine = await send('POST', '/functions/api', { action: 'me.get', payload: {} }, 'o_a');
      expect(fine.json.result).toMatchObject({ ok: true });
    } finally {
      await gw.close();
      localCloud.configure({ filename: ':memory:', strict: { threshold: 0 } });
    }
  });

  test('in process: openapi calls and storage writes fail with the SDK error, once, and nothing is stored', async () => {
    localCloud.faults.failNth({ kind: 'storage', n: 2 });
    localCloud.storage.write('a/one.txt', Buffer.from('1'));
    expect(() => localCloud.storage.write('a/two.txt', Buffer.from('2'))).toThrow(/uploadFile:fail/);
    expect(localCloud.storage.read('a/two.txt')).toBeNull();
    localCloud.storage.write('a/two.txt', Buffer.from('2'));
    expect(localCloud.storage.read('a/two.txt')?.toString()).toBe('2');

    localCloud.faults.failNth({ kind: 'openapi', n: 1 });
    const proxy = localCloudInternals.openapiProxy as { subscribeMessage: { send(a: unknown): Promise<unknown> } };
    await expect(proxy.subscribeMessage.send({ touser: 'o_a' })).rejects.toMatchObject({ errCode: -1, errMsg: expect.stringContaining('openapi.subscribeMessage.send:fail') });
    await expect(proxy.subscribeMessage.send({ touser: 'o_a' })).resolves.toMatchObject({ errCode: 0 });
    expect(localCloud.faults.counts()).toMatchObject({ storage: 3, openapi: 2 });
    expect(localCloud.faults.fired).toBe(2);
  });
});
