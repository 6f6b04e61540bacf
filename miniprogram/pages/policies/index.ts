// 政策 (tab): the policy library by category. Its search box is the one search box (components/search-box): it opens
// 搜索, over policies, consultations and letters at once. Pages of 20 are appended on scroll (only the new rows go to
// setData); pull down starts again.
import type { PolicyListItem } from '../../../typings/api';
import { pagedList, setUpPagedList } from '../../behaviors/paged-list';
import { call, messageOf } from '../../services/api';
import { getMeta } from '../../services/session';
import type { DetailEvent } from '../../utils/events';
import { definePage, pageState } from '../../utils/page';
import { policyCardView, type PolicyCardView } from '../../utils/policy-view';

const ALL = 'all';

const own = pageState(() => ({ categoryNames: {} as Record<string, string> }));

definePage({
  behaviors: [pagedList],
  data: {
    tabs: [{ id: ALL, name: '全部' }] as Array<{ id: string; name: string }>,
    activeTab: ALL,
    items: [] as PolicyCardView[],
  },
  onLoad() {
    setUpPagedList<PolicyListItem, PolicyCardView>(this, {
      fetch: (paging) => {
        const categoryId = this.data.activeTab === ALL ? undefined : this.data.activeTab;
        return call('policy.list', { ...paging, ...(categoryId ? { categoryId } : {}) });
      },
      view: (item) => policyCardView(item, { categoryNames: own(this).categoryNames }),
    });
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

    onRetry() {
      void this.start();
    },
  },
});
