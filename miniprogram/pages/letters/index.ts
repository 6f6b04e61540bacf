// 公开信件: answered cases the citizen allowed to publish, with personal details removed; search by keyword (the hits
// highlighted in the titles) and filter by category, a page at a time.
import type { Page, PublicLetter } from '../../../typings/api';
import { pagedList, setUpPagedList } from '../../behaviors/paged-list';
import { call } from '../../services/api';
import { getMeta } from '../../services/session';
import { dataOf, valueOf, type DetailEvent } from '../../utils/events';
import { definePage } from '../../utils/page';
import { decodeParam } from '../../utils/query';
import { categoryChips, letterCard, type CategoryChip, type LetterCard } from './view-model';

definePage({
  behaviors: [pagedList],
  data: {
    keyword: '',
    categoryId: '',
    categories: [] as CategoryChip[],
    items: [] as LetterCard[],
    /** The keyword of the results on screen (the field may hold an edited one not yet searched). */
    searched: '',
  },
  onLoad(query) {
    setUpPagedList<PublicLetter, LetterCard, Page<PublicLetter>>(this, {
      fetch: (paging) =>
        call('case.listPublic', {
          ...paging,
          ...(this.data.searched ? { keyword: this.data.searched } : {}),
          ...(this.data.categoryId ? { categoryId: this.data.categoryId } : {}),
        }),
      view: (letter) => letterCard(letter, this.data.searched),
    });
    const keyword = decodeParam(query.keyword);
    this.setData({ keyword, searched: keyword, categoryId: decodeParam(query.categoryId) });
    void this.loadCategories();
    void this.reload();
  },
  methods: {
    async loadCategories() {
      try {
        const meta = await getMeta();
        this.setData({ categories: categoryChips(meta.categories) });
      } catch {
        // The filter is a convenience: without it the letters still list and search.
      }
    },

    onKeyword(e: DetailEvent<unknown>) {
      this.setData({ keyword: valueOf(e.detail) });
    },

    onSearch(e?: DetailEvent<unknown>) {
      const keyword = (e && typeof e.detail === 'string' ? e.detail : this.data.keyword).trim();
      this.setData({ keyword, searched: keyword });
      void this.reload();
    },

    onClear() {
      this.setData({ keyword: '', searched: '' });
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
  },
});
