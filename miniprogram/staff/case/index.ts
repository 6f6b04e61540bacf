// Case handling: the full case as staff see it (contact unmasked for the handler, internal notes in the timeline) and
// every action the server allows now (`can`), one form at a time. Every write carries the version read; when someone
// else changed the case first (CONFLICT) the page reloads it, keeps what was typed and says so.
import type { CaseView, LabelOption, RejectReason } from '../../../typings/api';
import { caseDetail, caseRecord } from '../../behaviors/case-detail';
import { ApiCallError, call, messageOf } from '../../services/api';
import { getMeta } from '../../services/session';
import { dataOf, valueOf, type DetailEvent } from '../../utils/events';
import { formDraft, type FormDraft } from '../../utils/form-draft';
import { definePage, pageState } from '../../utils/page';
import { STAFF_COMMANDS, type ActionContext } from './commands';
import {
  actionPayload,
  availableActions,
  cosignResponseError,
  emptyForm,
  formSpec,
  staffCaseView,
  type ActionForm,
  type StaffAction,
  type StaffCaseView,
} from './view-model';

/** An open action form as typed: kept on the phone per case, so a reply half-written survives 返回 or a crash. */
interface ActionDraft {
  active: StaffAction;
  form: ActionForm;
}

/**
 * What the forms check before sending, from meta.get (the server's limits, the admin's extension maximum, the
 * templates), and the open form's local draft.
 */
const own = pageState(() => ({ context: null as ActionContext | null, draft: null as FormDraft<ActionDraft> | null, cosignResponseMax: 0 }));

const LEAVE_MESSAGE = '填写的内容还没有提交，已保存在本机，下次打开这条留言可以接着写。确定离开吗？';

definePage({
  behaviors: [caseDetail],
  data: {
    c: null as StaffCaseView | null,
    actions: [] as Array<{ key: StaffAction; label: string }>,
    active: '' as StaffAction | '',
    spec: formSpec(''),
    form: emptyForm(),
    formErrors: {} as Record<string, string>,
    departments: [] as Array<{ id: string; name: string }>,
    departmentNames: [] as string[],
    departmentIndex: -1,
    templateNames: [] as string[],
    templateIndex: -1,
    reasons: [] as Array<LabelOption<RejectReason>>,
    extensionMaxDays: 0,
    cosignText: '',
    cosignError: '',
  },
  methods: {
    async load() {
      const read = await this.readCase(() => getMeta());
      if (!read) return;
      const [c, meta] = read;
      const templates = meta.replyTemplates ?? [];
      own(this).context = { ...meta.caseLimits, templates };
      own(this).cosignResponseMax = meta.formLimits.case.cosignResponseMax;
      this.setData({
        reasons: meta.vocabulary.rejectReasons,
        extensionMaxDays: meta.caseLimits.extensionMaxDays,
        departments: meta.departments.map((d) => ({ id: d.id, name: d.name })),
        departmentNames: meta.departments.map((d) => d.name),
        templateNames: templates.map((t) => t.title),
      });
      this.show(c, false);
      this.restoreDraft();
    },

    /** Opens the action form left half-filled on this case last time, if that action is still allowed. */
    restoreDraft() {
      const draft = formDraft<ActionDraft>({ key: `case-action:${caseRecord(this).id}`, message: LEAVE_MESSAGE });
      own(this).draft = draft;
      const kept = draft.restore();
      if (!kept || this.data.active || !this.data.actions.some((a) => a.key === kept.form.active)) return;
      const { active, form } = kept.form;
      draft.start({ active, form: this.data.form });
      draft.update({ active, form });
      this.setData({ active, spec: formSpec(active), form, departmentIndex: this.indexOfDepartment(form.departmentId), notice: `已恢复您上次没提交的“${STAFF_COMMANDS[active].label}”内容` });
    },

    /** Called after every change to the open form. */
    keepDraft() {
      const active = this.data.active;
      if (active) own(this).draft?.update({ active, form: this.data.form });
    },

    /** Puts a case on screen; `keepForm` leaves an open form as typed (after a conflict). */
    show(c: CaseView, keepForm: boolean) {
      caseRecord(this).version = c.version;
      const { view, timeline } = staffCaseView(c);
      const actions = availableActions(c.can);
      const active = keepForm && actions.some((a) => a.key === this.data.active) ? this.data.active : '';
      const patch: Record<string, unknown> = { loading: false, error: '', c: view, timeline, actions };
      if (!active) {
        const form = emptyForm(c);
        Object.assign(patch, { active: '', spec: formSpec(''), form, formErrors: {}, departmentIndex: this.indexOfDepartment(form.departmentId), templateIndex: -1 });
      } else if (active !== this.data.active) {
        patch.active = active;
      }
      this.setData(patch);
    },

    indexOfDepartment(id: string): number {
      return this.data.departments.findIndex((d) => d.id === id);
    },

    onAction(e: WechatMiniprogram.BaseEvent) {
      const key = dataOf(e, 'key') as StaffAction;
      const active = this.data.active === key ? '' : key;
      const c = this.data.c;
      const form = emptyForm(c ? { departmentId: c.departmentId, suggestedDepartmentId: c.suggestedDepartmentId } : undefined);
      this.setData({ active, spec: formSpec(active), form, formErrors: {}, departmentIndex: this.indexOfDepartment(form.departmentId), templateIndex: -1, notice: '' });
      // Another form opened (or this one closed): what was typed in the previous one is given up deliberately.
      own(this).draft?.clear();
      if (active) own(this).draft?.start({ active, form });
    },

    onCancel() {
      own(this).draft?.clear();
      this.setData({ active: '', spec: formSpec(''), formErrors: {} });
    },

    onFormField(e: DetailEvent<unknown>) {
      const field = dataOf(e, 'field') as keyof ActionForm;
      this.setData({ [`form.${field}`]: valueOf(e.detail), [`formErrors.${field}`]: '' });
      this.keepDraft();
    },

    onDepartment(e: DetailEvent<unknown>) {
      const index = Number(valueOf(e.detail));
      const department = this.data.departments[index];
      if (!department) return;
      this.setData({ departmentIndex: index, 'form.departmentId': department.id, 'formErrors.departmentId': '' });
      this.keepDraft();
    },

    onReason(e: WechatMiniprogram.BaseEvent) {
      this.setData({ 'form.reason': dataOf(e, 'key'), 'formErrors.reason': '' });
      this.keepDraft();
    },

    onApprove(e: WechatMiniprogram.BaseEvent) {
      this.setData({ 'form.approve': dataOf(e, 'value'), 'formErrors.approve': '' });
      this.keepDraft();
    },

    onDays(e: DetailEvent<unknown>) {
      this.setData({ 'form.days': Number(valueOf(e.detail)), 'formErrors.days': '' });
      this.keepDraft();
    },

    onPublishable(e: DetailEvent<boolean>) {
      this.setData({ 'form.publishable': Boolean(e.detail) });
      this.keepDraft();
    },

    onTemplate(e: DetailEvent<unknown>) {
      const template = own(this).context?.templates[Number(valueOf(e.detail))];
      if (!template) return;
      // The template fills the answer; the handler is expected to make it fit this case before sending.
      this.setData({ templateIndex: Number(valueOf(e.detail)), 'form.templateId': template.id, 'form.content': template.text, 'formErrors.content': '' });
      this.keepDraft();
    },

    async onSubmitAction() {
      const action = this.data.active;
      const ctx = own(this).context;
      if (!action || !ctx || caseRecord(this).busy) return;
      const result = actionPayload(action, this.data.form, ctx);
      if (!result.payload) {
        this.setData({ formErrors: result.errors });
        return;
      }
      const c = await this.writeCase(`case.${action}`, result.payload, {
        onConflict: async () => {
          this.setData({ notice: '这条留言刚被其他人更新，已为您刷新。您填写的内容还在，请核对后再提交。' });
          void wx.showToast({ title: '留言已被他人更新，已刷新', icon: 'none', duration: 3000 });
          await this.reloadKeepingForm();
        },
        onError: (error) => {
          this.setData({ formErrors: error instanceof ApiCallError ? error.fields : {} });
          void wx.showToast({ title: messageOf(error), icon: 'none', duration: 3000 });
        },
      });
      if (!c) return;
      own(this).draft?.clear();
      this.show(c, false);
      this.setData({ notice: `已完成：${STAFF_COMMANDS[action].label}` });
      void wx.showToast({ title: '已完成', icon: 'success' });
    },

    async reloadKeepingForm() {
      try {
        this.show(await call('case.get', { id: caseRecord(this).id }), true);
      } catch (error) {
        this.setData({ error: messageOf(error) });
      }
    },

    onCosignText(e: DetailEvent<unknown>) {
      this.setData({ cosignText: String(valueOf(e.detail) ?? ''), cosignError: '' });
    },

    /** Publishes the agency's response to the co-signers (the server records it and notifies them). */
    async onRespondCosign() {
      const error = cosignResponseError(this.data.cosignText, own(this).cosignResponseMax);
      if (error) {
        this.setData({ cosignError: error });
        return;
      }
      const c = await this.writeCase('case.respondCosign', { content: this.data.cosignText.trim() }, {
        onConflict: async () => {
          this.setData({ notice: '这条留言刚被其他人更新，已为您刷新。您填写的回应还在，请核对后再提交。' });
          await this.reloadKeepingForm();
        },
        onError: (err) => {
          this.setData({ cosignError: messageOf(err) });
        },
      });
      if (!c) return;
      this.show(c, false);
      this.setData({ cosignText: '', notice: '已发布附议回应，附议的市民将收到通知' });
      void wx.showToast({ title: '已发布回应', icon: 'success' });
    },

    onCall() {
      const phone = this.data.c?.contactPhone;
      if (phone && this.data.c?.canCall) void wx.makePhoneCall({ phoneNumber: phone });
    },
  },
});
