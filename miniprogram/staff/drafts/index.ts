// 意见征集管理 (editors): every consultation by state, a new one, and the moderation queue. A card opens the draft
// editor, which leads on to moderation and, after the window, the adoption report.
import type { DraftListItem, DraftStatus } from '../../../typings/api';
import { call, messageOf } from '../../services/api';
import { draftCardView, type DraftCardView } from '../../utils/draft-view';
import { dataOf } from '../../utils/events';
import { PagedList } from '../../utils/list';
import { definePage } from '../../utils/page';

type Filter = DraftStatus | 'all';

const FILTERS: Array<{ key: Filter; label: string }> = [
  { key: 'all', label: '全部' },
  { key: 'scheduled', label: '未开始' },
  { key: 'open', label: '征求意见中' },
  { key: 'closed', label: '已截止' },
  { key: 'reported', label: '已公布' },
];

const lists = new WeakMap<object, PagedList<DraftListItem, DraftCardView>>();

definePage({
  data: {
    filters: FILTERS,
    filter: 'all' as Filter,
    loading: true,
    error: '',
    items: [] as DraftCardView[],
    empty: false,
    done: false,
    loadingMore: false,
  },
  onShow() {
    void this.reload();
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
      lists.get(this)?.reset();
      const status = this.data.filter;
      const list = new PagedList<DraftListItem, DraftCardView>(
        'items',
        (cursor) => call('draft.list', { status, limit: 20, ...(cursor ? { cursor } : {}) }),
        draftCardView,
      );
      lists.set(this, list);
      this.setData({ loading: true, error: '' });
      try {
        const page = await list.next();
        if (!page || lists.get(this) !== list) return;
        this.setData({ ...page.patch, loading: false, empty: page.count === 0, done: page.done });
      } catch (error) {
        if (lists.get(this) === list) this.setData({ loading: false, error: messageOf(error) });
      }
    },

    async more() {
      const list = lists.get(this);
      if (!list || list.done || list.busy || this.data.loading) return;
      this.setData({ loadingMore: true });
      try {
        const page = await list.next();
        if (!page || lists.get(this) !== list) return;
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

    onNew() {
      void wx.navigateTo({ url: '/staff/draft-edit/index' });
    },

    onModeration() {
      void wx.navigateTo({ url: '/staff/moderation/index' });
    },

    onRetry() {
      void this.reload();
    },
  },
});
