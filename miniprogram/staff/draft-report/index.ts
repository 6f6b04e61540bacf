// 采纳情况 (editors), after the window: every public comment with its decision. Select one comment or a group, choose
// 采纳 / 部分采纳 / 不予采纳 with a reason, record it; when every public comment has one, write the summary and publish
// the report, which citizens then read on the draft page (and commenters are notified by the server).
import type { Decision, Draft, DraftComment, LabelOption } from '../../../typings/api';
import { call, messageOf } from '../../services/api';
import { getMeta } from '../../services/session';
import { commentView, DRAFT_STATUS_TAG, reportView, type CommentView, type ReportView } from '../../utils/draft-view';
import { dataOf, valueOf, type DetailEvent } from '../../utils/events';
import { definePage, pageState } from '../../utils/page';
import { checkDecision, checkPublish, reportProgress, selectedIds, type ReportLimits } from './decisions';

interface Hidden {
  id: string;
  /** The server's limits (meta.get), read with the draft. */
  limits: ReportLimits | null;
  draft: Draft | null;
  comments: DraftComment[];
  busy: boolean;
}
const own = pageState<Hidden>(() => ({ id: '', draft: null, comments: [], busy: false, limits: null }));

type Row = CommentView & { selected: boolean };

function rowsOf(comments: readonly DraftComment[]): Row[] {
  return comments.filter((c) => c.status === 'approved').map((c) => ({ ...commentView(c), selected: false }));
}

definePage({
  data: {
    loading: true,
    error: '',
    title: '',
    status: 'closed' as Draft['status'],
    statusLabel: '',
    statusType: 'default',
    windowText: '',
    canDecide: false,
    rows: [] as Row[],
    selectedCount: 0,
    progressText: '',
    /** The decisions in the server's words (meta.get vocabulary.decisions), with the draft. */
    decisions: [] as Array<LabelOption<Decision>>,
    decision: '' as Decision | '',
    reason: '',
    decideError: '',
    deciding: false,
    summary: '',
    publishError: '',
    publishing: false,
    report: null as ReportView | null,
    /** The server's limits (meta.get), with the draft; -1: not yet. */
    reasonMax: -1,
    summaryMax: -1,
  },
  onLoad(query) {
    own(this).id = query.id ?? '';
    void this.load();
  },
  methods: {
    async load() {
      const h = own(this);
      this.setData({ loading: true, error: '' });
      try {
        const [draft, meta] = await Promise.all([call('draft.get', { id: h.id }), getMeta()]);
        h.limits = meta.formLimits.policy;
        this.setData({ reasonMax: h.limits.decideReasonMax, summaryMax: h.limits.summaryMax, decisions: meta.vocabulary.decisions });
        // The report accounts for every public comment: page through all of them, not only the first page.
        const comments = [...draft.comments];
        let cursor = draft.commentsNextCursor ?? null;
        while (cursor) {
          const page = await call('draft.comments', { id: h.id, cursor, limit: 50 });
          comments.push(...page.items);
          cursor = page.nextCursor;
        }
        const seen = new Set<string>();
        h.comments = comments.filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)));
        this.showDraft(draft);
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) });
      }
    },

    showDraft(draft: Draft) {
      const h = own(this);
      h.draft = draft;
      this.setData({
        loading: false,
        title: draft.title,
        status: draft.status,
        statusLabel: draft.statusLabel,
        statusType: DRAFT_STATUS_TAG[draft.status],
        windowText: draft.windowText,
        canDecide: draft.status === 'closed',
        rows: rowsOf(h.comments),
        selectedCount: 0,
        progressText: reportProgress(h.comments).text,
        report: draft.report ? reportView({ ...draft, comments: h.comments }, this.data.decisions) : null,
      });
    },

    onRetry() {
      void this.load();
    },

    onToggle(e: WechatMiniprogram.BaseEvent) {
      if (!this.data.canDecide) return;
      const index = Number(dataOf(e, 'index'));
      const row = this.data.rows[index];
      if (!row) return;
      this.setData({ [`rows[${index}].selected`]: !row.selected, selectedCount: this.data.selectedCount + (row.selected ? -1 : 1), decideError: '' });
    },

    /** Selects every comment still without a decision, for a group decision. */
    onSelectUndecided() {
      const patch: Record<string, boolean | number> = {};
      let count = 0;
      this.data.rows.forEach((r, i) => {
        const want = !r.decisionLabel;
        if (r.selected !== want) patch[`rows[${i}].selected`] = want;
        if (want) count++;
      });
      this.setData({ ...patch, selectedCount: count, decideError: '' });
    },

    onClearSelection() {
      const patch: Record<string, boolean | number> = {};
      this.data.rows.forEach((r, i) => {
        if (r.selected) patch[`rows[${i}].selected`] = false;
      });
      this.setData({ ...patch, selectedCount: 0 });
    },

    onDecision(e: WechatMiniprogram.BaseEvent) {
      this.setData({ decision: dataOf(e, 'key') as Decision, decideError: '' });
    },

    onReason(e: DetailEvent<unknown>) {
      this.setData({ reason: valueOf(e.detail), decideError: '' });
    },

    async onDecide() {
      const h = own(this);
      const ids = selectedIds(this.data.rows, Object.fromEntries(this.data.rows.map((r) => [r.id, r.selected])));
      const decision = this.data.decision;
      const reason = this.data.reason.trim();
      const problem = checkDecision(ids, decision, reason, own(this).limits!);
      if (problem || !decision) {
        this.setData({ decideError: problem });
        return;
      }
      if (h.busy) return;
      h.busy = true;
      this.setData({ deciding: true, decideError: '' });
      try {
        await call('draft.decide', { commentIds: ids, decision, reason });
        const chosen = new Set(ids);
        h.comments = h.comments.map((c) => (chosen.has(c.id) ? { ...c, decision, decisionLabel: this.data.decisions.find((d) => d.key === decision)?.label ?? '', decisionReason: reason } : c));
        const patch: Record<string, unknown> = {};
        this.data.rows.forEach((r, i) => {
          if (!chosen.has(r.id)) return;
          const c = h.comments.find((x) => x.id === r.id) as DraftComment;
          patch[`rows[${i}]`] = { ...commentView(c), selected: false };
        });
        this.setData({ ...patch, selectedCount: 0, reason: '', decision: '', progressText: reportProgress(h.comments).text });
        void wx.showToast({ title: `已处理 ${ids.length} 条`, icon: 'success' });
      } catch (error) {
        this.setData({ decideError: messageOf(error) });
      } finally {
        h.busy = false;
        this.setData({ deciding: false });
      }
    },

    onSummary(e: DetailEvent<unknown>) {
      this.setData({ summary: valueOf(e.detail), publishError: '' });
    },

    async onPublish() {
      const h = own(this);
      const draft = h.draft;
      if (!draft || h.busy) return;
      const summary = this.data.summary.trim();
      const problem = checkPublish(reportProgress(h.comments), summary, h.limits!);
      if (problem) {
        this.setData({ publishError: problem });
        return;
      }
      h.busy = true;
      this.setData({ publishing: true, publishError: '' });
      try {
        const published = await call('draft.publishReport', { id: h.id, version: draft.version, summary });
        this.showDraft(published);
        void wx.showToast({ title: '已公布', icon: 'success' });
      } catch (error) {
        this.setData({ publishError: messageOf(error) });
      } finally {
        h.busy = false;
        this.setData({ publishing: false });
      }
    },

    onPublicView() {
      void wx.navigateTo({ url: `/pages/draft/index?id=${encodeURIComponent(own(this).id)}` });
    },
  },
});
