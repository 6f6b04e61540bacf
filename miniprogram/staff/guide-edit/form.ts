// The guide editor's form as plain text fields, and the two ways between it and the contract: each list is written one
// entry a line (materials and offices with their parts separated by "|", questions as 问：/答： lines), parsed here
// with a Chinese message naming the line that is wrong. Pure, so it is unit-tested; the server checks everything again.
import type { GuideCategory, GuideFaq, GuideItem, GuideItemInput, GuideMaterial, GuideOffice } from '../../../typings/api';

export interface GuideForm {
  name: string;
  code: string;
  itemType: string;
  categoryId: GuideCategory | '';
  authority: string;
  applicants: string;
  fee: string;
  legalDays: string;
  promisedDays: string;
  visits: string;
  basis: string;
  conditions: string;
  materials: string;
  offices: string;
  onlineSteps: string;
  faq: string;
  keywords: string;
  relatedPolicyIds: string;
  caseCategoryId: string;
}

export type GuideFormErrors = Partial<Record<keyof GuideForm, string>>;

export function emptyGuideForm(): GuideForm {
  return {
    name: '',
    code: '',
    itemType: '公共服务',
    categoryId: '',
    authority: '',
    applicants: '',
    fee: '不收费',
    legalDays: '',
    promisedDays: '',
    visits: '1',
    basis: '',
    conditions: '',
    materials: '',
    offices: '',
    onlineSteps: '',
    faq: '',
    keywords: '',
    relatedPolicyIds: '',
    caseCategoryId: '',
  };
}

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const parts = (line: string): string[] => line.split('|').map((p) => p.trim());

export function materialLine(m: GuideMaterial): string {
  return [m.name, m.form, String(m.copies), m.required ? '必需' : '可选', m.source ?? '', m.note ?? ''].join(' | ').replace(/( \| )+$/, '');
}

export function officeLine(o: GuideOffice): string {
  return [o.name, o.address, o.hours, o.phone, `${o.latitude},${o.longitude}`].join(' | ');
}

export function formFromItem(item: GuideItem): GuideForm {
  return {
    name: item.name,
    code: item.code ?? '',
    itemType: item.itemType,
    categoryId: item.categoryId,
    authority: item.authority,
    applicants: item.applicants,
    fee: item.fee,
    legalDays: item.legalDays === undefined ? '' : String(item.legalDays),
    promisedDays: String(item.promisedDays),
    visits: String(item.visits),
    basis: item.basis.join('\n'),
    conditions: item.conditions.join('\n'),
    materials: item.materials.map(materialLine).join('\n'),
    offices: item.offices.map(officeLine).join('\n'),
    onlineSteps: item.onlineSteps.join('\n'),
    faq: item.faq.map((f) => `问：${f.q}\n答：${f.a}`).join('\n'),
    keywords: (item.keywords ?? []).join('，'),
    relatedPolicyIds: (item.relatedPolicyIds ?? []).join('\n'),
    caseCategoryId: item.caseCategoryId ?? '',
  };
}

function days(text: string, label: string): number | string {
  const t = text.trim();
  if (!/^\d{1,3}$/.test(t)) return `${label}请填写 0 到 365 之间的整数（工作日）`;
  return Number(t);
}

function parseMaterials(text: string): GuideMaterial[] | string {
  const out: GuideMaterial[] = [];
  for (const [i, line] of lines(text).entries()) {
    const [name = '', form = '', copies = '', required = '', source = '', note = ''] = parts(line);
    if (!name || !form || !/^\d{1,2}$/.test(copies) || !['必需', '可选'].includes(required)) {
      return `申请材料第 ${i + 1} 行格式应为：名称 | 形式 | 份数 | 必需或可选 | 来源 | 说明`;
    }
    out.push({ name, form, copies: Number(copies), required: required === '必需', ...(source ? { source } : {}), ...(note ? { note } : {}) });
  }
  return out;
}

function parseOffices(text: string): GuideOffice[] | string {
  const out: GuideOffice[] = [];
  for (const [i, line] of lines(text).entries()) {
    const [name = '', address = '', hours = '', phone = '', at = ''] = parts(line);
    const [lat, lng] = at.split(/[,，]/).map((x) => Number(x.trim()));
    if (!name || !address || !hours || !/^[0-9-]{5,20}$/.test(phone) || !Number.isFinite(lat) || !Number.isFinite(lng)) {
      return `办理地点第 ${i + 1} 行格式应为：名称 | 地址 | 办公时间 | 电话 | 纬度,经度`;
    }
    out.push({ name, address, hours, phone, latitude: lat!, longitude: lng! });
  }
  return out;
}

function parseFaq(text: string): GuideFaq[] | string {
  const out: GuideFaq[] = [];
  for (const line of lines(text)) {
    if (/^问[:：]/.test(line)) out.push({ q: line.replace(/^问[:：]\s*/, ''), a: '' });
    else if (/^答[:：]/.test(line) && out.length && !out[out.length - 1]!.a) out[out.length - 1]!.a = line.replace(/^答[:：]\s*/, '');
    else return '常见问题应一行“问：……”接一行“答：……”';
  }
  return out.some((f) => !f.q || !f.a) ? '每个问题都需要一行“答：……”' : out;
}

/** The request the form becomes, or the fields to fix (Chinese, one message per field). */
export function toGuideInput(form: GuideForm): { input: GuideItemInput } | { errors: GuideFormErrors } {
  const errors: GuideFormErrors = {};
  if (!form.name.trim()) errors.name = '请填写事项名称';
  if (!form.itemType.trim()) errors.itemType = '请填写事项类型';
  if (!form.categoryId) errors.categoryId = '请选择事项分类';
  if (!form.authority.trim()) errors.authority = '请填写实施主体';
  if (!form.applicants.trim()) errors.applicants = '请填写受理范围';
  if (!form.fee.trim()) errors.fee = '请填写收费标准，不收费请写“不收费”';
  const promised = days(form.promisedDays, '承诺时限');
  if (typeof promised === 'string') errors.promisedDays = promised;
  const legal = form.legalDays.trim() ? days(form.legalDays, '法定时限') : undefined;
  if (typeof legal === 'string') errors.legalDays = legal;
  const visits = /^[0-5]$/.test(form.visits.trim()) ? Number(form.visits.trim()) : '到现场次数请填写 0 到 5';
  if (typeof visits === 'string') errors.visits = visits;
  const basis = lines(form.basis);
  if (!basis.length) errors.basis = '请至少填写一条设定依据';
  const materials = parseMaterials(form.materials);
  if (typeof materials === 'string') errors.materials = materials;
  const offices = parseOffices(form.offices);
  if (typeof offices === 'string') errors.offices = offices;
  const faq = parseFaq(form.faq);
  if (typeof faq === 'string') errors.faq = faq;
  if (Object.keys(errors).length) return { errors };
  const keywords = form.keywords
    .split(/[,，、\s]+/)
    .map((k) => k.trim())
    .filter(Boolean);
  const related = lines(form.relatedPolicyIds);
  const input: GuideItemInput = {
    name: form.name.trim(),
    itemType: form.itemType.trim(),
    categoryId: form.categoryId as GuideCategory,
    authority: form.authority.trim(),
    basis,
    applicants: form.applicants.trim(),
    conditions: lines(form.conditions),
    materials: materials as GuideMaterial[],
    fee: form.fee.trim(),
    promisedDays: promised as number,
    visits: visits as number,
    offices: offices as GuideOffice[],
    onlineSteps: lines(form.onlineSteps),
    faq: faq as GuideFaq[],
  };
  if (form.code.trim()) input.code = form.code.trim();
  if (legal !== undefined) input.legalDays = legal as number;
  if (keywords.length) input.keywords = keywords;
  if (related.length) input.relatedPolicyIds = related;
  if (form.caseCategoryId) input.caseCategoryId = form.caseCategoryId;
  return { input };
}

/** Server field paths ("materials.2.copies") on the form's fields. */
export function errorsFromServer(fields: Record<string, string> | undefined): GuideFormErrors {
  const out: GuideFormErrors = {};
  const keys = Object.keys(emptyGuideForm());
  for (const [path, message] of Object.entries(fields ?? {})) {
    const head = path.split('.')[0]!;
    if (keys.includes(head)) out[head as keyof GuideForm] ??= message;
  }
  return out;
}
