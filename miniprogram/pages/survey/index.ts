// 调查问卷: the questions, answered by tapping (single, multiple up to its maximum, a score 1-5) or writing (short
// text, public only after moderation); the citizen's own answer filled in, to change until the window closes. One
// call on load (survey.get); sending reuses its request id until it succeeds, so a retry is recorded once.
import type { Survey } from '../../../typings/api';
import { call, messageOf } from '../../services/api';
import { isDeadEnd } from '../../utils/dead-end';
import { dataOf, valueOf, type DetailEvent } from '../../utils/events';
import { randomId } from '../../utils/id';
import { definePage, pageState } from '../../utils/page';
import { answersOf, questionViews, toggleChoice, type QuestionView } from '../../utils/survey-view';

interface Hidden {
  id: string;
  requestId: string;
}
const own = pageState<Hidden>(() => ({ id: '', requestId: randomId() }));

function header(s: Survey) {
  return {
    title: s.title,
    intro: s.intro ?? '',
    statusLabel: s.statusLabel,
    windowText: s.windowText,
    audienceLabel: s.audienceLabel,
    anonymous: s.anonymous,
    canAnswer: s.canAnswer,
    answerNote: s.answerNote ?? '',
    answered: !!s.mine,
    resultsReady: s.status === 'published',
  };
}

definePage({
  data: {
    loading: true,
    error: '',
    missing: false,
    survey: null as ReturnType<typeof header> | null,
    questions: [] as QuestionView[],
    sending: false,
    formError: '',
    notice: '',
  },
  onLoad(query) {
    own(this).id = query.id ?? '';
    void this.load();
  },
  onShareAppMessage() {
    return { title: this.data.survey ? `民意调查：${this.data.survey.title}` : '民意调查', path: `/pages/survey/index?id=${encodeURIComponent(own(this).id)}` };
  },
  methods: {
    async load() {
      const id = own(this).id;
      if (!id) {
        this.setData({ loading: false, error: '没有找到这项调查，请返回列表重新选择。', missing: true });
        return;
      }
      this.setData({ loading: !this.data.survey, error: '', missing: false });
      try {
        this.show(await call('survey.get', { id }));
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error), missing: isDeadEnd(error) });
      }
    },
    show(s: Survey) {
      this.setData({ loading: false, survey: header(s), questions: questionViews(s) });
    },
    onRetry() {
      void this.load();
    },
    onChoose(e: WechatMiniprogram.BaseEvent) {
      if (!this.data.survey?.canAnswer) return;
      const i = Number(dataOf(e, 'q'));
      const q = this.data.questions[i];
      if (!q) return;
      const next = toggleChoice(q, Number(dataOf(e, 'c')));
      if (!next) {
        void wx.showToast({ title: `此题${q.kindLabel}`, icon: 'none' });
        return;
      }
      this.setData({ [`questions[${i}].choices`]: next, formError: '' });
    },
    onText(e: DetailEvent<unknown>) {
      this.setData({ [`questions[${Number(dataOf(e, 'q'))}].text`]: valueOf(e.detail), formError: '' });
    },
    async onSubmit() {
      const h = own(this);
      if (this.data.sending || !this.data.survey?.canAnswer) return;
      this.setData({ sending: true, formError: '', notice: '' });
      try {
        const mine = await call('survey.answer', { id: h.id, answers: answersOf(this.data.questions), clientRequestId: h.requestId });
        h.requestId = randomId();
        this.setData({ sending: false, 'survey.answered': true, notice: mine.revision > 1 ? '答卷已修改，截止前还可以再修改。' : '答卷已提交，感谢您的参与！截止前可以修改。' });
        void wx.showToast({ title: '已提交', icon: 'success' });
      } catch (error) {
        this.setData({ sending: false, formError: messageOf(error) });
      }
    },
    onResults() {
      void wx.navigateTo({ url: `/pages/survey-results/index?id=${encodeURIComponent(own(this).id)}` });
    },
  },
});
