// 管理: invites (the code is shown once), staff (roles, department, disable), departments and categories, and the
// settings a handler feels every day (reply review, reply templates); deadlines, the holiday calendar and subscribe
// messages are on their own page (staff/admin-settings). Plain forms; every rule is the server's.
import type { AdminFormLimits, LabelOption, Page, ReplyTemplate, SettingsView, StaffMember } from '../../../typings/api';
import type { CaseType, CaseTypeInfo, Category, Department, Role } from '../../../typings/domain';
import { ApiCallError, call, messageOf } from '../../services/api';
import { getMeta, invalidateSession } from '../../services/session';
import { dataOf, valueOf, type DetailEvent } from '../../utils/events';
import { randomId } from '../../utils/id';
import { PagedList } from '../../utils/list';
import { definePage } from '../../utils/page';
import { formatDateTime } from '../../utils/time';
import {
  inviteRequest,
  removeTemplate,
  staffRow,
  chosen,
  toggle,
  NO_DEPARTMENT_LABEL,
  contactForm,
  parseLocation,
  parseKeywords,
  upsertTemplate,
  validateCategory,
  validateInvite,
  validateName,
  validateTemplate,
  type StaffRow,
} from './view-model';

type Section = 'invite' | 'staff' | 'departments' | 'categories' | 'settings';

const SECTIONS: ReadonlyArray<{ key: Section; label: string }> = [
  { key: 'invite', label: '邀请' },
  { key: 'staff', label: '人员' },
  { key: 'departments', label: '部门' },
  { key: 'categories', label: '类别' },
  { key: 'settings', label: '设置' },
];

interface Hidden {
  staff: PagedList<StaffMember, StaffRow, Page<StaffMember>>;
  members: Map<string, StaffMember>;
  settings: SettingsView | null;
  categories: Category[];
  /** The server's limits (meta.get formLimits.admin), read with the catalog. */
  limits: AdminFormLimits | null;
  busy: boolean;
}

const hidden = new WeakMap<object, Hidden>();

interface CategoryRow {
  id: string;
  name: string;
  department: string;
  keywords: string;
  types: string;
}

definePage({
  data: {
    sections: SECTIONS,
    section: 'invite' as Section,
    error: '',
    /** The server's role labels (meta.get). */
    roleOptions: [] as Array<LabelOption<Role>>,
    /** The case types in the server's words (meta.get). */
    typeOptions: [] as CaseTypeInfo[],
    departments: [] as Department[],
    departmentNames: [] as string[],
    categories: [] as CategoryRow[],

    invite: { roles: [] as Role[], departmentIndex: -1, expiresInDays: 7 },
    /** WXML cannot call indexOf: each choice list also goes to the screen as a key -> chosen map. */
    inviteRoleOn: {} as Record<string, boolean>,
    inviteErrors: {} as Record<string, string>,
    inviteResult: null as null | { code: string; expires: string },

    staff: [] as StaffRow[],
    staffLoading: false,
    staffHasMore: false,
    editing: '',
    editRoles: [] as Role[],
    editRoleOn: {} as Record<string, boolean>,
    editDepartmentIndex: -1,

    deptEditing: '',
    deptName: '',
    deptError: '',
    deptContact: { phone: '', address: '', hours: '', location: '' },
    deptErrors: {} as Record<string, string>,

    catEditing: '',
    /** The category's department picker: index 0 is "none, the dispatcher routes". */
    catDepartmentNames: [] as string[],
    catForm: { name: '', departmentIndex: -1, types: [] as CaseType[], keywords: '' },
    catTypeOn: {} as Record<string, boolean>,
    catErrors: {} as Record<string, string>,

    reviewReplies: false,
    templates: [] as ReplyTemplate[],
    tplEditing: '',
    tplForm: { title: '', text: '' },
    tplErrors: {} as Record<string, string>,
    settingsLoaded: false,
  },
  onLoad(query) {
    hidden.set(this, {
      staff: new PagedList<StaffMember, StaffRow, Page<StaffMember>>(
        'staff',
        (cursor) => call('admin.staff.list', { limit: 20, ...(cursor ? { cursor } : {}) }),
        (m) => {
          hidden.get(this)?.members.set(m.openid, m);
          return staffRow(m, this.data.roleOptions);
        },
      ),
      members: new Map(),
      settings: null,
      categories: [],
      limits: null,
      busy: false,
    });
    const section = SECTIONS.some((s) => s.key === query.section) ? (query.section as Section) : 'invite';
    this.setData({ section });
    // The staff list shows roles in the catalog's words: it waits for the catalog.
    void this.loadCatalog().then(() => this.enter(section));
  },
  onShow() {
    // Back from 时限与通知设置, which saves settings too: the version read here is no longer the stored one.
    if (this.data.settingsLoaded) void this.loadSettings();
  },
  methods: {
    async loadCatalog() {
      try {
        const meta = await getMeta();
        const h = hidden.get(this) as Hidden;
        h.categories = meta.categories;
        h.limits = meta.formLimits.admin;
        const typeLabels = new Map(meta.types.map((t) => [t.key, t.label]));
        const names = new Map(meta.departments.map((d) => [d.id, d.name]));
        this.setData({
          roleOptions: meta.vocabulary.roles,
          typeOptions: meta.types,
          departments: meta.departments,
          departmentNames: meta.departments.map((d) => d.name),
          catDepartmentNames: [NO_DEPARTMENT_LABEL, ...meta.departments.map((d) => d.name)],
          categories: meta.categories.map((c) => ({
            id: c.id,
            name: c.name,
            department: c.departmentId ? names.get(c.departmentId) ?? '' : '由受理员分派',
            keywords: c.keywords?.join('、') ?? '',
            types: c.types.map((t) => typeLabels.get(t) ?? t).join('、'),
          })),
        });
      } catch (error) {
        this.setData({ error: messageOf(error) });
      }
    },

    async enter(section: Section) {
      if (section === 'staff' && !this.data.staff.length) await this.reloadStaff();
      if (section === 'settings' && !this.data.settingsLoaded) await this.loadSettings();
    },

    onSection(e: WechatMiniprogram.BaseEvent) {
      const section = dataOf(e, 'key') as Section;
      this.setData({ section, error: '' });
      void this.enter(section);
    },

    /** Runs one admin write; shows the server's message (or its field messages) when it fails. */
    async run<T>(work: () => Promise<T>, done: string, onFields?: (fields: Record<string, string>) => void): Promise<T | null> {
      const h = hidden.get(this) as Hidden;
      if (h.busy) return null;
      h.busy = true;
      try {
        const result = await work();
        // Departments, categories and settings are part of meta.get: the next page reads them afresh.
        invalidateSession();
        void wx.showToast({ title: done, icon: 'success' });
        return result;
      } catch (error) {
        if (error instanceof ApiCallError && Object.keys(error.fields).length && onFields) onFields(error.fields);
        if (error instanceof ApiCallError && error.code === 'CONFLICT') void this.refreshAfterConflict();
        void wx.showToast({ title: messageOf(error), icon: 'none', duration: 3000 });
        return null;
      } finally {
        h.busy = false;
      }
    },

    async refreshAfterConflict() {
      await Promise.all([this.reloadStaff(), this.loadSettings(), this.loadCatalog()]);
    },

    // ---- invites ----
    onInviteRole(e: WechatMiniprogram.BaseEvent) {
      const roles = toggle(this.data.invite.roles, dataOf(e, 'key') as Role);
      this.setData({ 'invite.roles': roles, inviteRoleOn: chosen(roles), 'inviteErrors.roles': '' });
    },

    onInviteDepartment(e: DetailEvent<unknown>) {
      this.setData({ 'invite.departmentIndex': Number(valueOf(e.detail)), 'inviteErrors.departmentId': '' });
    },

    onInviteDays(e: DetailEvent<unknown>) {
      this.setData({ 'invite.expiresInDays': Number(valueOf(e.detail)), 'inviteErrors.expiresInDays': '' });
    },

    async onCreateInvite() {
      const { roles, departmentIndex, expiresInDays } = this.data.invite;
      const department = this.data.departments[departmentIndex];
      const limits = hidden.get(this)?.limits;
      if (!limits) return;
      const { errors, request } = validateInvite({ roles, departmentId: department ? department.id : '', expiresInDays }, limits);
      if (!request) {
        this.setData({ inviteErrors: errors });
        return;
      }
      const res = await this.run(() => call('admin.invite', inviteRequest(request)), '邀请码已生成', (fields) => this.setData({ inviteErrors: fields }));
      if (res) {
        this.setData({
          inviteResult: { code: res.code, expires: formatDateTime(res.expiresAt) },
          invite: { roles: [], departmentIndex: -1, expiresInDays: 7 },
          inviteRoleOn: {},
        });
      }
    },

    onCopyCode() {
      const result = this.data.inviteResult;
      if (result) void wx.setClipboardData({ data: result.code });
    },

    onInviteDone() {
      // The code is not kept anywhere: once dismissed it can only be replaced by a new invite.
      this.setData({ inviteResult: null });
    },

    // ---- staff ----
    async reloadStaff() {
      const h = hidden.get(this) as Hidden;
      h.staff.reset();
      h.members.clear();
      this.setData({ staff: [], staffLoading: true, staffHasMore: false });
      await this.moreStaff();
    },

    async moreStaff() {
      const h = hidden.get(this) as Hidden;
      try {
        const page = await h.staff.next();
        if (page) this.setData({ ...page.patch, staffLoading: false, staffHasMore: !page.done });
      } catch (error) {
        this.setData({ staffLoading: false, error: messageOf(error) });
      }
    },

    onMoreStaff() {
      void this.moreStaff();
    },

    onEditStaff(e: WechatMiniprogram.BaseEvent) {
      const openid = dataOf(e, 'openid');
      const m = hidden.get(this)?.members.get(openid);
      if (!m) return;
      const editing = this.data.editing === openid ? '' : openid;
      this.setData({ editing, editRoles: m.roles, editRoleOn: chosen(m.roles), editDepartmentIndex: this.data.departments.findIndex((d) => d.id === m.departmentId) });
    },

    onEditRole(e: WechatMiniprogram.BaseEvent) {
      const roles = toggle(this.data.editRoles, dataOf(e, 'key') as Role);
      this.setData({ editRoles: roles, editRoleOn: chosen(roles) });
    },

    onEditDepartment(e: DetailEvent<unknown>) {
      this.setData({ editDepartmentIndex: Number(valueOf(e.detail)) });
    },

    async saveMember(openid: string, change: { roles?: Role[]; departmentId?: string | null; disabled?: boolean }, done: string) {
      const h = hidden.get(this) as Hidden;
      const m = h.members.get(openid);
      if (!m) return;
      const updated = await this.run(() => call('admin.staff.update', { openid, version: m.version, ...change }), done);
      if (!updated) return;
      h.members.set(openid, updated);
      const index = this.data.staff.findIndex((r) => r.openid === openid);
      if (index >= 0) this.setData({ [`staff[${index}]`]: staffRow(updated, this.data.roleOptions), editing: '' });
    },

    async onSaveStaff() {
      const openid = this.data.editing;
      if (!openid) return;
      if (!this.data.editRoles.length) {
        void wx.showToast({ title: '请至少保留一个角色，或改为停用', icon: 'none' });
        return;
      }
      const department = this.data.departments[this.data.editDepartmentIndex];
      await this.saveMember(openid, { roles: this.data.editRoles, departmentId: department ? department.id : null }, '已保存');
    },

    async onToggleDisabled(e: WechatMiniprogram.BaseEvent) {
      const openid = dataOf(e, 'openid');
      const m = hidden.get(this)?.members.get(openid);
      if (!m) return;
      const disable = !m.disabled;
      const res = await wx.showModal({
        title: disable ? '停用工作人员' : '恢复工作人员',
        content: disable ? '停用后此人将不能进入工作台。确定停用吗？' : '恢复后此人可以按原角色进入工作台。确定恢复吗？',
        confirmText: disable ? '确定停用' : '确定恢复',
      });
      if (res.confirm) await this.saveMember(openid, { disabled: disable }, disable ? '已停用' : '已恢复');
    },

    // ---- departments ----
    onEditDept(e: WechatMiniprogram.BaseEvent) {
      const id = dataOf(e, 'id');
      const department = this.data.departments.find((d) => d.id === id);
      this.setData({ deptEditing: id || 'new', deptName: department ? department.name : '', deptError: '', deptContact: contactForm(department ?? {}), deptErrors: {} });
    },

    onDeptContact(e: DetailEvent<unknown>) {
      const field = dataOf(e, 'field');
      this.setData({ [`deptContact.${field}`]: valueOf(e.detail), [`deptErrors.${field}`]: '' });
    },

    onDeptName(e: DetailEvent<unknown>) {
      this.setData({ deptName: valueOf(e.detail), deptError: '' });
    },

    onCancelDept() {
      this.setData({ deptEditing: '', deptError: '' });
    },

    async onSaveDept() {
      const limits = hidden.get(this)?.limits;
      if (!limits) return;
      const error = validateName(this.data.deptName, '部门', limits);
      if (error) {
        this.setData({ deptError: error });
        return;
      }
      const contact = this.data.deptContact;
      const location = parseLocation(contact.location);
      if (typeof location === 'string') {
        this.setData({ deptErrors: { location } });
        return;
      }
      const id = this.data.deptEditing === 'new' ? undefined : this.data.deptEditing;
      const payload = { ...(id ? { id } : {}), name: this.data.deptName.trim(), phone: contact.phone.trim(), address: contact.address.trim(), hours: contact.hours.trim(), location };
      const saved = await this.run(() => call('admin.departments.save', payload), '已保存', (f) =>
        this.setData({ deptError: f.name ?? '', deptErrors: { phone: f.phone ?? '', address: f.address ?? '', hours: f.hours ?? '', location: f['location.latitude'] ?? f['location.longitude'] ?? '' } }),
      );
      if (!saved) return;
      this.setData({ deptEditing: '' });
      await this.loadCatalog();
    },

    // ---- categories ----
    onEditCat(e: WechatMiniprogram.BaseEvent) {
      const id = dataOf(e, 'id');
      const c = hidden.get(this)?.categories.find((x) => x.id === id);
      const catForm = c
        ? { name: c.name, departmentIndex: c.departmentId ? this.data.departments.findIndex((d) => d.id === c.departmentId) + 1 : 0, types: c.types, keywords: (c.keywords ?? []).join('、') }
        : { name: '', departmentIndex: -1, types: this.data.typeOptions.map((t) => t.key), keywords: '' };
      this.setData({ catEditing: id || 'new', catForm, catTypeOn: chosen(catForm.types), catErrors: {} });
    },

    onCatName(e: DetailEvent<unknown>) {
      this.setData({ 'catForm.name': valueOf(e.detail), 'catErrors.name': '' });
    },

    onCatDepartment(e: DetailEvent<unknown>) {
      this.setData({ 'catForm.departmentIndex': Number(valueOf(e.detail)), 'catErrors.departmentId': '' });
    },

    onCatKeywords(e: DetailEvent<unknown>) {
      this.setData({ 'catForm.keywords': valueOf(e.detail), 'catErrors.keywords': '' });
    },

    onCatType(e: WechatMiniprogram.BaseEvent) {
      const types = toggle(this.data.catForm.types, dataOf(e, 'key') as CaseType);
      this.setData({ 'catForm.types': types, catTypeOn: chosen(types), 'catErrors.types': '' });
    },

    onCancelCat() {
      this.setData({ catEditing: '', catErrors: {} });
    },

    async onSaveCat() {
      const { name, departmentIndex, types } = this.data.catForm;
      const keywords = parseKeywords(this.data.catForm.keywords);
      const department = departmentIndex > 0 ? this.data.departments[departmentIndex - 1] : undefined;
      const id = this.data.catEditing === 'new' ? '' : this.data.catEditing;
      const form = { id, name, departmentId: departmentIndex === 0 ? null : department ? department.id : '', types };
      const limits = hidden.get(this)?.limits;
      if (!limits) return;
      const errors = validateCategory(form, limits, keywords);
      if (Object.keys(errors).length) {
        this.setData({ catErrors: errors });
        return;
      }
      const saved = await this.run(
        () => call('admin.categories.save', { ...(id ? { id } : {}), name: name.trim(), departmentId: form.departmentId || null, types, keywords }),
        '已保存',
        (f) => this.setData({ catErrors: f }),
      );
      if (!saved) return;
      this.setData({ catEditing: '' });
      await this.loadCatalog();
    },

    // ---- settings ----
    async loadSettings() {
      try {
        const settings = await call('admin.settings.get', {});
        this.applySettings(settings);
      } catch (error) {
        this.setData({ error: messageOf(error) });
      }
    },

    applySettings(settings: SettingsView) {
      (hidden.get(this) as Hidden).settings = settings;
      this.setData({ settingsLoaded: true, reviewReplies: settings.reviewReplies, templates: settings.replyTemplates });
    },

    async updateSettings(change: { reviewReplies?: boolean; replyTemplates?: ReplyTemplate[] }, done: string): Promise<boolean> {
      const settings = hidden.get(this)?.settings;
      if (!settings) return false;
      const saved = await this.run(() => call('admin.settings.update', { version: settings.version, ...change }), done);
      if (saved) this.applySettings(saved);
      return Boolean(saved);
    },

    async onReview(e: DetailEvent<boolean>) {
      const on = Boolean(e.detail);
      if (!(await this.updateSettings({ reviewReplies: on }, on ? '已开启答复审核' : '已关闭答复审核'))) {
        // The switch shows what the server holds, not what was tapped.
        this.setData({ reviewReplies: hidden.get(this)?.settings?.reviewReplies ?? false });
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
      const { title, text } = this.data.tplForm;
      const limits = hidden.get(this)?.limits;
      if (!limits) return;
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
