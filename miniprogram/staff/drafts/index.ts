// 意见征集管理 (editors): every consultation by state, a new one, and the moderation queue. A card opens the draft
// editor, which leads on to moderation and, after the window, the adoption report.
import type { DraftListItem, DraftStatus } from '../../../typings/api';
import { pagedList, setUpPagedList } from '../../behaviors/paged-list';
import { call } from '../../services/api';
import { draftCardView, type DraftCardView } from '../../utils/draft-view';
import { dataOf } from '../../utils/events';
import { definePage } from '../../utils/page';

type Filter = DraftStatus | 'all';

const FILTERS: Array<{ key: Filter; label: string }> = [
  { key: 'all', label: '全部' },
  { key: 'scheduled', label: '未开始' },
  { key: 'open', label: '征求意见中' },
  { key: 'closed', label: '已截止' },
  { key: 'reported', label: '已公布' },
];

definePage({
  behaviors: [pagedList],
  data: {
    filters: FILTERS,
    filter: 'all' as Filter,
    items: [] as DraftCardView[],
  },
  onLoad() {
    setUpPagedList<DraftListItem, DraftCardView>(this, {
      fetch: (paging) => call('draft.list', { status: this.data.filter, ...paging }),
      view: (item) => draftCardView(item),
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

    onNew() {
      void wx.navigateTo({ url: '/staff/draft-edit/index' });
    },

    onModeration() {
      void wx.navigateTo({ url: '/staff/moderation/index' });
    },
  },
});
