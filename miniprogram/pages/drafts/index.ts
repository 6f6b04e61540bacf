// 意见征集: consultations open now first (the one closing soonest on top, with the time left), then the finished
// ones (closed, or with their adoption report), paged on scroll.
import type { DraftListItem } from '../../../typings/api';
import { call, messageOf } from '../../services/api';
import { draftCardView, orderForCitizens, type DraftCardView } from '../../utils/draft-view';
import { appendPatch } from '../../utils/list';
import { definePage } from '../../utils/page';

const PAGE_SIZE = 20;

interface PastState {
  cursor: string | null;
  count: number;
  done: boolean;
  busy: boolean;
  generation: number;
}
const pasts = new WeakMap<object, PastState>();
function past(page: object): PastState {
  let s = pasts.get(page);
  if (!s) {
    s = { cursor: null, count: 0, done: false, busy: false, generation: 0 };
    pasts.set(page, s);
  }
  return s;
}

/** The finished part of a page of `draft.list { status: 'all' }`: open ones are already in the first section. */
function finished(items: readonly DraftListItem[]): DraftCardView[] {
  return items.filter((d) => d.status === 'closed' || d.status === 'reported').map(draftCardView);
}

definePage({
  data: {
    loading: true,
    error: '',
    open: [] as DraftCardView[],
    past: [] as DraftCardView[],
    pastEmpty: false,
    done: false,
    loadingMore: false,
    moreError: '',
  },
  onLoad() {
    void this.reload();
  },
  async onPullDownRefresh() {
    await this.reload();
    wx.stopPullDownRefresh();
  },
  onReachBottom() {
    void this.more();
  },
  onShareAppMessage() {
    return { title: '政策草案意见征集，欢迎提出您的意见', path: '/pages/drafts/index' };
  },
  methods: {
    async reload() {
      const s = past(this);
      s.generation += 1;
      Object.assign(s, { cursor: null, count: 0, done: false, busy: false });
      const generation = s.generation;
      this.setData({ loading: true, error: '', moreError: '' });
      try {
        const [open, first] = await Promise.all([
          call('draft.list', { status: 'open', limit: 50 }),
          call('draft.list', { status: 'all', limit: PAGE_SIZE }),
        ]);
        if (generation !== s.generation) return;
        const closes = Object.fromEntries(open.items.map((d) => [d.id, d.closesAt]));
        const openViews = orderForCitizens(open.items.map(draftCardView), closes);
        const pastViews = finished(first.items);
        s.cursor = first.nextCursor;
        s.done = first.nextCursor === null;
        s.count = pastViews.length;
        this.setData({ loading: false, open: openViews, past: pastViews, pastEmpty: pastViews.length === 0 && s.done, done: s.done });
        // A page of open drafts only would show nothing new: keep going until something finished appears or the end.
        if (!pastViews.length && !s.done) await this.more();
      } catch (error) {
        if (generation === s.generation) this.setData({ loading: false, error: messageOf(error) });
      }
    },

    async more() {
      const s = past(this);
      if (s.done || s.busy || this.data.loading) return;
      const generation = s.generation;
      s.busy = true;
      this.setData({ loadingMore: true, moreError: '' });
      try {
        let added: DraftCardView[] = [];
        while (!added.length && !s.done) {
          const page = await call('draft.list', { status: 'all', limit: PAGE_SIZE, ...(s.cursor ? { cursor: s.cursor } : {}) });
          if (generation !== s.generation) return;
          added = finished(page.items);
          s.cursor = page.nextCursor;
          s.done = page.nextCursor === null;
        }
        const start = s.count;
        s.count += added.length;
        this.setData({ ...appendPatch('past', start, added), loadingMore: false, done: s.done, pastEmpty: s.count === 0 && s.done });
      } catch (error) {
        if (generation === s.generation) this.setData({ loadingMore: false, moreError: messageOf(error) });
      } finally {
        if (generation === s.generation) s.busy = false;
      }
    },

    onRetry() {
      void this.reload();
    },

    onRetryMore() {
      void this.more();
    },
  },
});
