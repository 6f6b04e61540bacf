import type { MetaGetResponse } from '../../../typings/api';

export interface TypeEntry {
  key: string;
  label: string;
  promise: string;
}

export interface DepartmentEntry {
  id: string;
  name: string;
  categories: string;
  phone: string;
  address: string;
  hours: string;
  location: { latitude: number; longitude: number } | null;
}

export interface HomeView {
  types: TypeEntry[];
  departments: DepartmentEntry[];
}

/** What the home page shows, from meta.get: each type with its promised answer time, each department with what it handles. */
export function homeView(meta: Pick<MetaGetResponse, 'types' | 'categories' | 'departments'>): HomeView {
  return {
    types: meta.types.map((t) => ({ key: t.key, label: t.label, promise: `${t.answerDays} 个工作日内答复` })),
    departments: meta.departments.map((d) => {
      const names = meta.categories.filter((c) => c.departmentId === d.id).map((c) => c.name);
      return {
        id: d.id,
        name: d.name,
        categories: names.length ? names.join('、') : '暂无受理类别',
        phone: d.phone ?? '',
        address: d.address ?? '',
        hours: d.hours ?? '',
        location: d.location ?? null,
      };
    }),
  };
}
