import type { Category } from '../../../typings/domain';
import { suggestCategory } from '../../../miniprogram/utils/category-suggest';

const CATEGORIES: Category[] = [
  { id: 'property', name: '物业管理', departmentId: 'd1', types: ['inquiry', 'complaint'], keywords: ['物业', '物业费', '电梯', '小区'] },
  { id: 'sanitation', name: '环境卫生', departmentId: 'd2', types: ['complaint', 'help'], keywords: ['垃圾', '清运', '环卫'] },
  { id: 'bus', name: '公交线路', departmentId: 'd3', types: ['suggestion'], keywords: ['公交', 'BRT'] },
  { id: 'other', name: '其他/不确定', types: ['inquiry', 'help', 'complaint', 'suggestion'] },
];

test('the category whose keywords cover most of the title wins', () => {
  // "小区" points to 物业管理 (2 characters), "垃圾" and "清运" to 环境卫生 (4).
  expect(suggestCategory('小区垃圾三天没人清运', CATEGORIES)).toEqual({ id: 'sanitation', name: '环境卫生', matched: ['垃圾', '清运'] });
  expect(suggestCategory('电梯坏了', CATEGORIES)?.id).toBe('property');
});

test('only categories that take the chosen type are suggested', () => {
  expect(suggestCategory('小区垃圾三天没人清运', CATEGORIES, 'inquiry')?.id).toBe('property');
  expect(suggestCategory('公交太挤', CATEGORIES, 'complaint')).toBeNull();
  expect(suggestCategory('公交太挤', CATEGORIES, 'suggestion')?.id).toBe('bus');
});

test('a keyword inside a longer one counts once; Latin keywords match in any case', () => {
  expect(suggestCategory('物业费太贵', CATEGORIES)).toEqual({ id: 'property', name: '物业管理', matched: ['物业费'] });
  expect(suggestCategory('brt 站台太远', CATEGORIES)?.id).toBe('bus');
});

test('no keyword, or no title: no suggestion (其他 is the citizen\'s own choice, never a guess)', () => {
  expect(suggestCategory('想问一件事', CATEGORIES)).toBeNull();
  expect(suggestCategory('  ', CATEGORIES)).toBeNull();
});
