// 管理 › 人员: every staff member, a page at a time (behaviors/paged-list.ts), with roles, department and access
// edited in place. Each save carries the version read; a stale one (CONFLICT) reloads the list.
import type { LabelOption, StaffMember } from '../../../../../typings/api';
import type { Department, Role } from '../../../../../typings/domain';
import { pagedList, setUpPagedList } from '../../../../behaviors/paged-list';
import { call } from '../../../../services/api';
import { defineComponent } from '../../../../utils/component';
import { dataOf, valueOf, type DetailEvent } from '../../../../utils/events';
import { pageState } from '../../../../utils/page';
import { chosen, staffRow, toggle, type StaffRow } from '../../view-model';
import { adminWrite } from '../../write';

/** The members as read (their versions), by openid: the rows on screen carry only what they show. */
const own = pageState(() => ({ members: new Map<string, StaffMember>() }));

defineComponent({
  behaviors: [pagedList],
  props: {
    /** The server's role labels (meta.get). */
    roleOptions: { type: Array, value: [] as Array<LabelOption<Role>> },
    departments: { type: Array, value: [] as Department[] },
    departmentNames: { type: Array, value: [] as string[] },
  },
  data: {
    staff: [] as StaffRow[],
    editing: '',
    editRoles: [] as Role[],
    editRoleOn: {} as Record<string, boolean>,
    editDepartmentIndex: -1,
  },
  attached() {
    const { members } = own(this);
    setUpPagedList<StaffMember, StaffRow>(this, {
      key: 'staff',
      fetch: (paging) => call('admin.staff.list', paging),
      view: (m) => {
        members.set(m.openid, m);
        return staffRow(m, this.data.roleOptions as Array<LabelOption<Role>>);
      },
    });
    void this.reload();
  },
  methods: {
    onEditStaff(e: WechatMiniprogram.BaseEvent) {
      const openid = dataOf(e, 'openid');
      const m = own(this).members.get(openid);
      if (!m) return;
      const editing = this.data.editing === openid ? '' : openid;
      const departments = this.data.departments as Department[];
      this.setData({ editing, editRoles: m.roles, editRoleOn: chosen(m.roles), editDepartmentIndex: departments.findIndex((d) => d.id === m.departmentId) });
    },

    onEditRole(e: WechatMiniprogram.BaseEvent) {
      const roles = toggle(this.data.editRoles, dataOf(e, 'key') as Role);
      this.setData({ editRoles: roles, editRoleOn: chosen(roles) });
    },

    onEditDepartment(e: DetailEvent<unknown>) {
      this.setData({ editDepartmentIndex: Number(valueOf(e.detail)) });
    },

    async saveMember(openid: string, change: { roles?: Role[]; departmentId?: string | null; disabled?: boolean }, done: string) {
      const { members } = own(this);
      const m = members.get(openid);
      if (!m) return;
      const updated = await adminWrite(this, () => call('admin.staff.update', { openid, version: m.version, ...change }), {
        done,
        onConflict: () => void this.reload(false),
      });
      if (!updated) return;
      members.set(openid, updated);
      const index = this.data.staff.findIndex((r) => r.openid === openid);
      if (index >= 0) this.setData({ [`staff[${index}]`]: staffRow(updated, this.data.roleOptions as Array<LabelOption<Role>>), editing: '' });
    },

    async onSaveStaff() {
      const openid = this.data.editing;
      if (!openid) return;
      if (!this.data.editRoles.length) {
        void wx.showToast({ title: '请至少保留一个角色，或改为停用', icon: 'none' });
        return;
      }
      const department = (this.data.departments as Department[])[this.data.editDepartmentIndex];
      await this.saveMember(openid, { roles: this.data.editRoles, departmentId: department ? department.id : null }, '已保存');
    },

    async onToggleDisabled(e: WechatMiniprogram.BaseEvent) {
      const openid = dataOf(e, 'openid');
      const m = own(this).members.get(openid);
      if (!m) return;
      const disable = !m.disabled;
      const res = await wx.showModal({
        title: disable ? '停用工作人员' : '恢复工作人员',
        content: disable ? '停用后此人将不能进入工作台。确定停用吗？' : '恢复后此人可以按原角色进入工作台。确定恢复吗？',
        confirmText: disable ? '确定停用' : '确定恢复',
      });
      if (res.confirm) await this.saveMember(openid, { disabled: disable }, disable ? '已停用' : '已恢复');
    },
  },
});
