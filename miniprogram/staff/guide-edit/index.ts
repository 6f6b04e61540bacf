// 编辑办事事项 (editors): every field of a service-guide item as text (lists one entry a line), save, publish (with an
// update note once published), withdraw with a reason, and the published versions. Every write carries the version last
// read: a stale one gets CONFLICT, and the page says to reopen the item.
import type { GuideItem } from '../../../typings/api';
import { ApiCallError, call, messageOf } from '../../services/api';
import { dataOf, valueOf, type DetailEvent } from '../../utils/events';
import { definePage } from '../../utils/page';
import { formatFullDate } from '../../utils/time';
import { saveTarget } from '../policy-edit/form';
import { editedRecord, keepRecord, recordEditor, refusalText, setUpRecordEditor } from '../behaviors/record-editor';
import { emptyGuideForm, errorsFromServer, formFromItem, toGuideInput, type GuideForm, type GuideFormErrors } from './form';

definePage({
  behaviors: [recordEditor],
  data: {
    isNew: true,
    status: 'draft',
    statusLabel: '',
    hasDraftChanges: false,
    withdrawReason: '',
    versions: [] as Array<{ version: number; text: string; note: string }>,
    /** The related policies, with their titles (the form keeps their ids). */
    related: [] as Array<{ id: string; title: string }>,
    policyKeyword: '',
    policyHits: [] as Array<{ id: string; title: string }>,
    form: emptyGuideForm(),
    errors: {} as GuideFormErrors,
    formError: '',
    categories: [] as Array<{ key: string; label: string }>,
    caseCategories: [] as Array<{ id: string; name: string }>,
    publishNote: '',
    withdrawText: '',
    busy: false,
    /** Text areas grow with their text and start tall enough to tap (48 px: the care-mode target). */
    tall: { minHeight: 56 },
  },
  onLoad(query) {
    setUpRecordEditor(
      this,
      {
        read: (id) => call('guide.get', { id }),
        withMeta: (meta) =>
          this.setData({
            categories: meta.vocabulary.guideCategories.map((c) => ({ key: c.key, label: c.label })),
            caseCategories: meta.categories.map((c) => ({ id: c.id, name: c.name })),
          }),
        show: (item) => this.show(item),
        conflictHint: '（别人刚刚修改过这个事项，请返回列表重新打开后再改）',
      },
      query,
    );
  },
  methods: {
    show(item: GuideItem) {
      keepRecord(this, item);
      this.setData({
        isNew: false,
        status: item.status,
        statusLabel: item.statusLabel,
        hasDraftChanges: !!item.hasDraftChanges,
        withdrawReason: item.withdrawReason ?? '',
        versions: item.versions.map((v) => ({ version: v.version, text: `第 ${v.version} 版 · ${formatFullDate(v.publishedAt)}发布`, note: v.note ?? '' })),
        related: item.relatedPolicies.map((p) => ({ id: p.id, title: p.title })),
        form: formFromItem(item),
        publishNote: item.pendingNote ?? '',
        errors: {},
        formError: '',
      });
    },

    onField(e: DetailEvent<unknown>) {
      const field = dataOf(e, 'field') as keyof GuideForm;
      this.setData({ [`form.${field}`]: valueOf(e.detail), [`errors.${field}`]: '', formError: '' });
    },

    onCategory(e: WechatMiniprogram.BaseEvent) {
      this.setData({ 'form.categoryId': dataOf(e, 'key'), 'errors.categoryId': '' });
    },

    onCaseCategory(e: WechatMiniprogram.BaseEvent) {
      const id = dataOf(e, 'id');
      this.setData({ 'form.caseCategoryId': this.data.form.caseCategoryId === id ? '' : id });
    },

    // ---- related policies: found by a search of the library, kept as ids in the form ----

    setRelated(related: Array<{ id: string; title: string }>) {
      this.setData({ related, 'form.relatedPolicyIds': related.map((r) => r.id).join('\n'), 'errors.relatedPolicyIds': '' });
    },

    onPolicyKeyword(e: DetailEvent<unknown>) {
      this.setData({ policyKeyword: valueOf(e.detail) });
    },

    async onPolicySearch() {
      const keyword = this.data.policyKeyword.trim();
      if (!keyword) return;
      try {
        const page = await call('policy.list', { keyword, status: 'published', limit: 10 });
        const have = new Set(this.data.related.map((r) => r.id));
        this.setData({ policyHits: page.items.filter((p) => !have.has(p.id)).map((p) => ({ id: p.id, title: p.title })) });
      } catch (error) {
        void wx.showToast({ title: messageOf(error), icon: 'none' });
      }
    },

    onAddPolicy(e: WechatMiniprogram.BaseEvent) {
      const hit = this.data.policyHits.find((p) => p.id === dataOf(e, 'id'));
      if (!hit) return;
      this.setRelated([...this.data.related, hit]);
      this.setData({ policyHits: this.data.policyHits.filter((p) => p.id !== hit.id) });
    },

    onRemovePolicy(e: WechatMiniprogram.BaseEvent) {
      const id = dataOf(e, 'id');
      this.setRelated(this.data.related.filter((r) => r.id !== id));
    },

    onPublishNote(e: DetailEvent<unknown>) {
      this.setData({ publishNote: valueOf(e.detail) });
    },

    onWithdrawText(e: DetailEvent<unknown>) {
      this.setData({ withdrawText: valueOf(e.detail) });
    },

    refused(error: unknown) {
      this.setData({ ...(error instanceof ApiCallError ? { errors: errorsFromServer(error.fields) } : {}), formError: refusalText(this, error) });
    },

    /** Saves the form; false (with the messages on screen) when it could not. */
    async save(): Promise<boolean> {
      const checked = toGuideInput(this.data.form);
      if ('errors' in checked) {
        this.setData({ errors: checked.errors, formError: `请先修改标红的内容：${Object.values(checked.errors)[0]}` });
        return false;
      }
      const note = this.data.status !== 'draft' ? this.data.publishNote.trim() : '';
      try {
        this.show(await call('guide.save', { ...checked.input, ...saveTarget(editedRecord(this)), ...(note ? { note } : {}) }));
        return true;
      } catch (error) {
        this.refused(error);
        return false;
      }
    },

    run(work: () => Promise<void>): Promise<void> {
      return this.oneWrite(work, 'busy');
    },

    onSave() {
      void this.run(async () => {
        if (await this.save()) void wx.showToast({ title: '已保存', icon: 'success' });
      });
    },

    onPublish() {
      void this.run(async () => {
        if (!(await this.save())) return;
        const h = editedRecord(this);
        const note = this.data.publishNote.trim();
        try {
          this.show(await call('guide.publish', { id: h.id, version: h.version, ...(note ? { note } : {}) }));
          this.setData({ publishNote: '' });
          void wx.showToast({ title: '已发布', icon: 'success' });
        } catch (error) {
          this.refused(error);
        }
      });
    },

    onWithdraw() {
      const reason = this.data.withdrawText.trim();
      if (!reason) {
        this.setData({ formError: '请填写撤回原因' });
        return;
      }
      void this.run(async () => {
        const h = editedRecord(this);
        try {
          this.show(await call('guide.withdraw', { id: h.id, version: h.version, reason }));
          this.setData({ withdrawText: '' });
          void wx.showToast({ title: '已撤回', icon: 'success' });
        } catch (error) {
          this.refused(error);
        }
      });
    },
  },
});
