// 意见征集管理 (editors): every consultation by state, a new one, and the moderation queue. A card opens the draft
// editor, which leads on to moderation and, after the window, the adoption report.
import type { DraftListItem, DraftStatus } from '../../../typings/api';
import { pagedList, setUpPagedList } from '../../behaviors/paged-list';
import { call } from '../../services/api';
import { draftCardView, type DraftCardView } from '../../utils/draft-view';
import { definePage } from '../../utils/page';
import { chosenFilter, openEditor, statusFilter } from '../behaviors/status-filter';

type Filter = DraftStatus | 'all';

const FILTERS: Array<{ key: Filter; label: string }> = [
  { key: 'all', label: '全部' },
  { key: 'scheduled', label: '未开始' },
  { key: 'open', label: '征求意见中' },
  { key: 'closed', label: '已截止' },
  { key: 'reported', label: '已公布' },
];

definePage({
  behaviors: [pagedList, statusFilter],
  data: {
    filters: FILTERS,
    items: [] as DraftCardView[],
  },
  onLoad() {
    setUpPagedList<DraftListItem, DraftCardView>(this, {
      fetch: (paging) => call('draft.list', { status: chosenFilter(FILTERS, this.data.filter), ...paging }),
      view: (item) => draftCardView(item),
      moreErrorToast: true,
    });
  },
  onShow() {
    void this.reload();
  },
  methods: {
    onNew() {
      openEditor('/staff/draft-edit/index');
    },

    onModeration() {
      void wx.navigateTo({ url: '/staff/moderation/index' });
    },
  },
});
