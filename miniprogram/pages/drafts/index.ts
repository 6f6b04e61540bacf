// 意见征集: consultations open now first (the one closing soonest on top, with the time left), then the finished
// ones (closed, or with their adoption report), paged on scroll.
import type { DraftListItem } from '../../../typings/api';
import { pagedList, setUpPagedList } from '../../behaviors/paged-list';
import { call } from '../../services/api';
import { draftCardView, orderForCitizens, type DraftCardView } from '../../utils/draft-view';
import { definePage } from '../../utils/page';

/** Closed or reported: the second section. Open ones are already in the first. */
function finished(draft: DraftListItem): boolean {
  return draft.status === 'closed' || draft.status === 'reported';
}

definePage({
  behaviors: [pagedList],
  data: {
    open: [] as DraftCardView[],
    past: [] as DraftCardView[],
  },
  onLoad() {
    setUpPagedList<DraftListItem, DraftCardView>(this, {
      key: 'past',
      // Pages of `draft.list { status: 'all' }` with the unfinished ones left out; a page of open drafts only adds
      // nothing, and the list goes on to the next.
      fetch: async (paging) => {
        const page = await call('draft.list', { status: 'all', ...paging });
        return { ...page, items: page.items.filter(finished) };
      },
      view: (item) => draftCardView(item),
      withFirstPage: async () => {
        const open = await call('draft.list', { status: 'open', limit: 50 });
        const closes = Object.fromEntries(open.items.map((d) => [d.id, d.closesAt]));
        return { open: orderForCitizens(open.items.map(draftCardView), closes) };
      },
    });
    void this.reload();
  },
  onShareAppMessage() {
    return { title: '政策草案意见征集，欢迎提出您的意见', path: '/pages/drafts/index' };
  },
  methods: {},
});
