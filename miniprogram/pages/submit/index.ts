// 我要留言: type, category, title and content with counters, images, optional contact, publish consent; validated on
// the phone with the limits from meta.get, then sent once (clientRequestId makes a retry answer the same case).
import type { MetaGetResponse } from '../../../typings/api';
import type { CaseType } from '../../../typings/domain';
import { ApiCallError, call, messageOf } from '../../services/api';
import { getMe, getMeta } from '../../services/session';
import { watchPrivacy } from '../../services/privacy';
import { caseStatusTemplate, requestSubscribe } from '../../services/subscribe';
import { uploadCaseImage } from '../../services/upload';
import { dataOf, valueOf, type DetailEvent } from '../../utils/events';
import { randomId } from '../../utils/id';
import { suggestCategory, type Suggestion } from '../../utils/category-suggest';
import { formDraft, type FormDraft } from '../../utils/form-draft';
import { decodeQuery } from '../../utils/query';
import { definePage, pageState } from '../../utils/page';
import {
  categoriesFor,
  counter,
  draftFieldsOf,
  draftHasContent,
  draftKey,
  draftKeysFor,
  linkOf,
  formFromDraft,
  errorsFromServer,
  hasErrors,
  initialForm,
  toSubmitRequest,
  typeOptions,
  validateSubmit,
  type FormImage,
  type SubmitErrors,
  type SubmitForm,
  type DraftFields,
  type TypeOption,
} from './form';

type TextField = 'title' | 'content' | 'contactName' | 'contactPhone';

interface Hidden {
  meta: MetaGetResponse | null;
  openid: string;
  clientRequestId: string;
  busy: boolean;
  query: Record<string, string | undefined>;
  /** The form as the page opened it: a draft is what differs from it. */
  start: SubmitForm | null;
  draft: FormDraft<DraftFields> | null;
}

/** What the page keeps for itself: nothing here is rendered, so it stays out of setData. */
const own = pageState<Hidden>(() => ({ meta: null, openid: '', clientRequestId: randomId(), busy: false, query: {}, start: null, draft: null }));

const LEAVE_MESSAGE = '留言还没有提交。已写的内容会保存在本机，下次打开“我要留言”可以接着写。确定离开吗？';

function submitDraft(type: string, policyId?: string): FormDraft<DraftFields> {
  return formDraft<DraftFields>({ key: draftKey(type, policyId), message: LEAVE_MESSAGE, hasContent: draftHasContent });
}

interface CategoryOption {
  id: string;
  name: string;
}

type FormData = Omit<SubmitForm, 'images' | 'policyId' | 'guideItemId'>;

const EMPTY_FORM: FormData = { type: '', categoryId: '', title: '', content: '', contactName: '', contactPhone: '', publishConsent: false };

definePage({
  data: {
    loading: true,
    error: '',
    types: [] as TypeOption[],
    categories: [] as CategoryOption[],
    categoryNames: [] as string[],
    categoryIndex: -1,
    /** From meta.get; the form shows only once they are read. */
    limits: { titleMax: 0, contentMax: 0, imagesMax: 0 },
    form: EMPTY_FORM,
    policyLinked: false,
    guideLinked: false,
    images: [] as FormImage[],
    titleCounter: { text: '0/50', over: false },
    contentCounter: { text: '0/2000', over: false },
    errors: {} as SubmitErrors,
    formError: '',
    submitting: false,
    privacyShow: false,
    result: null as null | { id: string; trackingNo: string; promiseText: string },
    /** A half-written message from last time was put back. */
    draftRestored: false,
    /** The category the title's words point to, offered when it is not the one chosen. */
    suggestion: null as Suggestion | null,
  },
  onLoad(query) {
    own(this).query = decodeQuery(query);
    void this.load();
  },
  onShow() {
    watchPrivacy(() => this.setData({ privacyShow: true }));
  },
  onShareAppMessage() {
    const result = this.data.result;
    // The receipt: the number in the title, the case behind the link (it opens for the citizen who sent it).
    if (result) return { title: `我的留言编号 ${result.trackingNo}：${result.promiseText}`, path: `/pages/case/index?id=${encodeURIComponent(result.id)}` };
    return { title: '民声：我要留言', path: '/pages/submit/index' };
  },
  methods: {
    async load() {
      this.setData({ loading: true, error: '' });
      try {
        const [meta, me] = await Promise.all([getMeta(), getMe()]);
        const h = own(this);
        h.meta = meta;
        h.openid = me.openid;
        const start = initialForm(h.query, meta);
        this.fill(start, this.latestDraft(start, meta));
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) });
      }
    },

    /** The newest kept draft this entry may bring back (the 投诉 entry: the complaint draft; the tab: any type's). */
    latestDraft(start: SubmitForm, meta: MetaGetResponse): DraftFields | null {
      let latest: { form: DraftFields; savedAt: number } | null = null;
      for (const key of draftKeysFor(start, meta)) {
        const kept = formDraft<DraftFields>({ key, message: LEAVE_MESSAGE }).restore();
        if (kept && (!latest || kept.savedAt > latest.savedAt)) latest = kept;
      }
      return latest?.form ?? null;
    },

    /** Puts a whole form on screen (first load, "再写一条"), with the draft kept from last time laid over it. */
    fill(start: SubmitForm, kept: DraftFields | null = null) {
      const h = own(this);
      const meta = h.meta as MetaGetResponse;
      const form = kept ? formFromDraft(kept, start, meta) : start;
      const { images: _images, policyId, guideItemId, ...fields } = form;
      h.start = start;
      h.draft = submitDraft(fields.type, linkOf(form));
      h.draft.start(draftFieldsOf(start));
      if (kept) h.draft.update(draftFieldsOf(form));
      this.setData({
        loading: false,
        types: typeOptions(meta),
        limits: { titleMax: meta.limits.titleMax, contentMax: meta.limits.contentMax, imagesMax: meta.limits.imagesMax },
        form: fields,
        policyLinked: Boolean(policyId),
        guideLinked: Boolean(guideItemId),
        images: [],
        errors: {},
        formError: '',
        result: null,
        titleCounter: counter(fields.title, meta.limits.titleMax),
        contentCounter: counter(fields.content, meta.limits.contentMax),
        draftRestored: Boolean(kept),
        suggestion: this.suggestionFor(fields.title, fields.type, fields.categoryId),
        ...this.categoryData(fields.type, fields.categoryId),
      });
    },

    /** Keeps the form as typed so far (and asks before 返回 loses it); a changed type moves it to that type's draft. */
    keepDraft() {
      const h = own(this);
      if (!h.draft || !h.start) return;
      const fields = draftFieldsOf(this.data.form);
      const key = draftKey(fields.type, linkOf(h.start));
      if (h.draft.key !== key) {
        h.draft.clear();
        h.draft = submitDraft(fields.type, linkOf(h.start));
        h.draft.start(draftFieldsOf(h.start));
      }
      h.draft.update(fields);
    },

    onDiscardDraft() {
      const h = own(this);
      if (!h.start) return;
      h.draft?.clear();
      this.fill(h.start);
    },

    categoryData(type: string, categoryId: string) {
      const meta = own(this).meta as MetaGetResponse;
      const categories = categoriesFor(meta.categories, type).map((c) => ({ id: c.id, name: c.name }));
      return { categories, categoryNames: categories.map((c) => c.name), categoryIndex: categories.findIndex((c) => c.id === categoryId) };
    },

    suggestionFor(title: string, type: string, categoryId: string): Suggestion | null {
      const meta = own(this).meta;
      const suggestion = meta ? suggestCategory(title, meta.categories, type) : null;
      return suggestion && suggestion.id !== categoryId ? suggestion : null;
    },

    onUseSuggestion() {
      const suggestion = this.data.suggestion;
      if (!suggestion) return;
      const data = this.categoryData(this.data.form.type, suggestion.id);
      this.setData({ 'form.categoryId': suggestion.id, 'errors.categoryId': '', suggestion: null, ...data });
      this.keepDraft();
    },

    onRetry() {
      void this.load();
    },

    onType(e: WechatMiniprogram.BaseEvent) {
      const type = dataOf(e, 'key') as CaseType;
      const data = this.categoryData(type, this.data.form.categoryId);
      // A category that does not take this type is cleared rather than silently kept.
      const categoryId = data.categoryIndex >= 0 ? this.data.form.categoryId : '';
      const suggestion = this.suggestionFor(this.data.form.title, type, categoryId);
      this.setData({ 'form.type': type, 'form.categoryId': categoryId, 'errors.type': '', suggestion, ...data });
      this.keepDraft();
    },

    onCategory(e: DetailEvent<{ value: string | number }>) {
      const index = Number(valueOf(e.detail));
      const category = this.data.categories[index];
      if (!category) return;
      this.setData({ 'form.categoryId': category.id, categoryIndex: index, 'errors.categoryId': '', suggestion: this.suggestionFor(this.data.form.title, this.data.form.type, category.id) });
      this.keepDraft();
    },

    onField(e: DetailEvent<string | { value?: unknown }>) {
      const field = dataOf(e, 'field') as TextField;
      const value = valueOf(e.detail);
      const patch: Record<string, unknown> = { [`form.${field}`]: value };
      if (this.data.errors[field]) patch[`errors.${field}`] = '';
      if (field === 'title') {
        patch.titleCounter = counter(value, this.data.limits.titleMax);
        patch.suggestion = this.suggestionFor(String(value), this.data.form.type, this.data.form.categoryId);
      }
      if (field === 'content') patch.contentCounter = counter(value, this.data.limits.contentMax);
      this.setData(patch);
      this.keepDraft();
    },

    onConsent(e: DetailEvent<boolean>) {
      this.setData({ 'form.publishConsent': Boolean(e.detail) });
      this.keepDraft();
    },

    onAfterRead(e: WechatMiniprogram.CustomEvent<{ file: WechatMiniprogram.IAnyObject | WechatMiniprogram.IAnyObject[] }>) {
      const files = Array.isArray(e.detail.file) ? e.detail.file : [e.detail.file];
      const room = this.data.limits.imagesMax - this.data.images.length;
      const patch: Record<string, FormImage> = {};
      const added: FormImage[] = [];
      for (const file of files.slice(0, Math.max(0, room))) {
        const url = String(file.url ?? file.tempFilePath ?? '');
        if (!url) continue;
        const image: FormImage = { key: randomId(), url, status: 'uploading' };
        patch[`images[${this.data.images.length + added.length}]`] = image;
        added.push(image);
      }
      if (!added.length) return;
      this.setData({ ...patch, 'errors.images': '' });
      for (const image of added) void this.upload(image);
    },

    async upload(image: FormImage) {
      let update: Partial<FormImage>;
      try {
        update = { fileID: await uploadCaseImage(own(this).openid, image.url), status: 'done' };
      } catch {
        update = { status: 'failed' };
      }
      // The citizen may have deleted images meanwhile: find this one by its key.
      const index = this.data.images.findIndex((i) => i.key === image.key);
      if (index < 0) return;
      this.setData({ [`images[${index}]`]: { ...this.data.images[index], ...update } });
    },

    onDeleteImage(e: WechatMiniprogram.BaseEvent) {
      const index = Number(dataOf(e, 'index'));
      const images = this.data.images.filter((_, i) => i !== index);
      this.setData({ images, 'errors.images': '' });
    },

    onPreviewImage(e: WechatMiniprogram.BaseEvent) {
      const index = Number(dataOf(e, 'index'));
      const urls = this.data.images.map((i) => i.url);
      void wx.previewImage({ urls, current: urls[index] });
    },

    onPrivacyClose() {
      this.setData({ privacyShow: false });
    },

    onReadPrivacy() {
      void wx.navigateTo({ url: '/pages/privacy/index' });
    },

    onSubmit() {
      const h = own(this);
      if (h.busy || !h.meta) return;
      const form: SubmitForm = { ...this.data.form, images: this.data.images, ...(h.query.policyId ? { policyId: h.query.policyId } : {}), ...(h.query.guideItemId ? { guideItemId: h.query.guideItemId } : {}) };
      const errors = validateSubmit(form, h.meta);
      if (hasErrors(errors)) {
        this.setData({ errors, formError: '还有内容需要修改，请看红字提示' });
        return;
      }
      h.busy = true;
      // WeChat accepts the subscribe request only inside the tap: ask before the first await.
      const subscribing = requestSubscribe([caseStatusTemplate(h.meta)]);
      this.setData({ submitting: true, errors: {}, formError: '' });
      void this.send(form, subscribing);
    },

    async send(form: SubmitForm, subscribing: Promise<string[]>) {
      const h = own(this);
      try {
        const subscribed = await subscribing;
        const res = await call('case.submit', toSubmitRequest(form, h.clientRequestId, subscribed));
        // The next form is a new submission; this one's id stays with the case it made.
        h.clientRequestId = randomId();
        h.draft?.clear();
        this.setData({ submitting: false, result: { id: res.id, trackingNo: res.trackingNo, promiseText: res.promiseText } });
        void wx.pageScrollTo({ scrollTop: 0, duration: 0 });
      } catch (error) {
        const { errors, other } = error instanceof ApiCallError ? errorsFromServer(error.fields) : { errors: {}, other: [] };
        const message = hasErrors(errors) && !other.length ? '还有内容需要修改，请看红字提示' : other[0] || messageOf(error);
        this.setData({ submitting: false, errors, formError: message });
        void wx.showToast({ title: message, icon: 'none', duration: 3000 });
      } finally {
        h.busy = false;
      }
    },

    onCopyNo() {
      const result = this.data.result;
      if (result) void wx.setClipboardData({ data: result.trackingNo });
    },

    onOpenCase() {
      const result = this.data.result;
      if (result) void wx.redirectTo({ url: `/pages/case/index?id=${encodeURIComponent(result.id)}` });
    },

    onAnother() {
      const h = own(this);
      if (!h.meta) return;
      h.query = {};
      this.fill(initialForm({ type: this.data.form.type }, h.meta));
    },
  },
});
