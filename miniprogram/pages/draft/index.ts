// 意见征集详情: the draft's paragraphs with a badge of public comments each, comment on the whole draft or on one
// paragraph (a popup with a counter, checked before sending), my own comments in every state (待审核/已公开/未公开),
// the approved comments of others (paged), and the adoption report once it is published.
import type { Decision, Draft, DraftComment, LabelOption, SurveyLink } from '../../../typings/api';
import { call, messageOf, ApiCallError } from '../../services/api';
import { getMeta } from '../../services/session';
import { requestSubscribe } from '../../services/subscribe';
import { checkComment, commentOver, commentTargetText, counterText, type CommentLimits } from '../../utils/comment-form';
import { isDeadEnd } from '../../utils/dead-end';
import { commentView, draftDetailView, type CommentView, type DraftDetailView } from '../../utils/draft-view';
import { dataOf, valueOf, type DetailEvent } from '../../utils/events';
import { randomId } from '../../utils/id';
import { appendPatch } from '../../utils/list';
import { definePage, pageState } from '../../utils/page';
import { explanationSections, type ExplanationSection } from '../../utils/policy-view';

interface Hidden {
  id: string;
  draft: Draft | null;
  /** Reused when a send is retried after a network failure, so the server records the comment once. */
  requestId: string;
  sending: boolean;
  othersCursor: string | null;
  othersCount: number;
  /** The "adoption report published" subscribe template from meta.get (absent until the agency configures one). */
  reportTemplate: string;
  /** The server's comment limits (meta.get), once read. */
  limits: CommentLimits;
  /** The decisions' words for the report's counts (meta.get vocabulary.decisions), once read. */
  decisions: Array<LabelOption<Decision>>;
}
const own = pageState<Hidden>(() => ({ id: '', draft: null, requestId: randomId(), sending: false, othersCursor: null, othersCount: 0, reportTemplate: '', limits: null, decisions: [] }));

definePage({
  data: {
    loading: true,
    error: '',
    /** The consultation is not there: the dead end, not the reload button. */
    missing: false,
    view: null as DraftDetailView | null,
    explanation: [] as ExplanationSection[],
    others: [] as CommentView[],
    othersMore: false,
    othersLoading: false,
    popupShow: false,
    target: -1,
    targetTitle: '',
    targetQuote: '',
    text: '',
    counter: '0',
    counterOver: false,
    formError: '',
    sending: false,
    notice: '',
    placeholder: '请写下您的意见和建议，审核后公开',
    survey: null as SurveyLink | null,
  },
  onLoad(query) {
    own(this).id = query.id ?? '';
    void this.load();
  },
  onShareAppMessage() {
    const id = own(this).id;
    return { title: this.data.view ? `征求意见：${this.data.view.title}` : '意见征集', path: `/pages/draft/index?id=${encodeURIComponent(id)}` };
  },
  methods: {
    async load() {
      const h = own(this);
      if (!h.id) {
        this.setData({ loading: false, error: '没有找到这项意见征集，请返回列表重新选择。', missing: true });
        return;
      }
      this.setData({ loading: !this.data.view, error: '', missing: false });
      try {
        const [draft, meta] = await Promise.all([call('draft.get', { id: h.id }), h.reportTemplate ? null : getMeta().catch(() => null)]);
        if (meta) {
          h.reportTemplate = meta.subscribe?.draftReport ?? '';
          h.limits = meta.formLimits.policy;
          h.decisions = meta.vocabulary.decisions;
          const { commentMin, commentMax } = meta.formLimits.policy;
          this.setData({ placeholder: `请写下您的意见和建议（${commentMin} 至 ${commentMax} 字），审核后公开`, counter: counterText(this.data.text, h.limits) });
        }
        this.show(draft);
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error), missing: isDeadEnd(error) });
      }
    },

    show(draft: Draft) {
      const h = own(this);
      h.draft = draft;
      const view = draftDetailView(draft, h.decisions);
      h.othersCursor = draft.commentsNextCursor ?? null;
      h.othersCount = view.others.length;
      this.setData({
        loading: false,
        view,
        survey: draft.survey ?? null,
        others: view.others,
        othersMore: !!h.othersCursor,
        explanation: explanationSections(draft.explanation),
      });
    },

    /** The open survey linked to this consultation. */
    onSurvey() {
      const s = this.data.survey;
      if (s) void wx.navigateTo({ url: `/pages/survey/index?id=${encodeURIComponent(s.id)}` });
    },

    onRetry() {
      void this.load();
    },

    /** Approved comments of others after the first page, appended without resending the ones on screen. */
    async onMoreComments() {
      const h = own(this);
      if (!h.othersCursor || this.data.othersLoading) return;
      this.setData({ othersLoading: true });
      try {
        const page = await call('draft.comments', { id: h.id, cursor: h.othersCursor, limit: 20 });
        const added = page.items.filter((c: DraftComment) => !c.mine && c.status === 'approved').map(commentView);
        const start = h.othersCount;
        h.othersCount += added.length;
        h.othersCursor = page.nextCursor;
        this.setData({ ...appendPatch('others', start, added), othersMore: !!page.nextCursor, othersLoading: false });
      } catch (error) {
        this.setData({ othersLoading: false });
        void wx.showToast({ title: messageOf(error), icon: 'none' });
      }
    },

    onCommentWhole() {
      this.openPopup(-1);
    },

    onCommentParagraph(e: WechatMiniprogram.BaseEvent) {
      this.openPopup(Number(dataOf(e, 'index')));
    },

    openPopup(index: number) {
      const view = this.data.view;
      if (!view || !view.canComment) return;
      const paragraphs = view.paragraphs.map((p) => p.text);
      const target = commentTargetText(index < 0 ? null : index, paragraphs);
      const changedTarget = index !== this.data.target;
      this.setData({
        popupShow: true,
        target: index,
        targetTitle: target.title,
        targetQuote: target.quote,
        formError: '',
        // A draft kept for the same target survives closing the popup by mistake.
        ...(changedTarget ? { text: '', counter: counterText('', own(this).limits), counterOver: false } : {}),
      });
    },

    onClosePopup() {
      this.setData({ popupShow: false });
    },

    onText(e: DetailEvent<unknown>) {
      const text = valueOf(e.detail);
      const { limits } = own(this);
      this.setData({ text, counter: counterText(text, limits), counterOver: commentOver(text, limits), formError: '' });
    },

    async onSend() {
      const h = own(this);
      if (h.sending) return;
      const check = checkComment(this.data.text, h.limits);
      if (!check.ok) {
        this.setData({ formError: check.message });
        return;
      }
      h.sending = true;
      this.setData({ sending: true, formError: '' });
      // WeChat lets a page ask for a subscription only from a tap, before anything awaits: ask with the first comment,
      // so the citizen hears when the adoption report is published.
      const firstComment = !(this.data.view?.mine.length ?? 0);
      const subscribed = firstComment && h.reportTemplate ? requestSubscribe([h.reportTemplate]) : Promise.resolve([] as string[]);
      try {
        await call('draft.comment', {
          id: h.id,
          content: check.content,
          clientRequestId: h.requestId,
          ...(this.data.target >= 0 ? { paragraphIndex: this.data.target } : {}),
        });
        h.requestId = randomId();
        const granted = await subscribed;
        if (granted.length) await call('case.subscribe', { templateIds: granted, clientRequestId: randomId() }).catch(() => undefined);
        this.setData({ popupShow: false, text: '', counter: counterText('', h.limits), target: -1, notice: '您的意见已提交，审核通过后公开。审核结果可在下方“我的意见”中查看。' });
        void wx.showToast({ title: '已提交，待审核', icon: 'success' });
        await this.load();
      } catch (error) {
        // A network failure keeps the request id: resending cannot create a second comment.
        if (!(error instanceof ApiCallError && error.code === 'NETWORK')) h.requestId = randomId();
        this.setData({ formError: messageOf(error) });
        if (error instanceof ApiCallError && error.code === 'FAILED_PRECONDITION') void this.load();
      } finally {
        h.sending = false;
        this.setData({ sending: false });
      }
    },

    onOpenPolicy() {
      const policyId = own(this).draft?.policyId;
      if (policyId) void wx.navigateTo({ url: `/pages/policy/index?id=${encodeURIComponent(policyId)}` });
    },
  },
});
