// 编辑意见征集 (editors): the draft's title, paragraphs and explanation (起草说明), whether it is a normative document,
// and the comment window, checked against the rule before saving (the server's minimum days, or working days for a
// normative document, the opening day not counted: meta.get formLimits.policy). Once the window is open its text, opening and kind are fixed (comments point
// at paragraphs); after it closes nothing changes, and the page leads to the adoption report.
import type { Draft, DraftStatus, PolicyFormLimits } from '../../../typings/api';
import { call, messageOf } from '../../services/api';
import { getMeta } from '../../services/session';
import { DRAFT_STATUS_TAG } from '../../utils/draft-view';
import { dataOf, valueOf, type DetailEvent } from '../../utils/events';
import { randomId } from '../../utils/id';
import { definePage, pageState } from '../../utils/page';
import { calendarDateOf } from '../../utils/time';
import { documentEditor } from '../behaviors/document-editor';
import { editorDraft } from '../behaviors/editor-draft';
import { NO_ERRORS, saveTarget } from '../policy-edit/form';
import { checkWindow, emptyDraftForm, formFromDraft, toDraftInput, validateDraftForm, windowLengthText, type DraftForm } from './form';

const own = pageState(() => ({
  id: '',
  version: 0,
  clientRequestId: randomId(),
  busy: false,
  /** The stored window, to send back unchanged when its day was not changed (the server compares instants). */
  stored: null as { opensAt: string; closesAt: string; opensOn: string; closesOn: string } | null,
  /** The server's limits (meta.get), read on load; the form is on screen only once they are here. */
  limits: null as PolicyFormLimits | null,
}));

function today(): string {
  return calendarDateOf(Date.now());
}

definePage({
  behaviors: [documentEditor, editorDraft],
  data: {
    loading: true,
    error: '',
    id: '',
    isNew: true,
    status: 'scheduled' as DraftStatus,
    statusLabel: '',
    statusType: 'default',
    windowText: '',
    /** Open: title, text, opening and kind are fixed. */
    locked: false,
    /** Closed or reported: nothing can change. */
    ended: false,
    reported: false,
    form: emptyDraftForm(today()),
    windowInfo: '',
    windowError: '',
    saving: false,
    /** The server's limits (meta.get formLimits.policy), for the fields' maxlength; set on load. */
    limits: {} as Partial<PolicyFormLimits>,
  },
  onLoad(query) {
    own(this).id = query.id ?? '';
    void this.load();
  },
  onShow() {
    // Back from moderation or the report: the status may have moved on.
    if (own(this).id && !this.data.loading) void this.load();
  },
  methods: {
    async load() {
      const h = own(this);
      const first = !this.data.id;
      this.setData({ loading: first, error: '' });
      try {
        const [meta, draft] = await Promise.all([getMeta(), h.id ? call('draft.get', { id: h.id }) : null]);
        h.limits = meta.formLimits.policy;
        this.setData({ limits: meta.formLimits.policy });
        if (draft) this.showDraft(draft);
        else if (first) this.setData({ form: emptyDraftForm(today(), meta.formLimits.policy) });
        this.setData({ loading: false });
        if (first) this.restoreDraft();
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) });
      }
    },

    showDraft(draft: Draft) {
      const h = own(this);
      h.id = draft.id;
      h.version = draft.version;
      const form = formFromDraft(draft);
      h.stored = { opensAt: draft.opensAt, closesAt: draft.closesAt, opensOn: form.opensOn, closesOn: form.closesOn };
      this.setData({
        id: draft.id,
        isNew: false,
        status: draft.status,
        statusLabel: draft.statusLabel,
        statusType: DRAFT_STATUS_TAG[draft.status],
        windowText: draft.windowText,
        locked: draft.status === 'open',
        ended: draft.status === 'closed' || draft.status === 'reported',
        reported: draft.status === 'reported',
        form,
      });
      this.refreshWindow();
    },

    /** Puts back what was typed and not saved last time (same saved version only); the window is checked again. */
    restoreDraft() {
      const h = own(this);
      if (this.startDraft(`draft:${h.id || 'new'}`, h.version)) void wx.showToast({ title: '已恢复上次没有保存的修改', icon: 'none', duration: 3000 });
      this.refreshWindow();
    },

    /** The window's length and the rule's verdict, as the editor changes dates or the kind. */
    refreshWindow() {
      const f = this.data.form as DraftForm;
      const limits = own(this).limits;
      const problem = limits ? checkWindow(f.opensOn, f.closesOn, f.normative, limits) : '';
      this.setData({ windowInfo: windowLengthText(f.opensOn, f.closesOn), windowError: this.data.ended ? '' : problem });
    },

    onRetry() {
      void this.load();
    },

    onField(e: DetailEvent<unknown>) {
      const field = dataOf(e, 'field') as 'title' | 'background' | 'changes';
      this.setData({ [`form.${field}`]: valueOf(e.detail) });
      this.clearError(field === 'title' ? 'title' : `explanation_${field}`);
    },

    onDate(e: DetailEvent<unknown>) {
      const field = dataOf(e, 'field') === 'closesOn' ? 'closesOn' : 'opensOn';
      this.setData({ [`form.${field}`]: valueOf(e.detail) });
      this.clearError(field);
      this.refreshWindow();
    },

    onKind(e: WechatMiniprogram.BaseEvent) {
      if (this.data.locked || this.data.ended) return;
      this.setData({ 'form.normative': dataOf(e, 'normative') === 'true' });
      this.refreshWindow();
    },

    async onSave() {
      const h = own(this);
      if (h.busy || this.data.ended) return;
      const form = this.data.form as DraftForm;
      if (!this.showFormCheck(validateDraftForm(form, { today: today(), limits: h.limits!, ...(this.data.isNew ? {} : { status: this.data.status }) }))) return;
      h.busy = true;
      this.setData({ saving: true, formError: '', errors: NO_ERRORS });
      try {
        const input = toDraftInput(form);
        // A day the editor did not change keeps its stored instant: an open window's opening may not move at all.
        const stored = h.stored;
        if (stored && form.opensOn === stored.opensOn) input.opensAt = stored.opensAt;
        if (stored && form.closesOn === stored.closesOn) input.closesAt = stored.closesAt;
        const draft = await call('draft.save', { ...input, ...saveTarget(h) });
        this.showDraft(draft);
        this.draftSaved(h.version, `draft:${h.id}`);
        void wx.showToast({ title: draft.status === 'open' ? '已保存，征集进行中' : '已保存', icon: 'success' });
      } catch (error) {
        this.showSaveError(error, '（别人刚刚修改过，请返回列表重新打开后再改）');
      } finally {
        h.busy = false;
        this.setData({ saving: false });
      }
    },

    onModeration() {
      void wx.navigateTo({ url: `/staff/moderation/index?draftId=${encodeURIComponent(own(this).id)}` });
    },

    onReport() {
      void wx.navigateTo({ url: `/staff/draft-report/index?id=${encodeURIComponent(own(this).id)}` });
    },

    onPublicView() {
      void wx.navigateTo({ url: `/pages/draft/index?id=${encodeURIComponent(own(this).id)}` });
    },
  },
});
