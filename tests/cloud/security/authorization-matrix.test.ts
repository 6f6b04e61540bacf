// Issue 9 item 1: every action of the contract x every kind of caller, run through the real function on a fitting
// record, must give the outcome written in cloudfunctions/api/src/permissions.matrix.ts. Cells are generated from the
// table and the ACTIONS keys; a fixture per action builds a fresh record for each cell, so one caller's success does
// not change what the next one meets.
import { ACTIONS } from '../../../cloudfunctions/api/src/actions';
import { DEFAULT_LIMITS } from '../../../cloudfunctions/api/src/domain/defaults';
import { AUTHORIZATION_MATRIX, IDENTITIES, type Identity, type Outcome } from '../../../cloudfunctions/api/src/permissions.matrix';
import { localCloud } from '../../../tools/local-cloud';
import type { ActionName, RequestOf } from '../../../typings/api';
import type { Role } from '../../../typings/domain';
import { callAs, database, ok, seedStaff } from '../../helpers/cloud';
import { ADMIN, at, CITIZEN, DISPATCHER, docById, HANDLER, OTHER_CITIZEN, OTHER_HANDLER, processingCase, repliedCase, setUpAgency, submit, SUPERVISOR, TEMPLATE } from '../cases/helpers';
import { policyInput } from '../policies/helpers';
import { guideInput } from '../../helpers/guide';
import { fullAnswer, openSurvey, surveyInput } from '../surveys/helpers';
import { announcementInput, publishedAnnouncement } from '../announcements/helpers';

const EDITOR = 'o_mx_editor';
const DISABLED = 'o_mx_disabled';
const REVOKED = 'o_mx_revoked';
const TARGET = 'o_mx_target';
const ALL_ROLES: Role[] = ['dispatcher', 'handler', 'supervisor', 'editor', 'admin'];

const OPENID: Record<Identity, string | null> = {
  anonymous: null,
  owner: CITIZEN,
  otherCitizen: OTHER_CITIZEN,
  dispatcher: DISPATCHER,
  handler: HANDLER,
  otherHandler: OTHER_HANDLER,
  supervisor: SUPERVISOR,
  editor: EDITOR,
  admin: ADMIN,
  disabledStaff: DISABLED,
  revokedStaff: REVOKED,
};

const DAY = 86_400_000;
const later = (ms: number) => at(new Date(localCloud.clock.now().getTime() + ms).toISOString());
let serial = 0;
const next = () => ++serial;

async function setUpWorld(): Promise<void> {
  // One co-sign reaches the response threshold, so a fixture can owe a response in one step.
  await setUpAgency({ settings: { limits: { ...DEFAULT_LIMITS, submissionsPerDay: 100 }, cosignThreshold: 1 } });
  await seedStaff(EDITOR, ['editor']);
  await seedStaff(TARGET, ['dispatcher']);
  await database().collection('users').doc(DISABLED).set({ data: { roles: ALL_ROLES, departmentId: 'dept-housing', disabled: true } });
  // Bound by an invite holding every role, then the invite is revoked (as an admin's revocation records it).
  const { code } = await ok(ADMIN, 'admin.invite', { roles: ALL_ROLES, departmentId: 'dept-housing' });
  await ok(REVOKED, 'staff.bind', { code });
  const inviteId = (await docById<{ inviteId: string }>('users', REVOKED))!.inviteId;
  await database().collection('invites').doc(inviteId).update({ data: { revokedAt: localCloud.clock.now().toISOString() } });
  reviewOn = false;
}

// ---- records the fixtures build -------------------------------------------------------------------------------

function draftInput(): RequestOf<'draft.save'> {
  const now = localCloud.clock.now().getTime();
  return {
    title: `电动自行车停放充电管理办法（征求意见稿）${next()}`,
    paragraphs: ['第一条 为加强住宅小区电动自行车停放充电管理，制定本办法。', '第二条 禁止在楼道内为电动自行车充电。'],
    opensAt: new Date(now).toISOString(),
    closesAt: new Date(now + 40 * DAY).toISOString(),
  };
}

const openDraft = () => ok(EDITOR, 'draft.save', draftInput());

async function approvedCommentOnClosedDraft(): Promise<string> {
  const d = await openDraft();
  const c = await ok(CITIZEN, 'draft.comment', { id: d.id, content: `建议在小区增设集中充电桩${next()}。` });
  await ok(EDITOR, 'draft.moderate', { commentId: c.commentId, decision: 'approve' });
  later(41 * DAY);
  return c.commentId;
}

const createdPolicy = () => ok(EDITOR, 'policy.save', policyInput({ title: `关于加强住宅小区物业管理的若干意见${next()}` }));
async function publishedPolicy() {
  const p = await createdPolicy();
  return ok(EDITOR, 'policy.publish', { id: p.id, version: p.version });
}

let reviewOn = false;
async function pendingReplyCase() {
  if (!reviewOn) {
    const s = await ok(ADMIN, 'admin.settings.get', {});
    await ok(ADMIN, 'admin.settings.update', { version: s.version, reviewReplies: true });
    reviewOn = true;
  }
  const c = await processingCase();
  return ok(HANDLER, 'case.reply', { id: c.id, version: c.version, content: '经核查，物业已更换电梯主板。' });
}

async function flaggedCase() {
  localCloud.openapi.setMsgSecWords({ review: ['待核实'] });
  return submit({ content: '小区电梯故障，物业称待核实后维修，已经拖了两周。' });
}

const versioned = (c: { id: string; version: number }) => ({ id: c.id, version: c.version });

async function publishedSuggestion() {
  const r = await repliedCase({ type: 'suggestion', title: '建议在幸福路增设公交站', content: '幸福路沿线居民多，建议增设一站公交站。' });
  return ok(DISPATCHER, 'case.setPublishable', { ...versioned(r), publishable: true });
}

const createdGuideItem = () => ok(EDITOR, 'guide.save', guideInput({ name: `居民身份证换领${next()}` }));
async function publishedGuideItem() {
  const g = await createdGuideItem();
  return ok(EDITOR, 'guide.publish', { id: g.id, version: g.version });
}

/** A survey whose window has closed, with one answer (a text one waiting for moderation). */
async function closedSurvey() {
  const s = await openSurvey(EDITOR);
  await ok(OTHER_CITIZEN, 'survey.answer', { id: s.id, answers: fullAnswer('希望增加助餐点。') });
  later(11 * DAY);
  return s;
}

async function publishedResults() {
  const s = await closedSurvey();
  await ok(EDITOR, 'survey.publishResults', { id: s.id, version: (await ok(EDITOR, 'survey.get', { id: s.id })).version });
  return s;
}

/** A payload the allowed callers can run, on a record made for this cell. */
const FIXTURES: { readonly [N in ActionName]: () => Promise<RequestOf<N>> } = {
  'meta.get': async () => ({}),
  'me.get': async () => ({}),
  'policy.list': async () => ({}),
  'policy.get': async () => ({ id: (await publishedPolicy()).id }),
  'policy.save': async () => policyInput({ title: `关于规范停车收费的通知${next()}` }),
  'policy.publish': async () => versioned(await createdPolicy()),
  'policy.unpublish': async () => ({ ...versioned(await publishedPolicy()), reason: '已被新政策替代' }),
  'policy.favorite': async () => ({ id: (await publishedPolicy()).id }),
  'draft.list': async () => ({}),
  'search.query': async () => ({ q: '电动自行车' }),
  'draft.get': async () => ({ id: (await openDraft()).id }),
  'draft.comments': async () => ({ id: (await openDraft()).id }),
  'draft.save': async () => draftInput(),
  'draft.comment': async () => ({ id: (await openDraft()).id, content: '建议增加充电桩数量，方便居民。' }),
  'draft.moderationQueue': async () => ({}),
  'draft.moderate': async () => {
    const d = await openDraft();
    const c = await ok(CITIZEN, 'draft.comment', { id: d.id, content: '建议明确物业的管理责任。' });
    return { commentId: c.commentId, decision: 'approve' };
  },
  'draft.decide': async () => ({ commentIds: [await approvedCommentOnClosedDraft()], decision: 'adopted', reason: '已在修改稿中采纳' }),
  'draft.publishReport': async () => {
    const d = await openDraft();
    later(41 * DAY);
    return { id: d.id, version: d.version, summary: '征集期内未收到意见。' };
  },
  'survey.list': async () => ({}),
  'survey.get': async () => ({ id: (await openSurvey(EDITOR)).id }),
  'survey.save': async () => surveyInput(),
  'survey.publish': async () => versioned(await ok(EDITOR, 'survey.save', surveyInput())),
  'survey.answer': async () => ({ id: (await openSurvey(EDITOR)).id, answers: fullAnswer() }),
  'survey.results': async () => ({ id: (await publishedResults()).id }),
  'survey.textQueue': async () => ({}),
  'survey.moderateText': async () => {
    const s = await openSurvey(EDITOR);
    await ok(OTHER_CITIZEN, 'survey.answer', { id: s.id, answers: fullAnswer('希望增加助餐点。') });
    return { id: (await ok(EDITOR, 'survey.textQueue', { surveyId: s.id })).items[0]!.id, decision: 'approve' };
  },
  'survey.publishResults': async () => {
    const s = await closedSurvey();
    return versioned(await ok(EDITOR, 'survey.get', { id: s.id }));
  },
  'survey.exportCsv': async () => ({ id: (await closedSurvey()).id }),
  'case.submit': async () => ({
    type: 'complaint',
    categoryId: 'cat-property',
    title: '小区电梯长期故障无人维修',
    content: '电梯已经坏了两个星期，老人上下楼非常困难。',
    publishConsent: true,
    clientRequestId: `matrix-submit-${next()}`,
  }),
  'case.listMine': async () => ({}),
  'case.get': async () => ({ id: (await processingCase()).id }),
  'case.findByTrackingNo': async () => ({ trackingNo: (await processingCase()).trackingNo }),
  'case.withdraw': async () => versioned(await processingCase()),
  'case.supplement': async () => {
    const c = await processingCase();
    const asked = await ok(HANDLER, 'case.askInfo', { ...versioned(c), question: '请补充电梯故障的照片。' });
    return { ...versioned(asked), content: '已补充：故障发生在每天早上。' };
  },
  'case.rate': async () => ({ ...versioned(await repliedCase()), score: 5, solved: true }),
  'case.subscribe': async () => ({ templateIds: [TEMPLATE.caseStatus] }),
  'case.listPublic': async () => ({}),
  'guide.list': async () => ({}),
  'guide.get': async () => ({ id: (await publishedGuideItem()).id }),
  'guide.save': async () => guideInput({ name: `住房公积金提取${next()}` }),
  'guide.publish': async () => versioned(await createdGuideItem()),
  'guide.withdraw': async () => ({ ...versioned(await publishedGuideItem()), reason: '事项已调整为全程网办' }),
  'guide.pinQuestion': async () => ({ letterId: (await publishedSuggestion()).id, order: 1 }),
  'guide.unpinQuestion': async () => {
    const letterId = (await publishedSuggestion()).id;
    await ok(EDITOR, 'guide.pinQuestion', { letterId, order: 1 });
    return { letterId };
  },
  'home.get': async () => ({}),
  'case.getPublic': async () => {
    const r = await repliedCase();
    await ok(DISPATCHER, 'case.setPublishable', { ...versioned(r), publishable: true });
    return { id: r.id };
  },
  'case.queue': async () => ({}),
  'case.accept': async () => ({ ...versioned(await submit()), departmentId: 'dept-housing' }),
  'case.reject': async () => ({ ...versioned(await submit()), reason: 'duplicate' }),
  // An escalated case: the one a supervisor may reassign (ADR 0110); the dispatcher may reassign any.
  'case.assign': async () => {
    const c = await processingCase();
    return { ...versioned(await ok(SUPERVISOR, 'case.escalate', { id: c.id, version: c.version, note: '请加快办理。' })), departmentId: 'dept-transport' };
  },
  'case.clearContent': async () => versioned(await flaggedCase()),
  'case.askInfo': async () => ({ ...versioned(await processingCase()), question: '请补充具体楼栋号。' }),
  'case.reply': async () => ({ ...versioned(await processingCase()), content: '经核查，物业已于今日修复电梯。' }),
  'case.requestExtension': async () => ({ ...versioned(await processingCase()), days: 3, reason: '等待检测报告' }),
  'case.note': async () => ({ ...versioned(await processingCase()), content: '已电话联系物业。' }),
  'case.approveReply': async () => ({ ...versioned(await pendingReplyCase()), approve: true }),
  'case.approveExtension': async () => {
    const c = await processingCase();
    const asked = await ok(HANDLER, 'case.requestExtension', { ...versioned(c), days: 3, reason: '等待检测报告' });
    return { ...versioned(asked), approve: true };
  },
  'case.escalate': async () => ({ ...versioned(await processingCase()), note: '请加快办理。' }),
  'case.setPublishable': async () => ({ ...versioned(await repliedCase()), publishable: true }),
  'case.cosign': async () => ({ id: (await publishedSuggestion()).id }),
  'case.respondCosign': async () => {
    const c = await publishedSuggestion();
    await ok(OTHER_CITIZEN, 'case.cosign', { id: c.id });
    const owed = await ok(SUPERVISOR, 'case.get', { id: c.id });
    return { ...versioned(owed), content: '已会同交通部门研究，计划年内在幸福路增设公交站。' };
  },
  'case.lookup': async () => {
    const c = await submit({ contactPhone: '13800138000' });
    return { trackingNo: c.trackingNo, phoneLast4: '8000' };
  },
  'stats.dashboard': async () => ({ period: 'month' }),
  'stats.public': async () => ({}),
  'staff.bind': async () => ({ code: (await ok(ADMIN, 'admin.invite', { roles: ['admin'] })).code }),
  'admin.invite': async () => ({ roles: ['dispatcher'] }),
  'admin.staff.list': async () => ({}),
  'admin.staff.update': async () => ({ openid: TARGET, version: (await docById<{ version?: number }>('users', TARGET))?.version ?? 0, displayName: '王五' }),
  'admin.settings.get': async () => ({}),
  'admin.settings.update': async () => ({ version: (await ok(ADMIN, 'admin.settings.get', {})).version, acceptDays: 2 }),
  'admin.departments.save': async () => ({ name: `新设单位${next()}` }),
  'admin.audit.list': async () => ({}),
  'admin.categories.save': async () => ({ name: `新设分类${next()}`, departmentId: 'dept-housing', types: ['inquiry'] }),
  'export.create': async () => exportRequest(),
  'export.list': async () => ({}),
  'export.get': async () => ({ id: (await ok(ADMIN, 'export.create', exportRequest())).id }),
  'export.download': async () => ({ id: (await ok(ADMIN, 'export.create', exportRequest())).id }),
  'announcement.list': async () => ({}),
  'announcement.get': async () => ({ id: (await publishedAnnouncement(EDITOR)).id }),
  'announcement.save': async () => announcementInput(),
  'announcement.publish': async () => versioned(await ok(EDITOR, 'announcement.save', announcementInput())),
  'announcement.withdraw': async () => ({ ...versioned(await publishedAnnouncement(EDITOR)), reason: '信息有误，待更正后重新发布' }),
  'announcement.follow': async () => ({ departmentId: 'dept-housing', following: true }),
  'message.list': async () => ({}),
  'message.unread': async () => ({}),
  // A message of the owner's (the acceptance of a case of theirs), unread.
  'message.read': async () => {
    await processingCase();
    return { ids: [(await ok(CITIZEN, 'message.list', { limit: 1 })).items[0]!.id] };
  },
};

/** A small statistics export (ready in the answer), as an admin's page would ask for it. */
function exportRequest(): RequestOf<'export.create'> {
  return { kind: 'stats', format: 'csv', from: '2026-11-01', to: '2026-11-30', clientRequestId: `mx-export-${next()}` };
}

const ACTION_NAMES = Object.keys(ACTIONS).sort() as ActionName[];

describe('the authorization matrix', () => {
  test('has a row for every action and a fixture for every row', () => {
    const missing = ACTION_NAMES.filter((a) => !Object.prototype.hasOwnProperty.call(AUTHORIZATION_MATRIX, a)).map(
      (a) => `${a}: no row in cloudfunctions/api/src/permissions.matrix.ts`,
    );
    const noFixture = ACTION_NAMES.filter((a) => !Object.prototype.hasOwnProperty.call(FIXTURES, a)).map(
      (a) => `${a}: no fixture in tests/cloud/security/authorization-matrix.test.ts`,
    );
    const stale = Object.keys(AUTHORIZATION_MATRIX).filter((a) => !ACTION_NAMES.includes(a as ActionName)).map((a) => `${a}: a row for an action the function does not have`);
    expect([...missing, ...noFixture, ...stale]).toEqual([]);
    console.log(`authorization matrix: ${ACTION_NAMES.length} actions x ${IDENTITIES.length} identities = ${ACTION_NAMES.length * IDENTITIES.length} cells`);
  });

  test('disabled and revoked staff hold no role; the world is what the matrix assumes', async () => {
    await setUpWorld();
    expect(await ok(DISABLED, 'me.get', {})).toMatchObject({ roles: [], isStaff: false });
    expect(await ok(REVOKED, 'me.get', {})).toMatchObject({ roles: [], isStaff: false });
    expect(await ok(EDITOR, 'me.get', {})).toMatchObject({ roles: ['editor'] });
    // A revoked invite not yet used cannot be bound either.
    const { code } = await ok(ADMIN, 'admin.invite', { roles: ['admin'] });
    await database().collection('invites').doc(code.slice(0, 5)).update({ data: { revokedAt: localCloud.clock.now().toISOString() } });
    expect(await callAs(OTHER_CITIZEN, 'staff.bind', { code })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION', message: expect.stringContaining('撤销') } });
    expect(await ok(OTHER_CITIZEN, 'me.get', {})).toMatchObject({ roles: [] });
  });
});

describe.each(ACTION_NAMES)('%s', (action) => {
  test('every identity gets the outcome of the table', async () => {
    await setUpWorld();
    const row = AUTHORIZATION_MATRIX[action];
    const got: Partial<Record<Identity, Outcome | string>> = {};
    for (const identity of IDENTITIES) {
      const payload = await (FIXTURES[action] as () => Promise<unknown>)();
      const res = await callAs(OPENID[identity], action, payload as never);
      got[identity] = res.ok ? 'ok' : res.error.code === row[identity] ? res.error.code : `${res.error.code} (${res.error.message})`;
    }
    expect(got).toEqual(row);
  });
});
