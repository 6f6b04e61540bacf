// Case handling for staff as plain data: the case as shown to them, the actions the server allows (`can`), and for
// each action the checks on its form and the payload it sends (without id and version, which the page adds).
import type { CaseAbilities, CaseView, RejectReason, ReplyTemplate, RequestOf } from '../../../typings/api';
import { caseBasics, ratingLabel, timelineView, type CaseBasics, type TimelineView } from '../../utils/case';
import { formatDateTime } from '../../utils/time';

export type StaffAction = Exclude<keyof CaseAbilities, 'withdraw' | 'supplement' | 'rate'>;

export const ACTION_LABELS: Record<StaffAction, string> = {
  accept: '受理',
  reject: '不予受理',
  assign: '转办',
  askInfo: '请市民补充',
  reply: '答复',
  approveReply: '审核答复',
  note: '内部备注',
  requestExtension: '申请延期',
  approveExtension: '审批延期',
  escalate: '督办',
  setPublishable: '公开设置',
  clearContent: '内容复核通过',
};

const ORDER: readonly StaffAction[] = [
  'accept',
  'reject',
  'assign',
  'approveReply',
  'approveExtension',
  'reply',
  'askInfo',
  'requestExtension',
  'note',
  'escalate',
  'clearContent',
  'setPublishable',
];

/** The buttons to offer, in the order of the work: only what the server says this person may do now. */
export function availableActions(can: CaseAbilities): Array<{ key: StaffAction; label: string }> {
  return ORDER.filter((k) => can[k]).map((key) => ({ key, label: ACTION_LABELS[key] }));
}

export const REJECT_REASONS: ReadonlyArray<{ key: RejectReason; label: string }> = [
  { key: 'out_of_scope', label: '不属于本平台受理范围' },
  { key: 'duplicate', label: '重复留言' },
  { key: 'insufficient_info', label: '信息不全，无法办理' },
  { key: 'other_channel', label: '应通过诉讼、仲裁、信访等法定途径解决' },
  { key: 'not_government', label: '不属于政府职能范围' },
  { key: 'other', label: '其他原因' },
];

export const NOTE_MAX = 500;
/** Extension reasons and content-review notes are short (the server takes 200). */
export const REASON_MAX = 200;
export const REPLY_MAX = 5000;

/** Everything any action form holds; each action reads its own fields. */
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

/** A blank form; the department starts at the case's own, or before routing at the category's default. */
export function emptyForm(c?: Partial<Pick<CaseView, 'departmentId' | 'suggestedDepartmentId' | 'publishable'>>): ActionForm {
  return {
    departmentId: c?.departmentId || c?.suggestedDepartmentId || '',
    reason: '',
    note: '',
    question: '',
    content: '',
    templateId: '',
    days: 5,
    approve: '',
    publishable: c?.publishable ?? true,
    redactions: '',
    publicTitle: '',
  };
}

type Payload<A extends StaffAction> = Omit<RequestOf<`case.${A}`>, 'id' | 'version'>;

export type ActionResult = { errors: Record<string, string>; payload: null } | { errors: Record<string, never>; payload: object };

function required(value: string, name: string, max: number): string {
  const n = value.trim().length;
  if (!n) return `请填写${name}`;
  if (n > max) return `${name}最多 ${max} 个字`;
  return '';
}

function optional(value: string, name: string, max: number): string {
  return value.trim().length > max ? `${name}最多 ${max} 个字` : '';
}

function withNote<T extends object>(payload: T, note: string): T & { note?: string } {
  const n = note.trim();
  return n ? { ...payload, note: n } : payload;
}

export interface ActionContext {
  extensionMaxDays: number;
  templates: readonly ReplyTemplate[];
}

/** Checks one action's form and builds its payload. */
export function actionPayload(action: StaffAction, form: ActionForm, ctx: ActionContext): ActionResult {
  const errors: Record<string, string> = {};
  let payload: object = {};
  const noteError = optional(form.note, '说明', NOTE_MAX);
  switch (action) {
    case 'accept': {
      if (noteError) errors.note = noteError;
      const p: Payload<'accept'> = form.departmentId ? { departmentId: form.departmentId } : {};
      payload = withNote(p, form.note);
      break;
    }
    case 'assign': {
      if (!form.departmentId) errors.departmentId = '请选择承办部门';
      if (noteError) errors.note = noteError;
      payload = withNote({ departmentId: form.departmentId } as Payload<'assign'>, form.note);
      break;
    }
    case 'reject': {
      if (!form.reason) errors.reason = '请选择不予受理的原因';
      const e = form.reason === 'other' ? required(form.note, '具体原因', NOTE_MAX) : noteError;
      if (e) errors.note = e;
      payload = withNote({ reason: form.reason as RejectReason } as Payload<'reject'>, form.note);
      break;
    }
    case 'askInfo': {
      const e = required(form.question, '需要补充的内容', NOTE_MAX);
      if (e) errors.question = e;
      payload = { question: form.question.trim() } as Payload<'askInfo'>;
      break;
    }
    case 'reply': {
      const e = required(form.content, '答复内容', REPLY_MAX);
      if (e) errors.content = e;
      const p: Payload<'reply'> = { content: form.content.trim() };
      if (form.templateId && ctx.templates.some((t) => t.id === form.templateId)) p.templateId = form.templateId;
      payload = p;
      break;
    }
    case 'note': {
      const e = required(form.note, '备注', NOTE_MAX);
      if (e) errors.note = e;
      payload = { content: form.note.trim() } as Payload<'note'>;
      break;
    }
    case 'requestExtension': {
      if (!Number.isInteger(form.days) || form.days < 1 || form.days > ctx.extensionMaxDays) {
        errors.days = `延期天数为 1 到 ${ctx.extensionMaxDays} 个工作日`;
      }
      const e = required(form.note, '延期理由', REASON_MAX);
      if (e) errors.note = e;
      payload = { days: form.days, reason: form.note.trim() } as Payload<'requestExtension'>;
      break;
    }
    case 'approveExtension':
    case 'approveReply': {
      if (!form.approve) errors.approve = '请选择同意或退回';
      const e = form.approve === 'no' ? required(form.note, '退回理由', NOTE_MAX) : noteError;
      if (e) errors.note = e;
      payload = withNote({ approve: form.approve === 'yes' }, form.note);
      break;
    }
    case 'escalate': {
      const e = required(form.note, '督办意见', NOTE_MAX);
      if (e) errors.note = e;
      payload = { note: form.note.trim() } as Payload<'escalate'>;
      break;
    }
    case 'setPublishable': {
      const redactions = form.redactions
        .split('\n')
        .map((r) => r.trim())
        .filter(Boolean);
      const title = form.publicTitle.trim();
      const e = optional(title, '公开标题', 50);
      if (e) errors.publicTitle = e;
      const p: Payload<'setPublishable'> = { publishable: form.publishable };
      if (form.publishable && redactions.length) p.redactions = redactions;
      if (form.publishable && title) p.publicTitle = title;
      payload = p;
      break;
    }
    case 'clearContent': {
      const e = optional(form.note, '说明', REASON_MAX);
      if (e) errors.note = e;
      payload = withNote({} as Payload<'clearContent'>, form.note);
      break;
    }
  }
  return Object.keys(errors).length ? { errors, payload: null } : { errors: {}, payload };
}

export interface StaffCaseView extends CaseBasics {
  departmentId: string;
  /** The category's default department while the case has none. */
  suggestedDepartmentId: string;
  departmentName: string;
  contactName: string;
  contactPhone: string;
  /** Only unmasked digits can be dialled (the handler's view). */
  canCall: boolean;
  extension: string;
  pendingReply: null | { content: string; time: string; fromTemplate: boolean };
  reply: null | { content: string; time: string; departmentName: string; fromTemplate: boolean };
  rating: string;
  reopenCount: number;
  flags: string[];
  publish: string;
  cosign: StaffCosignView | null;
}

/** 附议 on a published suggestion: the count, whether the response is owed (and may be written by this person). */
export interface StaffCosignView {
  text: string;
  canRespond: boolean;
  response: null | { content: string; time: string; by: string };
}

export const COSIGN_RESPONSE_MAX = 5000;

export function staffCosignView(cosign: CaseView['cosign'], now: number = Date.now()): StaffCosignView | null {
  if (!cosign) return null;
  let text = `${cosign.count} 人附议（回应标准 ${cosign.threshold} 人）`;
  if (cosign.awaitingResponse) text += cosign.reachedAt ? `，${formatDateTime(cosign.reachedAt, now)} 达到，须公开回应` : '，须公开回应';
  const r = cosign.response;
  return {
    text,
    canRespond: cosign.canRespond,
    response: r ? { content: r.content, time: formatDateTime(r.at, now), by: r.departmentName ?? '' } : null,
  };
}

/** The response's check, as the server's (required, at most COSIGN_RESPONSE_MAX characters). */
export function cosignResponseError(text: string): string {
  return required(text, '回应内容', COSIGN_RESPONSE_MAX);
}

const EXTENSION_STATUS = { pending: '待审批', approved: '已批准', rejected: '未批准' } as const;

export function staffCaseView(c: CaseView, now: number = Date.now()): { view: StaffCaseView; timeline: TimelineView[] } {
  const flags: string[] = [];
  if (c.late) flags.push('已超期');
  if (c.flagged) flags.push('内容待复核（未公开）');
  if (c.escalated) flags.push('已督办');
  if (c.cosign?.awaitingResponse) flags.push('附议待回应');
  if (c.reopenCount) flags.push(`重新办理 ${c.reopenCount} 次`);
  const rating = c.rating
    ? `${ratingLabel(c.rating.score)} · ${c.rating.solved ? '已解决' : '未解决'}${c.rating.comment ? `：${c.rating.comment}` : ''}`
    : '';
  let publish = c.publishConsent ? '市民同意公开' : '市民未同意公开';
  if (c.publishable === true) publish += '，已设为公开';
  else if (c.publishable === false && c.publishConsent) publish += '，未设为公开';
  const phone = c.contactPhone ?? '';
  return {
    view: {
      ...caseBasics(c, now),
      departmentId: c.departmentId ?? '',
      suggestedDepartmentId: c.suggestedDepartmentId ?? '',
      departmentName: c.departmentName ?? '未分派',
      contactName: c.contactName ?? '',
      contactPhone: phone,
      canCall: /^[0-9-]{7,}$/.test(phone),
      extension: c.extension
        ? `延期 ${c.extension.days} 个工作日（${EXTENSION_STATUS[c.extension.status]}）：${c.extension.reason}`
        : '',
      pendingReply: c.pendingReply
        ? { content: c.pendingReply.content, time: formatDateTime(c.pendingReply.at, now), fromTemplate: c.pendingReply.fromTemplate }
        : null,
      reply: c.reply
        ? { content: c.reply.content, time: formatDateTime(c.reply.at, now), departmentName: c.reply.departmentName ?? '', fromTemplate: c.reply.fromTemplate }
        : null,
      rating,
      reopenCount: c.reopenCount,
      flags,
      publish,
      cosign: staffCosignView(c.cosign, now),
    },
    timeline: timelineView(c.timeline, now),
  };
}

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

/** Which fields each action's form shows, and what its note field and button say. */
export function formSpec(action: StaffAction | ''): FormSpec {
  const spec: FormSpec = { department: false, reason: false, question: false, content: false, days: false, approve: false, publish: false, note: '', submit: '' };
  switch (action) {
    case 'accept':
      return { ...spec, department: true, note: '受理说明（选填）', submit: '确认受理' };
    case 'assign':
      return { ...spec, department: true, note: '转办说明（选填）', submit: '确认转办' };
    case 'reject':
      return { ...spec, reason: true, note: '具体原因（市民可见；选“其他原因”时必填）', submit: '确认不予受理' };
    case 'askInfo':
      return { ...spec, question: true, submit: '发送给市民' };
    case 'reply':
      return { ...spec, content: true, submit: '提交答复' };
    case 'note':
      return { ...spec, note: '备注内容（仅工作人员可见）', submit: '保存备注' };
    case 'requestExtension':
      return { ...spec, days: true, note: '延期理由（市民可见）', submit: '提交延期申请' };
    case 'approveExtension':
      return { ...spec, approve: true, note: '审批意见（退回时必填）', submit: '提交审批' };
    case 'approveReply':
      return { ...spec, approve: true, note: '审核意见（退回时必填）', submit: '提交审核' };
    case 'escalate':
      return { ...spec, note: '督办意见', submit: '确认督办' };
    case 'setPublishable':
      return { ...spec, publish: true, submit: '保存公开设置' };
    case 'clearContent':
      return { ...spec, note: '复核说明（选填）', submit: '确认内容无问题' };
    default:
      return spec;
  }
}
