// The whole life of one complaint, as the citizen and the staff see it: submit -> accept and assign -> reply ->
// rated 不满意 -> reopened -> reply -> rated 满意 -> closed, a subscribe message at every status change.
import { ok } from '../../helpers/cloud';
import { at, CITIZEN, DISPATCHER, grant, HANDLER, sentTo, setUpAgency, submission, SUPERVISOR, TEMPLATE } from './helpers';

beforeEach(() => setUpAgency());

test('a complaint from submission to a satisfied close', async () => {
  const { id, trackingNo } = await ok(CITIZEN, 'case.submit', submission({ subscribed: [TEMPLATE.caseStatus] }));
  await grant(CITIZEN, TEMPLATE.caseStatus, 4); // asked again on the case page at each step
  let c = await ok(CITIZEN, 'case.get', { id });

  at('2026-11-25T06:00:00.000Z');
  c = await ok(DISPATCHER, 'case.accept', { id, version: c.version, departmentId: 'dept-housing', note: '请住建局核实处理' });
  at('2026-11-27T03:00:00.000Z');
  c = await ok(HANDLER, 'case.note', { id, version: c.version, content: '已约物业经理周五现场查看' });
  c = await ok(HANDLER, 'case.reply', { id, version: c.version, content: '经现场核查，电梯因主板老化停运，物业已订购配件，预计下周更换完毕。' });
  at('2026-11-28T02:00:00.000Z');
  c = await ok(CITIZEN, 'case.rate', { id, version: c.version, score: 2, solved: false, comment: '只说下周，没有具体日期' });
  expect(c).toMatchObject({ status: 'processing', reopenCount: 1 });
  at('2026-12-01T03:00:00.000Z');
  c = await ok(HANDLER, 'case.reply', { id, version: c.version, content: '物业已于 12 月 1 日更换主板，电梯恢复运行；我局已责令物业每月检修并公示记录。' });
  at('2026-12-01T08:00:00.000Z');
  c = await ok(CITIZEN, 'case.rate', { id, version: c.version, score: 5, solved: true, comment: '电梯修好了，谢谢' });
  expect(c).toMatchObject({ status: 'closed', statusLabel: '已办结', late: false, rating: { score: 5, solved: true }, trackingNo });

  // The citizen's timeline: what happened and which office did it, nothing internal, no staff member named.
  const mine = await ok(CITIZEN, 'case.get', { id });
  expect(mine.timeline.map((t) => [t.kind, t.to ?? null, t.actor.roleLabel, t.actor.departmentName ?? null])).toEqual([
    ['submitted', 'submitted', '市民', null],
    ['accepted', 'accepted', '受理中心', null],
    ['assigned', 'processing', '受理中心', null],
    ['replied', 'replied', '承办单位', '住房和城乡建设局'],
    ['rated', null, '市民', null],
    ['reopened', 'processing', '市民', null],
    ['replied', 'replied', '承办单位', '住房和城乡建设局'],
    ['rated', null, '市民', null],
    ['closed', 'closed', '市民', null],
  ]);
  expect(mine.timeline.every((t) => t.visibility !== 'internal')).toBe(true);
  expect(JSON.stringify(mine)).not.toMatch(/o_staff|actorOpenid|物业经理周五/);
  expect(mine.timeline[4]!.note).toBe('不满意，问题未解决：只说下周，没有具体日期');
  expect(mine.contactPhone).toBe('138****5678');

  // Staff see the same history with the internal note, in order.
  const staff = await ok(SUPERVISOR, 'case.get', { id });
  expect(staff.timeline.map((t) => t.kind)).toEqual(['submitted', 'accepted', 'assigned', 'note', 'replied', 'rated', 'reopened', 'replied', 'rated', 'closed']);
  expect(staff.timeline[3]).toMatchObject({ kind: 'note', visibility: 'internal', note: '已约物业经理周五现场查看', actor: { role: 'handler', departmentName: '住房和城乡建设局' } });
  expect(staff.timeline.map((t) => t.at)).toEqual([...staff.timeline.map((t) => t.at)].sort());

  // A message at every status change: processing, replied, processing (reopened), replied, closed.
  expect(sentTo(CITIZEN).map((m) => m.data.phrase2!.value)).toEqual(['办理中', '已答复', '办理中', '已答复', '已办结']);
  expect((await ok(CITIZEN, 'case.listMine', { tab: 'done' })).items.map((i) => [i.id, i.dueText])).toEqual([[id, '已办结，已于 12月1日 答复']]);
});
