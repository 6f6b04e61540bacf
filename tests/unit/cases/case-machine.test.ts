import { buildAsSystem, buildUnderMachine, CASE_ACTORS, CASE_COMMANDS, CASE_STATUSES, check, decide, guard, ratingOutcome, RULES, type CaseActor, type CaseCommand, type CaseFacts } from '../../../cloudfunctions/api/src/domain/case-machine';
import type { CaseStatus } from '../../../typings/domain';

// The lifecycle of PRODUCT.md written out independently of the module's table: command, who, from>to moves.
// "*" means every status, "=" that the status stays.
const SPEC = `
accept            dispatcher                   submitted>accepted
assign            dispatcher,supervisor        accepted>processing processing= needs_info=
reject            dispatcher                   submitted>rejected accepted>rejected
withdraw          citizen                      submitted>withdrawn accepted>withdrawn processing>withdrawn needs_info>withdrawn
askInfo           handler                      processing>needs_info
supplement        citizen                      needs_info>processing
reply             handler                      processing>replied
submitReply       handler                      processing=
approveReply      supervisor                   processing>replied
returnReply       supervisor                   processing=
rate              citizen                      replied>closed
reopen            citizen                      replied>processing
autoClose         system                       replied>closed
note              dispatcher,handler,supervisor *=
requestExtension  handler                      processing= needs_info=
approveExtension  supervisor                   processing= needs_info=
rejectExtension   supervisor                   processing= needs_info=
escalate          supervisor,system            submitted= accepted= processing= needs_info=
markOverdue       system                       submitted= accepted= processing=
remind            system                       processing=
remindRating      system                       replied=
setPublishable    dispatcher,supervisor        replied= closed=
unpublish         dispatcher,supervisor        *=
clearContent      dispatcher                   *=
purge             system                       closed= rejected= withdrawn=
`;

interface SpecRule {
  by: CaseActor[];
  moves: Map<CaseStatus, CaseStatus>;
}

function parseSpec(): Map<string, SpecRule> {
  const rules = new Map<string, SpecRule>();
  for (const line of SPEC.trim().split('\n')) {
    const [command, by, ...moves] = line.trim().split(/\s+/);
    const m = new Map<CaseStatus, CaseStatus>();
    for (const mv of moves) {
      if (mv === '*=') for (const s of CASE_STATUSES) m.set(s, s);
      else if (mv.endsWith('=')) m.set(mv.slice(0, -1) as CaseStatus, mv.slice(0, -1) as CaseStatus);
      else {
        const [from, to] = mv.split('>') as [CaseStatus, CaseStatus];
        m.set(from, to);
      }
    }
    rules.set(command!, { by: by!.split(',') as CaseActor[], moves: m });
  }
  return rules;
}

const spec = parseSpec();

test('the table has exactly the commands of the specification', () => {
  expect([...CASE_COMMANDS].sort()).toEqual([...spec.keys()].sort());
});

describe.each(CASE_COMMANDS)('%s, for every status and every actor', (command) => {
  test('allowed where the specification moves, refused with the right code everywhere else', () => {
    const rule = spec.get(command)!;
    const seen: string[] = [];
    const expected: string[] = [];
    for (const status of CASE_STATUSES) {
      for (const actor of CASE_ACTORS) {
        const d = decide(status, command, [actor]);
        seen.push(`${status}/${actor}: ${d.ok ? `ok ${d.to} as ${d.actor}` : d.code}`);
        const to = rule.moves.get(status);
        const want = !rule.by.includes(actor) ? 'PERMISSION_DENIED' : to ? `ok ${to} as ${actor}` : 'FAILED_PRECONDITION';
        expected.push(`${status}/${actor}: ${want}`);
      }
    }
    expect(seen).toEqual(expected);
  });
});

describe('decide', () => {
  test('refusals are in Chinese and name the status and what was tried', () => {
    const d = decide('replied', 'withdraw', ['citizen']);
    expect(d).toEqual({ ok: false, code: 'FAILED_PRECONDITION', message: '此件诉求当前为「已答复」，不能撤回。' });
    expect(decide('submitted', 'accept', ['citizen'])).toEqual({ ok: false, code: 'PERMISSION_DENIED', message: '您没有权限受理此件诉求。' });
  });

  test('a person with several roles acts in the first role the rule accepts', () => {
    expect(decide('processing', 'note', ['citizen', 'supervisor', 'dispatcher'])).toEqual({ ok: true, to: 'processing', actor: 'supervisor' });
    expect(decide('processing', 'reply', ['dispatcher', 'handler'])).toEqual({ ok: true, to: 'replied', actor: 'handler' });
  });

  test('with no role on the case, nothing is allowed', () => {
    for (const command of CASE_COMMANDS) expect(decide('processing', command, []).ok).toBe(false);
  });
});

describe('guards', () => {
  const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
    status: 'processing',
    pendingReply: false,
    extension: 'none',
    flagged: false,
    escalated: false,
    publishConsent: true,
    purged: false,
    ...over,
  });

  const cases: Array<[CaseCommand, Partial<CaseFacts>, string | null]> = [
    ['reply', {}, null],
    ['reply', { pendingReply: true }, '已有答复等待督办审核，请等待审核结果。'],
    ['askInfo', { pendingReply: true }, '已有答复等待督办审核，请等待审核结果。'],
    ['approveReply', {}, '没有等待审核的答复。'],
    ['approveReply', { pendingReply: true }, null],
    ['returnReply', { pendingReply: true }, null],
    ['requestExtension', {}, null],
    ['requestExtension', { extension: 'pending' }, '每件诉求只能申请一次延期。'],
    ['requestExtension', { extension: 'rejected' }, '每件诉求只能申请一次延期。'],
    ['approveExtension', { extension: 'pending' }, null],
    ['approveExtension', { extension: 'approved' }, '没有待审批的延期申请。'],
    ['rejectExtension', { extension: 'none' }, '没有待审批的延期申请。'],
    ['clearContent', {}, '此件诉求的内容无需人工确认。'],
    ['clearContent', { flagged: true }, null],
    ['escalate', { escalated: true }, '此件诉求已在督办中。'],
    ['setPublishable', { status: 'closed', publishConsent: false }, '市民未同意公开此件诉求，不能公开。'],
    ['setPublishable', { status: 'closed', flagged: true }, '内容尚待人工确认，请先确认内容再公开。'],
    ['setPublishable', { status: 'closed' }, null],
    ['setPublishable', { status: 'closed', purged: true }, '此件诉求的个人信息已按期删除，无法核对，不能再公开。'],
    ['purge', { status: 'closed', purged: true }, '个人信息已清除。'],
  ];

  test.each(cases)('%s with %j', (command, over, message) => {
    expect(guard(command, facts(over))).toBe(message);
  });

  test('a supervisor reassigns only an escalated case; the dispatcher any', () => {
    expect(guard('assign', facts(), 'dispatcher')).toBeNull();
    expect(guard('assign', facts(), 'supervisor')).toBe('督办人员只能改派督办中的诉求，其他诉求请由受理员分派。');
    expect(check(facts(), 'assign', ['supervisor'])).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' });
    expect(check(facts({ escalated: true }), 'assign', ['supervisor'])).toEqual({ ok: true, to: 'processing', actor: 'supervisor' });
  });

  test('check: the role and status first, then the guard', () => {
    expect(check(facts({ status: 'replied', pendingReply: true }), 'approveReply', ['citizen'])).toMatchObject({ code: 'PERMISSION_DENIED' });
    expect(check(facts({ status: 'closed' }), 'approveReply', ['supervisor'])).toMatchObject({ code: 'FAILED_PRECONDITION', message: expect.stringContaining('已办结') });
    expect(check(facts({ pendingReply: true }), 'approveReply', ['supervisor'])).toEqual({ ok: true, to: 'replied', actor: 'supervisor' });
    expect(check(facts(), 'approveReply', ['supervisor'])).toEqual({ ok: false, code: 'FAILED_PRECONDITION', message: '没有等待审核的答复。' });
  });
});

describe('ratingOutcome', () => {
  test.each([
    [5, true, 0, 'rate', false],
    [3, true, 0, 'rate', false],
    [3, true, 1, 'rate', false],
    [2, true, 0, 'reopen', false],
    [1, true, 0, 'reopen', false],
    [5, false, 0, 'reopen', false],
    [2, true, 1, 'rate', true],
    [4, false, 1, 'rate', true],
  ] as const)('score %i, solved %s, reopened %i times -> %s (escalate %s)', (score, solved, reopenCount, command, escalate) => {
    expect(ratingOutcome(score, solved, reopenCount)).toMatchObject({ command, escalate });
  });

  test('every outcome command exists for a replied case', () => {
    expect(RULES.rate.moves.replied).toBe('closed');
    expect(RULES.reopen.moves.replied).toBe('processing');
  });
});

describe('buildUnderMachine: a write leaves exactly the status the machine granted', () => {
  const write = (status: CaseStatus) => ({ next: { status } });

  test('the granted status passes; any other is refused, so a handler naming its own next status fails', () => {
    const granted = decide('submitted', 'accept', ['dispatcher']);
    if (!granted.ok) throw new Error('accept must be granted');
    expect(buildUnderMachine(granted, (pass) => write(pass.to))).toEqual({ next: { status: 'accepted' } });
    expect(() => buildUnderMachine(granted, () => write('processing'))).toThrow("case write leaves status processing; the state machine's target is accepted");
  });

  test('a second command in one write moves the target along the machine', () => {
    expect(buildUnderMachine({ actor: 'dispatcher', to: 'accepted' }, (pass) => write(pass.then('assign')))).toEqual({ next: { status: 'processing' } });
    // After then(), the first target is no longer what the write must leave.
    expect(() => buildUnderMachine({ actor: 'dispatcher', to: 'accepted' }, (pass) => (pass.then('assign'), write(pass.to)))).toThrow('target is processing');
    expect(() => buildUnderMachine({ actor: 'citizen', to: 'withdrawn' }, (pass) => write(pass.then('assign')))).toThrow('assign after withdrawn is not in the state machine');
  });
});

describe('buildAsSystem: the timer writes under the machine like the handlers', () => {
  const write = (status: CaseStatus) => ({ next: { status } });

  test.each(CASE_COMMANDS.filter((c) => RULES[c].by.includes('system')))('%s leaves the status the machine names for system', (command) => {
    for (const status of CASE_STATUSES) {
      const to = RULES[command].moves[status];
      if (to) expect(buildAsSystem(status, command, (pass) => write(pass.to))).toEqual({ next: { status: to } });
      else expect(() => buildAsSystem(status, command, (pass) => write(pass.to))).toThrow(`timer job ${command} on a ${status} case`);
    }
  });

  test('auto-close names no status of its own: writing closed on a case the machine does not close is refused', () => {
    expect(buildAsSystem('replied', 'autoClose', (pass) => write(pass.to))).toEqual({ next: { status: 'closed' } });
    expect(() => buildAsSystem('replied', 'autoClose', () => write('rejected'))).toThrow("the state machine's target is closed");
    expect(() => buildAsSystem('processing', 'autoClose', () => write('closed'))).toThrow('timer job autoClose on a processing case');
  });

  test('overdue then escalate in one write keeps the running status', () => {
    expect(buildAsSystem('accepted', 'markOverdue', (pass) => write(pass.then('escalate')))).toEqual({ next: { status: 'accepted' } });
  });
});
