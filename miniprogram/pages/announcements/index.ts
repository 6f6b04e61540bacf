// 通知公告: the current announcements, newest first, paged on scroll; search over titles and bodies with the keyword
// marked (the same token search as policies). Expired ones are not listed; a link or a message still opens them.
import type { AnnouncementListItem } from '../../../typings/api';
import { pagedList, setUpPagedList } from '../../behaviors/paged-list';
import { call } from '../../services/api';
import { announcementCardView, type AnnouncementCardView } from '../../utils/announcement-view';
import { dataOf, valueOf, type DetailEvent } from '../../utils/events';
import { definePage } from '../../utils/page';
import { decodeParam } from '../../utils/query';

definePage({
  behaviors: [pagedList],
  data: {
    keyword: '',
    /** The keyword the list on screen was searched with ('' when browsing). */
    searched: '',
    items: [] as AnnouncementCardView[],
  },
  onLoad(query) {
    setUpPagedList<AnnouncementListItem, AnnouncementCardView>(this, {
      fetch: (paging) => {
        const keyword = this.data.searched.trim();
        return call('announcement.list', keyword ? { ...paging, keyword } : paging);
      },
      view: (item) => announcementCardView(item),
    });
    const keyword = decodeParam(query.keyword).trim();
    if (keyword) this.setData({ keyword, searched: keyword });
    void this.reload();
  },
  onShareAppMessage() {
    return { title: '通知公告', path: '/pages/announcements/index' };
  },
  methods: {
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
    onOpen(e: WechatMiniprogram.BaseEvent) {
      const id = dataOf(e, 'id');
      if (id) void wx.navigateTo({ url: `/pages/announcement/index?id=${encodeURIComponent(id)}` });
    },
  },
});
