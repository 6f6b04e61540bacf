import type { MetaGetResponse } from '../../../typings/api';
import { charCount, checkText, isPhone, normalizePhone } from '../../../miniprogram/utils/validate';
import {
  categoriesFor,
  counter,
  draftHasContent,
  draftKeysFor,
  formFromDraft,
  errorsFromServer,
  hasErrors,
  initialForm,
  toSubmitRequest,
  typeOptions,
  validateSubmit,
  type SubmitForm,
} from '../../../miniprogram/pages/submit/form';
import { validateBind } from '../../../miniprogram/pages/bind/view-model';
import { ADMIN_LIMITS, SETTING_RANGES } from '../../../cloudfunctions/api/src/actions/admin/schemas';
import { DRAFT_WINDOW_LIMITS } from '../../../cloudfunctions/api/src/domain/policies/drafts';
import { LIMITS as POLICY_LIMITS } from '../../../cloudfunctions/api/src/actions/policies/schemas';
import { CASE_FORM_LIMITS } from '../../../cloudfunctions/api/src/domain/defaults';

const META: Pick<MetaGetResponse, 'types' | 'categories' | 'limits' | 'formLimits'> = {
  types: [
    { key: 'inquiry', label: '咨询', answerDays: 3 },
    { key: 'complaint', label: '投诉', answerDays: 13 },
  ],
  categories: [
    { id: 'cat-property', name: '物业管理', departmentId: 'd1', types: ['inquiry', 'complaint'] },
    { id: 'cat-bus', name: '公交线路', departmentId: 'd2', types: ['inquiry'] },
  ],
  limits: { titleMax: 10, contentMax: 30, imagesMax: 2, submissionsPerDay: 5, listPageMax: 50 },
  formLimits: { case: CASE_FORM_LIMITS, policy: { ...POLICY_LIMITS, ...DRAFT_WINDOW_LIMITS }, admin: ADMIN_LIMITS, settings: SETTING_RANGES },
};

function form(over: Partial<SubmitForm> = {}): SubmitForm {
  return {
    type: 'inquiry',
    categoryId: 'cat-bus',
    title: '公交改线',
    content: '请问 12 路公交什么时候恢复原线路？',
    images: [],
    contactName: '',
    contactPhone: '',
    publishConsent: true,
    ...over,
  };
}

describe('phone numbers', () => {
  test.each(['13800138000', '138 0013 8000', '19912345678', '010-12345678', '0571-8888888', '02112345678', '010-12345678-123'])('%s is accepted', (v) => {
    expect(isPhone(v)).toBe(true);
  });
  test.each(['1380013800', '12800138000', '138001380001', '12345678', 'abc', '010-123', '138-0013-8000x'])('%s is refused', (v) => {
    expect(isPhone(v)).toBe(false);
  });
  test('spaces are dropped before checking and sending', () => {
    expect(normalizePhone(' 138 0013 8000 ')).toBe('13800138000');
  });
});

test('text checks count characters and say what is wrong in Chinese', () => {
  expect(charCount('物业')).toBe(2);
  expect(checkText('  ', '标题', 5)).toBe('请填写标题');
  expect(checkText('一二三四五六', '标题', 5)).toBe('标题最多 5 个字，已超出 1 个字');
  expect(checkText('短', '内容', 50, 3)).toBe('内容至少 3 个字，请写得具体一些');
  expect(checkText(' 一二三 ', '标题', 3)).toBe('');
});

describe('submit form', () => {
  test('only categories that take the chosen type are offered', () => {
    expect(categoriesFor(META.categories, 'complaint').map((c) => c.id)).toEqual(['cat-property']);
    expect(categoriesFor(META.categories, '').length).toBe(2);
    expect(typeOptions(META)[1]).toEqual({ key: 'complaint', label: '投诉', hint: '13 个工作日内答复' });
  });

  test('a link pre-fills what fits and drops what does not', () => {
    expect(initialForm({ type: 'complaint', categoryId: 'cat-property', title: '关于噪声扰民的问题反映', policyId: 'p1' }, META)).toMatchObject({
      type: 'complaint',
      categoryId: 'cat-property',
      title: '关于噪声扰民的问题反',
      policyId: 'p1',
    });
    expect(initialForm({ type: 'complaint', categoryId: 'cat-bus' }, META)).toMatchObject({ type: 'complaint', categoryId: '' });
    expect(initialForm({ type: 'bogus' }, META).type).toBe('');
  });

  test('a valid form has no errors and becomes the request, trimmed, with only what was given', () => {
    const f = form({ title: ' 公交改线 ', contactPhone: '138 0013 8000', images: [{ key: 'k', url: 'tmp', fileID: 'cloud://x', status: 'done' }] });
    expect(hasErrors(validateSubmit(f, META))).toBe(false);
    expect(toSubmitRequest(f, 'req-1', ['tmpl'])).toEqual({
      type: 'inquiry',
      categoryId: 'cat-bus',
      title: '公交改线',
      content: '请问 12 路公交什么时候恢复原线路？',
      publishConsent: true,
      clientRequestId: 'req-1',
      images: ['cloud://x'],
      contactPhone: '13800138000',
      subscribed: ['tmpl'],
    });
    expect(toSubmitRequest(form(), 'req-2', [])).not.toHaveProperty('subscribed');
  });

  test('every field says what is wrong, with the limits from meta.get', () => {
    const errors = validateSubmit(
      form({
        type: '',
        categoryId: '',
        title: '一二三四五六七八九十一',
        content: '太短',
        images: [
          { key: 'a', url: 'a', status: 'done', fileID: 'x' },
          { key: 'b', url: 'b', status: 'done', fileID: 'y' },
          { key: 'c', url: 'c', status: 'done', fileID: 'z' },
        ],
        contactName: '名'.repeat(21),
        contactPhone: '12345',
      }),
      META,
    );
    expect(errors).toEqual({
      type: '请选择留言类型',
      categoryId: '请选择问题类别',
      title: '标题最多 10 个字，已超出 1 个字',
      content: '留言内容至少 10 个字，请写得具体一些',
      images: '最多上传 2 张图片',
      contactName: '联系人姓名最多 20 个字',
      contactPhone: '请填写正确的电话：11 位手机号，或带区号的固定电话',
    });
    expect(validateSubmit(form({ type: 'complaint', categoryId: 'cat-bus' }), META).categoryId).toBe('这个类别不受理此类型的留言，请重新选择');
    expect(validateSubmit(form({ content: '一'.repeat(31) }), META).content).toBe('留言内容最多 30 个字，已超出 1 个字');
  });

  test('images still uploading or failed hold the submit back', () => {
    expect(validateSubmit(form({ images: [{ key: 'a', url: 'a', status: 'uploading' }] }), META).images).toBe('图片还在上传，请稍候再提交');
    expect(validateSubmit(form({ images: [{ key: 'a', url: 'a', status: 'failed' }] }), META).images).toBe('有图片上传失败，请删除后重新添加');
  });

  test('server field errors land on their fields; the rest is kept to show on its own', () => {
    expect(errorsFromServer({ title: '标题含有不适宜的内容', 'images.1': '图片未通过检查', clientRequestId: '无效' })).toEqual({
      errors: { title: '标题含有不适宜的内容', images: '图片未通过检查' },
      other: ['无效'],
    });
  });

  test('counters show the count against the limit and flag going over it', () => {
    expect(counter('一二三', 10)).toEqual({ text: '3/10', over: false });
    expect(counter('一'.repeat(11), 10)).toEqual({ text: '11/10', over: true });
  });
});

test('bind form: a code is required; spaces pasted around it are dropped', () => {
  expect(validateBind('  ', '', ADMIN_LIMITS)).toEqual({ errors: { code: '请填写邀请码' }, request: null });
  expect(validateBind(' AB12 CD34 ', ' 王科员 ', ADMIN_LIMITS)).toEqual({ errors: {}, request: { code: 'AB12CD34', displayName: '王科员' } });
  expect(validateBind('abc', '名'.repeat(21), ADMIN_LIMITS).errors).toEqual({ displayName: '显示名称最多 20 个字' });
  expect(validateBind('abc', '', ADMIN_LIMITS).request).toEqual({ code: 'abc' });
});

describe('the local draft of the submit form', () => {
  const start = (over: Partial<SubmitForm> = {}): SubmitForm => ({ ...initialForm({}, META), ...over });

  test('an entry with a type restores that type only; the tab without one looks at every type', () => {
    expect(draftKeysFor(start({ type: 'complaint' }), META)).toEqual(['submit:complaint']);
    expect(draftKeysFor(start(), META)).toEqual(['submit:untyped', 'submit:inquiry', 'submit:complaint']);
    expect(draftKeysFor(start({ type: 'inquiry', policyId: 'p1' }), META)).toEqual(['submit:inquiry:p1']);
  });

  test('a kept draft keeps only a type and category that still exist and fit; the policy link comes from the entry', () => {
    const kept = { type: 'complaint' as const, categoryId: 'cat-bus', title: '标题', content: '内容', contactName: '', contactPhone: '', publishConsent: true };
    expect(formFromDraft(kept, start({ policyId: 'p1' }), META)).toMatchObject({ type: 'complaint', categoryId: '', title: '标题', publishConsent: true, policyId: 'p1' });
    expect(formFromDraft({ ...kept, categoryId: 'cat-property' }, start(), META).categoryId).toBe('cat-property');
    expect(formFromDraft({ ...kept, type: 'gone' as never }, start({ type: 'inquiry' }), META).type).toBe('inquiry');
  });

  test('a type alone is not worth keeping; any text is', () => {
    const empty = { type: 'complaint' as const, categoryId: 'cat-property', title: ' ', content: '', contactName: '', contactPhone: '', publishConsent: false };
    expect(draftHasContent(empty)).toBe(false);
    expect(draftHasContent({ ...empty, contactPhone: '138' })).toBe(true);
  });
});
