// 数据导出 (supervisors and admins): choose what to export (cases or monthly statistics), the period, department and
// status, XLSX or CSV; an admin may ask for personal data with a reason, which the server records. The list below
// shows the caller's exports, newest first; a running one shows its progress (rows done / total) and is asked again
// every few seconds until its file is ready; a ready XLSX opens on the phone (wx.downloadFile + wx.openDocument), a
// CSV's link is copied for a computer (wx.openDocument cannot show CSV).
import type { ExportFormat, ExportJobView, ExportKind, ExportPeriod, LabelOption } from '../../../typings/api';
import type { CaseStatus, Department } from '../../../typings/domain';
import { pagedList, setUpPagedList } from '../../behaviors/paged-list';
import { call, messageOf } from '../../services/api';
import { getMe, getMeta } from '../../services/session';
import { dataOf, valueOf, type DetailEvent } from '../../utils/events';
import { randomId } from '../../utils/id';
import { definePage, pageState } from '../../utils/page';
import { exportRequest, exportRow, periodOf, type ExportForm, type ExportRow } from './view-model';

/** How often a running export is asked for its progress. */
const POLL_MS = 3000;

const own = pageState(() => ({
  departments: [] as Department[],
  statuses: [] as ReadonlyArray<LabelOption<CaseStatus>>,
  poll: 0 as number | ReturnType<typeof setTimeout>,
  /** The create request's id: a retry after a lost answer makes no second job. */
  requestId: randomId(),
}));

definePage({
  behaviors: [pagedList],
  data: {
    items: [] as ExportRow[],
    kinds: [] as Array<LabelOption<ExportKind>>,
    formats: [] as Array<LabelOption<ExportFormat>>,
    periods: [] as Array<LabelOption<ExportPeriod>>,
    statuses: [] as Array<LabelOption<CaseStatus>>,
    departmentNames: [] as string[],
    departmentIndex: -1,
    isAdmin: false,
    form: { kind: 'cases', format: 'xlsx', period: 'thisMonth', departmentId: '', status: '', personal: false, reason: '' } as ExportForm,
    fieldErrors: {} as Record<string, string>,
    creating: false,
    createError: '',
    downloading: '',
  },
  onLoad() {
    setUpPagedList<ExportJobView, ExportRow>(this, {
      fetch: (paging) => call('export.list', paging),
      view: exportRow,
      refreshInPlace: true,
      withFirstPage: async () => {
        const [meta, me] = await Promise.all([getMeta(), getMe()]);
        own(this).departments = meta.departments;
        own(this).statuses = meta.vocabulary.statuses;
        const v = meta.vocabulary;
        return { kinds: v.exportKinds, periods: v.exportPeriods, formats: v.exportFormats, statuses: v.statuses, departmentNames: ['全部单位', ...meta.departments.map((d) => d.name)], isAdmin: me.roles.includes('admin') };
      },
    });
    void this.reload().then(() => this.schedulePoll());
  },
  onUnload() {
    clearTimeout(own(this).poll);
  },
  onHide() {
    clearTimeout(own(this).poll);
  },
  methods: {
    setForm(patch: Partial<ExportForm>) {
      this.setData({ form: { ...this.data.form, ...patch }, fieldErrors: {}, createError: '' });
      own(this).requestId = randomId();
    },

    onKind(e: WechatMiniprogram.BaseEvent) {
      this.setForm({ kind: dataOf(e, 'key') === 'stats' ? 'stats' : 'cases' });
    },

    onFormat(e: WechatMiniprogram.BaseEvent) {
      this.setForm({ format: dataOf(e, 'key') === 'csv' ? 'csv' : 'xlsx' });
    },

    onPeriod(e: WechatMiniprogram.BaseEvent) {
      this.setForm({ period: periodOf(dataOf(e, 'key'), this.data.periods) });
    },

    onStatus(e: WechatMiniprogram.BaseEvent) {
      const key = dataOf(e, 'key');
      this.setForm({ status: own(this).statuses.find((s) => s.key === key)?.key ?? '' });
    },

    onDepartment(e: DetailEvent<{ value: string | number }>) {
      const index = Number(e.detail.value) - 1;
      const dept = own(this).departments[index];
      this.setData({ departmentIndex: dept ? index : -1 });
      this.setForm({ departmentId: dept?.id ?? '' });
    },

    onPersonal() {
      this.setForm({ personal: !this.data.form.personal });
    },

    onReason(e: DetailEvent<unknown>) {
      this.setData({ 'form.reason': valueOf(e.detail) });
    },

    async onCreate() {
      if (this.data.creating) return;
      this.setData({ creating: true, createError: '', fieldErrors: {} });
      try {
        await call('export.create', exportRequest(this.data.form, own(this).requestId));
        own(this).requestId = randomId();
        await this.reload(false);
        this.schedulePoll();
      } catch (error) {
        const fields = (error as { fields?: Record<string, string> }).fields ?? {};
        this.setData({ createError: messageOf(error), fieldErrors: fields });
      } finally {
        this.setData({ creating: false });
      }
    },

    schedulePoll() {
      clearTimeout(own(this).poll);
      if (!this.data.items.some((r) => r.running)) return;
      own(this).poll = setTimeout(() => void this.poll(), POLL_MS);
    },

    async poll() {
      const running = this.data.items.map((r, i) => [r, i] as const).filter(([r]) => r.running);
      try {
        const fresh = await Promise.all(running.map(([r]) => call('export.get', { id: r.id })));
        const patch: Record<string, ExportRow> = {};
        fresh.forEach((job, k) => (patch[`items[${running[k]![1]}]`] = exportRow(job)));
        this.setData(patch);
      } catch {
        // A missed poll is tried again on the next one.
      }
      this.schedulePoll();
    },

    async onDownload(e: WechatMiniprogram.BaseEvent) {
      const id = dataOf(e, 'id');
      if (!id || this.data.downloading) return;
      this.setData({ downloading: id });
      try {
        const file = await call('export.download', { id });
        if (!file.openable) {
          await wx.setClipboardData({ data: file.url });
          await wx.showModal({ title: '下载链接已复制', content: `CSV 文件请在电脑浏览器中打开链接下载（10 分钟内有效）：${file.fileName}`, showCancel: false });
          return;
        }
        const download = await new Promise<WechatMiniprogram.DownloadFileSuccessCallbackResult>((resolve, reject) => {
          wx.downloadFile({ url: file.url, success: resolve, fail: reject });
        });
        if (download.statusCode && download.statusCode !== 200) throw new Error(`status ${download.statusCode}`);
        await wx.openDocument({ filePath: download.tempFilePath, fileType: 'xlsx', showMenu: true });
      } catch (error) {
        void wx.showToast({ title: messageOf(error) === '操作没有成功，请稍后再试。' ? '文件暂时打不开，请稍后再试' : messageOf(error), icon: 'none' });
      } finally {
        this.setData({ downloading: '' });
      }
    },
  },
});
