// What 搜索 shows from search.query's answer (miniprogram/pages/search/view-model.ts).
import type { SearchQueryResponse } from '../../../typings/api';
import { askUrl, isPagePath, searchView } from '../../../miniprogram/pages/search/view-model';

const answer = (over: Partial<SearchQueryResponse> = {}): SearchQueryResponse => ({
  groups: [
    {
      kind: 'draft',
      label: '意见征集',
      items: [
        {
          kind: 'draft',
          id: 'd1',
          titleParts: [{ text: '住宅小区', hit: false }, { text: '电动自行车', hit: true }, { text: '', hit: false }, { text: '管理办法', hit: false }],
          meta: '还剩 25 天截止，欢迎提出意见',
          badge: '征求意见中',
          path: '/pages/draft/index?id=d1',
        },
      ],
      nextCursor: 'c1',
    },
    { kind: 'letter', label: '公开信件', items: [], nextCursor: null },
  ],
  alsoSearched: ['电动车', '电瓶车'],
  suggestions: [],
  ...over,
});

test('groups with hits, runs cleaned, more when the server has a cursor; the synonyms searched in words', () => {
  const v = searchView(answer());
  expect(v.empty).toBe(false);
  expect(v.groups).toHaveLength(1);
  expect(v.groups[0]).toMatchObject({ kind: 'draft', label: '意见征集', more: true, loadingMore: false, moreError: '' });
  expect(v.groups[0]!.items[0]).toEqual({
    id: 'd1',
    titleParts: [{ text: '住宅小区', hit: false }, { text: '电动自行车', hit: true }, { text: '管理办法', hit: false }],
    snippet: [],
    meta: '还剩 25 天截止，欢迎提出意见',
    badge: '征求意见中',
    path: '/pages/draft/index?id=d1',
  });
  expect(v.also).toBe('同时查找了：电动车、电瓶车');
  expect(searchView(answer({ alsoSearched: [] })).also).toBe('');
});

test('nothing found is the empty state, with the server\'s suggestions', () => {
  const v = searchView(answer({ groups: [], suggestions: ['养老金'] }));
  expect(v).toMatchObject({ empty: true, groups: [], suggestions: ['养老金'] });
});

test('a hit opens only a page of the mini program', () => {
  expect(isPagePath('/pages/policy/index?id=p1')).toBe(true);
  expect(isPagePath('/pages/service-item/index?id=s1')).toBe(true);
  for (const bad of ['https://example.com', '/staff/case/index?id=1', 'pages/policy/index', '/pages/../x']) expect(isPagePath(bad)).toBe(false);
  const v = searchView(answer({ groups: [{ ...answer().groups[0]!, items: [{ ...answer().groups[0]!.items[0]!, path: 'https://evil.example' }] }] }));
  expect(v.groups[0]!.items[0]!.path).toBe('');
});

test('我要反映问题 opens an inquiry titled with the words', () => {
  expect(askUrl('退休金怎么领')).toBe(`/pages/submit/index?type=inquiry&title=${encodeURIComponent('退休金怎么领')}`);
});
