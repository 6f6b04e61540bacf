// 意见审核 (editors): comments waiting for moderation, oldest first, for one draft (?draftId=) or all. Approve makes a
// comment public; "不公开" needs a reason the commenter reads. A decided row stays in place with its outcome written
// on it (only that row is sent to setData), so the editor sees what was done and the list does not jump.
import type { ModerationItem } from '../../../typings/api';
import { call, messageOf } from '../../services/api';
import { dataOf, valueOf, type DetailEvent } from '../../utils/events';
import { PagedList } from '../../utils/list';
import { definePage } from '../../utils/page';
import { checkHideReason, HIDE_REASONS, HIDE_REASON_MAX, moderationRow, stateText, type ModerationRow } from './view';

interface Hidden {
  draftId: string;
  list: PagedList<ModerationItem, ModerationRow> | null;
  busy: boolean;
}
const hidden = new WeakMap<object, Hidden>();
function own(page: object): Hidden {
  let h = hidden.get(page);
  if (!h) {
    h = { draftId: '', list: null, busy: false };
    hidden.set(page, h);
  }
  return h;
}

definePage({
  data: {
    loading: true,
    error: '',
    items: [] as ModerationRow[],
    empty: false,
    done: false,
    loadingMore: false,
    hideShow: false,
    hideIndex: -1,
    hideReason: '',
    hideError: '',
    reasons: HIDE_REASONS as readonly string[],
    reasonMax: HIDE_REASON_MAX,
  },
  onLoad(query) {
    own(this).draftId = query.draftId ?? '';
    void this.reload();
  },
  async onPullDownRefresh() {
    await this.reload();
    wx.stopPullDownRefresh();
  },
  onReachBottom() {
    void this.more();
  },
  methods: {
    async reload() {
      const h = own(this);
      h.list?.reset();
      const draftId = h.draftId;
      const list = new PagedList<ModerationItem, ModerationRow>(
        'items',
        (cursor) => call('draft.moderationQueue', { limit: 20, ...(draftId ? { draftId } : {}), ...(cursor ? { cursor } : {}) }),
        moderationRow,
      );
      h.list = list;
      this.setData({ loading: true, error: '' });
      try {
        const page = await list.next();
        if (!page || own(this).list !== list) return;
        this.setData({ ...page.patch, loading: false, empty: page.count === 0, done: page.done });
      } catch (error) {
        if (own(this).list === list) this.setData({ loading: false, error: messageOf(error) });
      }
    },

    async more() {
      const list = own(this).list;
      if (!list || list.done || list.busy || this.data.loading) return;
      this.setData({ loadingMore: true });
      try {
        const page = await list.next();
        if (!page || own(this).list !== list) return;
        this.setData({ ...page.patch, loadingMore: false, done: page.done });
      } catch (error) {
        this.setData({ loadingMore: false });
        void wx.showToast({ title: messageOf(error), icon: 'none' });
      }
    },

    onRetry() {
      void this.reload();
    },

    async onApprove(e: WechatMiniprogram.BaseEvent) {
      const index = Number(dataOf(e, 'index'));
      const row = this.data.items[index];
      const h = own(this);
      if (!row || row.state || h.busy) return;
      h.busy = true;
      try {
        await call('draft.moderate', { commentId: row.commentId, decision: 'approve' });
        this.setData({ [`items[${index}].state`]: 'approved', [`items[${index}].stateText`]: stateText('approved') });
      } catch (error) {
        void wx.showToast({ title: messageOf(error), icon: 'none' });
      } finally {
        h.busy = false;
      }
    },

    onHideOpen(e: WechatMiniprogram.BaseEvent) {
      const index = Number(dataOf(e, 'index'));
      if (!this.data.items[index] || this.data.items[index].state) return;
      this.setData({ hideShow: true, hideIndex: index, hideReason: '', hideError: '' });
    },

    onHideClose() {
      this.setData({ hideShow: false });
    },

    onPickReason(e: WechatMiniprogram.BaseEvent) {
      this.setData({ hideReason: dataOf(e, 'reason'), hideError: '' });
    },

    onHideReason(e: DetailEvent<unknown>) {
      this.setData({ hideReason: valueOf(e.detail), hideError: '' });
    },

    async onHide() {
      const index = this.data.hideIndex;
      const row = this.data.items[index];
      const reason = this.data.hideReason.trim();
      const problem = checkHideReason(reason);
      if (problem) {
        this.setData({ hideError: problem });
        return;
      }
      const h = own(this);
      if (!row || h.busy) return;
      h.busy = true;
      try {
        await call('draft.moderate', { commentId: row.commentId, decision: 'hide', reason });
        this.setData({ hideShow: false, [`items[${index}].state`]: 'hidden', [`items[${index}].stateText`]: stateText('hidden', reason) });
      } catch (error) {
        this.setData({ hideError: messageOf(error) });
      } finally {
        h.busy = false;
      }
    },
  },
});
