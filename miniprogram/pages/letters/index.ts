// 公开信件: answered cases the citizen allowed to publish, with personal details removed; search by keyword (the hits
// highlighted in the titles) and filter by category, a page at a time.
import type { Page, PublicLetter } from '../../../typings/api';
import { call, messageOf } from '../../services/api';
import { dataOf, valueOf, type DetailEvent } from '../../utils/events';
import { PagedList } from '../../utils/list';
import { definePage } from '../../utils/page';
import { decodeParam } from '../../utils/query';
import { categoryChips, letterCard, type CategoryChip, type LetterCard } from './view-model';

const PAGE_SIZE = 20;

interface Hidden {
  list: PagedList<PublicLetter, LetterCard, Page<PublicLetter>>;
  /** The keyword of the results on screen (the field may hold an edited one not yet searched). */
  keyword: string;
}

const hidden = new WeakMap<object, Hidden>();

definePage({
  data: {
    keyword: '',
    categoryId: '',
    categories: [] as CategoryChip[],
    items: [] as LetterCard[],
    loading: true,
    loadingMore: false,
    hasMore: false,
    empty: false,
    error: '',
    moreError: '',
    searched: '',
  },
  onLoad(query) {
    const h: Hidden = {
      keyword: decodeParam(query.keyword),
      list: new PagedList<PublicLetter, LetterCard, Page<PublicLetter>>(
        'items',
        (cursor) =>
          call('case.listPublic', {
            limit: PAGE_SIZE,
            ...(h.keyword ? { keyword: h.keyword } : {}),
            ...(this.data.categoryId ? { categoryId: this.data.categoryId } : {}),
            ...(cursor ? { cursor } : {}),
          }),
        (letter) => letterCard(letter, h.keyword),
      ),
    };
    hidden.set(this, h);
    this.setData({ keyword: h.keyword, categoryId: decodeParam(query.categoryId) });
    void this.loadCategories();
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
    async loadCategories() {
      try {
        const meta = await call('meta.get', {});
        this.setData({ categories: categoryChips(meta.categories) });
      } catch {
        // The filter is a convenience: without it the letters still list and search.
      }
    },

    async reload() {
      const h = hidden.get(this);
      if (!h) return;
      h.list.reset();
      this.setData({ items: [], loading: true, empty: false, hasMore: false, error: '', moreError: '', searched: h.keyword });
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
        this.setData({ ...page.patch, loading: false, loadingMore: false, hasMore: !page.done, empty: page.count === 0 });
      } catch (error) {
        if (h.list.size === 0) this.setData({ loading: false, loadingMore: false, error: messageOf(error) });
        else this.setData({ loadingMore: false, moreError: messageOf(error) });
      }
    },

    onKeyword(e: DetailEvent<unknown>) {
      this.setData({ keyword: valueOf(e.detail) });
    },

    onSearch(e?: DetailEvent<unknown>) {
      const h = hidden.get(this);
      if (!h) return;
      const keyword = (e && typeof e.detail === 'string' ? e.detail : this.data.keyword).trim();
      h.keyword = keyword;
      this.setData({ keyword });
      void this.reload();
    },

    onClear() {
      const h = hidden.get(this);
      if (!h) return;
      h.keyword = '';
      this.setData({ keyword: '' });
      void this.reload();
    },

    onCategory(e: WechatMiniprogram.BaseEvent) {
      const categoryId = dataOf(e, 'id');
      if (categoryId === this.data.categoryId) return;
      this.setData({ categoryId });
      void this.reload();
    },

    onOpen(e: WechatMiniprogram.BaseEvent) {
      void wx.navigateTo({ url: `/pages/letter/index?id=${encodeURIComponent(dataOf(e, 'id'))}` });
    },

    onRetry() {
      void this.reload();
    },

    onMore() {
      void this.more();
    },
  },
});
