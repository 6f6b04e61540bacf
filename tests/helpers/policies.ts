// Helpers of the policy and draft page tests: typing into a van-field that sits anywhere in a page (also inside our
// list-editor), a realistic policy and draft, and people. Elements are reached by WXML id through j-component, then
// the inner <input>/<textarea> of the van-field gets the input event a keyboard would send.
import simulate from 'miniprogram-simulate';
import type { RequestOf } from '../../typings/api';
import { ok } from './cloud';

type Mounted = ReturnType<typeof simulate.render>;
type Wrapper = NonNullable<ReturnType<Mounted['querySelector']>>;

export const EDITOR = 'o_pages_editor';
export const CITIZEN_A = 'o_pages_citizen_a';
export const CITIZEN_B = 'o_pages_citizen_b';

/** Follows a chain of WXML ids through nested components: ('paragraphs-editor', 'paragraphs-text-1'). */
export function wrapperOf(page: Mounted, ...ids: string[]): Wrapper {
  let current: Mounted | Wrapper = page;
  for (const id of ids) {
    const next: Wrapper | undefined | null = current.querySelector(`#${id}`);
    if (!next) throw new Error(`no component #${ids.join(' > #')}`);
    current = next;
  }
  return current as Wrapper;
}

/** The van-field's own <input>/<textarea>: the last `.van-field__control` (the first wraps the custom-input slot). */
function control(field: Wrapper): Wrapper {
  const all = field.querySelectorAll('.van-field__control');
  const inner = all[all.length - 1];
  if (!inner) throw new Error('not a van-field');
  return inner;
}

/** Types `value` into the van-field reached by `ids` (a van-search: its inner field). */
export async function typeText(page: Mounted, value: string, ...ids: string[]): Promise<void> {
  let field = wrapperOf(page, ...ids);
  const nested = field.querySelector('.van-search__field');
  if (nested) field = nested;
  control(field).dispatchEvent('input', { detail: { value } });
  await simulate.sleep(20);
}

/** The keyboard's "search"/"done" key in a van-field or van-search. */
export async function confirmText(page: Mounted, value: string, ...ids: string[]): Promise<void> {
  let field = wrapperOf(page, ...ids);
  const nested = field.querySelector('.van-search__field');
  if (nested) field = nested;
  control(field).dispatchEvent('confirm', { detail: { value } });
  await simulate.sleep(20);
}

/** Picks a date in a native <picker mode="date"> found by class (pickers have no DOM we can type into). */
export async function pickDate(page: Mounted, pickerClass: string, value: string): Promise<void> {
  const picker = page.querySelector(`.${pickerClass}`);
  if (!picker) throw new Error(`no picker .${pickerClass}`);
  picker.dispatchEvent('change', { detail: { value } });
  await simulate.sleep(0);
}

export function policyInput(over: Partial<RequestOf<'policy.save'>> = {}): RequestOf<'policy.save'> {
  return {
    title: '关于进一步加强住宅小区物业管理的若干意见',
    docNo: '市政办发〔2026〕12号',
    issuer: '市人民政府办公室',
    categoryId: 'cat-property',
    issuedAt: '2026-02-20',
    effectiveFrom: '2026-03-01',
    paragraphs: ['为规范住宅小区物业管理活动，维护业主和物业服务企业的合法权益，制定本意见。', '物业服务企业应当公示收费项目和标准，接受业主监督。'],
    explanation: {
      background: '近年来物业服务投诉增多，收费不透明是主要原因。',
      keyPoints: ['收费项目和标准必须公示', '业主可以查阅物业账目'],
      faq: [{ q: '收费标准在哪里查？', a: '在小区公告栏和本平台公示。' }],
    },
    ...over,
  };
}

export async function publishPolicy(over: Partial<RequestOf<'policy.save'>> = {}) {
  const saved = await ok(EDITOR, 'policy.save', policyInput(over));
  return ok(EDITOR, 'policy.publish', { id: saved.id, version: saved.version });
}

/** The last setData payloads a page sent, to prove what went to the render layer. */
export function recordSetData(page: Mounted): Array<Record<string, unknown>> {
  const calls: Array<Record<string, unknown>> = [];
  const inst = page.instance as unknown as { setData(data: Record<string, unknown>, cb?: () => void): void };
  const original = inst.setData.bind(inst);
  inst.setData = (data, cb) => {
    calls.push(data);
    original(data, cb);
  };
  return calls;
}

/** Waits until an element with this data-testid is rendered (Vant's popup shows its content after a transition). */
export async function waitForTestId(page: Mounted, testId: string, timeoutMs = 2000): Promise<Element> {
  const started = Date.now();
  for (;;) {
    const el = page.dom?.querySelector(`[data-testid="${testId}"]`);
    if (el) return el;
    if (Date.now() - started > timeoutMs) throw new Error(`no element data-testid="${testId}" after ${timeoutMs} ms`);
    await simulate.sleep(10);
  }
}
