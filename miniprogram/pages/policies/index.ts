// 政策 (tab): the policy library by category, and search over titles, document numbers and bodies with the keyword
// marked. Pages of 20 are appended on scroll (only the new rows go to setData); pull down starts again.
import type { PolicyListItem } from '../../../typings/api';
import { call, messageOf } from '../../services/api';
import type { DetailEvent } from '../../utils/events';
import { valueOf } from '../../utils/events';
import { PagedList } from '../../utils/list';
import { definePage } from '../../utils/page';
import { decodeParam } from '../../utils/query';
import { policyCardView, type PolicyCardView } from '../../utils/policy-view';

const PAGE_SIZE = 20;
const ALL = 'all';


interface Hidden {
  list: PagedList<PolicyListItem, PolicyCardView> | null;
  categoryNames: Record<string, string>;
}
const hidden = new WeakMap<object, Hidden>();
function own(page: object): Hidden {
  let h = hidden.get(page);
  if (!h) {
    h = { list: null, categoryNames: {} };
    hidden.set(page, h);
  }
  return h;
}

definePage({
  data: {
    loading: true,
    error: '',
    tabs: [{ id: ALL, name: '全部' }] as Array<{ id: string; name: string }>,
    activeTab: ALL,
    keyword: '',
    /** The keyword the list on screen was searched with ('' when browsing). */
    searched: '',
    items: [] as PolicyCardView[],
    empty: false,
    done: false,
    loadingMore: false,
    moreError: '',
  },
  onLoad(query) {
    // WeChat hands query values over as they were in the url: encoded, for Chinese.
    const keyword = decodeParam(query.keyword).trim();
    if (keyword) this.setData({ keyword, searched: keyword });
    void this.start();
  },
  async onPullDownRefresh() {
    await this.start();
    wx.stopPullDownRefresh();
  },
  onReachBottom() {
    void this.more();
  },
  onShareAppMessage() {
    return { title: '政策文件与政策解读', path: '/pages/policies/index' };
  },
  methods: {
    async start() {
      this.setData({ loading: true, error: '' });
      try {
        const meta = await call('meta.get', {});
        const h = own(this);
        h.categoryNames = Object.fromEntries(meta.categories.map((c) => [c.id, c.name]));
        this.setData({ tabs: [{ id: ALL, name: '全部' }, ...meta.categories.map((c) => ({ id: c.id, name: c.name }))] });
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) });
        return;
      }
      await this.reload();
    },

    /** A new list for the current tab and keyword; a load still running for the old one is ignored. */
    async reload() {
      const h = own(this);
      const categoryId = this.data.activeTab === ALL ? undefined : this.data.activeTab;
      const keyword = this.data.searched.trim() || undefined;
      h.list?.reset();
      h.list = new PagedList<PolicyListItem, PolicyCardView>(
        'items',
        (cursor) =>
          call('policy.list', {
            limit: PAGE_SIZE,
            ...(cursor ? { cursor } : {}),
            ...(categoryId ? { categoryId } : {}),
            ...(keyword ? { keyword } : {}),
          }),
        (item) => policyCardView(item, { categoryNames: h.categoryNames }),
      );
      this.setData({ loading: true, error: '', items: [], empty: false, done: false, moreError: '' });
      const list = h.list;
      try {
        const page = await list.next();
        if (!page || list !== own(this).list) return;
        this.setData({ ...page.patch, loading: false, empty: page.count === 0, done: page.done });
      } catch (error) {
        if (list === own(this).list) this.setData({ loading: false, error: messageOf(error) });
      }
    },

    async more() {
      const list = own(this).list;
      if (!list || list.done || list.busy || this.data.loading) return;
      this.setData({ loadingMore: true, moreError: '' });
      try {
        const page = await list.next();
        if (!page || list !== own(this).list) return;
        this.setData({ ...page.patch, loadingMore: false, done: page.done });
      } catch (error) {
        if (list === own(this).list) this.setData({ loadingMore: false, moreError: messageOf(error) });
      }
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

    onRetryMore() {
      void this.more();
    },
  },
});
