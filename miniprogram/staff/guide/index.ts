// 办事指南管理 (editors): every item by status, searchable; a card opens the editor. A second tab keeps the home page's
// 常见问题: the pinned public letters in order (move up or down, unpin) and a search of public letters to pin one.
import type { GuideListItem, HotQuestion, PublicLetter } from '../../../typings/api';
import { listSearch, searchedKeyword } from '../../behaviors/list-search';
import { pagedList, setUpPagedList } from '../../behaviors/paged-list';
import { call, messageOf } from '../../services/api';
import { getMeta } from '../../services/session';
import { dataOf, valueOf, type DetailEvent } from '../../utils/events';
import { guideCardView, type GuideCardView } from '../../utils/guide-view';
import { definePage, pageState } from '../../utils/page';
import { chosenFilter, filtersOf, openEditor, statusFilter } from '../behaviors/status-filter';
import { movedOrder, nextOrder } from './hot';

/** The stored statuses guide.list filters by. */
const STATUSES = ['draft', 'published', 'withdrawn'] as const;

interface StaffCard extends GuideCardView {
  statusLabel: string;
}

const own = pageState(() => ({ busy: false }));

const EDITOR = '/staff/guide-edit/index';

definePage({
  behaviors: [pagedList, listSearch, statusFilter],
  data: {
    tab: 'items' as 'items' | 'hot',
    items: [] as StaffCard[],
    hot: [] as HotQuestion[],
    hotLoading: false,
    hotError: '',
    letterKeyword: '',
    letters: [] as Array<Pick<PublicLetter, 'id' | 'title'>>,
  },
  onLoad() {
    setUpPagedList<GuideListItem, StaffCard>(this, {
      before: async () => this.showFilters(filtersOf(STATUSES, (await getMeta()).vocabulary.guideStatuses)),
      fetch: (paging) => call('guide.list', { status: chosenFilter(STATUSES, this.data.filter), ...paging, ...searchedKeyword(this.data) }),
      view: (item) => ({ ...guideCardView(item), statusLabel: item.statusLabel }),
      moreErrorToast: true,
      reloadOnReturn: true,
    });
    void this.reload();
  },
  methods: {
    onTab(e: WechatMiniprogram.BaseEvent) {
      const tab = dataOf(e, 'tab') === 'hot' ? 'hot' : 'items';
      this.setData({ tab });
      if (tab === 'hot') void this.loadHot();
    },
    onNew() {
      openEditor(EDITOR);
    },
    onOpen(e: WechatMiniprogram.BaseEvent) {
      openEditor(EDITOR, dataOf(e, 'id'));
    },

    // ---- 常见问题 ----

    async loadHot() {
      this.setData({ hotLoading: true, hotError: '' });
      try {
        const home = await call('home.get', {});
        this.setData({ hot: home.hotQuestions, hotLoading: false });
      } catch (error) {
        this.setData({ hotLoading: false, hotError: messageOf(error) });
      }
    },
    onLetterKeyword(e: DetailEvent<unknown>) {
      this.setData({ letterKeyword: valueOf(e.detail) });
    },
    async onLetterSearch() {
      const keyword = this.data.letterKeyword.trim();
      try {
        const page = await call('case.listPublic', { limit: 10, ...(keyword ? { keyword } : {}) });
        const pinned = new Set(this.data.hot.map((q) => q.letterId));
        this.setData({ letters: page.items.filter((l) => !pinned.has(l.id)).map((l) => ({ id: l.id, title: l.title })) });
      } catch (error) {
        void wx.showToast({ title: messageOf(error), icon: 'none' });
      }
    },
    async change(work: () => Promise<unknown>) {
      const h = own(this);
      if (h.busy) return;
      h.busy = true;
      try {
        await work();
      } catch (error) {
        void wx.showToast({ title: messageOf(error), icon: 'none' });
      } finally {
        h.busy = false;
        await this.loadHot();
      }
    },
    onPin(e: WechatMiniprogram.BaseEvent) {
      const letterId = dataOf(e, 'id');
      void this.change(async () => {
        await call('guide.pinQuestion', { letterId, order: nextOrder(this.data.hot) });
        this.setData({ letters: this.data.letters.filter((l) => l.id !== letterId) });
      });
    },
    onMove(e: WechatMiniprogram.BaseEvent) {
      const index = Number(dataOf(e, 'index'));
      const by = dataOf(e, 'by') === 'up' ? -1 : 1;
      const q = this.data.hot[index];
      const order = movedOrder(this.data.hot, index, by);
      if (!q || order === null) return;
      void this.change(() => call('guide.pinQuestion', { letterId: q.letterId, order, version: q.version }));
    },
    onUnpin(e: WechatMiniprogram.BaseEvent) {
      const letterId = dataOf(e, 'id');
      void this.change(() => call('guide.unpinQuestion', { letterId }));
    },
  },
});
