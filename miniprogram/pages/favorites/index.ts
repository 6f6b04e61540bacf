// 我的收藏: the policies this citizen starred, newest first, paged like the policy list. Reloaded on show, because
// a star may have been removed on the detail page in between.
import type { PolicyListItem } from '../../../typings/api';
import { call, messageOf } from '../../services/api';
import { PagedList } from '../../utils/list';
import { definePage } from '../../utils/page';
import { policyCardView, type PolicyCardView } from '../../utils/policy-view';

const PAGE_SIZE = 20;

const lists = new WeakMap<object, PagedList<PolicyListItem, PolicyCardView>>();

definePage({
  data: {
    loading: true,
    error: '',
    items: [] as PolicyCardView[],
    empty: false,
    done: false,
    loadingMore: false,
    moreError: '',
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
      const list = new PagedList<PolicyListItem, PolicyCardView>(
        'items',
        (cursor) => call('policy.list', { favorites: true, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
        (item) => policyCardView(item),
      );
      lists.set(this, list);
      this.setData({ loading: true, error: '', moreError: '' });
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
      this.setData({ loadingMore: true, moreError: '' });
      try {
        const page = await list.next();
        if (!page || lists.get(this) !== list) return;
        this.setData({ ...page.patch, loadingMore: false, done: page.done });
      } catch (error) {
        if (lists.get(this) === list) this.setData({ loadingMore: false, moreError: messageOf(error) });
      }
    },

    onRetry() {
      void this.reload();
    },

    onRetryMore() {
      void this.more();
    },

    onBrowse() {
      void wx.switchTab({ url: '/pages/policies/index' });
    },
  },
});
