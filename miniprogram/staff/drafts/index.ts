// 意见征集管理 (editors): every consultation by state, a new one, and the moderation queue. A card opens the draft
// editor, which leads on to moderation and, after the window, the adoption report.
import type { DraftListItem } from '../../../typings/api';
import { pagedList, setUpPagedList } from '../../behaviors/paged-list';
import { call } from '../../services/api';
import { getMeta } from '../../services/session';
import { draftCardView, type DraftCardView } from '../../utils/draft-view';
import { definePage } from '../../utils/page';
import { chosenFilter, filtersOf, openEditor, statusFilter } from '../behaviors/status-filter';

/** The states draft.list filters by. */
const STATUSES = ['scheduled', 'open', 'closed', 'reported'] as const;

definePage({
  behaviors: [pagedList, statusFilter],
  data: {
    items: [] as DraftCardView[],
  },
  onLoad() {
    setUpPagedList<DraftListItem, DraftCardView>(this, {
      before: async () => this.showFilters(filtersOf(STATUSES, (await getMeta()).vocabulary.draftStatuses)),
      fetch: (paging) => call('draft.list', { status: chosenFilter(STATUSES, this.data.filter), ...paging }),
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
