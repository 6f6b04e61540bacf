// 编辑政策 (editors): the fields with their checks, the body as paragraphs (add, move up/down, remove), the explanation
// (background, key points, what changed, FAQ), attachments uploaded to cloud storage, a preview rendered by the same
// component citizens see, publish (with an update note after the first time), unpublish or repeal with a reason the
// public reads, and the published versions. Every write carries the version last read: a stale one gets CONFLICT.
import type { Policy, PolicyFormLimits, PolicyStatus } from '../../../typings/api';
import { call, messageOf } from '../../services/api';
import { dataOf, valueOf, type DetailEvent } from '../../utils/events';
import { randomId } from '../../utils/id';
import { definePage, pageState } from '../../utils/page';
import { policyDetailView, type PolicyDetailView } from '../../utils/policy-view';
import { formatFullDate } from '../../utils/time';
import { attachmentList } from '../behaviors/attachment-list';
import { documentEditor } from '../behaviors/document-editor';
import { editorDraft } from '../behaviors/editor-draft';
import { editedRecord, keepRecord, recordEditor, setUpRecordEditor } from '../behaviors/record-editor';
import {
  attachmentCloudPath,
  checkReason,
  emptyPolicyForm,
  formFromPolicy,
  NO_ERRORS,
  previewPolicy,
  saveTarget,
  toPolicyInput,
  validatePolicyForm,
  type PolicyForm,
} from './form';

const own = pageState(() => ({
  policy: null as Policy | null,
  categories: [] as Array<{ id: string; name: string; departmentId: string; types: never[] }>,
  /** The payload last saved, to know whether there is anything to save before publishing. */
  savedJson: '',
  /** The server's limits (meta.get), read with the policy; the form is on screen only once they are here. */
  limits: null as PolicyFormLimits | null,
}));

/** After a CONFLICT: someone else saved since this page read the policy. */
const CONFLICT_HINT = '（别人刚刚修改过这份政策，请返回列表重新打开后再改）';

interface VersionRow {
  version: number;
  text: string;
  note: string;
}

definePage({
  behaviors: [recordEditor, documentEditor, editorDraft, attachmentList],
  data: {
    isNew: true,
    status: 'draft' as PolicyStatus,
    statusLabel: '',
    hasDraftChanges: false,
    unpublishReason: '',
    versions: [] as VersionRow[],
    form: emptyPolicyForm(),
    categories: [] as Array<{ id: string; name: string }>,
    mode: 'edit' as 'edit' | 'preview',
    preview: null as PolicyDetailView | null,
    saving: false,
    publishing: false,
    publishNote: '',
    unpublishShow: false,
    unpublishText: '',
    repeal: false,
    unpublishError: '',
    /** The server's limits (meta.get formLimits.policy), for the fields' maxlength; set with the first answer. */
    limits: {} as Partial<PolicyFormLimits>,
  },
  onLoad(query) {
    setUpRecordEditor(
      this,
      {
        read: (id) => call('policy.get', { id }),
        withMeta: (meta) => {
          const h = own(this);
          h.categories = meta.categories as typeof h.categories;
          h.limits = meta.formLimits.policy;
          this.setData({ categories: meta.categories.map((c) => ({ id: c.id, name: c.name })), limits: meta.formLimits.policy });
        },
        show: (policy) => this.showPolicy(policy, true),
        showNew: (meta) => {
          own(this).savedJson = JSON.stringify(toPolicyInput(emptyPolicyForm()));
          this.setData({ statusLabel: meta.vocabulary.policyStatuses.find((s) => s.key === 'draft')?.label ?? '' });
        },
        loaded: () => {
          if (this.startDraft(`policy:${editedRecord(this).id || 'new'}`, editedRecord(this).version)) {
            void wx.showToast({ title: '已恢复上次没有保存的修改', icon: 'none', duration: 3000 });
          }
        },
        conflictHint: CONFLICT_HINT,
      },
      query,
    );
  },
  methods: {
    /** Puts a policy the server answered on screen; `replaceForm` also replaces what the editor typed. */
    showPolicy(policy: Policy, replaceForm: boolean) {
      const h = own(this);
      h.policy = policy;
      keepRecord(this, policy);
      const form = formFromPolicy(policy);
      h.savedJson = JSON.stringify(toPolicyInput(form));
      this.setData({
        isNew: false,
        status: policy.status,
        statusLabel: policy.statusLabel,
        hasDraftChanges: !!policy.hasDraftChanges,
        unpublishReason: policy.unpublishReason ?? '',
        versions: policy.versions.map((v) => ({ version: v.version, text: `第 ${v.version} 版 · ${formatFullDate(v.publishedAt)}发布`, note: v.note ?? '' })),
        ...(replaceForm ? { form, publishNote: policy.pendingNote ?? '' } : {}),
      });
      void wx.setNavigationBarTitle({ title: '编辑政策' });
    },

    // ---- fields (paragraphs, key points and FAQ rows: documentEditor) ----

    onField(e: DetailEvent<unknown>) {
      const field = dataOf(e, 'field') as keyof PolicyForm;
      this.setData({ [`form.${field}`]: valueOf(e.detail) });
      this.clearError(field);
    },

    onExplanationField(e: DetailEvent<unknown>) {
      const field = dataOf(e, 'field') as 'background' | 'changes';
      this.setData({ [`form.${field}`]: valueOf(e.detail) });
      this.clearError(`explanation_${field}`);
    },

    onDate(e: DetailEvent<unknown>) {
      const field = dataOf(e, 'field') as 'issuedAt' | 'effectiveFrom' | 'expiresAt';
      this.setData({ [`form.${field}`]: valueOf(e.detail) });
      this.clearError(field);
    },

    onClearDate(e: WechatMiniprogram.BaseEvent) {
      const field = dataOf(e, 'field');
      this.setData({ [`form.${field}`]: '' });
      this.clearError(field);
    },

    onCategory(e: WechatMiniprogram.BaseEvent) {
      this.setData({ 'form.categoryId': dataOf(e, 'id') });
      this.clearError('categoryId');
    },

    // ---- attachments ----

    async onUpload() {
      if (this.data.uploading) return;
      const { attachmentsMax } = own(this).limits!;
      if (this.data.form.attachments.length >= attachmentsMax) {
        void wx.showToast({ title: `附件不能超过 ${attachmentsMax} 个`, icon: 'none' });
        return;
      }
      const extensions = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx'];
      if (await this.uploadAttachment(extensions, (name) => attachmentCloudPath(name, randomId()))) this.clearError('attachments');
    },

    // ---- preview ----

    onMode(e: WechatMiniprogram.BaseEvent) {
      const mode = dataOf(e, 'mode') === 'preview' ? 'preview' : 'edit';
      if (mode === 'preview') {
        const h = own(this);
        const preview = policyDetailView(previewPolicy(this.data.form as PolicyForm, h.categories, h.policy ?? undefined));
        // The preview shows what citizens will see once published, not this record's history.
        this.setData({ mode, preview: { ...preview, versions: [], updatedNote: '' } });
      } else {
        this.setData({ mode });
      }
      void wx.pageScrollTo({ scrollTop: 0, duration: 0 });
    },

    // ---- save, publish, unpublish ----

    /** Checks and saves the form; answers false (with messages on screen) when it could not. */
    async save(): Promise<boolean> {
      const h = editedRecord(this);
      const form = this.data.form as PolicyForm;
      if (!this.showFormCheck(validatePolicyForm(form, own(this).limits!))) {
        this.setData({ mode: 'edit' });
        return false;
      }
      const input = toPolicyInput(form);
      this.setData({ saving: true, formError: '', errors: NO_ERRORS });
      try {
        // An edit of a public policy carries its change note, so a later publish (by anyone) keeps it.
        const note = this.data.status !== 'draft' ? this.data.publishNote.trim() : '';
        const policy = await call('policy.save', { ...input, ...saveTarget(h), ...(note ? { note } : {}) });
        this.showPolicy(policy, false);
        own(this).savedJson = JSON.stringify(input);
        this.draftSaved(h.version, `policy:${h.id}`);
        return true;
      } catch (error) {
        this.showSaveError(error, CONFLICT_HINT);
        return false;
      } finally {
        this.setData({ saving: false });
      }
    },

    onSave() {
      void this.oneWrite(async () => {
        if (await this.save()) void wx.showToast({ title: '已保存', icon: 'success' });
      });
    },

    onPublish() {
      void this.oneWrite(async () => {
        const h = editedRecord(this);
        try {
          const dirty = !h.id || JSON.stringify(toPolicyInput(this.data.form as PolicyForm)) !== own(this).savedJson;
          if (dirty && !(await this.save())) return;
          this.setData({ publishing: true });
          const note = this.data.publishNote.trim();
          const policy = await call('policy.publish', { id: h.id, version: h.version, ...(note ? { note } : {}) });
          this.showPolicy(policy, true);
          this.draftSaved(h.version);
          this.setData({ publishNote: '', mode: 'edit' });
          void wx.showToast({ title: '已发布', icon: 'success' });
        } catch (error) {
          this.showSaveError(error, CONFLICT_HINT);
        } finally {
          this.setData({ publishing: false });
        }
      });
    },

    onPublishNote(e: DetailEvent<unknown>) {
      this.setData({ publishNote: valueOf(e.detail) });
    },

    onUnpublishOpen() {
      this.setData({ unpublishShow: true, unpublishError: '' });
    },

    onUnpublishClose() {
      this.setData({ unpublishShow: false });
    },

    onUnpublishText(e: DetailEvent<unknown>) {
      this.setData({ unpublishText: valueOf(e.detail), unpublishError: '' });
    },

    onRepeal(e: WechatMiniprogram.BaseEvent) {
      this.setData({ repeal: dataOf(e, 'repeal') === 'true' });
    },

    onUnpublish() {
      const reason = this.data.unpublishText.trim();
      const problem = checkReason(reason, own(this).limits!);
      if (problem) {
        this.setData({ unpublishError: problem });
        return;
      }
      void this.oneWrite(async () => {
        const h = editedRecord(this);
        try {
          const policy = await call('policy.unpublish', { id: h.id, version: h.version, reason, ...(this.data.repeal ? { repeal: true } : {}) });
          this.showPolicy(policy, true);
          this.draftSaved(h.version);
          this.setData({ unpublishShow: false, unpublishText: '' });
          void wx.showToast({ title: this.data.repeal ? '已废止' : '已撤回', icon: 'success' });
        } catch (error) {
          this.setData({ unpublishError: messageOf(error) });
        }
      });
    },

    onViewVersion(e: WechatMiniprogram.BaseEvent) {
      void wx.navigateTo({ url: `/pages/policy/index?id=${encodeURIComponent(editedRecord(this).id)}&version=${dataOf(e, 'version')}` });
    },
  },
});
