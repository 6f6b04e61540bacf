// Departments and categories: small, bounded collections the whole agency shares.
import type { Category, Department } from '../../../../typings/domain';
import { COLLECTIONS, db } from '../lib/db';
import { cached, invalidate } from '../lib/warm-cache';
import { runTransaction } from '../lib/transaction';
import { recordEvent, type NewAuditEvent } from './audit';

export interface DepartmentDoc {
  _id: string;
  name: string;
  phone?: string;
  address?: string;
  hours?: string;
  location?: { latitude: number; longitude: number };
  order?: number;
  disabled?: boolean;
}

/** The public shape of a department: contact fields only when there is something in them. */
export function departmentOf(d: DepartmentDoc): Department {
  const out: Department = { id: d._id, name: d.name };
  if (d.phone) out.phone = d.phone;
  if (d.address) out.address = d.address;
  if (d.hours) out.hours = d.hours;
  if (d.location) out.location = { ...d.location };
  return out;
}
export interface CategoryDoc {
  _id: string;
  name: string;
  /** Absent: no default department (其他/不确定), the dispatcher routes. */
  departmentId?: string;
  types: Category['types'];
  keywords?: string[];
  order?: number;
  disabled?: boolean;
}

/** The public shape of a category: optional fields only when there is something in them. */
export function categoryOf(c: CategoryDoc): Category {
  const out: Category = { id: c._id, name: c.name, types: c.types };
  if (c.departmentId) out.departmentId = c.departmentId;
  if (c.keywords?.length) out.keywords = c.keywords;
  return out;
}

const byOrder = (a: { order?: number }, b: { order?: number }) => (a.order ?? 0) - (b.order ?? 0);

export async function listDepartments(): Promise<Department[]> {
  return [...(await loadCatalogMaps()).departments.values()]
    .filter((d) => !d.disabled)
    .sort(byOrder)
    .map(departmentOf);
}

export async function listCategories(): Promise<Category[]> {
  return [...(await loadCatalogMaps()).categories.values()]
    .filter((c) => !c.disabled)
    .sort(byOrder)
    .map(categoryOf);
}

/** Every department and category by id, disabled ones included: old cases still name them. */
export interface CatalogMaps {
  departments: Map<string, DepartmentDoc>;
  categories: Map<string, CategoryDoc>;
}

const CATALOG_CACHE_KEY = 'catalog';

/** The catalog every request works with, kept by the warm instance for a few seconds (lib/warm-cache.ts). */
export function loadCatalogMaps(): Promise<CatalogMaps> {
  return cached(CATALOG_CACHE_KEY, readCatalogMaps);
}

/** The catalog as stored now: for the admin, who edits it. */
export async function readCatalogMaps(): Promise<CatalogMaps> {
  const [d, c] = await Promise.all([
    db.collection(COLLECTIONS.departments).limit(1000).get(),
    db.collection(COLLECTIONS.categories).limit(1000).get(),
  ]);
  return {
    departments: new Map((d.data as DepartmentDoc[]).map((x) => [x._id, x])),
    categories: new Map((c.data as CategoryDoc[]).map((x) => [x._id, x])),
  };
}

/** Saves a department and records `event` in the same transaction. */
export async function saveDepartment(doc: DepartmentDoc, event: NewAuditEvent): Promise<void> {
  const { _id, ...data } = doc;
  await runTransaction(async (tx) => {
    await tx.collection(COLLECTIONS.departments).doc(_id).set({ data });
    await recordEvent(tx, event);
  });
  invalidate(CATALOG_CACHE_KEY);
}

/** Saves a category and records `event` in the same transaction. */
export async function saveCategory(doc: CategoryDoc, event: NewAuditEvent): Promise<void> {
  const { _id, ...data } = doc;
  await runTransaction(async (tx) => {
    await tx.collection(COLLECTIONS.categories).doc(_id).set({ data });
    await recordEvent(tx, event);
  });
  invalidate(CATALOG_CACHE_KEY);
}
