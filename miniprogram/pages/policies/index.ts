// 政策 (tab): the policy library by category, and search over titles, document numbers and bodies with the keyword
// marked. Pages of 20 are appended on scroll (only the new rows go to setData); pull down starts again.
import type { PolicyListItem } from '../../../typings/api';
import { pagedList, setUpPagedList } from '../../behaviors/paged-list';
import { call, messageOf } from '../../services/api';
import { getMeta } from '../../services/session';
import type { DetailEvent } from '../../utils/events';
import { valueOf } from '../../utils/events';
import { definePage, pageState } from '../../utils/page';
import { decodeParam } from '../../utils/query';
import { policyCardView, type PolicyCardView } from '../../utils/policy-view';

const ALL = 'all';

const own = pageState(() => ({ categoryNames: {} as Record<string, string> }));

definePage({
  behaviors: [pagedList],
  data: {
    tabs: [{ id: ALL, name: '全部' }] as Array<{ id: string; name: string }>,
    activeTab: ALL,
    keyword: '',
    /** The keyword the list on screen was searched with ('' when browsing). */
    searched: '',
    items: [] as PolicyCardView[],
  },
  onLoad(query) {
    setUpPagedList<PolicyListItem, PolicyCardView>(this, {
      fetch: (paging) => {
        const categoryId = this.data.activeTab === ALL ? undefined : this.data.activeTab;
        const keyword = this.data.searched.trim() || undefined;
        return call('policy.list', { ...paging, ...(categoryId ? { categoryId } : {}), ...(keyword ? { keyword } : {}) });
      },
      view: (item) => policyCardView(item, { categoryNames: own(this).categoryNames }),
    });
    // WeChat hands query values over as they were in the url: encoded, for Chinese.
    const keyword = decodeParam(query.keyword).trim();
    if (keyword) this.setData({ keyword, searched: keyword });
    void this.start();
  },
  async onPullDownRefresh() {
    await this.start();
    wx.stopPullDownRefresh();
  },
  onShareAppMessage() {
    return { title: '政策文件与政策解读', path: '/pages/policies/index' };
  },
  methods: {
    /** The categories (tabs and card labels), then the list for the current tab and keyword. */
    async start() {
      this.setData({ loading: true, error: '' });
      try {
        const meta = await getMeta();
        own(this).categoryNames = Object.fromEntries(meta.categories.map((c) => [c.id, c.name]));
        this.setData({ tabs: [{ id: ALL, name: '全部' }, ...meta.categories.map((c) => ({ id: c.id, name: c.name }))] });
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

    onSearch(e?: DetailEvent<unknown>) {
      const typed = e && e.detail !== undefined && e.detail !== null && typeof e.detail !== 'object' ? valueOf(e.detail) : this.data.keyword;
      const keyword = typed.trim();
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

    onRetry() {
      void this.start();
    },
  },
});
