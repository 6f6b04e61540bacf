// 通知公告: the current announcements, newest first, paged on scroll; search over titles and bodies with the keyword
// marked (the same token search as policies). Expired ones are not listed; a link or a message still opens them.
import type { AnnouncementListItem } from '../../../typings/api';
import { listSearch, searchedKeyword } from '../../behaviors/list-search';
import { pagedList, setUpPagedList } from '../../behaviors/paged-list';
import { call } from '../../services/api';
import { announcementCardView, type AnnouncementCardView } from '../../utils/announcement-view';
import { dataOf } from '../../utils/events';
import { definePage } from '../../utils/page';

definePage({
  behaviors: [pagedList, listSearch],
  data: {
    items: [] as AnnouncementCardView[],
  },
  onLoad(query) {
    setUpPagedList<AnnouncementListItem, AnnouncementCardView>(this, {
      fetch: (paging) => call('announcement.list', { ...paging, ...searchedKeyword(this.data) }),
      view: (item) => announcementCardView(item),
    });
    this.searchFromQuery(query);
    void this.reload();
  },
  onShareAppMessage() {
    return { title: '通知公告', path: '/pages/announcements/index' };
  },
  methods: {
    onOpen(e: WechatMiniprogram.BaseEvent) {
      const id = dataOf(e, 'id');
      if (id) void wx.navigateTo({ url: `/pages/announcement/index?id=${encodeURIComponent(id)}` });
    },
  },
});
