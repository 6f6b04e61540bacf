// 通知公告管理 (editors): every announcement by stored status, searchable, newest first; a card opens the editor.
// Reloaded on show, so one just saved or published appears with its new status.
import type { AnnouncementListItem } from '../../../typings/api';
import { listSearch, searchedKeyword } from '../../behaviors/list-search';
import { pagedList, setUpPagedList } from '../../behaviors/paged-list';
import { call } from '../../services/api';
import { getMeta } from '../../services/session';
import { announcementCardView, type AnnouncementCardView } from '../../utils/announcement-view';
import { dataOf } from '../../utils/events';
import { definePage } from '../../utils/page';
import { chosenFilter, filtersOf, openEditor, statusFilter } from '../behaviors/status-filter';

/** The stored statuses announcement.list filters by (an expired one is published); each card shows its own label. */
const STATUSES = ['draft', 'published', 'withdrawn'] as const;

const EDITOR = '/staff/announcement-edit/index';

definePage({
  behaviors: [pagedList, listSearch, statusFilter],
  data: {
    items: [] as AnnouncementCardView[],
  },
  onLoad() {
    setUpPagedList<AnnouncementListItem, AnnouncementCardView>(this, {
      before: async () => this.showFilters(filtersOf(STATUSES, (await getMeta()).vocabulary.announcementStatuses)),
      fetch: (paging) => call('announcement.list', { status: chosenFilter(STATUSES, this.data.filter), ...paging, ...searchedKeyword(this.data) }),
      view: (item) => announcementCardView(item, { alwaysShowStatus: true }),
      moreErrorToast: true,
    });
  },
  onShow() {
    void this.reload();
  },
  methods: {
    onNew() {
      openEditor(EDITOR);
    },
    onOpen(e: WechatMiniprogram.BaseEvent) {
      const id = dataOf(e, 'id');
      if (id) openEditor(EDITOR, id);
    },
  },
});
