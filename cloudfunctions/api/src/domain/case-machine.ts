// The case lifecycle as data: for each command, who may run it and, per status, the status it leads to. A command
// absent for a status is refused with FAILED_PRECONDITION; an actor not listed gets PERMISSION_DENIED. Conditions that
// are not the status (a pending reply, an extension already used) are the guards below. Nothing here reads a clock or
// a database, so the whole table is unit-tested exhaustively (tests/unit/cases/case-machine.test.ts).
import type { ErrorCode } from '../../../../typings/api';
import type { CaseStatus } from '../../../../typings/domain';
import { STATUS_LABELS } from './case-labels';

/** Who acts on a case: the citizen who owns it, staff in one of their case roles, or the timer. */
export type CaseActor = 'citizen' | 'dispatcher' | 'handler' | 'supervisor' | 'system';

export const CASE_ACTORS: readonly CaseActor[] = ['citizen', 'dispatcher', 'handler', 'supervisor', 'system'];

export const CASE_STATUSES: readonly CaseStatus[] = ['submitted', 'accepted', 'processing', 'needs_info', 'replied', 'closed', 'rejected', 'withdrawn'];

export const OPEN_STATUSES: readonly CaseStatus[] = ['submitted', 'accepted', 'processing', 'needs_info', 'replied'];
export const DONE_STATUSES: readonly CaseStatus[] = ['closed', 'rejected', 'withdrawn'];
/** Statuses whose deadline clock runs (needs_info pauses it; replied has met it). */
export const RUNNING_STATUSES: readonly CaseStatus[] = ['submitted', 'accepted', 'processing'];

export type CaseCommand =
  | 'accept'
  | 'assign'
  | 'reject'
  | 'withdraw'
  | 'askInfo'
  | 'supplement'
  | 'reply'
  | 'submitReply'
  | 'approveReply'
  | 'returnReply'
  | 'rate'
  | 'reopen'
  | 'autoClose'
  | 'note'
  | 'requestExtension'
  | 'approveExtension'
  | 'rejectExtension'
  | 'escalate'
  | 'markOverdue'
  | 'remind'
  | 'remindRating'
  | 'setPublishable'
  | 'unpublish'
  | 'clearContent'
  | 'purge';

interface Rule {
  by: readonly CaseActor[];
  /** status -> next status */
  moves: Partial<Record<CaseStatus, CaseStatus>>;
  /** what the refusal says the caller tried to do */
  label: string;
}

const same = (...statuses: CaseStatus[]): Partial<Record<CaseStatus, CaseStatus>> =>
  Object.fromEntries(statuses.map((s) => [s, s])) as Partial<Record<CaseStatus, CaseStatus>>;

export const RULES: Readonly<Record<CaseCommand, Rule>> = {
  accept: { by: ['dispatcher'], moves: { submitted: 'accepted' }, label: '受理' },
  // Supervisors reassign only what they have escalated (guard): docs/adr/0110-supervisors-reassign-escalated-cases.md.
  assign: {
    by: ['dispatcher', 'supervisor'],
    moves: { accepted: 'processing', processing: 'processing', needs_info: 'needs_info' },
    label: '分派',
  },
  reject: { by: ['dispatcher'], moves: { submitted: 'rejected', accepted: 'rejected' }, label: '不予受理' },
  withdraw: {
    by: ['citizen'],
    moves: { submitted: 'withdrawn', accepted: 'withdrawn', processing: 'withdrawn', needs_info: 'withdrawn' },
    label: '撤回',
  },
  askInfo: { by: ['handler'], moves: { processing: 'needs_info' }, label: '请市民补充材料' },
  supplement: { by: ['citizen'], moves: { needs_info: 'processing' }, label: '补充材料' },
  reply: { by: ['handler'], moves: { processing: 'replied' }, label: '答复' },
  submitReply: { by: ['handler'], moves: same('processing'), label: '提交答复' },
  approveReply: { by: ['supervisor'], moves: { processing: 'replied' }, label: '审核答复' },
  returnReply: { by: ['supervisor'], moves: same('processing'), label: '退回答复' },
  rate: { by: ['citizen'], moves: { replied: 'closed' }, label: '评价' },
  reopen: { by: ['citizen'], moves: { replied: 'processing' }, label: '评价' },
  autoClose: { by: ['system'], moves: { replied: 'closed' }, label: '自动办结' },
  note: {
    by: ['dispatcher', 'handler', 'supervisor'],
    moves: same(...CASE_STATUSES),
    label: '添加备注',
  },
  requestExtension: { by: ['handler'], moves: same('processing', 'needs_info'), label: '申请延期' },
  approveExtension: { by: ['supervisor'], moves: same('processing', 'needs_info'), label: '审批延期' },
  rejectExtension: { by: ['supervisor'], moves: same('processing', 'needs_info'), label: '审批延期' },
  escalate: { by: ['supervisor', 'system'], moves: same('submitted', 'accepted', 'processing', 'needs_info'), label: '督办' },
  markOverdue: { by: ['system'], moves: same('submitted', 'accepted', 'processing'), label: '标记超期' },
  remind: { by: ['system'], moves: same('processing'), label: '到期提醒' },
  remindRating: { by: ['system'], moves: same('replied'), label: '评价提醒' },
  setPublishable: { by: ['dispatcher', 'supervisor'], moves: same('replied', 'closed'), label: '设置公开' },
  unpublish: { by: ['dispatcher', 'supervisor'], moves: same(...CASE_STATUSES), label: '取消公开' },
  clearContent: { by: ['dispatcher'], moves: same(...CASE_STATUSES), label: '确认内容' },
  purge: { by: ['system'], moves: same('closed', 'rejected', 'withdrawn'), label: '清除个人信息' },
};

export const CASE_COMMANDS = Object.keys(RULES) as CaseCommand[];

export type Decision =
  | { ok: true; to: CaseStatus; actor: CaseActor }
  | { ok: false; code: Extract<ErrorCode, 'PERMISSION_DENIED' | 'FAILED_PRECONDITION'>; message: string };

/**
 * Whether one of `actors` (the caller's roles on this case, in order of preference) may run `command` on a case in
 * `status`. The role is checked first: a citizen trying to accept is refused for who they are, whatever the status.
 */
export function decide(status: CaseStatus, command: CaseCommand, actors: readonly CaseActor[]): Decision {
  const rule = RULES[command];
  const actor = actors.find((a) => rule.by.includes(a));
  if (!actor) return { ok: false, code: 'PERMISSION_DENIED', message: `您没有权限${rule.label}此件诉求。` };
  const to = rule.moves[status];
  if (!to) return { ok: false, code: 'FAILED_PRECONDITION', message: `此件诉求当前为「${STATUS_LABELS[status]}」，不能${rule.label}。` };
  return { ok: true, to, actor };
}

/** The facts besides the status that some commands depend on. */
export interface CaseFacts {
  status: CaseStatus;
  pendingReply: boolean;
  extension: 'none' | 'pending' | 'approved' | 'rejected';
  flagged: boolean;
  escalated: boolean;
  publishConsent: boolean;
  purged: boolean;
}

/** A refusal message when a command's extra condition does not hold for `actor` (when known), else null. */
export function guard(command: CaseCommand, f: CaseFacts, actor?: CaseActor): string | null {
  switch (command) {
    case 'assign':
      return actor === 'supervisor' && !f.escalated ? '督办人员只能改派督办中的诉求，其他诉求请由受理员分派。' : null;
    case 'reply':
    case 'submitReply':
    case 'askInfo':
      return f.pendingReply ? '已有答复等待督办审核，请等待审核结果。' : null;
    case 'approveReply':
    case 'returnReply':
      return f.pendingReply ? null : '没有等待审核的答复。';
    case 'requestExtension':
      return f.extension === 'none' ? null : '每件诉求只能申请一次延期。';
    case 'approveExtension':
    case 'rejectExtension':
      return f.extension === 'pending' ? null : '没有待审批的延期申请。';
    case 'clearContent':
      return f.flagged ? null : '此件诉求的内容无需人工确认。';
    case 'escalate':
      return f.escalated ? '此件诉求已在督办中。' : null;
    case 'setPublishable':
      if (!f.publishConsent) return '市民未同意公开此件诉求，不能公开。';
      // Without the contact details, the scrubber could no longer remove the citizen's name from the text.
      if (f.purged) return '此件诉求的个人信息已按期删除，无法核对，不能再公开。';
      return f.flagged ? '内容尚待人工确认，请先确认内容再公开。' : null;
    case 'purge':
      return f.purged ? '个人信息已清除。' : null;
    default:
      return null;
  }
}

/** decide() and guard() together: what an action handler and CaseView.can both ask. */
export function check(f: CaseFacts, command: CaseCommand, actors: readonly CaseActor[]): Decision {
  const d = decide(f.status, command, actors);
  if (!d.ok) return d;
  const refusal = guard(command, f, d.actor);
  return refusal ? { ok: false, code: 'FAILED_PRECONDITION', message: refusal } : d;
}

/** The machine's grant, as a handler writes under it: who acts, and the status the write must leave. */
export interface CasePass {
  actor: CaseActor;
  to: CaseStatus;
  /**
   * A second command in the same write (accepting with a department also assigns it): decided from the status granted
   * so far; its target becomes the status the write must leave.
   */
  then(command: CaseCommand): CaseStatus;
}

/**
 * Builds a case write under the machine's grant and refuses one that leaves another status than the machine's target:
 * handlers write `pass.to` instead of naming the next status, and the table above is the only place that names it.
 */
export function buildUnderMachine<C extends { next: { status: CaseStatus } }>(grant: { actor: CaseActor; to: CaseStatus }, build: (pass: CasePass) => C): C {
  let target = grant.to;
  const then = (command: CaseCommand): CaseStatus => {
    const d = decide(target, command, [grant.actor]);
    if (!d.ok) throw new Error(`${command} after ${target} is not in the state machine: ${d.message}`);
    target = d.to;
    return target;
  };
  const change = build({ actor: grant.actor, to: grant.to, then });
  if (change.next.status !== target) throw new Error(`case write leaves status ${change.next.status}; the state machine's target is ${target}`);
  return change;
}

/**
 * A timer job's write (auto-close, reminders, overdue, purge) under the machine's grant to `system`, as the handlers
 * write under the caller's. The timer schedules a job only for statuses where the machine allows it, so a refusal here
 * is a bug: it throws, and the timer logs the case and tries again on the next tick.
 */
export function buildAsSystem<C extends { next: { status: CaseStatus } }>(status: CaseStatus, command: CaseCommand, build: (pass: CasePass) => C): C {
  const d = decide(status, command, ['system']);
  if (!d.ok) throw new Error(`timer job ${command} on a ${status} case: ${d.message}`);
  return buildUnderMachine(d, build);
}

/**
 * What a rating does: satisfied and solved closes; otherwise the first dissatisfaction reopens the case and a
 * second one closes it as escalated to supervisors instead of looping (docs/adr/0012-rating-and-reopen.md).
 */
export function ratingOutcome(score: number, solved: boolean, reopenCount: number): { command: 'rate' | 'reopen'; dissatisfied: boolean; escalate: boolean } {
  const dissatisfied = score <= 2 || !solved;
  if (!dissatisfied) return { command: 'rate', dissatisfied, escalate: false };
  if (reopenCount < 1) return { command: 'reopen', dissatisfied, escalate: false };
  return { command: 'rate', dissatisfied, escalate: true };
}
