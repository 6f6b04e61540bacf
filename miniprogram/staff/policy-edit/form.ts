// The policy editor's state and its operations, pure so they are unit-tested: the page keeps a PolicyForm, changes
// it only through these functions, and sends toPolicyInput(form). The draft editor reuses what both documents have
// (paragraphs, the explanation, the list operations, the error view, the save target).
import type { Policy, PolicyExplanation, PolicyFormLimits, PolicyInput } from '../../../typings/api';
import type { Category } from '../../../typings/domain';
import { isCalendarDate } from '../../utils/time';

export interface FaqRow {
  q: string;
  a: string;
}

export interface AttachmentRow {
  fileID: string;
  name: string;
  size?: number;
}

/** The explanation (政策解读, or a draft's 起草说明) as the editors' fields. */
export interface ExplanationFields {
  background: string;
  keyPoints: string[];
  changes: string;
  faq: FaqRow[];
}

export interface PolicyForm extends ExplanationFields {
  title: string;
  docNo: string;
  issuer: string;
  categoryId: string;
  issuedAt: string;
  effectiveFrom: string;
  expiresAt: string;
  paragraphs: string[];
  attachments: AttachmentRow[];
  /** Related policies have no editor yet; they are kept as they are so a save does not drop them. */
  relatedIds: string[];
}

export function emptyPolicyForm(): PolicyForm {
  return {
    title: '',
    docNo: '',
    issuer: '',
    categoryId: '',
    issuedAt: '',
    effectiveFrom: '',
    expiresAt: '',
    paragraphs: [''],
    ...explanationFields(undefined),
    attachments: [],
    relatedIds: [],
  };
}

export function formFromPolicy(p: Policy): PolicyForm {
  return {
    title: p.title,
    docNo: p.docNo ?? '',
    issuer: p.issuer,
    categoryId: p.categoryId,
    issuedAt: p.issuedAt ?? '',
    effectiveFrom: p.effectiveFrom ?? '',
    expiresAt: p.expiresAt ?? '',
    paragraphs: p.paragraphs.length ? [...p.paragraphs] : [''],
    ...explanationFields(p.explanation),
    attachments: (p.attachments ?? []).map((a) => ({ fileID: a.fileID, name: a.name, ...(a.size !== undefined ? { size: a.size } : {}) })),
    relatedIds: (p.related ?? []).map((r) => r.id),
  };
}

/** A stored explanation in the editor's fields (none: the empty fields of a new form). */
export function explanationFields(explanation: PolicyExplanation | undefined): ExplanationFields {
  return {
    background: explanation?.background ?? '',
    keyPoints: [...(explanation?.keyPoints ?? [])],
    changes: explanation?.changes ?? '',
    faq: (explanation?.faq ?? []).map((f) => ({ q: f.q, a: f.a })),
  };
}

// ---- list operations (immutable: the page setData's the one list that changed) ----

/** Moves the item at `index` one place up (-1) or down (+1); out-of-range moves leave the list as it is. */
export function moveItem<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  const out = [...list];
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return out;
  [out[index], out[target]] = [out[target], out[index]];
  return out;
}

export function removeItem<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** Inserts after `index` (-1: at the start; past the end: at the end). */
export function insertAfter<T>(list: readonly T[], index: number, item: T): T[] {
  const at = Math.max(0, Math.min(list.length, index + 1));
  return [...list.slice(0, at), item, ...list.slice(at)];
}

export function replaceItem<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((x, i) => (i === index ? item : x));
}

const clean = (s: string) => s.trim();

/** The rows with text, trimmed (a paragraph or key point left blank is not sent). */
export function nonEmpty(list: readonly string[]): string[] {
  return list.map(clean).filter(Boolean);
}

/** The explanation as sent: trimmed, blank parts and half-empty FAQ rows left out; undefined when nothing is left. */
export function toExplanation(form: ExplanationFields): PolicyExplanation | undefined {
  const keyPoints = nonEmpty(form.keyPoints);
  const faq = form.faq.map((f) => ({ q: clean(f.q), a: clean(f.a) })).filter((f) => f.q && f.a);
  const explanation = {
    ...(clean(form.background) ? { background: clean(form.background) } : {}),
    ...(keyPoints.length ? { keyPoints } : {}),
    ...(clean(form.changes) ? { changes: clean(form.changes) } : {}),
    ...(faq.length ? { faq } : {}),
  };
  return Object.keys(explanation).length ? explanation : undefined;
}

export function toPolicyInput(form: PolicyForm): PolicyInput {
  const explanation = toExplanation(form);
  return {
    title: clean(form.title),
    ...(clean(form.docNo) ? { docNo: clean(form.docNo) } : {}),
    issuer: clean(form.issuer),
    categoryId: form.categoryId,
    ...(form.issuedAt ? { issuedAt: form.issuedAt } : {}),
    ...(form.effectiveFrom ? { effectiveFrom: form.effectiveFrom } : {}),
    ...(form.expiresAt ? { expiresAt: form.expiresAt } : {}),
    paragraphs: nonEmpty(form.paragraphs),
    ...(explanation ? { explanation } : {}),
    attachments: form.attachments.map((a) => ({ fileID: a.fileID, name: a.name, ...(a.size !== undefined ? { size: a.size } : {}) })),
    ...(form.relatedIds.length ? { relatedIds: [...form.relatedIds] } : {}),
  };
}

const len = (s: string) => Array.from(s.trim()).length;

/**
 * Field path -> Chinese message, with the same dot-joined paths the server uses in `fields`, so one map shows both.
 * Empty when the form can be saved.
 */
/** `limits`: the server's (meta.get formLimits.policy), checked here so the editor hears at once. */
export function validatePolicyForm(form: PolicyForm, limits: PolicyFormLimits): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!len(form.title)) errors.title = '请填写政策标题';
  else if (len(form.title) > limits.titleMax) errors.title = `标题不能超过 ${limits.titleMax} 个字`;
  if (len(form.docNo) > limits.docNoMax) errors.docNo = `文号不能超过 ${limits.docNoMax} 个字`;
  if (!len(form.issuer)) errors.issuer = '请填写发布机关';
  else if (len(form.issuer) > limits.issuerMax) errors.issuer = `发布机关不能超过 ${limits.issuerMax} 个字`;
  if (!form.categoryId) errors.categoryId = '请选择政策类别';

  for (const key of ['issuedAt', 'effectiveFrom', 'expiresAt'] as const) {
    if (form[key] && !isCalendarDate(form[key])) errors[key] = '日期格式应为 2026-01-31';
  }
  if (!errors.effectiveFrom && !errors.issuedAt && form.issuedAt && form.effectiveFrom && form.effectiveFrom < form.issuedAt) {
    errors.effectiveFrom = '施行日期不能早于成文日期';
  }
  const start = form.effectiveFrom || form.issuedAt;
  if (!errors.expiresAt && form.expiresAt && start && isCalendarDate(start) && form.expiresAt <= start) {
    errors.expiresAt = '失效日期应晚于施行日期';
  }

  const paragraphs = nonEmpty(form.paragraphs);
  if (!paragraphs.length) errors.paragraphs = '正文至少需要一段';
  else if (paragraphs.length > limits.paragraphsMax) errors.paragraphs = `正文不能超过 ${limits.paragraphsMax} 段`;
  form.paragraphs.forEach((p, i) => {
    if (len(p) > limits.paragraphMax) errors[`paragraphs.${i}`] = `每段不能超过 ${limits.paragraphMax} 个字`;
  });

  if (len(form.background) > limits.explanationMax) errors['explanation.background'] = `不能超过 ${limits.explanationMax} 个字`;
  if (len(form.changes) > limits.explanationMax) errors['explanation.changes'] = `不能超过 ${limits.explanationMax} 个字`;
  Object.assign(errors, checkExplanation(form, limits));
  if (form.attachments.length > limits.attachmentsMax) errors.attachments = `附件不能超过 ${limits.attachmentsMax} 个`;
  return errors;
}

/** Key points and FAQ rows: counts, lengths, and no half-filled question. Shared with the draft editor. */
export function checkExplanation(form: Pick<ExplanationFields, 'keyPoints' | 'faq'>, limits: PolicyFormLimits): Record<string, string> {
  const errors: Record<string, string> = {};
  const points = form.keyPoints.filter((p) => len(p));
  if (points.length > limits.keyPointsMax) errors['explanation.keyPoints'] = `要点不能超过 ${limits.keyPointsMax} 条`;
  form.keyPoints.forEach((p, i) => {
    if (len(p) > limits.keyPointMax) errors[`explanation.keyPoints.${i}`] = `每条要点不能超过 ${limits.keyPointMax} 个字`;
  });
  if (form.faq.filter((f) => len(f.q) || len(f.a)).length > limits.faqMax) errors['explanation.faq'] = `问答不能超过 ${limits.faqMax} 条`;
  form.faq.forEach((f, i) => {
    const q = len(f.q);
    const a = len(f.a);
    if (q && !a) errors[`explanation.faq.${i}`] = '请填写这个问题的回答';
    else if (!q && a) errors[`explanation.faq.${i}`] = '请填写问题';
    else if (q > limits.questionMax) errors[`explanation.faq.${i}`] = `问题不能超过 ${limits.questionMax} 个字`;
    else if (a > limits.answerMax) errors[`explanation.faq.${i}`] = `回答不能超过 ${limits.answerMax} 个字`;
  });
  return errors;
}

export interface ErrorView {
  /** Field messages by a setData-safe key ('explanation.background' -> 'explanation_background'). */
  fields: Record<string, string>;
  /** By item index, for the list editors and the FAQ rows. */
  paragraphs: Record<string, string>;
  keyPoints: Record<string, string>;
  faq: Record<string, string>;
  /** Messages that belong to no field on screen. */
  other: string[];
}

export const NO_ERRORS: ErrorView = { fields: {}, paragraphs: {}, keyPoints: {}, faq: {}, other: [] };

/** Field keys the forms show next to a field; the server's instants map to the draft form's day fields. */
const FIELD_ALIASES: Record<string, string> = { opensAt: 'opensOn', closesAt: 'closesOn' };
const FORM_FIELDS = new Set([
  'title', 'docNo', 'issuer', 'categoryId', 'issuedAt', 'effectiveFrom', 'expiresAt', 'paragraphs', 'attachments', 'opensOn',
  'closesOn', 'normative', 'explanation.background', 'explanation.changes', 'explanation.keyPoints', 'explanation.faq',
]);

/**
 * Spreads a map of dot-joined paths (ours or the server's `fields`) over the places a form shows them. setData reads
 * dots in keys as paths, so field keys are flattened with '_'.
 */
export function errorView(errors: Record<string, string>): ErrorView {
  const out: ErrorView = { fields: {}, paragraphs: {}, keyPoints: {}, faq: {}, other: [] };
  for (const [rawKey, message] of Object.entries(errors)) {
    const key = FIELD_ALIASES[rawKey] ?? rawKey;
    let m: RegExpExecArray | null;
    if ((m = /^paragraphs\.(\d+)$/.exec(key))) out.paragraphs[m[1]] = message;
    else if ((m = /^explanation\.keyPoints\.(\d+)$/.exec(key))) out.keyPoints[m[1]] = message;
    else if ((m = /^explanation\.faq\.(\d+)(\.[qa])?$/.exec(key))) out.faq[m[1]] = message;
    else if (FORM_FIELDS.has(key)) out.fields[key.replace(/\./g, '_')] = message;
    else out.other.push(message);
  }
  return out;
}

/** The first message of an error map, for a toast that tells the editor where to look. */
export function firstError(errors: Record<string, string>): string {
  const key = Object.keys(errors)[0];
  return key ? errors[key] : '';
}

/**
 * Whom a save is about: a record already stored, with the version last read (a stale one gets CONFLICT), or a new one
 * with the key that makes a retried create answer the same record.
 */
export function saveTarget(record: { id: string; version: number; clientRequestId: string }): { id: string; version: number } | { clientRequestId: string } {
  return record.id ? { id: record.id, version: record.version } : { clientRequestId: record.clientRequestId };
}

/**
 * `policies/<random>.<ext>`: a random name so two editors uploading "附件.pdf" never overwrite each other and the
 * path reveals nothing; the extension is kept because wx.openDocument needs the file type.
 */
export function attachmentCloudPath(fileName: string, random: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(fileName);
  const ext = m ? m[1].toLowerCase() : 'bin';
  const safe = random.replace(/[^A-Za-z0-9]/g, '') || 'file';
  return `policies/${safe}.${ext}`;
}

/** A Policy as the citizen page would get it, from the unsaved form: the editor's preview renders the same view. */
export function previewPolicy(form: PolicyForm, categories: readonly Category[], base?: Policy): Policy {
  const input = toPolicyInput(form);
  return {
    id: base?.id ?? 'preview',
    title: input.title || '（未填写标题）',
    docNo: input.docNo,
    issuer: input.issuer,
    categoryId: input.categoryId,
    categoryName: categories.find((c) => c.id === input.categoryId)?.name,
    status: base?.status ?? 'draft',
    statusLabel: base?.statusLabel ?? '',
    version: base?.version ?? 0,
    issuedAt: input.issuedAt,
    effectiveFrom: input.effectiveFrom,
    expiresAt: input.expiresAt,
    paragraphs: input.paragraphs,
    explanation: input.explanation,
    attachments: input.attachments,
    publishedAt: base?.publishedAt,
    updatedAt: base?.updatedAt ?? new Date(0).toISOString(),
    versions: [],
    favorited: false,
  };
}

/** Unpublishing needs a reason the public will read. */
export function checkReason(reason: string, limits: PolicyFormLimits): string {
  const n = len(reason);
  if (!n) return '请填写原因，公众会看到它';
  if (n > limits.reasonMax) return `原因不能超过 ${limits.reasonMax} 个字`;
  return '';
}
