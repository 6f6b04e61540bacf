// 我的留言: the citizen's cases by tab, newest first, a page at a time on scroll; pull down to refresh.
import type { CaseListItem, MineTab, Page } from '../../../typings/api';
import { call, messageOf } from '../../services/api';
import { caseCard, type CaseCardView } from '../../utils/case';
import { type DetailEvent } from '../../utils/events';
import { PagedList } from '../../utils/list';
import { definePage } from '../../utils/page';
import { emptyText, MINE_TABS, PAGE_SIZE, tabOf } from './view-model';

interface Hidden {
  list: PagedList<CaseListItem, CaseCardView, Page<CaseListItem>>;
  shown: boolean;
}

const hidden = new WeakMap<object, Hidden>();

definePage({
  data: {
    tabs: MINE_TABS,
    tab: 'all' as MineTab,
    items: [] as CaseCardView[],
    loading: true,
    loadingMore: false,
    hasMore: false,
    empty: false,
    emptyText: emptyText('all'),
    error: '',
    moreError: '',
  },
  onLoad(query) {
    const tab = tabOf(query.tab);
    const list = new PagedList<CaseListItem, CaseCardView, Page<CaseListItem>>(
      'items',
      (cursor) => call('case.listMine', { tab: this.data.tab, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
      (item) => caseCard(item),
    );
    hidden.set(this, { list, shown: false });
    this.setData({ tab, emptyText: emptyText(tab) });
    void this.reload(true);
  },
  onShow() {
    const h = hidden.get(this);
    if (!h) return;
    // Coming back from a case (rated, withdrawn): its status may have moved, so the first page is fetched again.
    if (h.shown) void this.reload(false);
    h.shown = true;
  },
  async onPullDownRefresh() {
    await this.reload(false);
    wx.stopPullDownRefresh();
  },
  onReachBottom() {
    void this.more();
  },
  methods: {
    /** Loads the first page; `clear` empties the screen first (another tab), otherwise the old rows stay until then. */
    async reload(clear: boolean) {
      const h = hidden.get(this);
      if (!h) return;
      h.list.reset();
      if (clear) this.setData({ items: [], loading: true, empty: false, hasMore: false, error: '', moreError: '' });
      await this.load();
    },

    async more() {
      const h = hidden.get(this);
      if (!h || h.list.done || h.list.busy || this.data.loading) return;
      this.setData({ loadingMore: true, moreError: '' });
      await this.load();
    },

    async load() {
      const h = hidden.get(this);
      if (!h) return;
      try {
        const page = await h.list.next();
        if (!page) return;
        this.setData({ ...page.patch, loading: false, loadingMore: false, hasMore: !page.done, empty: page.count === 0, error: '' });
      } catch (error) {
        if (h.list.size === 0) this.setData({ loading: false, loadingMore: false, error: messageOf(error) });
        else this.setData({ loadingMore: false, moreError: messageOf(error) });
      }
    },

    onTab(e: DetailEvent<{ name: string }>) {
      const tab = tabOf(e.detail.name);
      if (tab === this.data.tab) return;
      this.setData({ tab, emptyText: emptyText(tab) });
      void this.reload(true);
    },

    onRetry() {
      void this.reload(true);
    },

    onMore() {
      void this.more();
    },

    onSubmit() {
      void wx.navigateTo({ url: '/pages/submit/index' });
    },
  },
});
