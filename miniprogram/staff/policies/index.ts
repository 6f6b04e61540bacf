// 政策管理 (editors): every policy by status (全部/草稿/已发布/已失效/已废止), searchable, newest first; a card opens
// the editor. Reloaded on show, so a policy just saved or published appears with its new status.
import type { PolicyListItem, PolicyStatus } from '../../../typings/api';
import { call, messageOf } from '../../services/api';
import { dataOf, valueOf, type DetailEvent } from '../../utils/events';
import { PagedList } from '../../utils/list';
import { definePage } from '../../utils/page';
import { policyCardView, type PolicyCardView } from '../../utils/policy-view';

type Filter = PolicyStatus | 'all';

const FILTERS: Array<{ key: Filter; label: string }> = [
  { key: 'all', label: '全部' },
  { key: 'draft', label: '草稿' },
  { key: 'published', label: '已发布' },
  { key: 'expired', label: '已失效' },
  { key: 'repealed', label: '已废止' },
];

interface Hidden {
  list: PagedList<PolicyListItem, PolicyCardView> | null;
  categoryNames: Record<string, string>;
  shown: boolean;
}
const hidden = new WeakMap<object, Hidden>();
function own(page: object): Hidden {
  let h = hidden.get(page);
  if (!h) {
    h = { list: null, categoryNames: {}, shown: false };
    hidden.set(page, h);
  }
  return h;
}

definePage({
  data: {
    filters: FILTERS,
    filter: 'all' as Filter,
    keyword: '',
    searched: '',
    loading: true,
    error: '',
    items: [] as PolicyCardView[],
    empty: false,
    done: false,
    loadingMore: false,
  },
  async onShow() {
    const h = own(this);
    if (!h.shown) {
      h.shown = true;
      try {
        const meta = await call('meta.get', {});
        h.categoryNames = Object.fromEntries(meta.categories.map((c) => [c.id, c.name]));
      } catch {
        // Category names only decorate the cards; the list itself still loads.
      }
    }
    await this.reload();
  },
  async onPullDownRefresh() {
    await this.reload();
    wx.stopPullDownRefresh();
  },
  onReachBottom() {
    void this.more();
  },
  methods: {
    async reload() {
      const h = own(this);
      const status = this.data.filter;
      const keyword = this.data.searched.trim();
      h.list?.reset();
      const list = new PagedList<PolicyListItem, PolicyCardView>(
        'items',
        (cursor) => call('policy.list', { status, limit: 20, ...(keyword ? { keyword } : {}), ...(cursor ? { cursor } : {}) }),
        (item) => policyCardView(item, { categoryNames: h.categoryNames, alwaysShowStatus: true }),
      );
      h.list = list;
      this.setData({ loading: true, error: '' });
      try {
        const page = await list.next();
        if (!page || own(this).list !== list) return;
        this.setData({ ...page.patch, loading: false, empty: page.count === 0, done: page.done });
      } catch (error) {
        if (own(this).list === list) this.setData({ loading: false, error: messageOf(error) });
      }
    },

    async more() {
      const list = own(this).list;
      if (!list || list.done || list.busy || this.data.loading) return;
      this.setData({ loadingMore: true });
      try {
        const page = await list.next();
        if (!page || own(this).list !== list) return;
        this.setData({ ...page.patch, loadingMore: false, done: page.done });
      } catch (error) {
        this.setData({ loadingMore: false });
        void wx.showToast({ title: messageOf(error), icon: 'none' });
      }
    },

    onFilter(e: WechatMiniprogram.BaseEvent) {
      const filter = dataOf(e, 'key') as Filter;
      if (filter === this.data.filter) return;
      this.setData({ filter });
      void this.reload();
    },

    onKeywordChange(e: DetailEvent<unknown>) {
      this.setData({ keyword: valueOf(e.detail) });
    },

    onSearch() {
      this.setData({ searched: this.data.keyword.trim() });
      void this.reload();
    },

    onClearSearch() {
      this.setData({ keyword: '', searched: '' });
      void this.reload();
    },

    onNew() {
      void wx.navigateTo({ url: '/staff/policy-edit/index' });
    },

    onDrafts() {
      void wx.navigateTo({ url: '/staff/drafts/index' });
    },

    onRetry() {
      void this.reload();
    },
  },
});
