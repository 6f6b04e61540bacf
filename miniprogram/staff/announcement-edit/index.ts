// 编辑通知公告 (editors): title, issuing department, date, 有效期至, body, attachments uploaded to cloud storage; save,
// publish (with an update note after the first time), withdraw with a reason. Every write carries the version last
// read: a stale one gets CONFLICT, said in words with what to do.
import type { Announcement } from '../../../typings/api';
import { ApiCallError, call, messageOf } from '../../services/api';
import { getMeta } from '../../services/session';
import { dataOf, valueOf, type DetailEvent } from '../../utils/events';
import { randomId } from '../../utils/id';
import { definePage, pageState } from '../../utils/page';
import { calendarDateOf } from '../../utils/time';
import { announcementFileCloudPath, emptyAnnouncementForm, formErrors, formFromAnnouncement, toAnnouncementInput } from './form';

const own = pageState(() => ({ id: '', version: 0, clientRequestId: randomId(), busy: false, savedJson: '' }));

const CONFLICT_HINT = '（别人刚刚修改过这条通知公告，请返回列表重新打开后再改）';

definePage({
  data: {
    loading: true,
    error: '',
    isNew: true,
    status: 'draft' as Announcement['status'],
    statusLabel: '未发布',
    hasDraftChanges: false,
    versions: [] as Array<{ version: number; note: string }>,
    form: emptyAnnouncementForm(''),
    departments: [] as Array<{ id: string; name: string }>,
    departmentIndex: -1,
    errors: {} as Record<string, string>,
    note: '',
    withdrawReason: '',
    saving: false,
    uploading: false,
    message: '',
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
        const [meta, a] = await Promise.all([getMeta(), h.id ? call('announcement.get', { id: h.id }) : Promise.resolve(null)]);
        const departments = meta.departments.map((d) => ({ id: d.id, name: d.name }));
        this.setData({ departments });
        if (a) this.show(a);
        else {
          const form = emptyAnnouncementForm(calendarDateOf(new Date().toISOString()), departments[0]?.id ?? '');
          this.setData({ form, departmentIndex: departments.length ? 0 : -1 });
        }
        this.setData({ loading: false });
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) });
      }
    },
    show(a: Announcement) {
      const h = own(this);
      h.id = a.id;
      h.version = a.version;
      const form = formFromAnnouncement(a);
      h.savedJson = JSON.stringify(toAnnouncementInput(form));
      this.setData({
        isNew: false,
        status: a.status,
        statusLabel: a.statusLabel,
        hasDraftChanges: !!a.hasDraftChanges,
        versions: a.versions.map((v) => ({ version: v.version, note: v.note ?? '' })),
        form,
        departmentIndex: this.data.departments.findIndex((d) => d.id === a.departmentId),
        note: a.pendingNote ?? '',
        errors: {},
      });
    },
    onField(e: DetailEvent<unknown>) {
      const field = dataOf(e, 'field');
      if (field) this.setData({ [`form.${field}`]: valueOf(e.detail), [`errors.${field}`]: '' });
    },
    onDepartment(e: WechatMiniprogram.PickerChange) {
      const index = Number(e.detail.value);
      const d = this.data.departments[index];
      if (d) this.setData({ departmentIndex: index, 'form.departmentId': d.id, 'errors.departmentId': '' });
    },
    onDate(e: WechatMiniprogram.PickerChange) {
      const field = dataOf(e, 'field');
      if (field) this.setData({ [`form.${field}`]: String(e.detail.value), [`errors.${field}`]: '' });
    },
    onClearExpiry() {
      this.setData({ 'form.expiresAt': '', 'errors.expiresAt': '' });
    },
    onNote(e: DetailEvent<unknown>) {
      this.setData({ note: valueOf(e.detail) });
    },
    onWithdrawReason(e: DetailEvent<unknown>) {
      this.setData({ withdrawReason: valueOf(e.detail) });
    },
    async onUpload() {
      if (this.data.uploading) return;
      let file: { path: string; name: string; size: number } | undefined;
      try {
        file = (await wx.chooseMessageFile({ count: 1, type: 'file', extension: ['pdf', 'doc', 'docx', 'xls', 'xlsx'] })).tempFiles[0];
      } catch {
        return; // The editor closed the chooser.
      }
      if (!file) return;
      this.setData({ uploading: true });
      try {
        const res = await wx.cloud.uploadFile({ cloudPath: announcementFileCloudPath(file.name, randomId()), filePath: file.path });
        this.setData({ 'form.attachments': [...this.data.form.attachments, { fileID: res.fileID, name: file.name, size: file.size }], 'errors.attachments': '' });
      } catch {
        void wx.showToast({ title: '上传没有成功，请重试', icon: 'none' });
      } finally {
        this.setData({ uploading: false });
      }
    },
    onRemoveAttachment(e: WechatMiniprogram.BaseEvent) {
      const index = Number(dataOf(e, 'index'));
      this.setData({ 'form.attachments': this.data.form.attachments.filter((_, i) => i !== index) });
    },
    /** Runs one write; its answer becomes the page, a refusal shows by the fields it names. */
    async write(run: () => Promise<Announcement>, done: string): Promise<boolean> {
      const h = own(this);
      if (h.busy) return false;
      h.busy = true;
      this.setData({ saving: true, message: '' });
      try {
        this.show(await run());
        void wx.showToast({ title: done, icon: 'success' });
        return true;
      } catch (error) {
        const conflict = error instanceof ApiCallError && error.code === 'CONFLICT';
        const fields = error instanceof ApiCallError ? error.fields : undefined;
        this.setData({ errors: formErrors(fields), message: messageOf(error) + (conflict ? CONFLICT_HINT : '') });
        return false;
      } finally {
        h.busy = false;
        this.setData({ saving: false });
      }
    },
    save(): Promise<boolean> {
      const h = own(this);
      const input = toAnnouncementInput(this.data.form);
      const note = this.data.note.trim();
      const edit = h.id ? { id: h.id, version: h.version, ...(note && this.data.status === 'published' ? { note } : {}) } : { clientRequestId: h.clientRequestId };
      return this.write(() => call('announcement.save', { ...input, ...edit }), '已保存');
    },
    onSave() {
      void this.save();
    },
    async onPublish() {
      // Unsaved changes are saved first; publishing what is saved needs no second write.
      const unsaved = !own(this).id || JSON.stringify(toAnnouncementInput(this.data.form)) !== own(this).savedJson;
      if (unsaved && !(await this.save())) return;
      const h = own(this);
      const note = this.data.note.trim();
      await this.write(() => call('announcement.publish', { id: h.id, version: h.version, ...(note ? { note } : {}) }), '已发布');
    },
    async onWithdraw() {
      const reason = this.data.withdrawReason.trim();
      if (!reason) {
        this.setData({ errors: { ...this.data.errors, withdrawReason: '请填写撤回原因' } });
        return;
      }
      const h = own(this);
      await this.write(() => call('announcement.withdraw', { id: h.id, version: h.version, reason }), '已撤回');
    },
  },
});
