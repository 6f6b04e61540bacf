// 管理 › 邀请: an invite for a colleague (roles, department, days valid); the code is shown once and kept nowhere.
import type { AdminFormLimits, LabelOption } from '../../../../../typings/api';
import type { Department, Role } from '../../../../../typings/domain';
import { call } from '../../../../services/api';
import { defineComponent } from '../../../../utils/component';
import { dataOf, valueOf, type DetailEvent } from '../../../../utils/events';
import { formatDateTime } from '../../../../utils/time';
import { chosen, inviteRequest, toggle, validateInvite } from '../../view-model';
import { adminWrite } from '../../write';

const EMPTY = { roles: [] as Role[], departmentIndex: -1, expiresInDays: 7 };

defineComponent({
  props: {
    /** The server's role labels (meta.get). */
    roleOptions: { type: Array, value: [] as Array<LabelOption<Role>> },
    departments: { type: Array, value: [] as Department[] },
    departmentNames: { type: Array, value: [] as string[] },
    limits: { type: Object, value: null as AdminFormLimits | null },
  },
  data: {
    invite: EMPTY,
    /** WXML cannot call indexOf: each choice list also goes to the screen as a key -> chosen map. */
    inviteRoleOn: {} as Record<string, boolean>,
    inviteErrors: {} as Record<string, string>,
    inviteResult: null as null | { code: string; expires: string },
  },
  methods: {
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
      const limits = this.data.limits as AdminFormLimits | null;
      if (!limits) return;
      const { roles, departmentIndex, expiresInDays } = this.data.invite;
      const department = (this.data.departments as Department[])[departmentIndex];
      const { errors, request } = validateInvite({ roles, departmentId: department ? department.id : '', expiresInDays }, limits);
      if (!request) {
        this.setData({ inviteErrors: errors });
        return;
      }
      const res = await adminWrite(this, () => call('admin.invite', inviteRequest(request)), {
        done: '邀请码已生成',
        onFields: (fields) => this.setData({ inviteErrors: fields }),
      });
      if (res) this.setData({ inviteResult: { code: res.code, expires: formatDateTime(res.expiresAt) }, invite: EMPTY, inviteRoleOn: {} });
    },

    onCopyCode() {
      const result = this.data.inviteResult;
      if (result) void wx.setClipboardData({ data: result.code });
    },

    onInviteDone() {
      // The code is not kept anywhere: once dismissed it can only be replaced by a new invite.
      this.setData({ inviteResult: null });
    },
  },
});
