// Case detail for the citizen: status, the promised date with its countdown, the timeline, the answer; rating,
// supplementing and withdrawing when the server allows (`can`); subscribing to updates. Every write carries the
// version read; a stale one (CONFLICT) reloads the case and says so.
import type { CaseView, MetaGetResponse, RequestOf } from '../../../typings/api';
import { ApiCallError, call, messageOf } from '../../services/api';
import { caseStatusTemplate, requestSubscribe } from '../../services/subscribe';
import type { TimelineView } from '../../utils/case';
import { dataOf, valueOf, type DetailEvent } from '../../utils/events';
import { definePage } from '../../utils/page';
import { decodeParam } from '../../utils/query';
import {
  citizenCaseView,
  RATING_OPTIONS,
  reopens,
  validateRating,
  validateSupplement,
  type CitizenCaseView,
  type RatingForm,
} from './view-model';

type CitizenWrite = 'case.rate' | 'case.supplement' | 'case.withdraw';

interface Hidden {
  id: string;
  version: number;
  meta: MetaGetResponse | null;
  busy: boolean;
}

const hidden = new WeakMap<object, Hidden>();

const EMPTY_RATING: RatingForm = { score: 0, solved: '', comment: '' };

definePage({
  data: {
    loading: true,
    error: '',
    c: null as CitizenCaseView | null,
    timeline: [] as TimelineView[],
    can: { withdraw: false, supplement: false, rate: false },
    ratingOptions: RATING_OPTIONS,
    rating: EMPTY_RATING,
    ratingErrors: {} as Record<string, string>,
    supplement: '',
    supplementError: '',
    canSubscribe: false,
    busy: false,
    notice: '',
    rateHint: '',
  },
  onLoad(query) {
    hidden.set(this, { id: decodeParam(query.id), version: 0, meta: null, busy: false });
    void this.load();
  },
  async onPullDownRefresh() {
    await this.load();
    wx.stopPullDownRefresh();
  },
  methods: {
    async load() {
      const h = hidden.get(this);
      if (!h) return;
      if (!h.id) {
        this.setData({ loading: false, error: '没有找到这条留言' });
        return;
      }
      try {
        // The subscribe template comes from meta.get; a failure there must not hide the case.
        const [c, meta] = await Promise.all([call('case.get', { id: h.id }), call('meta.get', {}).catch(() => null)]);
        h.meta = meta;
        this.show(c);
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) });
      }
    },

    show(c: CaseView) {
      const h = hidden.get(this) as Hidden;
      h.version = c.version;
      const { view, timeline } = citizenCaseView(c);
      this.setData({
        loading: false,
        error: '',
        c: view,
        timeline,
        can: { withdraw: c.can.withdraw, supplement: c.can.supplement, rate: c.can.rate },
        canSubscribe: Boolean(caseStatusTemplate(h.meta)) && !view.final,
      });
    },

    onRetry() {
      this.setData({ loading: true, error: '' });
      void this.load();
    },

    /** Sends one write with the version read; true when it went through. */
    async write<N extends CitizenWrite>(action: N, fields: Omit<RequestOf<N>, 'id' | 'version'>, done: string): Promise<boolean> {
      const h = hidden.get(this);
      if (!h || h.busy) return false;
      h.busy = true;
      this.setData({ busy: true });
      try {
        const payload = { ...fields, id: h.id, version: h.version } as unknown as RequestOf<N>;
        const c = (await call(action, payload)) as CaseView;
        this.show(c);
        void wx.showToast({ title: done, icon: 'success' });
        return true;
      } catch (error) {
        if (error instanceof ApiCallError && error.code === 'CONFLICT') {
          void wx.showToast({ title: '留言已有新进展，已为您刷新，请查看后再操作', icon: 'none', duration: 3000 });
          await this.load();
        } else {
          void wx.showToast({ title: messageOf(error), icon: 'none', duration: 3000 });
        }
        return false;
      } finally {
        h.busy = false;
        this.setData({ busy: false });
      }
    },

    onScore(e: WechatMiniprogram.BaseEvent) {
      const score = Number(dataOf(e, 'score'));
      this.setData({ 'rating.score': score, 'ratingErrors.score': '', rateHint: this.hintFor(score, this.data.rating.solved) });
    },

    onSolved(e: WechatMiniprogram.BaseEvent) {
      const solved = dataOf(e, 'solved') as RatingForm['solved'];
      this.setData({ 'rating.solved': solved, 'ratingErrors.solved': '', rateHint: this.hintFor(this.data.rating.score, solved) });
    },

    /** Says before sending what a dissatisfied rating does, so no one is surprised by it. */
    hintFor(score: number, solved: RatingForm['solved']): string {
      if (!score || !solved || !reopens(score, solved === 'yes')) return '';
      return this.data.c?.reopened ? '您的意见将转给督办人员跟进。' : '提交后，这条留言将重新交办理部门办理。';
    },

    onComment(e: DetailEvent<unknown>) {
      this.setData({ 'rating.comment': valueOf(e.detail), 'ratingErrors.comment': '' });
    },

    async onRate() {
      const form = this.data.rating;
      const errors = validateRating(form);
      if (Object.keys(errors).length) {
        this.setData({ ratingErrors: errors });
        return;
      }
      const solved = form.solved === 'yes';
      const comment = form.comment.trim();
      const ok = await this.write(
        'case.rate',
        { score: form.score as 1 | 2 | 3 | 4 | 5, solved, ...(comment ? { comment } : {}) },
        '感谢您的评价',
      );
      if (!ok) return;
      // The answer says what happened: a dissatisfied rating sends the case back into processing.
      const reopened = this.data.c?.status === 'processing' || this.data.c?.status === 'accepted';
      this.setData({
        rating: EMPTY_RATING,
        ratingErrors: {},
        rateHint: '',
        notice: reopened ? '您的意见已收到，这条留言已重新交办理部门办理。' : '',
      });
    },

    onSupplementInput(e: DetailEvent<unknown>) {
      this.setData({ supplement: valueOf(e.detail), supplementError: '' });
    },

    async onSupplement() {
      const error = validateSupplement(this.data.supplement);
      if (error) {
        this.setData({ supplementError: error });
        return;
      }
      if (await this.write('case.supplement', { content: this.data.supplement.trim() }, '已补充')) this.setData({ supplement: '' });
    },

    async onWithdraw() {
      const res = await wx.showModal({
        title: '撤回留言',
        content: '撤回后这条留言将不再办理。确定撤回吗？',
        confirmText: '确定撤回',
        cancelText: '不撤回',
      });
      if (res.confirm) await this.write('case.withdraw', {}, '已撤回');
    },

    onSubscribe() {
      const h = hidden.get(this);
      if (!h) return;
      // Asked straight from the tap, as WeChat requires.
      void requestSubscribe([caseStatusTemplate(h.meta)]).then(async (accepted) => {
        if (!accepted.length) {
          void wx.showToast({ title: '您没有开启提醒', icon: 'none' });
          return;
        }
        try {
          await call('case.subscribe', { templateIds: accepted });
          void wx.showToast({ title: '已开启提醒', icon: 'success' });
        } catch (error) {
          void wx.showToast({ title: messageOf(error), icon: 'none' });
        }
      });
    },

    onPreview(e: WechatMiniprogram.BaseEvent) {
      const urls = this.data.c?.images ?? [];
      void wx.previewImage({ urls, current: urls[Number(dataOf(e, 'index'))] });
    },
  },
});
