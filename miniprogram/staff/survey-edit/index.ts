// 调查编辑 (editors): title, introduction, window, audience, anonymity and the questions (single, multiple with a
// maximum, a 1-5 score, short text); save (versioned: a stale save is told to refresh), publish, and on to the
// results and the moderation of text answers. Once someone has answered, the questions are fixed (the server says so).
import type { LabelOption, Survey, SurveyQuestionKind } from '../../../typings/api';
import { call, messageOf } from '../../services/api';
import { getMeta } from '../../services/session';
import { dataOf, valueOf, type DetailEvent } from '../../utils/events';
import { randomId } from '../../utils/id';
import { definePage, pageState } from '../../utils/page';
import { calendarDateOf } from '../../utils/time';
import { emptyQuestion, emptySurveyForm, formFromSurvey, toSurveyInput, type SurveyForm } from './form';

interface Hidden {
  id: string;
  version: number;
  clientRequestId: string;
  links: { policyId?: string; draftId?: string };
  stored: { opensAt: string; closesAt: string; opensOn: string; closesOn: string } | null;
}
const own = pageState<Hidden>(() => ({ id: '', version: 0, clientRequestId: randomId(), links: {}, stored: null }));

const today = (): string => calendarDateOf(Date.now());

definePage({
  data: {
    loading: true,
    error: '',
    isNew: true,
    status: 'draft',
    statusLabel: '',
    answered: false,
    form: emptySurveyForm(today()),
    kinds: [] as Array<LabelOption<SurveyQuestionKind>>,
    audiences: [] as Array<{ id: string; name: string }>,
    audienceIndex: 0,
    busy: false,
    formError: '',
    notice: '',
  },
  onLoad(query) {
    const h = own(this);
    h.id = query.id ?? '';
    if (query.policyId) h.links = { policyId: query.policyId };
    if (query.draftId) h.links = { draftId: query.draftId };
    void this.load();
  },
  methods: {
    async load() {
      const h = own(this);
      this.setData({ loading: true, error: '' });
      try {
        const [meta, survey] = await Promise.all([getMeta(), h.id ? call('survey.get', { id: h.id }) : Promise.resolve(null)]);
        const audiences = [{ id: '', name: '所有市民' }, ...meta.departments.map((d) => ({ id: d.id, name: `向${d.name}反映过问题的市民` }))];
        this.setData({ kinds: meta.vocabulary.surveyKinds, audiences });
        if (survey) this.show(survey);
        else this.setData({ loading: false });
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) });
      }
    },
    show(s: Survey) {
      const h = own(this);
      h.id = s.id;
      h.version = s.version;
      h.links = s.policyId ? { policyId: s.policyId } : s.draftId ? { draftId: s.draftId } : {};
      const form = formFromSurvey(s);
      h.stored = { opensAt: s.opensAt, closesAt: s.closesAt, opensOn: form.opensOn, closesOn: form.closesOn };
      const audienceIndex = Math.max(0, this.data.audiences.findIndex((a) => a.id === form.departmentId));
      this.setData({ loading: false, isNew: false, status: s.status, statusLabel: s.statusLabel, answered: !!s.answered, form, audienceIndex });
    },
    onRetry() {
      void this.load();
    },
    onField(e: DetailEvent<unknown>) {
      this.setData({ [`form.${dataOf(e, 'field')}`]: valueOf(e.detail), formError: '' });
    },
    onDate(e: DetailEvent<unknown>) {
      this.setData({ [`form.${dataOf(e, 'field') === 'closesOn' ? 'closesOn' : 'opensOn'}`]: valueOf(e.detail), formError: '' });
    },
    onAudience(e: DetailEvent<unknown>) {
      const index = Number(valueOf(e.detail));
      this.setData({ audienceIndex: index, 'form.departmentId': this.data.audiences[index]?.id ?? '' });
    },
    onAnonymous() {
      this.setData({ 'form.anonymous': !this.data.form.anonymous });
    },
    onQuestionField(e: DetailEvent<unknown>) {
      this.setData({ [`form.questions[${Number(dataOf(e, 'q'))}].${dataOf(e, 'field')}`]: valueOf(e.detail), formError: '' });
    },
    onKind(e: WechatMiniprogram.BaseEvent) {
      this.setData({ [`form.questions[${Number(dataOf(e, 'q'))}].kind`]: dataOf(e, 'kind') as SurveyQuestionKind });
    },
    onRequired(e: WechatMiniprogram.BaseEvent) {
      const i = Number(dataOf(e, 'q'));
      this.setData({ [`form.questions[${i}].required`]: !this.data.form.questions[i]!.required });
    },
    onAddQuestion() {
      this.setData({ 'form.questions': [...this.data.form.questions, emptyQuestion()] });
    },
    onRemoveQuestion(e: WechatMiniprogram.BaseEvent) {
      const i = Number(dataOf(e, 'q'));
      this.setData({ 'form.questions': this.data.form.questions.filter((_, k) => k !== i) });
    },
    payload(form: SurveyForm) {
      const h = own(this);
      const input = toSurveyInput(form, h.links);
      // A day left as it was keeps its stored instant (after the first answer the opening may not move at all).
      if (h.stored && form.opensOn === h.stored.opensOn) input.opensAt = h.stored.opensAt;
      if (h.stored && form.closesOn === h.stored.closesOn) input.closesAt = h.stored.closesAt;
      return h.id ? { ...input, id: h.id, version: h.version } : { ...input, clientRequestId: h.clientRequestId };
    },
    async onSave() {
      if (this.data.busy) return;
      this.setData({ busy: true, formError: '', notice: '' });
      try {
        const saved = await call('survey.save', this.payload(this.data.form));
        this.show(saved);
        this.setData({ busy: false, notice: '已保存' });
      } catch (error) {
        this.setData({ busy: false, formError: messageOf(error) });
      }
    },
    async onPublish() {
      const h = own(this);
      if (this.data.busy) return;
      this.setData({ busy: true, formError: '', notice: '' });
      try {
        const saved = await call('survey.save', this.payload(this.data.form));
        h.version = saved.version;
        this.show(await call('survey.publish', { id: saved.id, version: saved.version }));
        this.setData({ busy: false, notice: '已发布，市民可以在“民意调查”中作答' });
      } catch (error) {
        this.setData({ busy: false, formError: messageOf(error) });
      }
    },
    onResults() {
      void wx.navigateTo({ url: `/staff/survey-results/index?id=${encodeURIComponent(own(this).id)}` });
    },
  },
});
