// 意见征集: consultations open now first (the one closing soonest on top, with the time left), then the finished
// ones (closed, or with their adoption report), paged on scroll.
import type { DraftListItem, Page } from '../../../typings/api';
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
    // One call per screen (docs/performance.md): for citizens `draft.list { status: 'all' }` gives the open drafts
    // first, closing soonest first, then the finished ones. Each page's open rows join the first section; the
    // finished ones are the paged list.
    let open: DraftListItem[] = [];
    setUpPagedList<DraftListItem, DraftCardView, Page<DraftListItem> & { open?: DraftCardView[] }>(this, {
      key: 'past',
      fetch: async (paging) => {
        const page = await call('draft.list', { status: 'all', ...paging });
        const more = page.items.filter((d) => !finished(d));
        const past = { ...page, items: page.items.filter(finished) };
        // The open section is sent again only when a page added to it (setData stays small while paging the past).
        if (paging.cursor && !more.length) return past;
        open = [...(paging.cursor ? open : []), ...more];
        const closes = Object.fromEntries(open.map((d) => [d.id, d.closesAt]));
        return { ...past, open: orderForCitizens(open.map(draftCardView), closes) };
      },
      view: (item) => draftCardView(item),
      extra: (response) => (response.open ? { open: response.open } : null),
    });
    void this.reload();
  },
  onShareAppMessage() {
    return { title: '政策草案意见征集，欢迎提出您的意见', path: '/pages/drafts/index' };
  },
  methods: {},
});
