// A type test, compiled by `npm run typecheck` (tsconfig.mptest.json), never run: each `@ts-expect-error` below is a
// line tsc must refuse. If the table ever let a staff page send a field the contract lacks, the directive itself
// would be unused and tsc would fail on it.
import type { CaseView } from '../../../typings/api';
import type { WriteFields } from '../../../miniprogram/behaviors/case-detail';
import { defineCommands, STAFF_COMMANDS } from '../../../miniprogram/staff/case/commands';

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
