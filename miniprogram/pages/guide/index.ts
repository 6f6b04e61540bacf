// 办事指南: the service items by topic, and search over names, the words citizens use, materials and conditions, with
// the keyword marked. Pages of 20 are appended on scroll; the topics come from meta.get (the session's, no call).
import type { GuideCategory, GuideListItem } from '../../../typings/api';
import { pagedList, setUpPagedList } from '../../behaviors/paged-list';
import { call, messageOf } from '../../services/api';
import { getMeta } from '../../services/session';
import { valueOf, type DetailEvent } from '../../utils/events';
import { guideCardView, guideItemPath, type GuideCardView } from '../../utils/guide-view';
import { definePage } from '../../utils/page';
import { decodeParam } from '../../utils/query';

const ALL = 'all';

definePage({
  behaviors: [pagedList],
  data: {
    tabs: [{ id: ALL, name: '全部' }] as Array<{ id: string; name: string }>,
    activeTab: ALL,
    keyword: '',
    searched: '',
    items: [] as GuideCardView[],
  },
  onLoad(query) {
    setUpPagedList<GuideListItem, GuideCardView>(this, {
      fetch: (paging) => {
        const categoryId = this.data.activeTab === ALL ? undefined : (this.data.activeTab as GuideCategory);
        const keyword = this.data.searched.trim() || undefined;
        return call('guide.list', { ...paging, ...(categoryId ? { categoryId } : {}), ...(keyword ? { keyword } : {}) });
      },
      view: guideCardView,
    });
    const keyword = decodeParam(query.keyword).trim();
    if (keyword) this.setData({ keyword, searched: keyword });
    void this.start();
  },
  async onPullDownRefresh() {
    await this.start();
    wx.stopPullDownRefresh();
  },
  onShareAppMessage() {
    return { title: '办事指南：去哪办、带什么、多久办好', path: '/pages/guide/index' };
  },
  methods: {
    async start() {
      this.setData({ loading: true, error: '' });
      try {
        const meta = await getMeta();
        this.setData({ tabs: [{ id: ALL, name: '全部' }, ...meta.vocabulary.guideCategories.map((c) => ({ id: c.key, name: c.label }))] });
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) });
        return;
      }
      await this.reload();
    },
    onTabChange(e: DetailEvent<{ name: string }>) {
      const name = e.detail.name || ALL;
      if (name === this.data.activeTab) return;
      this.setData({ activeTab: name });
      void this.reload();
    },
    onKeywordChange(e: DetailEvent<unknown>) {
      this.setData({ keyword: valueOf(e.detail) });
    },
    onSearch() {
      const keyword = this.data.keyword.trim();
      this.setData({ keyword, searched: keyword });
      void this.reload();
    },
    onClearSearch() {
      this.setData({ keyword: '' });
      if (this.data.searched) {
        this.setData({ searched: '' });
        void this.reload();
      }
    },
    onOpen(e: WechatMiniprogram.BaseEvent) {
      const id = String(e.currentTarget.dataset.id ?? '');
      if (id) void wx.navigateTo({ url: guideItemPath(id) });
    },
    onRetry() {
      void this.start();
    },
  },
});
