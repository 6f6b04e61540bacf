// 编辑办事事项 (editors): every field of a service-guide item as text (lists one entry a line), save, publish (with an
// update note once published), withdraw with a reason, and the published versions. Every write carries the version last
// read: a stale one gets CONFLICT, and the page says to reopen the item.
import type { GuideItem } from '../../../typings/api';
import { ApiCallError, call, messageOf } from '../../services/api';
import { getMeta } from '../../services/session';
import { dataOf, valueOf, type DetailEvent } from '../../utils/events';
import { randomId } from '../../utils/id';
import { definePage, pageState } from '../../utils/page';
import { formatFullDate } from '../../utils/time';
import { emptyGuideForm, errorsFromServer, formFromItem, toGuideInput, type GuideForm, type GuideFormErrors } from './form';

const own = pageState(() => ({ id: '', version: 0, clientRequestId: randomId(), busy: false }));

const CONFLICT_HINT = '（别人刚刚修改过这个事项，请返回列表重新打开后再改）';

definePage({
  data: {
    loading: true,
    error: '',
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
    own(this).id = query.id ?? '';
    void this.load();
  },
  methods: {
    async load() {
      const h = own(this);
      this.setData({ loading: true, error: '' });
      try {
        const [meta, item] = await Promise.all([getMeta(), h.id ? call('guide.get', { id: h.id }) : Promise.resolve(null)]);
        this.setData({
          categories: meta.vocabulary.guideCategories.map((c) => ({ key: c.key, label: c.label })),
          caseCategories: meta.categories.map((c) => ({ id: c.id, name: c.name })),
        });
        if (item) this.show(item);
        this.setData({ loading: false });
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) });
      }
    },

    show(item: GuideItem) {
      const h = own(this);
      h.id = item.id;
      h.version = item.version;
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

    onRetry() {
      void this.load();
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
      if (error instanceof ApiCallError) {
        this.setData({ errors: errorsFromServer(error.fields), formError: `${error.message}${error.code === 'CONFLICT' ? CONFLICT_HINT : ''}` });
      } else {
        this.setData({ formError: messageOf(error) });
      }
    },

    /** Saves the form; false (with the messages on screen) when it could not. */
    async save(): Promise<boolean> {
      const h = own(this);
      const checked = toGuideInput(this.data.form);
      if ('errors' in checked) {
        this.setData({ errors: checked.errors, formError: `请先修改标红的内容：${Object.values(checked.errors)[0]}` });
        return false;
      }
      const note = this.data.status !== 'draft' ? this.data.publishNote.trim() : '';
      const target = h.id ? { id: h.id, version: h.version } : { clientRequestId: h.clientRequestId };
      try {
        this.show(await call('guide.save', { ...checked.input, ...target, ...(note ? { note } : {}) }));
        return true;
      } catch (error) {
        this.refused(error);
        return false;
      }
    },

    async run(work: () => Promise<unknown>) {
      const h = own(this);
      if (h.busy) return;
      h.busy = true;
      this.setData({ busy: true });
      try {
        await work();
      } finally {
        h.busy = false;
        this.setData({ busy: false });
      }
    },

    onSave() {
      void this.run(async () => {
        if (await this.save()) void wx.showToast({ title: '已保存', icon: 'success' });
      });
    },

    onPublish() {
      void this.run(async () => {
        if (!(await this.save())) return;
        const h = own(this);
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
        const h = own(this);
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
