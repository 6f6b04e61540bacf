// 调查结果与审核 (editors): the results as citizens will see them, the text answers waiting for moderation (loaded on
// demand: the first render is one call), publishing the results after the window, and the CSV for the office.
import type { SurveyStatus, SurveyTextItem } from '../../../typings/api';
import { call, messageOf } from '../../services/api';
import { dataOf, valueOf, type DetailEvent } from '../../utils/events';
import { definePage, pageState } from '../../utils/page';
import { resultViews, type ResultView } from '../../utils/survey-view';

const own = pageState<{ id: string; version: number }>(() => ({ id: '', version: 0 }));

definePage({
  data: {
    loading: true,
    error: '',
    title: '',
    status: 'open' as SurveyStatus,
    statusLabel: '',
    respondents: 0,
    summary: '',
    results: [] as ResultView[],
    pending: [] as SurveyTextItem[],
    queueShown: false,
    busy: false,
    formError: '',
    notice: '',
  },
  onLoad(query) {
    own(this).id = query.id ?? '';
    void this.load();
  },
  methods: {
    async load() {
      this.setData({ loading: !this.data.title, error: '' });
      try {
        const r = await call('survey.results', { id: own(this).id });
        own(this).version = r.version;
        this.setData({ loading: false, title: r.title, status: r.status, statusLabel: r.statusLabel, respondents: r.respondents, summary: r.summary ?? this.data.summary, results: resultViews(r) });
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) });
      }
    },
    onRetry() {
      void this.load();
    },
    async onQueue() {
      try {
        const page = await call('survey.textQueue', { surveyId: own(this).id, limit: 50 });
        this.setData({ pending: page.items, queueShown: true });
      } catch (error) {
        void wx.showToast({ title: messageOf(error), icon: 'none' });
      }
    },
    async onModerate(e: WechatMiniprogram.BaseEvent) {
      const id = dataOf(e, 'id');
      const decision = dataOf(e, 'decision') === 'hide' ? 'hide' : 'approve';
      try {
        await call('survey.moderateText', { id, decision });
        this.setData({ pending: this.data.pending.filter((t) => t.id !== id) });
        await this.load();
      } catch (error) {
        void wx.showToast({ title: messageOf(error), icon: 'none' });
      }
    },
    onSummary(e: DetailEvent<unknown>) {
      this.setData({ summary: valueOf(e.detail) });
    },
    async onPublish() {
      if (this.data.busy) return;
      this.setData({ busy: true, formError: '', notice: '' });
      try {
        const summary = this.data.summary.trim();
        await call('survey.publishResults', { id: own(this).id, version: own(this).version, ...(summary ? { summary } : {}) });
        this.setData({ busy: false, notice: '结果已公布，市民可以在“民意调查”中查看' });
        await this.load();
      } catch (error) {
        this.setData({ busy: false, formError: messageOf(error) });
      }
    },
    /** The CSV is written to cloud storage; the phone downloads it and opens it (or offers to send it on). */
    async onExport() {
      if (this.data.busy) return;
      this.setData({ busy: true, formError: '' });
      try {
        const file = await call('survey.exportCsv', { id: own(this).id });
        const { tempFilePath } = await wx.cloud.downloadFile({ fileID: file.fileID });
        this.setData({ busy: false, notice: `已导出：${file.fileName}` });
        await wx.openDocument({ filePath: tempFilePath, showMenu: true }).catch(() => wx.shareFileMessage({ filePath: tempFilePath, fileName: file.fileName }));
      } catch (error) {
        this.setData({ busy: false, formError: messageOf(error) });
      }
    },
  },
});
