// 通知公告管理 (editors): every announcement by stored status, searchable, newest first; a card opens the editor.
// Reloaded on show, so one just saved or published appears with its new status.
import type { AnnouncementListItem } from '../../../typings/api';
import { pagedList, setUpPagedList } from '../../behaviors/paged-list';
import { call } from '../../services/api';
import { announcementCardView, type AnnouncementCardView } from '../../utils/announcement-view';
import { dataOf, valueOf, type DetailEvent } from '../../utils/events';
import { definePage } from '../../utils/page';

type Filter = 'all' | 'draft' | 'published' | 'withdrawn';

/** The stored statuses an editor filters by; each card shows the server's label for its status. */
const FILTERS: Array<{ key: Filter; label: string }> = [
  { key: 'all', label: '全部' },
  { key: 'draft', label: '未发布' },
  { key: 'published', label: '已发布' },
  { key: 'withdrawn', label: '已撤回' },
];

definePage({
  behaviors: [pagedList],
  data: {
    filters: FILTERS,
    filter: 'all' as Filter,
    keyword: '',
    searched: '',
    items: [] as AnnouncementCardView[],
  },
  onLoad() {
    setUpPagedList<AnnouncementListItem, AnnouncementCardView>(this, {
      fetch: (paging) => {
        const keyword = this.data.searched.trim();
        return call('announcement.list', { status: this.data.filter, ...paging, ...(keyword ? { keyword } : {}) });
      },
      view: (item) => announcementCardView(item, { alwaysShowStatus: true }),
      moreErrorToast: true,
    });
  },
  onShow() {
    void this.reload();
  },
  methods: {
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
      void wx.navigateTo({ url: '/staff/announcement-edit/index' });
    },
    onOpen(e: WechatMiniprogram.BaseEvent) {
      const id = dataOf(e, 'id');
      if (id) void wx.navigateTo({ url: `/staff/announcement-edit/index?id=${encodeURIComponent(id)}` });
    },
  },
});
