// 管理 › 设置: whether replies need a supervisor's review and the reply templates handlers start from; the links to
// 时限与通知设置 and 操作记录. Settings are versioned: a save carries the version read, a stale one reads them again.
import type { AdminFormLimits, ReplyTemplate, SettingsView } from '../../../../../typings/api';
import { call, messageOf } from '../../../../services/api';
import { defineComponent } from '../../../../utils/component';
import { dataOf, valueOf, type DetailEvent } from '../../../../utils/events';
import { randomId } from '../../../../utils/id';
import { pageState } from '../../../../utils/page';
import { removeTemplate, upsertTemplate, validateTemplate } from '../../view-model';
import { adminWrite } from '../../write';

/** The settings as read, with their version: what the next save is checked against. */
const own = pageState(() => ({ settings: null as SettingsView | null }));

defineComponent({
  props: {
    limits: { type: Object, value: null as AdminFormLimits | null },
  },
  data: {
    error: '',
    settingsLoaded: false,
    reviewReplies: false,
    templates: [] as ReplyTemplate[],
    tplEditing: '',
    tplForm: { title: '', text: '' },
    tplErrors: {} as Record<string, string>,
  },
  attached() {
    void this.loadSettings();
  },
  methods: {
    /** Reads the settings afresh (the page calls it when shown again: 时限与通知设置 saves settings too). */
    async loadSettings() {
      try {
        this.applySettings(await call('admin.settings.get', {}));
      } catch (error) {
        this.setData({ error: messageOf(error) });
      }
    },

    applySettings(settings: SettingsView) {
      own(this).settings = settings;
      this.setData({ error: '', settingsLoaded: true, reviewReplies: settings.reviewReplies, templates: settings.replyTemplates });
    },

    async updateSettings(change: { reviewReplies?: boolean; replyTemplates?: ReplyTemplate[] }, done: string): Promise<boolean> {
      const settings = own(this).settings;
      if (!settings) return false;
      const saved = await adminWrite(this, () => call('admin.settings.update', { version: settings.version, ...change }), {
        done,
        onConflict: () => void this.loadSettings(),
      });
      if (saved) this.applySettings(saved);
      return Boolean(saved);
    },

    async onReview(e: DetailEvent<boolean>) {
      const on = Boolean(e.detail);
      if (!(await this.updateSettings({ reviewReplies: on }, on ? '已开启答复审核' : '已关闭答复审核'))) {
        // The switch shows what the server holds, not what was tapped.
        this.setData({ reviewReplies: own(this).settings?.reviewReplies ?? false });
      }
    },

    onOpenSettings() {
      void wx.navigateTo({ url: '/staff/admin-settings/index' });
    },

    onOpenAudit() {
      void wx.navigateTo({ url: '/staff/audit/index' });
    },

    onEditTpl(e: WechatMiniprogram.BaseEvent) {
      const id = dataOf(e, 'id');
      const t = this.data.templates.find((x) => x.id === id);
      this.setData({ tplEditing: id || 'new', tplForm: t ? { title: t.title, text: t.text } : { title: '', text: '' }, tplErrors: {} });
    },

    onTplField(e: DetailEvent<unknown>) {
      const field = dataOf(e, 'field');
      this.setData({ [`tplForm.${field}`]: valueOf(e.detail), [`tplErrors.${field}`]: '' });
    },

    onCancelTpl() {
      this.setData({ tplEditing: '', tplErrors: {} });
    },

    async onSaveTpl() {
      const limits = this.data.limits as AdminFormLimits | null;
      if (!limits) return;
      const { title, text } = this.data.tplForm;
      const errors = validateTemplate(title, text, limits);
      if (Object.keys(errors).length) {
        this.setData({ tplErrors: errors });
        return;
      }
      const id = this.data.tplEditing === 'new' ? randomId() : this.data.tplEditing;
      const list = upsertTemplate(this.data.templates, { id, title: title.trim(), text: text.trim() });
      if (await this.updateSettings({ replyTemplates: list }, '模板已保存')) this.setData({ tplEditing: '' });
    },

    async onDeleteTpl(e: WechatMiniprogram.BaseEvent) {
      const id = dataOf(e, 'id');
      const res = await wx.showModal({ title: '删除模板', content: '确定删除这个答复模板吗？', confirmText: '删除' });
      if (res.confirm) await this.updateSettings({ replyTemplates: removeTemplate(this.data.templates, id) }, '模板已删除');
    },
  },
});
