// 编辑通知公告 (editors): title, issuing department, date, 有效期至, body, attachments uploaded to cloud storage; save,
// publish (with an update note after the first time), withdraw with a reason. Every write carries the version last
// read: a stale one gets CONFLICT, said in words with what to do.
import type { Announcement } from '../../../typings/api';
import { ApiCallError, call } from '../../services/api';
import { dataOf, valueOf, type DetailEvent } from '../../utils/events';
import { randomId } from '../../utils/id';
import { definePage, pageState } from '../../utils/page';
import { calendarDateOf } from '../../utils/time';
import { saveTarget } from '../policy-edit/form';
import { attachmentList } from '../behaviors/attachment-list';
import { editedRecord, keepRecord, recordEditor, refusalText, setUpRecordEditor } from '../behaviors/record-editor';
import { announcementFileCloudPath, emptyAnnouncementForm, formErrors, formFromAnnouncement, toAnnouncementInput } from './form';

/** The payload last saved, to know whether there is anything to save before publishing. */
const own = pageState(() => ({ savedJson: '' }));

definePage({
  behaviors: [recordEditor, attachmentList],
  data: {
    isNew: true,
    status: 'draft' as Announcement['status'],
    statusLabel: '',
    hasDraftChanges: false,
    versions: [] as Array<{ version: number; note: string }>,
    form: emptyAnnouncementForm(''),
    departments: [] as Array<{ id: string; name: string }>,
    departmentIndex: -1,
    errors: {} as Record<string, string>,
    note: '',
    withdrawReason: '',
    saving: false,
    message: '',
  },
  onLoad(query) {
    setUpRecordEditor(
      this,
      {
        read: (id) => call('announcement.get', { id }),
        withMeta: (meta) => this.setData({ departments: meta.departments.map((d) => ({ id: d.id, name: d.name })) }),
        show: (a) => this.show(a),
        showNew: (meta) => {
          const departments = this.data.departments;
          const form = emptyAnnouncementForm(calendarDateOf(new Date().toISOString()), departments[0]?.id ?? '');
          const statusLabel = meta.vocabulary.announcementStatuses.find((s) => s.key === 'draft')?.label ?? '';
          this.setData({ form, departmentIndex: departments.length ? 0 : -1, statusLabel });
        },
        conflictHint: '（别人刚刚修改过这条通知公告，请返回列表重新打开后再改）',
      },
      query,
    );
  },
  methods: {
    show(a: Announcement) {
      keepRecord(this, a);
      const form = formFromAnnouncement(a);
      own(this).savedJson = JSON.stringify(toAnnouncementInput(form));
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
      const uploaded = await this.uploadAttachment(['pdf', 'doc', 'docx', 'xls', 'xlsx'], (name) => announcementFileCloudPath(name, randomId()));
      if (uploaded) this.setData({ 'errors.attachments': '' });
    },
    /** Sends one write; its answer becomes the page, a refusal shows by the fields it names. */
    async send(run: () => Promise<Announcement>, done: string): Promise<boolean> {
      this.setData({ message: '' });
      try {
        this.show(await run());
        void wx.showToast({ title: done, icon: 'success' });
        return true;
      } catch (error) {
        this.setData({ errors: formErrors(error instanceof ApiCallError ? error.fields : undefined), message: refusalText(this, error) });
        return false;
      }
    },
    save(): Promise<boolean> {
      const h = editedRecord(this);
      const input = toAnnouncementInput(this.data.form);
      const note = this.data.note.trim();
      const edit = h.id && note && this.data.status === 'published' ? { note } : {};
      return this.send(() => call('announcement.save', { ...input, ...saveTarget(h), ...edit }), '已保存');
    },
    onSave() {
      void this.oneWrite(async () => {
        await this.save();
      }, 'saving');
    },
    onPublish() {
      void this.oneWrite(async () => {
        // Unsaved changes are saved first; publishing what is saved needs no second write.
        const h = editedRecord(this);
        const unsaved = !h.id || JSON.stringify(toAnnouncementInput(this.data.form)) !== own(this).savedJson;
        if (unsaved && !(await this.save())) return;
        const note = this.data.note.trim();
        await this.send(() => call('announcement.publish', { id: h.id, version: h.version, ...(note ? { note } : {}) }), '已发布');
      }, 'saving');
    },
    onWithdraw() {
      const reason = this.data.withdrawReason.trim();
      if (!reason) {
        this.setData({ errors: { ...this.data.errors, withdrawReason: '请填写撤回原因' } });
        return;
      }
      void this.oneWrite(async () => {
        const h = editedRecord(this);
        await this.send(() => call('announcement.withdraw', { id: h.id, version: h.version, reason }), '已撤回');
      }, 'saving');
    },
  },
});
