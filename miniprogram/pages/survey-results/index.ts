// 调查结果: how many took part, each question's counts and percentages as bars, the mean score, approved text
// answers, and the editor's summary. One call (survey.results), answered from the tally shards.
import { call, messageOf } from '../../services/api';
import { isDeadEnd } from '../../utils/dead-end';
import { definePage, pageState } from '../../utils/page';
import { resultViews, type ResultView } from '../../utils/survey-view';

const own = pageState<{ id: string }>(() => ({ id: '' }));

definePage({
  data: {
    loading: true,
    error: '',
    missing: false,
    title: '',
    respondents: 0,
    summary: '',
    statusLabel: '',
    results: [] as ResultView[],
  },
  onLoad(query) {
    own(this).id = query.id ?? '';
    void this.load();
  },
  onShareAppMessage() {
    return { title: `调查结果：${this.data.title}`, path: `/pages/survey-results/index?id=${encodeURIComponent(own(this).id)}` };
  },
  methods: {
    async load() {
      const id = own(this).id;
      if (!id) {
        this.setData({ loading: false, error: '没有找到这项调查，请返回列表重新选择。', missing: true });
        return;
      }
      this.setData({ loading: !this.data.title, error: '', missing: false });
      try {
        const r = await call('survey.results', { id });
        this.setData({ loading: false, title: r.title, respondents: r.respondents, summary: r.summary ?? '', statusLabel: r.statusLabel, results: resultViews(r) });
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error), missing: isDeadEnd(error) });
      }
    },
    onRetry() {
      void this.load();
    },
  },
});
