// 通知公告管理 (editors): every announcement by stored status, searchable, newest first; a card opens the editor.
// Reloaded on show, so one just saved or published appears with its new status.
import type { AnnouncementListItem } from '../../../typings/api';
import { listSearch, searchedKeyword } from '../../behaviors/list-search';
import { pagedList, setUpPagedList } from '../../behaviors/paged-list';
import { call } from '../../services/api';
import { announcementCardView, type AnnouncementCardView } from '../../utils/announcement-view';
import { dataOf } from '../../utils/events';
import { definePage } from '../../utils/page';
import { chosenFilter, openEditor, statusFilter } from '../behaviors/status-filter';

type Filter = 'all' | 'draft' | 'published' | 'withdrawn';

/** The stored statuses an editor filters by; each card shows the server's label for its status. */
const FILTERS: Array<{ key: Filter; label: string }> = [
  { key: 'all', label: '全部' },
  { key: 'draft', label: '未发布' },
  { key: 'published', label: '已发布' },
  { key: 'withdrawn', label: '已撤回' },
];

const EDITOR = '/staff/announcement-edit/index';

definePage({
  behaviors: [pagedList, listSearch, statusFilter],
  data: {
    filters: FILTERS,
    items: [] as AnnouncementCardView[],
  },
  onLoad() {
    setUpPagedList<AnnouncementListItem, AnnouncementCardView>(this, {
      fetch: (paging) => call('announcement.list', { status: chosenFilter(FILTERS, this.data.filter), ...paging, ...searchedKeyword(this.data) }),
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
