// Case detail for the citizen: status, the promised date with its countdown, the timeline, the answer; rating,
// supplementing and withdrawing when the server allows (`can`); subscribing to updates. Every write carries the
// version read; a stale one (CONFLICT) reloads the case and says so.
import type { CaseView, MetaGetResponse } from '../../../typings/api';
import { caseDetail, caseRecord, type WriteFields } from '../../behaviors/case-detail';
import { messageOf } from '../../services/api';
import { getMeta } from '../../services/session';
import { caseStatusTemplate, subscribeFromTap } from '../../services/subscribe';
import { caseProgress, type Stage } from '../../utils/case-progress';
import { dataOf, valueOf, type DetailEvent } from '../../utils/events';
import { definePage, pageState } from '../../utils/page';
import { citizenCaseView, reopens, validateRating, validateSupplement, type CitizenCaseView, type RatingForm } from './view-model';

type CitizenWrite = 'case.rate' | 'case.supplement' | 'case.withdraw';

/** meta.get's answer, for the subscribe template and the forms' limits. */
const own = pageState(() => ({ meta: null as MetaGetResponse | null }));

const EMPTY_RATING: RatingForm = { score: 0, solved: '', comment: '' };

definePage({
  behaviors: [caseDetail],
  data: {
    c: null as CitizenCaseView | null,
    can: { withdraw: false, supplement: false, rate: false },
    /** The server's rating levels, best first (meta.get). */
    ratingOptions: [] as Array<{ score: number; label: string }>,
    rating: EMPTY_RATING,
    ratingErrors: {} as Record<string, string>,
    supplement: '',
    supplementError: '',
    canSubscribe: false,
    rateHint: '',
    /** 提交 -> 受理 -> 办理 -> 答复 -> 评价, with the days. */
    progress: [] as Stage[],
  },
  methods: {
    async load() {
      // The subscribe template comes from meta.get; a failure there must not hide the case.
      const read = await this.readCase(() => getMeta().catch(() => null));
      if (!read) return;
      own(this).meta = read[1];
      if (read[1]) this.setData({ ratingOptions: read[1].vocabulary.ratings.map((r) => ({ score: r.key, label: r.label })) });
      this.show(read[0]);
    },

    show(c: CaseView) {
      caseRecord(this).version = c.version;
      const { view, timeline } = citizenCaseView(c);
      this.setData({
        loading: false,
        error: '',
        c: view,
        timeline,
        progress: caseProgress(c),
        can: { withdraw: c.can.withdraw, supplement: c.can.supplement, rate: c.can.rate },
        canSubscribe: Boolean(caseStatusTemplate(own(this).meta)) && !view.final,
      });
    },

    /** Sends one write; true when it went through. */
    async write<N extends CitizenWrite>(action: N, fields: WriteFields<N>, done: string): Promise<boolean> {
      const c = await this.writeCase(action, fields, {
        onConflict: async () => {
          void wx.showToast({ title: '留言已有新进展，已为您刷新，请查看后再操作', icon: 'none', duration: 3000 });
          await this.load();
        },
        onError: (error) => void wx.showToast({ title: messageOf(error), icon: 'none', duration: 3000 }),
      });
      if (!c) return false;
      this.show(c);
      void wx.showToast({ title: done, icon: 'success' });
      return true;
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
      const errors = validateRating(form, own(this).meta?.formLimits.case);
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
      const error = validateSupplement(this.data.supplement, own(this).meta?.formLimits.case);
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
      // Asked straight from the tap, as WeChat requires.
      void subscribeFromTap([caseStatusTemplate(own(this).meta)], '已开启提醒');
    },
  },
});
