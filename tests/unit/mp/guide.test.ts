// The service guide's page logic: the materials checklist, the prefilled inquiry, the editor's text form both ways,
// and the order of the home page's hot questions.
import type { GuideItem, HotQuestion } from '../../../typings/api';
import { movedOrder, nextOrder } from '../../../miniprogram/staff/guide/hot';
import { emptyGuideForm, errorsFromServer, formFromItem, toGuideInput } from '../../../miniprogram/staff/guide-edit/form';
import { checklistProgress, guideInquiryUrl, materialRows, ticksOf, toggleTick } from '../../../miniprogram/utils/guide-view';
import { guideInput } from '../../helpers/guide';

const item: GuideItem = {
  ...guideInput({ caseCategoryId: 'cat-other', code: 'GA-001' }),
  materials: [
    { name: '居民户口簿', form: '原件', copies: 1, required: true, source: '公安机关' },
    { name: '近期免冠彩色照片', form: '原件', copies: 2, required: true },
    { name: '结婚证', form: '复印件', copies: 1, required: false, note: '已婚的提供' },
  ],
  id: 'g1',
  status: 'published',
  statusLabel: '已发布',
  categoryName: '户籍证件',
  timeLimitText: '承诺 20 个工作日（法定 60 个工作日）',
  visitsText: '最多跑一次',
  version: 3,
  relatedPolicies: [],
  updatedAt: '2026-03-02T01:00:00.000Z',
  versions: [],
};

describe('materials checklist', () => {
  test('ticks by name; progress counts the required materials only', () => {
    let ticks = toggleTick([], '居民户口簿');
    let rows = materialRows(item.materials, ticks);
    expect(rows.map((r) => r.checked)).toEqual([true, false, false]);
    expect(rows[0]!.detail).toBe('原件 1 份 · 必需 · 公安机关');
    expect(rows[2]!.ariaLabel).toBe('结婚证，复印件 1 份，视情况提供，未备齐');
    expect(checklistProgress(rows)).toEqual({ text: '必需材料已备齐 1/2 项', complete: false });
    ticks = toggleTick(ticks, '近期免冠彩色照片');
    rows = materialRows(item.materials, ticks);
    expect(checklistProgress(rows)).toEqual({ text: '必需材料已全部备齐', complete: true });
    expect(toggleTick(ticks, '居民户口簿')).toEqual(['近期免冠彩色照片']);
  });

  test('what storage held is kept only as a list of names', () => {
    expect(ticksOf(['a', 3, 'b'])).toEqual(['a', 'b']);
    expect(ticksOf('a')).toEqual([]);
    expect(ticksOf(undefined)).toEqual([]);
  });
});

test('就此事项咨询 opens an inquiry linked to the item, under its case category', () => {
  expect(guideInquiryUrl(item, 50)).toBe(`/pages/submit/index?type=inquiry&guideItemId=g1&title=${encodeURIComponent('咨询：居民身份证换领')}&categoryId=cat-other`);
  const long = guideInquiryUrl({ id: 'g2', name: '长'.repeat(60) }, 50);
  expect(decodeURIComponent(/title=([^&]+)/.exec(long)![1]!)).toHaveLength(50);
  expect(long).not.toContain('categoryId');
});

describe('the editor form', () => {
  test('an item becomes text and back without loss', () => {
    const form = formFromItem(item);
    expect(form.materials.split('\n')[0]).toBe('居民户口簿 | 原件 | 1 | 必需 | 公安机关');
    expect(form.offices).toBe('城东派出所户籍窗口 | 庆春东路 88 号 | 周一至周五 9:00-17:00 | 0571-87003011 | 30.2601,120.2003');
    const back = toGuideInput(form);
    if (!('input' in back)) throw new Error(JSON.stringify(back.errors));
    const { id: _id, status: _s, statusLabel: _sl, categoryName: _c, timeLimitText: _t, visitsText: _v, version: _ver, relatedPolicies: _r, updatedAt: _u, versions: _vs, ...input } = item;
    expect(back.input).toEqual(input);
  });

  test('a wrong line is named, with the format it needs', () => {
    const form = { ...emptyGuideForm(), name: '生育登记', categoryId: 'family' as const, authority: '卫健委', applicants: '夫妻', promisedDays: '0', basis: '人口与计划生育法' };
    expect(toGuideInput({ ...form, materials: '身份证 | 原件 | 1 | 必需\n结婚证 | 原件 | 一份 | 必需' })).toEqual({
      errors: { materials: '申请材料第 2 行格式应为：名称 | 形式 | 份数 | 必需或可选 | 来源 | 说明' },
    });
    expect(toGuideInput({ ...form, offices: '卫健委窗口 | 市民中心 | 9:00-17:00 | 12345 | 北纬30度' })).toEqual({
      errors: { offices: '办理地点第 1 行格式应为：名称 | 地址 | 办公时间 | 电话 | 纬度,经度' },
    });
    expect(toGuideInput({ ...form, faq: '问：要带什么？' })).toEqual({ errors: { faq: '每个问题都需要一行“答：……”' } });
    expect(toGuideInput({ ...emptyGuideForm(), promisedDays: '' })).toMatchObject({ errors: { name: '请填写事项名称', categoryId: '请选择事项分类', promisedDays: '承诺时限请填写 0 到 365 之间的整数（工作日）', basis: '请至少填写一条设定依据' } });
  });

  test('server field paths land on the form fields', () => {
    expect(errorsFromServer({ 'offices.0.phone': '咨询电话格式不正确', note: '修订说明…', other: 'x' })).toEqual({ offices: '咨询电话格式不正确' });
  });
});

describe('hot question order', () => {
  const q = (order: number): HotQuestion => ({ letterId: `l${order}`, title: `t${order}`, order, version: 1 });

  test('a new pin goes last; a move lands between the neighbours', () => {
    expect(nextOrder([])).toBe(10);
    expect(nextOrder([q(10), q(30)])).toBe(40);
    const pinned = [q(10), q(20), q(30)];
    expect(movedOrder(pinned, 2, -1)).toBe(15);
    expect(movedOrder(pinned, 1, -1)).toBe(5);
    expect(movedOrder(pinned, 0, 1)).toBe(25);
    expect(movedOrder(pinned, 2, 1)).toBeNull();
    expect(movedOrder(pinned, 0, -1)).toBeNull();
    // No whole number between 10 and 11: one below the neighbour, which puts it above 11 (ties order by letter).
    expect(movedOrder([q(10), q(11), q(12)], 2, -1)).toBe(10);
  });
});
