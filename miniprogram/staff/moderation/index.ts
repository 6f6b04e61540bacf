// 意见审核 (editors): comments waiting for moderation, oldest first, for one draft (?draftId=) or all. Approve makes a
// comment public; "不公开" needs a reason the commenter reads. A decided row stays in place with its outcome written
// on it (only that row is sent to setData), so the editor sees what was done and the list does not jump.
import type { ModerationItem } from '../../../typings/api';
import { pagedList, setUpPagedList } from '../../behaviors/paged-list';
import { call, messageOf } from '../../services/api';
import { getMeta } from '../../services/session';
import { dataOf, valueOf, type DetailEvent } from '../../utils/events';
import { definePage, pageState } from '../../utils/page';
import { checkHideReason, HIDE_REASONS, moderationRow, stateText, type ModerationRow } from './view';

const own = pageState(() => ({ busy: false }));

definePage({
  behaviors: [pagedList],
  data: {
    items: [] as ModerationRow[],
    hideShow: false,
    hideIndex: -1,
    hideReason: '',
    hideError: '',
    reasons: HIDE_REASONS as readonly string[],
    /** The server's limit (meta.get), with the first page; -1: none yet. */
    reasonMax: -1,
  },
  onLoad(query) {
    const draftId = query.draftId ?? '';
    setUpPagedList<ModerationItem, ModerationRow>(this, {
      fetch: (paging) => call('draft.moderationQueue', { ...paging, ...(draftId ? { draftId } : {}) }),
      view: (item) => moderationRow(item),
      withFirstPage: async () => ({ reasonMax: (await getMeta()).formLimits.policy.reasonMax }),
      moreErrorToast: true,
    });
    void this.reload();
  },
  methods: {
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
      const problem = checkHideReason(reason, this.data.reasonMax);
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
