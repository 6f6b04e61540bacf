// The submit form as plain data: which categories fit a type, what is wrong with the form (Chinese, per field), the
// request it becomes, and how the server's field errors land next to the fields. No wx here: unit-tested.
import type { MetaGetResponse, SubmitRequest } from '../../../typings/api';
import type { CaseType, Category } from '../../../typings/domain';
import { charCount, checkText, isPhone, normalizePhone } from '../../utils/validate';

export type SubmitField = 'type' | 'categoryId' | 'title' | 'content' | 'images' | 'contactName' | 'contactPhone';
export type SubmitErrors = Partial<Record<SubmitField, string>>;

export interface FormImage {
  /** Local key: uploads finish in any order and the citizen may delete meanwhile. */
  key: string;
  /** Temp path on the phone, shown as the preview. */
  url: string;
  /** The cloud fileID once uploaded. */
  fileID?: string;
  status: 'uploading' | 'done' | 'failed';
}

export interface SubmitForm {
  type: CaseType | '';
  categoryId: string;
  title: string;
  content: string;
  images: FormImage[];
  contactName: string;
  contactPhone: string;
  publishConsent: boolean;
  policyId?: string;
  /** The service-guide item a 就此事项咨询 is about. */
  guideItemId?: string;
}

type FormMeta = Pick<MetaGetResponse, 'types' | 'categories' | 'limits'> & { formLimits: Pick<MetaGetResponse['formLimits'], 'case'> };

export function categoriesFor(categories: readonly Category[], type: string): Category[] {
  return type ? categories.filter((c) => c.types.includes(type as CaseType)) : categories.slice();
}

export interface TypeOption {
  key: CaseType;
  label: string;
  hint: string;
}

export function typeOptions(meta: Pick<MetaGetResponse, 'types'>): TypeOption[] {
  return meta.types.map((t) => ({ key: t.key, label: t.label, hint: `${t.answerDays} 个工作日内答复` }));
}

/** The form a link opens (home's type entry, a policy's "ask about this policy"), keeping only values that fit. */
export function initialForm(query: Record<string, string | undefined>, meta: FormMeta): SubmitForm {
  const type = meta.types.some((t) => t.key === query.type) ? (query.type as CaseType) : '';
  const category = meta.categories.find((c) => c.id === query.categoryId);
  const categoryId = category && (!type || category.types.includes(type)) ? category.id : '';
  const title = (query.title ?? '').slice(0, meta.limits.titleMax);
  return {
    type,
    categoryId,
    title,
    content: '',
    images: [],
    contactName: '',
    contactPhone: '',
    publishConsent: false,
    ...(query.policyId ? { policyId: query.policyId } : {}),
    ...(query.guideItemId ? { guideItemId: query.guideItemId } : {}),
  };
}

export function validateSubmit(form: SubmitForm, meta: FormMeta): SubmitErrors {
  const errors: SubmitErrors = {};
  if (!form.type || !meta.types.some((t) => t.key === form.type)) errors.type = '请选择留言类型';
  const category = meta.categories.find((c) => c.id === form.categoryId);
  if (!category) errors.categoryId = '请选择问题类别';
  else if (form.type && !category.types.includes(form.type)) errors.categoryId = '这个类别不受理此类型的留言，请重新选择';
  const title = checkText(form.title, '标题', meta.limits.titleMax);
  if (title) errors.title = title;
  const content = checkText(form.content, '留言内容', meta.limits.contentMax, meta.formLimits.case.contentMin);
  if (content) errors.content = content;
  if (form.images.length > meta.limits.imagesMax) errors.images = `最多上传 ${meta.limits.imagesMax} 张图片`;
  else if (form.images.some((i) => i.status === 'uploading')) errors.images = '图片还在上传，请稍候再提交';
  else if (form.images.some((i) => i.status === 'failed')) errors.images = '有图片上传失败，请删除后重新添加';
  const { contactNameMax } = meta.formLimits.case;
  if (charCount(form.contactName.trim()) > contactNameMax) errors.contactName = `联系人姓名最多 ${contactNameMax} 个字`;
  const phone = normalizePhone(form.contactPhone);
  if (phone && !isPhone(phone)) errors.contactPhone = '请填写正确的电话：11 位手机号，或带区号的固定电话';
  return errors;
}

export function hasErrors(errors: SubmitErrors): boolean {
  return Object.values(errors).some(Boolean);
}

export function toSubmitRequest(form: SubmitForm, clientRequestId: string, subscribed: string[]): SubmitRequest {
  const request: SubmitRequest = {
    type: form.type as CaseType,
    categoryId: form.categoryId,
    title: form.title.trim(),
    content: form.content.trim(),
    publishConsent: form.publishConsent,
    clientRequestId,
  };
  const images = form.images.map((i) => i.fileID).filter((id): id is string => Boolean(id));
  if (images.length) request.images = images;
  const name = form.contactName.trim();
  if (name) request.contactName = name;
  const phone = normalizePhone(form.contactPhone);
  if (phone) request.contactPhone = phone;
  if (subscribed.length) request.subscribed = subscribed;
  if (form.policyId) request.policyId = form.policyId;
  if (form.guideItemId) request.guideItemId = form.guideItemId;
  return request;
}

const FIELDS: readonly SubmitField[] = ['type', 'categoryId', 'title', 'content', 'images', 'contactName', 'contactPhone'];

/**
 * The server's `fields` ("title", "images.2") placed on the form's fields; what matches no field is returned in
 * `other`, to be shown as a message of its own.
 */
export function errorsFromServer(fields: Record<string, string>): { errors: SubmitErrors; other: string[] } {
  const errors: SubmitErrors = {};
  const other: string[] = [];
  for (const [path, message] of Object.entries(fields)) {
    const head = path.split('.')[0] as SubmitField;
    if (FIELDS.includes(head)) errors[head] ??= message;
    else other.push(message);
  }
  return { errors, other };
}

export interface Counter {
  text: string;
  over: boolean;
}

/** "12/50", flagged when over the limit (the field does not cut what was typed: people see what to shorten). */
export function counter(value: string, max: number): Counter {
  const n = charCount(value);
  return { text: `${n}/${max}`, over: n > max };
}

/** The typed fields of the form: what a local draft keeps (images are temp files on the phone and are not kept). */
export type DraftFields = Omit<SubmitForm, 'images' | 'policyId' | 'guideItemId'>;

/** What a message opened from a page is about (a policy, a guide item): it has a draft of its own. */
export function linkOf(form: Pick<SubmitForm, 'policyId' | 'guideItemId'>): string | undefined {
  return form.policyId ?? form.guideItemId;
}

export function draftFieldsOf(form: SubmitForm | DraftFields): DraftFields {
  const { type, categoryId, title, content, contactName, contactPhone, publishConsent } = form;
  return { type, categoryId, title, content, contactName, contactPhone, publishConsent };
}

/** One draft per case type (and per policy a message is about): the 投诉 entry brings back the half-written complaint. */
export function draftKey(type: string, policyId?: string): string {
  return `submit:${type || 'untyped'}${policyId ? `:${policyId}` : ''}`;
}

/** The keys a page opened this way may restore from: its own type, or every type when it was opened without one. */
export function draftKeysFor(start: SubmitForm, meta: Pick<MetaGetResponse, 'types'>): string[] {
  if (start.type) return [draftKey(start.type, linkOf(start))];
  return ['', ...meta.types.map((t) => t.key)].map((type) => draftKey(type, linkOf(start)));
}

export function draftHasContent(form: DraftFields): boolean {
  return Boolean(form.title.trim() || form.content.trim() || form.contactName.trim() || form.contactPhone.trim());
}

/** A kept draft laid over the form the page opened with, keeping only what still fits today's types and categories. */
export function formFromDraft(draft: DraftFields, start: SubmitForm, meta: FormMeta): SubmitForm {
  const type = meta.types.some((t) => t.key === draft.type) ? draft.type : start.type;
  const category = meta.categories.find((c) => c.id === draft.categoryId);
  return {
    ...start,
    type,
    categoryId: category && (!type || category.types.includes(type as CaseType)) ? category.id : start.categoryId,
    title: String(draft.title ?? ''),
    content: String(draft.content ?? ''),
    contactName: String(draft.contactName ?? ''),
    contactPhone: String(draft.contactPhone ?? ''),
    publishConsent: draft.publishConsent === true,
  };
}
