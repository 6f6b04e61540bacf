// Case handling for staff as plain data: the case as shown to them, the actions the server allows (`can`), and for
// each action the checks on its form and the payload it sends (without id and version, which the page adds).
import type { CaseAbilities, CaseView } from '../../../typings/api';
import { caseBasics, timelineView, type CaseBasics, type TimelineView } from '../../utils/case';
import { formatDateTime } from '../../utils/time';
import { required, STAFF_COMMANDS, type ActionContext, type ActionForm, type FormSpec, type Payload, type StaffAction, type StaffCommand } from './commands';

export type { ActionContext, ActionForm, FormSpec, StaffAction } from './commands';

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
  return ORDER.filter((k) => can[k]).map((key) => ({ key, label: STAFF_COMMANDS[key].label }));
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

export type ActionResult<A extends StaffAction> = { errors: Record<string, string>; payload: null } | { errors: Record<string, never>; payload: Payload<A> };

/** Checks one command's form and builds its payload (null while the form has refusals). */
export function actionPayload<A extends StaffAction>(action: A, form: ActionForm, ctx: ActionContext): ActionResult<A> {
  const errors: Record<string, string> = {};
  const command: StaffCommand<A> = STAFF_COMMANDS[action];
  const payload = command.build(form, ctx, (field, message) => {
    if (message && !errors[field]) errors[field] = message;
  });
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
  /** 关联事项: the service-guide item a 就此事项咨询 is about ('' when none). */
  guideItem: string;
}

/** 附议 on a published suggestion: the count, whether the response is owed (and may be written by this person). */
export interface StaffCosignView {
  text: string;
  canRespond: boolean;
  response: null | { content: string; time: string; by: string };
}

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

/** The response's check, as the server's (required, at most `max` characters: meta.get formLimits.case). */
export function cosignResponseError(text: string, max: number): string {
  return required(text, '回应内容', max);
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
    ? `${c.rating.scoreLabel} · ${c.rating.solved ? '已解决' : '未解决'}${c.rating.comment ? `：${c.rating.comment}` : ''}`
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
      guideItem: c.guideItem?.name ?? '',
    },
    timeline: timelineView(c.timeline, now),
  };
}

const NO_FIELDS: FormSpec = { department: false, reason: false, question: false, content: false, days: false, approve: false, publish: false, note: '', submit: '' };

/** Which fields each command's form shows, and what its note field and button say. */
export function formSpec(action: StaffAction | ''): FormSpec {
  return action ? { ...NO_FIELDS, ...STAFF_COMMANDS[action].form } : NO_FIELDS;
}
