// 时限与通知设置, reached from 管理 → 设置: deadlines and limits, the holiday calendar, subscribe-message templates.
// One form over the three tabs; nothing is stored until 保存, which sends only what changed with the version read. On
// CONFLICT the page reads the settings again and keeps the admin's own changes over them (form.ts `rebase`).
import type { SettingsView } from '../../../typings/api';
import { ApiCallError, call, messageOf } from '../../services/api';
import { getMeta, invalidateSession } from '../../services/session';
import { dataOf, valueOf, type DetailEvent } from '../../utils/events';
import { definePage, pageState } from '../../utils/page';
import { calendarDateOf } from '../../utils/time';
import {
  addDay,
  checkForm,
  checkHotline,
  checkNumbers,
  checkTemplate,
  errorsFromServer,
  errorView,
  firstKey,
  isDirty,
  kindFields,
  kindInfo,
  numberGroups,
  noErrors,
  rebase,
  removeDay,
  SECTIONS,
  sectionOf,
  settingsForm,
  settingsPatch,
  TEMPLATE_KINDS,
  yearDays,
  yearOptions,
  type DayList,
  type Section,
  type SettingsForm,
  type SettingsRules,
  type TemplateKind,
} from './form';

/** The settings as last read (every save carries its version) and whether a save is running. */
const state = pageState(() => ({ base: null as SettingsView | null, busy: false, served: null as Omit<SettingsRules, 'types'> | null }));

/** The checks' rules: the settings' case types and what meta.get serves; null before both are read. */
function rulesOf(page: object): SettingsRules | null {
  const { base, served } = state(page);
  return base && served ? { types: base.caseTypes, ...served } : null;
}

const thisYear = (): number => Number(calendarDateOf(Date.now()).slice(0, 4));

/** WeChat asks before the page is left by 返回 while there are unsaved changes (where the base library can). */
function askBeforeLeaving(on: boolean): void {
  if (typeof wx.enableAlertBeforeUnload !== 'function' || !wx.canIUse('enableAlertBeforeUnload')) return;
  if (on) wx.enableAlertBeforeUnload({ message: '有尚未保存的设置修改，离开后不会保存。确定离开吗？' });
  else wx.disableAlertBeforeUnload();
}

function emptyForm(): SettingsForm {
  return settingsForm({
    version: 0,
    caseTypes: [],
    acceptDays: 0,
    extensionMaxDays: 0,
    ratingReminderDays: 0,
    autoCloseDays: 0,
    submissionsPerDay: 0,
    cosignThreshold: 0,
    cosignsPerDay: 0,
    hotline: '',
    reviewReplies: false,
    retentionDays: 0,
    calendar: { holidays: [], workdays: [] },
    replyTemplates: [],
    subscribeTemplates: {},
  });
}

definePage({
  data: {
    loading: true,
    error: '',
    sections: SECTIONS,
    section: 'deadlines' as Section,
    /** The number fields, the case types in the server's words: set with the settings. */
    groups: [] as ReturnType<typeof numberGroups>,
    kinds: TEMPLATE_KINDS,
    form: emptyForm(),
    errors: noErrors(),
    /** The first thing to fix, or why the save failed, under the save button. */
    formError: '',
    /** After a CONFLICT: what happened, in words. */
    notice: '',
    dirty: false,
    saving: false,

    year: 0,
    years: yearOptions({ holidays: [], workdays: [] }, thisYear()),
    days: yearDays({ holidays: [], workdays: [] }, thisYear()),

    /** WXML would read the braces as a binding. */
    keywordExample: '{{thing1.DATA}}',
    openKind: '',
    openFields: [] as ReturnType<typeof kindFields>,
    kindSet: {} as Record<string, boolean>,
  },
  onLoad(query) {
    const section = SECTIONS.some((s) => s.key === query.section) ? (query.section as Section) : 'deadlines';
    this.setData({ section, year: thisYear() });
    void this.load();
  },
  methods: {
    async load() {
      try {
        const [settings, meta] = await Promise.all([call('admin.settings.get', {}), getMeta()]);
        const { dayListMax, hotlineMax } = meta.formLimits.admin;
        state(this).served = { ranges: meta.formLimits.settings, dayListMax, hotlineMax };
        this.show(settings);
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) });
      }
    },

    onRetry() {
      this.setData({ loading: true, error: '' });
      void this.load();
    },

    /** Puts settings on screen: `form` when the admin's changes are kept over them, else the settings as read. */
    show(settings: SettingsView, form: SettingsForm = settingsForm(settings)) {
      state(this).base = settings;
      const rules = rulesOf(this);
      this.setData({ loading: false, error: '', groups: rules ? numberGroups(rules) : [], form, errors: noErrors(), formError: '', kindSet: this.kindSet(form) });
      this.markDirty(isDirty(settings, form));
      this.refreshCalendar();
      if (this.data.openKind) this.setData({ openFields: kindFields(this.data.openKind as TemplateKind, form.templates[this.data.openKind as TemplateKind]) });
    },

    kindSet(form: SettingsForm): Record<string, boolean> {
      return Object.fromEntries(TEMPLATE_KINDS.map((k) => [k.kind, form.templates[k.kind].templateId.trim() !== '']));
    },

    refreshDirty() {
      const base = state(this).base;
      this.setData({ formError: '' });
      this.markDirty(base ? isDirty(base, this.data.form) : false);
    },

    markDirty(dirty: boolean) {
      if (dirty !== this.data.dirty) askBeforeLeaving(dirty);
      this.setData({ dirty });
    },

    onSection(e: WechatMiniprogram.BaseEvent) {
      this.setData({ section: dataOf(e, 'key') as Section });
    },

    // ---- deadlines and limits ----
    onNumber(e: DetailEvent<unknown>) {
      this.setData({ [`form.numbers.${dataOf(e, 'key')}`]: valueOf(e.detail) });
      // The whole group again: autoCloseDays is checked against ratingReminderDays.
      const rules = rulesOf(this);
      if (rules) this.setData({ 'errors.numbers': errorView(checkNumbers(this.data.form.numbers, rules)).numbers });
      this.refreshDirty();
    },

    onHotline(e: DetailEvent<unknown>) {
      const hotline = valueOf(e.detail);
      this.setData({ 'form.hotline': hotline, 'errors.hotline': checkHotline(hotline, state(this).served?.hotlineMax ?? Infinity) });
      this.refreshDirty();
    },

    // ---- the holiday calendar ----
    refreshCalendar() {
      const { form, year } = this.data;
      this.setData({ years: yearOptions(form, thisYear()), days: yearDays(form, year) });
    },

    onYear(e: WechatMiniprogram.BaseEvent) {
      this.setData({ year: Number(dataOf(e, 'year')), 'errors.calendar': '' });
      this.refreshCalendar();
    },

    onAddDay(e: DetailEvent<unknown>) {
      const list = dataOf(e, 'list') as DayList;
      const served = state(this).served;
      if (!served) return;
      const result = addDay(this.data.form, list, valueOf(e.detail), served.dayListMax);
      if ('error' in result) {
        this.setData({ 'errors.calendar': result.error });
        return;
      }
      this.setData({ [`form.${list}`]: result.days, 'errors.calendar': '' });
      this.refreshCalendar();
      this.refreshDirty();
    },

    onRemoveDay(e: WechatMiniprogram.BaseEvent) {
      const list = dataOf(e, 'list') as DayList;
      this.setData({ [`form.${list}`]: removeDay(this.data.form[list], dataOf(e, 'date')), 'errors.calendar': '' });
      this.refreshCalendar();
      this.refreshDirty();
    },

    // ---- subscribe-message templates ----
    onKind(e: WechatMiniprogram.BaseEvent) {
      const kind = dataOf(e, 'kind') as TemplateKind;
      const open = this.data.openKind === kind ? '' : kind;
      this.setData({ openKind: open, openFields: open ? kindFields(kind, this.data.form.templates[kind]) : [] });
    },

    /** Writes values of the open template (paths inside it) and checks that template again. */
    setTemplate(changes: Record<string, unknown>) {
      const kind = this.data.openKind as TemplateKind;
      if (!kindInfo(kind)) return;
      this.setData(Object.fromEntries(Object.entries(changes).map(([path, value]) => [`form.templates.${kind}.${path}`, value])));
      const t = this.data.form.templates[kind];
      this.setData({ [`errors.templates.${kind}`]: errorView(checkTemplate(kind, t)).templates[kind], [`kindSet.${kind}`]: t.templateId.trim() !== '' });
      this.refreshDirty();
    },

    onTemplateId(e: DetailEvent<unknown>) {
      this.setTemplate({ templateId: valueOf(e.detail) });
    },

    onKeyword(e: DetailEvent<unknown>) {
      this.setTemplate({ [`fields.${dataOf(e, 'field')}`]: valueOf(e.detail) });
    },

    onLongTerm(e: DetailEvent<boolean>) {
      this.setTemplate({ longTerm: Boolean(e.detail) });
    },

    /** Empties the open template: that kind of message is no longer sent (once saved). */
    onClearTemplate() {
      const fields = Object.keys(this.data.form.templates[this.data.openKind as TemplateKind]?.fields ?? {});
      this.setTemplate({ templateId: '', longTerm: false, ...Object.fromEntries(fields.map((f) => [`fields.${f}`, ''])) });
    },

    // ---- save ----
    async onSave() {
      const st = state(this);
      const rules = rulesOf(this);
      if (st.busy || !st.base || !rules) return;
      const form = this.data.form;
      const errors = checkForm(form, rules);
      if (Object.keys(errors).length) {
        this.showErrors(errors, '');
        return;
      }
      const patch = settingsPatch(st.base, form);
      if (!Object.keys(patch).length) {
        this.markDirty(false);
        void wx.showToast({ title: '没有需要保存的修改', icon: 'none' });
        return;
      }
      st.busy = true;
      this.setData({ saving: true, formError: '', notice: '' });
      try {
        this.show(await call('admin.settings.update', { version: st.base.version, ...patch }));
        // Limits, templates and deadlines are part of meta.get: the next page reads them afresh.
        invalidateSession();
        void wx.showToast({ title: '设置已保存', icon: 'success' });
      } catch (error) {
        if (error instanceof ApiCallError && error.code === 'CONFLICT') await this.reloadAfterConflict();
        else if (error instanceof ApiCallError && Object.keys(error.fields).length) this.showErrors(errorsFromServer(error.fields, st.base), error.message);
        else {
          this.setData({ formError: messageOf(error) });
          void wx.showToast({ title: messageOf(error), icon: 'none', duration: 3000 });
        }
      } finally {
        st.busy = false;
        this.setData({ saving: false });
      }
    },

    /** Every message next to its field; the tab of the first one opens, and the message is said under the button. */
    showErrors(errors: Record<string, string>, message: string) {
      const first = firstKey(errors);
      const view = errorView(errors);
      const section = sectionOf(first);
      const kind = first.startsWith('templates.') ? (first.split('.')[1] as TemplateKind) : '';
      this.setData({ errors: view, section, formError: message || `请先修改标红的内容：${errors[first]}` });
      if (kind && this.data.openKind !== kind) this.setData({ openKind: kind, openFields: kindFields(kind, this.data.form.templates[kind]) });
    },

    async reloadAfterConflict() {
      const st = state(this);
      try {
        const theirs = await call('admin.settings.get', {});
        const { form, overridden } = rebase(st.base as SettingsView, this.data.form, theirs);
        this.show(theirs, form);
        this.setData({
          notice: `其他管理员刚刚保存了设置，已重新载入。您的修改仍在页面上（尚未保存），请核对后再点“保存”。${
            overridden.length ? `以下项目对方也改了，已改为对方的设置：${overridden.join('、')}。` : ''
          }`,
        });
        void wx.showToast({ title: '设置已被他人修改，已重新载入', icon: 'none', duration: 3000 });
      } catch (error) {
        this.setData({ formError: messageOf(error) });
      }
    },

    async onDiscard() {
      const base = state(this).base;
      if (!base || !this.data.dirty) return;
      const res = await wx.showModal({ title: '放弃修改', content: '确定放弃尚未保存的修改吗？', confirmText: '放弃修改' });
      if (res.confirm) {
        this.show(base);
        this.setData({ notice: '' });
      }
    },
  },
});
