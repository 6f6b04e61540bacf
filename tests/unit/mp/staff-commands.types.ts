// A type test, compiled by `npm run typecheck` (tsconfig.mptest.json), never run: each `@ts-expect-error` below is a
// line tsc must refuse. If the table ever let a staff page send a field the contract lacks, the directive itself
// would be unused and tsc would fail on it.
import type { CaseView } from '../../../typings/api';
import type { WriteFields } from '../../../miniprogram/behaviors/case-detail';
import { defineCommands, STAFF_COMMANDS } from '../../../miniprogram/staff/case/commands';
import { call } from '../../../miniprogram/services/api';

// A builder that adds a field case.accept does not have.
defineCommands({
  ...STAFF_COMMANDS,
  accept: {
    label: '受理',
    form: {},
    // @ts-expect-error case.accept has no `priority`
    build: (form) => ({ departmentId: form.departmentId, priority: 'high' }),
  },
});

// A builder that sends a field under a name the contract does not use (here `department` for `departmentId`).
defineCommands({
  ...STAFF_COMMANDS,
  assign: {
    label: '转办',
    form: {},
    // @ts-expect-error case.assign calls it departmentId
    build: (form) => ({ department: form.departmentId }),
  },
});

// The table as it is passes.
defineCommands(STAFF_COMMANDS);

// What the page hands to writeCase is checked against the contract of the action it names.
export const sent: Array<WriteFields<'case.reject'>> = [
  { reason: 'duplicate' },
  // @ts-expect-error case.reject's reasons are the contract's RejectReason
  { reason: 'too_late' },
  // @ts-expect-error case.reject has no `content`
  { reason: 'other', note: '见附件', content: 'x' },
];

export type Answer = CaseView;

// The other staff pages send through `call`, whose payload is the named action's request: a field the contract lacks,
// or a status it does not know, fails here as it would on the page (never run: the function is only compiled).
export function staffPagesSend(): unknown[] {
  return [
    call('announcement.list', { status: 'published', limit: 20 }),
    // @ts-expect-error announcement.list filters by stored status; `expired` is not one
    call('announcement.list', { status: 'expired', limit: 20 }),
    // @ts-expect-error guide.withdraw takes a `reason`, not a `note`
    call('guide.withdraw', { id: 'g1', version: 1, note: '更正' }),
    // @ts-expect-error policy.publish has no `title`
    call('policy.publish', { id: 'p1', version: 2, title: '新标题' }),
  ];
}
