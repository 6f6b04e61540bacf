// 办事指南: the service items by topic, and search over names, the words citizens use, materials and conditions, with
// the keyword marked. Pages of 20 are appended on scroll; the topics come from meta.get (the session's, no call).
import type { GuideCategory, GuideListItem } from '../../../typings/api';
import { categoryOf, categoryTabs } from '../../behaviors/category-tabs';
import { listSearch, searchedKeyword } from '../../behaviors/list-search';
import { pagedList, setUpPagedList } from '../../behaviors/paged-list';
import { call } from '../../services/api';
import { getMeta } from '../../services/session';
import { dataOf } from '../../utils/events';
import { guideCardView, guideItemPath, type GuideCardView } from '../../utils/guide-view';
import { definePage } from '../../utils/page';

definePage({
  behaviors: [pagedList, listSearch, categoryTabs],
  data: {
    items: [] as GuideCardView[],
  },
  onLoad(query) {
    setUpPagedList<GuideListItem, GuideCardView>(this, {
      before: async () => {
        const meta = await getMeta();
        this.showTabs(meta.vocabulary.guideCategories.map((c) => ({ id: c.key, name: c.label })));
      },
      fetch: (paging) => {
        const categoryId = categoryOf(this.data) as GuideCategory | undefined;
        return call('guide.list', { ...paging, ...(categoryId ? { categoryId } : {}), ...searchedKeyword(this.data) });
      },
      view: guideCardView,
    });
    this.searchFromQuery(query);
    void this.reload();
  },
  onShareAppMessage() {
    return { title: '办事指南：去哪办、带什么、多久办好', path: '/pages/guide/index' };
  },
  methods: {
    onOpen(e: WechatMiniprogram.BaseEvent) {
      const id = dataOf(e, 'id');
      if (id) void wx.navigateTo({ url: guideItemPath(id) });
    },
  },
});
