// 管理: five sections, each a component of its own (sections/): invites (the code is shown once), staff (roles,
// department, disable; a paged list), departments and categories, and the settings a handler feels every day (reply
// review, reply templates); deadlines, the holiday calendar and subscribe messages are on their own page
// (staff/admin-settings). The page holds what the sections share: the catalog, the role and type labels and the form
// limits, all from meta.get; a section is mounted the first time it is opened, and stays, so what was typed in one
// survives a visit to another. Every rule is the server's.
import type { AdminFormLimits, LabelOption } from '../../../typings/api';
import type { CaseTypeInfo, Category, Department, Role } from '../../../typings/domain';
import { messageOf } from '../../services/api';
import { getMeta } from '../../services/session';
import { dataOf } from '../../utils/events';
import { definePage } from '../../utils/page';
import { categoryRows, NO_DEPARTMENT_LABEL, type CategoryRow } from './view-model';

type Section = 'invite' | 'staff' | 'departments' | 'categories' | 'settings';

const SECTIONS: ReadonlyArray<{ key: Section; label: string }> = [
  { key: 'invite', label: '邀请' },
  { key: 'staff', label: '人员' },
  { key: 'departments', label: '部门' },
  { key: 'categories', label: '类别' },
  { key: 'settings', label: '设置' },
];

const isSection = (key: string | undefined): key is Section => SECTIONS.some((s) => s.key === key);

definePage({
  data: {
    sections: SECTIONS,
    section: 'invite' as Section,
    /** The sections opened so far: mounted once, then only hidden. */
    visited: {} as Partial<Record<Section, boolean>>,
    /** The catalog has been read: the sections may show. */
    ready: false,
    error: '',
    roleOptions: [] as Array<LabelOption<Role>>,
    typeOptions: [] as CaseTypeInfo[],
    limits: null as AdminFormLimits | null,
    departments: [] as Department[],
    departmentNames: [] as string[],
    /** The category's department picker: index 0 is "none, the dispatcher routes". */
    catDepartmentNames: [] as string[],
    categories: [] as Category[],
    categoryRows: [] as CategoryRow[],
  },
  onLoad(query) {
    const section = isSection(query.section) ? query.section : 'invite';
    this.setData({ section, visited: { [section]: true } });
    void this.loadCatalog();
  },
  onShow() {
    // Back from 时限与通知设置, which saves settings too: the version the settings section read is no longer the stored one.
    if (this.data.ready && this.data.visited.settings) void this.selectComponent('#section-settings')?.loadSettings();
  },
  methods: {
    /** meta.get: the catalog, the labels and the limits every section uses. */
    async loadCatalog() {
      try {
        const meta = await getMeta();
        this.setData({
          ready: true,
          error: '',
          roleOptions: meta.vocabulary.roles,
          typeOptions: meta.types,
          limits: meta.formLimits.admin,
          departments: meta.departments,
          departmentNames: meta.departments.map((d) => d.name),
          catDepartmentNames: [NO_DEPARTMENT_LABEL, ...meta.departments.map((d) => d.name)],
          categories: meta.categories,
          categoryRows: categoryRows(meta.categories, meta.departments, meta.types),
        });
      } catch (error) {
        this.setData({ error: messageOf(error) });
      }
    },

    onSection(e: WechatMiniprogram.BaseEvent) {
      const section = dataOf(e, 'key');
      if (!isSection(section)) return;
      this.setData({ section, [`visited.${section}`]: true });
    },

    /** A department or category was saved (the session was dropped): read the catalog again. */
    onCatalogChange() {
      void this.loadCatalog();
    },
  },
});
