// 管理 › 部门: the departments and the contact citizens see (phone, address, hours, map position). A save changes the
// catalog: the section says so (`catalogchange`) and the page reads meta.get again.
import type { AdminFormLimits } from '../../../../../typings/api';
import type { Department } from '../../../../../typings/domain';
import { call } from '../../../../services/api';
import { defineComponent } from '../../../../utils/component';
import { dataOf, valueOf, type DetailEvent } from '../../../../utils/events';
import { contactForm, parseLocation, validateName } from '../../view-model';
import { adminWrite } from '../../write';

defineComponent({
  props: {
    departments: { type: Array, value: [] as Department[] },
    limits: { type: Object, value: null as AdminFormLimits | null },
  },
  data: {
    deptEditing: '',
    deptName: '',
    deptError: '',
    deptContact: { phone: '', address: '', hours: '', location: '' },
    deptErrors: {} as Record<string, string>,
  },
  methods: {
    onEditDept(e: WechatMiniprogram.BaseEvent) {
      const id = dataOf(e, 'id');
      const department = (this.data.departments as Department[]).find((d) => d.id === id);
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
      const limits = this.data.limits as AdminFormLimits | null;
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
      const saved = await adminWrite(this, () => call('admin.departments.save', payload), {
        done: '已保存',
        onFields: (f) =>
          this.setData({ deptError: f.name ?? '', deptErrors: { phone: f.phone ?? '', address: f.address ?? '', hours: f.hours ?? '', location: f['location.latitude'] ?? f['location.longitude'] ?? '' } }),
      });
      if (!saved) return;
      this.setData({ deptEditing: '' });
      this.triggerEvent('catalogchange');
    },
  },
});
