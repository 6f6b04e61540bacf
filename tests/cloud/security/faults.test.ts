// Issue 9 item 3: every mutating action, run once cleanly to count its database operations, commits, openapi calls
// and storage writes, then once per operation with that operation failed by the local cloud's fault switch. A failed
// call must answer a retryable error with a Chinese message and leave either nothing (the digest of every collection
// as before), or the whole write, or a write the timer's outbox sweep completes without anyone retrying; the retry
// with the same payload must succeed and leave exactly what one clean call leaves (the same number of new documents
// in every collection: one case, one event, not two and not none). Every clean call leaves its event.
//
// Every action of the contract has a row in FIXTURES (typed over ActionName, and checked against ACCESS at run time):
// `mutating(...)` puts it under faults; `readOnly(...)` is run and must send no write to the database, so an action
// that writes cannot be filed as a read and escape. A new action is one line here.
import { main } from '../../../cloudfunctions/api/src';
import { DEFAULT_LIMITS } from '../../../cloudfunctions/api/src/domain/defaults';
import { ACCESS } from '../../../cloudfunctions/api/src/permissions';
import { localCloud, localCloudInternals, type FaultKind } from '../../../tools/local-cloud';
import { startGateway } from '../../../tools/local-cloud/gateway';
import type { ActionName, RequestOf } from '../../../typings/api';
import { callAs, ok, seedStaff } from '../../helpers/cloud';
import { storedDigest } from '../../helpers/digest';
import { ADMIN, at, CITIZEN, DISPATCHER, docById, HANDLER, OTHER_CITIZEN, processingCase, repliedCase, setUpAgency, submission, submit, SUPERVISOR, TEMPLATE } from '../cases/helpers';
import { policyInput } from '../policies/helpers';
import { guideInput } from '../../helpers/guide';
import { fullAnswer, openSurvey, pastClose, surveyInput } from '../surveys/helpers';
import { announcementInput, publishedAnnouncement } from '../announcements/helpers';

const EDITOR = 'o_fault_editor';
const TARGET = 'o_fault_target';
const NEWCOMER = 'o_fault_newcomer';
/** Errors a client may retry: the generic one and the "busy, try again" of a conflicting transaction. */
const RETRYABLE = ['INTERNAL', 'CONFLICT'];
const CHINESE = /[\u4e00-\u9fff]/;
/** Where events are written: the case timeline and the audit trail of every other subject (docs/adr/0060). */
const EVENT_COLLECTIONS = ['case_events', 'audit_events'];
/** What the SDK sends to the database for a write (insert, update/set, remove, a collection, a commit). */
const WRITE_REQUESTS = new Set(['database.insertDocument', 'database.modifyDocument', 'database.removeDocument', 'database.addCollection', 'database.commitTransaction']);
const FAULT_KINDS: FaultKind[] = ['db', 'commit', 'openapi', 'storage'];
const DAY = 86_400_000;
let serial = 0;
const next = () => ++serial;

interface Mutating<N extends ActionName> {
  kind: 'mutating';
  caller: string | null;
  /** a fresh record to act on, built before each run */
  payload: () => Promise<RequestOf<N>>;
  /** Why a clean call leaves no event (personal state such as a bookmark); absent: it must leave one. */
  noEvent?: string;
  /** Why every call creates anew (no key the retry could carry); then each retry adds one complete write. */
  eachCallCreates?: string;
}

interface ReadOnly<N extends ActionName> {
  kind: 'read';
  caller: string | null;
  payload: () => Promise<RequestOf<N>>;
}

type Fixture<N extends ActionName> = Mutating<N> | ReadOnly<N>;

function mutating<N extends ActionName>(caller: string | null, payload: () => Promise<RequestOf<N>>, opts: { noEvent?: string; eachCallCreates?: string } = {}): Mutating<N> {
  return { kind: 'mutating', caller, payload, ...opts };
}

function readOnly<N extends ActionName>(caller: string | null, payload: () => Promise<RequestOf<N>>): ReadOnly<N> {
  return { kind: 'read', caller, payload };
}

// ---- records the fixtures build -------------------------------------------------------------------------------

const versioned = (c: { id: string; version: number }) => ({ id: c.id, version: c.version });
const later = (ms: number) => at(new Date(localCloud.clock.now().getTime() + ms).toISOString());

function draftInput(): RequestOf<'draft.save'> {
  const now = localCloud.clock.now().getTime();
  return {
    title: `电动自行车停放充电管理办法（征求意见稿）${next()}`,
    paragraphs: ['第一条 为加强住宅小区电动自行车停放充电管理，制定本办法。'],
    opensAt: new Date(now).toISOString(),
    closesAt: new Date(now + 40 * DAY).toISOString(),
  };
}

const openDraft = () => ok(EDITOR, 'draft.save', draftInput());

async function approvedComment(draftId: string, openid = CITIZEN): Promise<string> {
  const c = await ok(openid, 'draft.comment', { id: draftId, content: `建议在小区增设集中充电桩${next()}。` });
  await ok(EDITOR, 'draft.moderate', { commentId: c.commentId, decision: 'approve' });
  return c.commentId;
}

/** A closed draft with two approved comments (two commenters to tell when the report is out). */
async function closedDraftWithComments(): Promise<{ id: string; commentIds: string[] }> {
  const d = await openDraft();
  const commentIds = [await approvedComment(d.id, CITIZEN), await approvedComment(d.id, OTHER_CITIZEN)];
  later(41 * DAY);
  return { id: d.id, commentIds };
}

async function publishedSuggestion() {
  const r = await repliedCase({ type: 'suggestion', title: '建议在幸福路增设公交站', content: '幸福路沿线居民多，建议增设一站公交站。' });
  return ok(DISPATCHER, 'case.setPublishable', { ...versioned(r), publishable: true });
}

async function publishedPolicy() {
  const p = await ok(EDITOR, 'policy.save', policyInput({ title: `关于加强物业管理的意见${next()}` }));
  return ok(EDITOR, 'policy.publish', versioned(p));
}

async function publishedGuideItem() {
  const g = await ok(EDITOR, 'guide.save', guideInput({ name: `居民身份证换领${next()}` }));
  return ok(EDITOR, 'guide.publish', versioned(g));
}

/** A finished export of cases with personal data (a small one finishes in the call that creates it). */
async function finishedExport() {
  await submit();
  return ok(ADMIN, 'export.create', { kind: 'cases', format: 'csv', from: '2026-11-01', to: '2026-12-31', reason: '信访复查需要联系来信人', clientRequestId: `fault-export-ready-${next()}` });
}

async function pendingReplyCase() {
  const s = await ok(ADMIN, 'admin.settings.get', {});
  if (!s.reviewReplies) await ok(ADMIN, 'admin.settings.update', { version: s.version, reviewReplies: true });
  return ok(HANDLER, 'case.reply', { ...versioned(await processingCase()), content: '经核查，物业已更换电梯主板。' });
}

async function flaggedCase() {
  localCloud.openapi.setMsgSecWords({ review: ['待核实'] });
  return submit({ content: '小区电梯故障，物业称待核实后维修，已经拖了两周。' });
}

/** Every action of the contract: what it is run with, and whether it writes. */
const FIXTURES: { readonly [N in ActionName]: Fixture<N> } = {
  'meta.get': readOnly(CITIZEN, async () => ({})),
  'me.get': readOnly(CITIZEN, async () => ({})),
  'policy.list': readOnly(CITIZEN, async () => ({})),
  'policy.get': readOnly(CITIZEN, async () => ({ id: (await publishedPolicy()).id })),
  'policy.save': mutating(EDITOR, async () => policyInput({ title: `关于规范停车收费的通知${next()}`, clientRequestId: `fault-policy-${serial}` })),
  'policy.publish': mutating(EDITOR, async () => versioned(await ok(EDITOR, 'policy.save', policyInput({ title: `关于加强物业管理的意见${next()}` })))),
  'policy.unpublish': mutating(EDITOR, async () => ({ ...versioned(await publishedPolicy()), reason: '已被新政策替代' })),
  'policy.favorite': mutating(CITIZEN, async () => ({ id: (await publishedPolicy()).id, favorited: true }), { noEvent: "a citizen's bookmark is personal state, not a change to the policy" }),
  'home.get': readOnly(CITIZEN, async () => ({})),
  'guide.list': readOnly(CITIZEN, async () => ({})),
  'guide.get': readOnly(CITIZEN, async () => ({ id: (await publishedGuideItem()).id })),
  'guide.save': mutating(EDITOR, async () => guideInput({ name: `住房公积金提取${next()}`, clientRequestId: `fault-guide-${serial}` })),
  'guide.publish': mutating(EDITOR, async () => versioned(await ok(EDITOR, 'guide.save', guideInput({ name: `生育登记${next()}` })))),
  'guide.withdraw': mutating(EDITOR, async () => ({ ...versioned(await publishedGuideItem()), reason: '事项已调整' })),
  'guide.pinQuestion': mutating(EDITOR, async () => ({ letterId: (await publishedSuggestion()).id, order: 1 })),
  'guide.unpinQuestion': mutating(EDITOR, async () => {
    const letterId = (await publishedSuggestion()).id;
    await ok(EDITOR, 'guide.pinQuestion', { letterId, order: 1 });
    return { letterId };
  }),
  'survey.list': readOnly(CITIZEN, async () => ({})),
  'survey.get': readOnly(CITIZEN, async () => ({ id: (await openSurvey(EDITOR)).id })),
  'survey.save': mutating(EDITOR, async () => surveyInput({ clientRequestId: `fault-survey-${next()}` })),
  'survey.publish': mutating(EDITOR, async () => versioned(await ok(EDITOR, 'survey.save', surveyInput()))),
  // A text answer: the answer, its tally shard, its text for moderation, the survey's answered flag and the event.
  'survey.answer': mutating(CITIZEN, async () => ({ id: (await openSurvey(EDITOR)).id, answers: fullAnswer('希望增加助餐点。'), clientRequestId: `fault-answer-${next()}` })),
  'survey.results': readOnly(EDITOR, async () => ({ id: (await openSurvey(EDITOR)).id })),
  'survey.textQueue': readOnly(EDITOR, async () => ({})),
  'survey.moderateText': mutating(EDITOR, async () => {
    const s = await openSurvey(EDITOR);
    await ok(CITIZEN, 'survey.answer', { id: s.id, answers: fullAnswer('希望增加助餐点。') });
    return { id: (await ok(EDITOR, 'survey.textQueue', { surveyId: s.id })).items[0]!.id, decision: 'approve' };
  }),
  'survey.publishResults': mutating(EDITOR, async () => {
    const s = await openSurvey(EDITOR);
    await ok(CITIZEN, 'survey.answer', { id: s.id, answers: fullAnswer() });
    const fresh = await ok(EDITOR, 'survey.get', { id: s.id });
    pastClose(s);
    return versioned(fresh);
  }),
  'survey.exportCsv': mutating(EDITOR, async () => ({ id: (await openSurvey(EDITOR)).id }), {
    eachCallCreates: 'each export is a new file of the results as they stand, and each is recorded as a disclosure',
  }),
  // The job and its audit event in one transaction; a failure in the first batch after it leaves the job to the timer.
  'export.create': mutating(ADMIN, async () => {
    await submit();
    return { kind: 'cases', format: 'xlsx', from: '2026-11-01', to: '2026-11-30', reason: '信访复查需要联系来信人', clientRequestId: `fault-export-${next()}` };
  }),
  'export.list': readOnly(ADMIN, async () => ({})),
  'export.get': readOnly(ADMIN, async () => ({ id: (await finishedExport()).id })),
  'export.download': mutating(ADMIN, async () => ({ id: (await finishedExport()).id }), {
    eachCallCreates: 'each download of a file with personal data is a disclosure of its own, recorded in the audit trail',
  }),
  'search.query': readOnly(null, async () => ({ q: '电动自行车' })),
  'announcement.list': readOnly(CITIZEN, async () => ({})),
  'announcement.get': readOnly(CITIZEN, async () => ({ id: (await publishedAnnouncement(EDITOR)).id })),
  'announcement.save': mutating(EDITOR, async () => announcementInput({ clientRequestId: `fault-announcement-${next()}` })),
  // A follower of the department: the publication's fan-out writes their message after the commit.
  'announcement.publish': mutating(EDITOR, async () => {
    await ok(CITIZEN, 'announcement.follow', { departmentId: 'dept-housing', following: true });
    return versioned(await ok(EDITOR, 'announcement.save', announcementInput()));
  }),
  'announcement.withdraw': mutating(EDITOR, async () => ({ ...versioned(await publishedAnnouncement(EDITOR)), reason: '信息有误' })),
  // Each run starts from not following, so every clean call writes the one follow.
  'announcement.follow': mutating(
    OTHER_CITIZEN,
    async () => {
      await ok(OTHER_CITIZEN, 'announcement.follow', { departmentId: 'dept-transport', following: false });
      return { departmentId: 'dept-transport', following: true };
    },
    { noEvent: "following a department is the citizen's own preference, not a change to the agency's records" },
  ),
  'message.list': readOnly(CITIZEN, async () => ({})),
  'message.unread': readOnly(CITIZEN, async () => ({})),
  'message.read': mutating(
    CITIZEN,
    async () => {
      await processingCase();
      // An unread one: on the frozen clock messages share their instant, so the newest by key may be an older, read one.
      const unread = (await ok(CITIZEN, 'message.list', { limit: 50 })).items.find((m) => !m.read);
      return { ids: [unread!.id] };
    },
    { noEvent: "a read mark is the citizen's own state of their inbox" },
  ),
  'draft.list': readOnly(CITIZEN, async () => ({})),
  'draft.get': readOnly(CITIZEN, async () => ({ id: (await openDraft()).id })),
  'draft.comments': readOnly(CITIZEN, async () => ({ id: (await openDraft()).id })),
  'draft.save': mutating(EDITOR, async () => ({ ...draftInput(), clientRequestId: `fault-draft-${serial}` })),
  // Creating actions are idempotent by the client's key; without one a retry after a lost answer creates twice.
  'draft.comment': mutating(CITIZEN, async () => ({ id: (await openDraft()).id, content: '建议增加充电桩数量，方便居民。', clientRequestId: `fault-comment-${next()}` })),
  'draft.moderationQueue': readOnly(EDITOR, async () => ({})),
  'draft.moderate': mutating(EDITOR, async () => {
    const c = await ok(CITIZEN, 'draft.comment', { id: (await openDraft()).id, content: '建议明确物业的管理责任。' });
    return { commentId: c.commentId, decision: 'approve' };
  }),
  'draft.decide': mutating(EDITOR, async () => ({ commentIds: (await closedDraftWithComments()).commentIds, decision: 'adopted', reason: '已在修改稿中采纳' })),
  'draft.publishReport': mutating(EDITOR, async () => {
    const d = await closedDraftWithComments();
    await ok(EDITOR, 'draft.decide', { commentIds: d.commentIds, decision: 'partly', reason: '部分采纳' });
    return { ...versioned(await ok(EDITOR, 'draft.get', { id: d.id })), summary: '共收到意见 2 条，部分采纳。' };
  }),
  'case.submit': mutating(CITIZEN, async () => submission({ subscribed: [TEMPLATE.caseStatus] })),
  'case.listMine': readOnly(CITIZEN, async () => ({})),
  'case.get': readOnly(CITIZEN, async () => ({ id: (await submit()).id })),
  'case.findByTrackingNo': readOnly(CITIZEN, async () => ({ trackingNo: (await submit()).trackingNo })),
  'case.withdraw': mutating(CITIZEN, async () => versioned(await processingCase())),
  'case.supplement': mutating(CITIZEN, async () => {
    const asked = await ok(HANDLER, 'case.askInfo', { ...versioned(await processingCase()), question: '请补充电梯故障的照片。' });
    return { ...versioned(asked), content: '已补充：故障发生在每天早上。' };
  }),
  'case.rate': mutating(CITIZEN, async () => ({ ...versioned(await repliedCase()), score: 5, solved: true })),
  'case.subscribe': mutating(CITIZEN, async () => ({ templateIds: [TEMPLATE.caseStatus], clientRequestId: `fault-subscribe-${next()}` }), {
    noEvent: 'a grant to receive messages is personal state; the message it allows is recorded in the outbox',
  }),
  'case.listPublic': readOnly(null, async () => ({})),
  'case.getPublic': readOnly(CITIZEN, async () => ({ id: (await publishedSuggestion()).id })),
  'case.queue': readOnly(DISPATCHER, async () => ({})),
  'case.accept': mutating(DISPATCHER, async () => ({ ...versioned(await submit()), departmentId: 'dept-housing' })),
  'case.reject': mutating(DISPATCHER, async () => ({ ...versioned(await submit()), reason: 'duplicate' })),
  'case.assign': mutating(DISPATCHER, async () => ({ ...versioned(await processingCase()), departmentId: 'dept-transport' })),
  'case.clearContent': mutating(DISPATCHER, async () => versioned(await flaggedCase())),
  'case.askInfo': mutating(HANDLER, async () => ({ ...versioned(await processingCase()), question: '请补充具体楼栋号。' })),
  'case.reply': mutating(HANDLER, async () => ({ ...versioned(await processingCase()), content: '经核查，物业已于今日修复电梯。' })),
  'case.requestExtension': mutating(HANDLER, async () => ({ ...versioned(await processingCase()), days: 3, reason: '等待检测报告' })),
  'case.note': mutating(HANDLER, async () => ({ ...versioned(await processingCase()), content: '已电话联系物业。' })),
  'case.approveReply': mutating(SUPERVISOR, async () => ({ ...versioned(await pendingReplyCase()), approve: true })),
  'case.approveExtension': mutating(SUPERVISOR, async () => {
    const asked = await ok(HANDLER, 'case.requestExtension', { ...versioned(await processingCase()), days: 3, reason: '等待检测报告' });
    return { ...versioned(asked), approve: true };
  }),
  'case.escalate': mutating(SUPERVISOR, async () => ({ ...versioned(await processingCase()), note: '请加快办理。' })),
  'case.setPublishable': mutating(DISPATCHER, async () => ({ ...versioned(await repliedCase()), publishable: true })),
  'stats.dashboard': readOnly(SUPERVISOR, async () => ({ period: 'month' })),
  'stats.public': readOnly(CITIZEN, async () => ({})),
  'case.cosign': mutating(OTHER_CITIZEN, async () => ({ id: (await publishedSuggestion()).id })),
  'case.respondCosign': mutating(SUPERVISOR, async () => {
    const c = await publishedSuggestion();
    await ok(OTHER_CITIZEN, 'case.cosign', { id: c.id });
    return { ...versioned(await ok(SUPERVISOR, 'case.get', { id: c.id })), content: '已会同交通部门研究，计划年内在幸福路增设公交站。' };
  }),
  // A right pair reads; only a wrong pair writes (its failure counters: over-counting under a fault is the safe side).
  'case.lookup': readOnly(OTHER_CITIZEN, async () => ({ trackingNo: (await submit({ contactPhone: '13800138000' })).trackingNo, phoneLast4: '8000' })),
  'staff.bind': mutating(NEWCOMER, async () => ({ code: (await ok(ADMIN, 'admin.invite', { roles: ['dispatcher'] })).code })),
  'admin.invite': mutating(ADMIN, async () => ({ roles: ['dispatcher'] }), {
    eachCallCreates: 'the code is answered once and stored only hashed, so a retry cannot be answered the same code (docs/adr/0053)',
  }),
  'admin.staff.list': readOnly(ADMIN, async () => ({})),
  'admin.staff.update': mutating(ADMIN, async () => ({ openid: TARGET, version: (await docById<{ version?: number }>('users', TARGET))?.version ?? 0, displayName: `王五${next()}` })),
  'admin.settings.get': readOnly(ADMIN, async () => ({})),
  'admin.settings.update': mutating(ADMIN, async () => ({ version: (await ok(ADMIN, 'admin.settings.get', {})).version, acceptDays: 2 + (next() % 3) })),
  'admin.departments.save': mutating(ADMIN, async () => ({ name: `新设单位${next()}`, phone: '0571-87001234' })),
  'admin.categories.save': mutating(ADMIN, async () => ({ name: `新设分类${next()}`, departmentId: 'dept-housing', types: ['inquiry'] })),
  'admin.audit.list': readOnly(ADMIN, async () => ({})),
};

async function setUpWorld(): Promise<void> {
  const limits = { ...DEFAULT_LIMITS, submissionsPerDay: 10_000 };
  await setUpAgency({ settings: { limits, cosignThreshold: 1, cosignsPerDay: 10_000 } });
  await seedStaff(EDITOR, ['editor']);
  await seedStaff(TARGET, ['dispatcher']);
  // As a deployed environment after its first tick: the data back-fills are done and keep no more progress records.
  await localCloud.fireTimer(main, 'tick');
}

// ---- comparing what is stored ---------------------------------------------------------------------------------

type Digest = Record<string, string>;

function collectionsOnly(digest: Digest): Digest {
  return Object.fromEntries(Object.entries(digest).filter(([name]) => name !== '(outbox)'));
}

/** Documents per collection, from a digest ("count:hash"). */
function sizes(digest: Digest): Record<string, number> {
  return Object.fromEntries(Object.entries(collectionsOnly(digest)).map(([name, v]) => [name, Number(v.split(':')[0])]));
}

function delta(before: Digest, after: Digest): Record<string, number> {
  const a = sizes(after);
  const b = sizes(before);
  return Object.fromEntries(Object.keys({ ...a, ...b }).map((name) => [name, (a[name] ?? 0) - (b[name] ?? 0)]).filter(([, d]) => d !== 0));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const times = (d: Record<string, number>, k: number) => Object.fromEntries(Object.entries(d).map(([name, n]) => [name, n * k]));

function changedCollections(a: Digest, b: Digest): string[] {
  return Object.keys({ ...a, ...b }).filter((k) => k !== '(outbox)' && a[k] !== b[k]);
}

/**
 * The timer's next runs, as the platform fires them a few minutes on (past the sender's lease and first back-off):
 * what they complete from the outbox needs nobody's retry.
 */
async function timerSweep(): Promise<void> {
  later(5 * 60_000);
  await localCloud.fireTimer(main, 'tick');
}

// ---- one action under faults ----------------------------------------------------------------------------------

interface Finding {
  fault: string;
  problem: string;
}

async function runWithFault<N extends ActionName>(action: N, fx: Mutating<N>, kind: FaultKind, n: number, clean: Record<string, number>): Promise<Finding[]> {
  const fault = `${kind} #${n}`;
  const findings: Finding[] = [];
  const payload = await fx.payload();
  const before = storedDigest();
  localCloud.faults.clear();
  localCloud.faults.failNth({ kind, n });
  const failed = await callAs(fx.caller, action, payload);
  const fired = localCloud.faults.fired;
  localCloud.faults.clear();
  if (fired !== 1) findings.push({ fault, problem: `the fault did not fire (${fired})` });
  const afterFault = storedDigest();
  if (!failed.ok) {
    if (!RETRYABLE.includes(failed.error.code) || !CHINESE.test(failed.error.message)) {
      findings.push({ fault, problem: `not a clear retryable error: ${failed.error.code} ${failed.error.message}` });
    }
    const unchanged = same(collectionsOnly(afterFault), collectionsOnly(before));
    if (!unchanged && !same(delta(before, afterFault), clean)) {
      // Committed, but what follows the commit (messages to many people) did not run: the outbox entry written in the
      // transaction must let the timer finish it, with no retry by the caller.
      await timerSweep();
      const swept = storedDigest();
      if (!same(delta(before, swept), clean)) {
        findings.push({ fault, problem: `partial write: ${JSON.stringify(delta(before, afterFault))}, after a timer tick ${JSON.stringify(delta(before, swept))} (clean: ${JSON.stringify(clean)}), changed ${changedCollections(before, afterFault).join(', ')}` });
      }
    }
  }
  // After a failure the client retries; after a success (a fault the function rides out) a repeat must change nothing.
  const retry = await callAs(fx.caller, action, payload);
  if (!retry.ok) findings.push({ fault, problem: `retry failed: ${retry.error.code} ${retry.error.message}` });
  const allowed = fx.eachCallCreates ? [clean, times(clean, 2)] : [clean];
  const settled = () => allowed.some((d) => same(delta(before, storedDigest()), d));
  if (!settled()) {
    // A fault after the commit that the function rode out (a message not sent at once) is the timer's to finish.
    const afterRetry = delta(before, storedDigest());
    await timerSweep();
    if (!settled()) findings.push({ fault, problem: `after the retry ${JSON.stringify(afterRetry)}, after a timer sweep ${JSON.stringify(delta(before, storedDigest()))}; one clean call leaves ${JSON.stringify(clean)}` });
  }
  return findings;
}

// Every injected fault that reaches the router is logged there with its stack, well over a thousand per run: the
// test judges the answer and what is stored, not the log, and jest formatting each of those stacks cost seconds of CPU.
beforeEach(() => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  jest.restoreAllMocks();
});

const ACTION_NAMES = Object.keys(ACCESS).sort() as ActionName[];
const MUTATING = ACTION_NAMES.filter((a) => FIXTURES[a]?.kind === 'mutating');
const READ_ONLY = ACTION_NAMES.filter((a) => FIXTURES[a]?.kind === 'read');

describe('fault coverage', () => {
  test('every action of the contract has a fixture: under faults, or a read shown to write nothing', () => {
    const missing = ACTION_NAMES.filter((a) => !Object.prototype.hasOwnProperty.call(FIXTURES, a)).map((a) => `${a}: no fixture in tests/cloud/security/faults.test.ts`);
    const stale = Object.keys(FIXTURES).filter((a) => !ACTION_NAMES.includes(a as ActionName)).map((a) => `${a}: a fixture for an action ACCESS does not have`);
    expect([...missing, ...stale]).toEqual([]);
    expect(MUTATING.length + READ_ONLY.length).toBe(ACTION_NAMES.length);
    console.log(`fault coverage: ${ACTION_NAMES.length} actions, ${MUTATING.length} mutating under faults, ${READ_ONLY.length} reads`);
  });

  test('an action filed as a read sends no write to the database and stores nothing', async () => {
    await setUpWorld();
    const writes: string[] = [];
    const stop = localCloudInternals.onDatabaseRequest((request) => {
      if (WRITE_REQUESTS.has(request)) writes.push(request);
    });
    const wrote: Record<string, string[]> = {};
    try {
      for (const action of READ_ONLY) {
        const fx = FIXTURES[action] as ReadOnly<typeof action>;
        const payload = await fx.payload();
        const before = storedDigest();
        writes.length = 0;
        localCloud.faults.clear();
        const res = await callAs(fx.caller, action, payload);
        expect({ action, ok: res.ok }).toEqual({ action, ok: true });
        const changed = changedCollections(before, storedDigest());
        if (writes.length || changed.length || localCloud.faults.counts().storage) wrote[action] = [...writes, ...changed];
      }
    } finally {
      stop();
    }
    expect(wrote).toEqual({});
  });
});

describe.each(MUTATING)('%s under faults', (action) => {
  test('each failed operation leaves nothing or everything, answers a retryable error, and the retry succeeds once', async () => {
    await setUpWorld();
    const fx = FIXTURES[action] as Mutating<typeof action>;
    // A first call creates what only the first one does (the day's counters); the second shows what each call adds.
    await ok(fx.caller, action, await fx.payload());
    const payload = await fx.payload();
    const before = storedDigest();
    localCloud.faults.clear();
    const res = await callAs(fx.caller, action, payload);
    const counts = localCloud.faults.counts();
    expect(res).toMatchObject({ ok: true });
    const afterClean = storedDigest();
    const clean = delta(before, afterClean);
    // A mutating action changes what is stored, and (unless the fixture says why not) leaves its event.
    expect(changedCollections(before, afterClean)).not.toEqual([]);
    const events = EVENT_COLLECTIONS.reduce((sum, name) => sum + (clean[name] ?? 0), 0);
    if (!fx.noEvent) expect({ action, events: events > 0 }).toEqual({ action, events: true });
    // The same payload again (the answer was lost) succeeds and changes nothing more, or creates one more whole record.
    const again = storedDigest();
    const repeat = await callAs(fx.caller, action, payload);
    expect({ action, repeat: repeat.ok ? 'ok' : repeat.error }).toEqual({ action, repeat: 'ok' });
    if (fx.eachCallCreates) expect(delta(again, storedDigest())).toEqual(clean);
    else expect(changedCollections(again, storedDigest())).toEqual([]);

    const findings: Finding[] = [];
    for (const kind of FAULT_KINDS) {
      for (let n = 1; n <= counts[kind]; n++) findings.push(...(await runWithFault(action, fx, kind, n, clean)));
    }
    const points = FAULT_KINDS.reduce((sum, k) => sum + counts[k], 0);
    console.log(`faults ${action}: ${counts.db} database operations (${counts.commit} commits), ${counts.openapi} openapi calls, ${counts.storage} storage writes; ${points} runs with a fault; ${findings.length} findings`);
    expect(counts.db).toBeGreaterThan(0);
    expect(findings.map((f) => `${f.fault}: ${f.problem}`)).toEqual([]);
  }, 180_000);
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
