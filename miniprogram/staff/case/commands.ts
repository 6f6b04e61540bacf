// The staff case commands as one typed table: for each command the button's label, the fields its form shows, and
// the payload it sends, typed by the contract (`RequestOf<'case.…'>`). `defineCommands` refuses a builder that sends
// a field its contract lacks, so a field renamed in typings/api fails `tsc` here as it does on the server.
import type { CaseAbilities, CaseLimits, RejectReason, ReplyTemplate, RequestOf } from '../../../typings/api';

export type StaffAction = Exclude<keyof CaseAbilities, 'withdraw' | 'supplement' | 'rate'>;

/** What a command sends besides the case's id and version (the page adds those). */
export type Payload<A extends StaffAction> = Omit<RequestOf<`case.${A}`>, 'id' | 'version'>;

/** Everything any action form holds; each command reads its own fields. */
export interface ActionForm {
  departmentId: string;
  reason: RejectReason | '';
  note: string;
  question: string;
  content: string;
  templateId: string;
  days: number;
  approve: '' | 'yes' | 'no';
  publishable: boolean;
  /** One text to remove per line. */
  redactions: string;
  publicTitle: string;
}

/** Which fields a command's form shows, and what its note field and button say. */
export interface FormSpec {
  department: boolean;
  reason: boolean;
  question: boolean;
  content: boolean;
  days: boolean;
  approve: boolean;
  publish: boolean;
  /** The label of the note field; empty when the action has none. */
  note: string;
  submit: string;
}

/** What the builders need besides the form: the server's limits (meta.get) and the agency's templates. */
export interface ActionContext extends CaseLimits {
  templates: readonly ReplyTemplate[];
}

/** Collects a form's refusals, field by field; an empty message is no refusal. */
export type Refuse = (field: keyof ActionForm, message: string) => void;

export interface StaffCommand<A extends StaffAction> {
  label: string;
  form: Partial<FormSpec>;
  build(form: ActionForm, ctx: ActionContext, refuse: Refuse): Payload<A>;
}

export type StaffCommandTable = { readonly [A in StaffAction]: StaffCommand<A> };

/** For each command, the fields its builder returns that the contract lacks, each typed `never` so none may be sent. */
type OnlyContractFields<T extends StaffCommandTable> = {
  readonly [A in StaffAction]: {
    build(...args: Parameters<StaffCommand<A>['build']>): { [K in Exclude<keyof ReturnType<T[A]['build']>, keyof Payload<A>>]: never };
  };
};

export function defineCommands<T extends StaffCommandTable>(table: T & OnlyContractFields<T>): StaffCommandTable {
  return table;
}

export function required(value: string, name: string, max: number): string {
  const n = value.trim().length;
  if (!n) return `请填写${name}`;
  if (n > max) return `${name}最多 ${max} 个字`;
  return '';
}

function optional(value: string, name: string, max: number): string {
  return value.trim().length > max ? `${name}最多 ${max} 个字` : '';
}

/** The optional note, trimmed, when one was written. */
function note(form: ActionForm): { note?: string } {
  const n = form.note.trim();
  return n ? { note: n } : {};
}

export const STAFF_COMMANDS = defineCommands({
  accept: {
    label: '受理',
    form: { department: true, note: '受理说明（选填）', submit: '确认受理' },
    build: (form, ctx, refuse) => {
      refuse('note', optional(form.note, '说明', ctx.noteMax));
      return { ...(form.departmentId ? { departmentId: form.departmentId } : {}), ...note(form) };
    },
  },
  reject: {
    label: '不予受理',
    form: { reason: true, note: '具体原因（市民可见；选“其他原因”时必填）', submit: '确认不予受理' },
    build: (form, ctx, refuse) => {
      if (!form.reason) refuse('reason', '请选择不予受理的原因');
      refuse('note', form.reason === 'other' ? required(form.note, '具体原因', ctx.noteMax) : optional(form.note, '说明', ctx.noteMax));
      return { reason: form.reason || 'other', ...note(form) };
    },
  },
  assign: {
    label: '转办',
    form: { department: true, note: '转办说明（选填）', submit: '确认转办' },
    build: (form, ctx, refuse) => {
      if (!form.departmentId) refuse('departmentId', '请选择承办部门');
      refuse('note', optional(form.note, '说明', ctx.noteMax));
      return { departmentId: form.departmentId, ...note(form) };
    },
  },
  askInfo: {
    label: '请市民补充',
    form: { question: true, submit: '发送给市民' },
    build: (form, ctx, refuse) => {
      refuse('question', required(form.question, '需要补充的内容', ctx.noteMax));
      return { question: form.question.trim() };
    },
  },
  reply: {
    label: '答复',
    form: { content: true, submit: '提交答复' },
    build: (form, ctx, refuse) => {
      refuse('content', required(form.content, '答复内容', ctx.replyMax));
      const known = form.templateId && ctx.templates.some((t) => t.id === form.templateId);
      return { content: form.content.trim(), ...(known ? { templateId: form.templateId } : {}) };
    },
  },
  approveReply: {
    label: '审核答复',
    form: { approve: true, note: '审核意见（退回时必填）', submit: '提交审核' },
    build: (form, ctx, refuse) => approval(form, ctx, refuse),
  },
  note: {
    label: '内部备注',
    form: { note: '备注内容（仅工作人员可见）', submit: '保存备注' },
    build: (form, ctx, refuse) => {
      refuse('note', required(form.note, '备注', ctx.noteMax));
      return { content: form.note.trim() };
    },
  },
  requestExtension: {
    label: '申请延期',
    form: { days: true, note: '延期理由（市民可见）', submit: '提交延期申请' },
    build: (form, ctx, refuse) => {
      if (!Number.isInteger(form.days) || form.days < 1 || form.days > ctx.extensionMaxDays) {
        refuse('days', `延期天数为 1 到 ${ctx.extensionMaxDays} 个工作日`);
      }
      refuse('note', required(form.note, '延期理由', ctx.reasonMax));
      return { days: form.days, reason: form.note.trim() };
    },
  },
  approveExtension: {
    label: '审批延期',
    form: { approve: true, note: '审批意见（退回时必填）', submit: '提交审批' },
    build: (form, ctx, refuse) => approval(form, ctx, refuse),
  },
  escalate: {
    label: '督办',
    form: { note: '督办意见', submit: '确认督办' },
    build: (form, ctx, refuse) => {
      refuse('note', required(form.note, '督办意见', ctx.noteMax));
      return { note: form.note.trim() };
    },
  },
  setPublishable: {
    label: '公开设置',
    form: { publish: true, submit: '保存公开设置' },
    build: (form, ctx, refuse) => {
      const redactions = form.redactions
        .split('\n')
        .map((r) => r.trim())
        .filter(Boolean);
      const title = form.publicTitle.trim();
      refuse('publicTitle', optional(title, '公开标题', ctx.publicTitleMax));
      if (!form.publishable) return { publishable: false };
      return { publishable: true, ...(redactions.length ? { redactions } : {}), ...(title ? { publicTitle: title } : {}) };
    },
  },
  clearContent: {
    label: '内容复核通过',
    form: { note: '复核说明（选填）', submit: '确认内容无问题' },
    build: (form, ctx, refuse) => {
      refuse('note', optional(form.note, '说明', ctx.reasonMax));
      return note(form);
    },
  },
});

/** Approving a reply or an extension: a decision, and a reason when it is returned. */
function approval(form: ActionForm, ctx: ActionContext, refuse: Refuse): { approve: boolean; note?: string } {
  if (!form.approve) refuse('approve', '请选择同意或退回');
  refuse('note', form.approve === 'no' ? required(form.note, '退回理由', ctx.noteMax) : optional(form.note, '说明', ctx.noteMax));
  return { approve: form.approve === 'yes', ...note(form) };
}
