// 管理 › 类别: the categories citizens choose from, each with its default department (or none: the dispatcher
// routes), the case types it takes and the keywords that suggest it. A save changes the catalog: the section says so
// (`catalogchange`) and the page reads meta.get again.
import type { AdminFormLimits } from '../../../../../typings/api';
import type { CaseType, CaseTypeInfo, Category, Department } from '../../../../../typings/domain';
import { call } from '../../../../services/api';
import { defineComponent } from '../../../../utils/component';
import { dataOf, valueOf, type DetailEvent } from '../../../../utils/events';
import { chosen, parseKeywords, toggle, validateCategory, type CategoryRow } from '../../view-model';
import { adminWrite } from '../../write';

defineComponent({
  props: {
    /** The catalog's categories as stored (meta.get) and as listed. */
    categories: { type: Array, value: [] as Category[] },
    rows: { type: Array, value: [] as CategoryRow[] },
    departments: { type: Array, value: [] as Department[] },
    /** The department picker: index 0 is "none, the dispatcher routes". */
    catDepartmentNames: { type: Array, value: [] as string[] },
    /** The case types in the server's words (meta.get). */
    typeOptions: { type: Array, value: [] as CaseTypeInfo[] },
    limits: { type: Object, value: null as AdminFormLimits | null },
  },
  data: {
    catEditing: '',
    catForm: { name: '', departmentIndex: -1, types: [] as CaseType[], keywords: '' },
    catTypeOn: {} as Record<string, boolean>,
    catErrors: {} as Record<string, string>,
  },
  methods: {
    onEditCat(e: WechatMiniprogram.BaseEvent) {
      const id = dataOf(e, 'id');
      const departments = this.data.departments as Department[];
      const c = (this.data.categories as Category[]).find((x) => x.id === id);
      const catForm = c
        ? { name: c.name, departmentIndex: c.departmentId ? departments.findIndex((d) => d.id === c.departmentId) + 1 : 0, types: c.types, keywords: (c.keywords ?? []).join('、') }
        : { name: '', departmentIndex: -1, types: (this.data.typeOptions as CaseTypeInfo[]).map((t) => t.key), keywords: '' };
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
      const limits = this.data.limits as AdminFormLimits | null;
      if (!limits) return;
      const { name, departmentIndex, types } = this.data.catForm;
      const keywords = parseKeywords(this.data.catForm.keywords);
      const department = departmentIndex > 0 ? (this.data.departments as Department[])[departmentIndex - 1] : undefined;
      const id = this.data.catEditing === 'new' ? '' : this.data.catEditing;
      const form = { id, name, departmentId: departmentIndex === 0 ? null : department ? department.id : '', types };
      const errors = validateCategory(form, limits, keywords);
      if (Object.keys(errors).length) {
        this.setData({ catErrors: errors });
        return;
      }
      const saved = await adminWrite(
        this,
        () => call('admin.categories.save', { ...(id ? { id } : {}), name: name.trim(), departmentId: form.departmentId || null, types, keywords }),
        { done: '已保存', onFields: (f) => this.setData({ catErrors: f }) },
      );
      if (!saved) return;
      this.setData({ catEditing: '' });
      this.triggerEvent('catalogchange');
    },
  },
});
