import * as cloud from 'wx-server-sdk';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

/** The cloud database, shared by every repository. */
export const db = cloud.database();
export const _ = db.command;

/** Collection names; each is declared, with its indexes, in database/indexes.json. */
export const COLLECTIONS = {
  settings: 'settings',
  departments: 'departments',
  categories: 'categories',
  users: 'users',
  cases: 'cases',
  caseEvents: 'case_events',
  caseStats: 'case_stats',
  caseDaily: 'case_daily',
  caseWeekly: 'case_weekly',
  caseMonthly: 'case_monthly',
  counters: 'counters',
  invites: 'invites',
  notifications: 'notifications',
  subscriptions: 'subscriptions',
  letters: 'letters',
  policies: 'policies',
  policyVersions: 'policy_versions',
  favorites: 'favorites',
  drafts: 'drafts',
  draftComments: 'draft_comments',
  cosigns: 'cosigns',
  /** The audit trail of every subject but the case timeline (repositories/audit.ts, docs/adr/0060-one-audit-trail.md). */
  auditEvents: 'audit_events',
} as const;

/** The SDK answers `doc().get()` on a missing document by throwing; repositories want `null`. */
export function isNotFound(error: unknown): boolean {
  const msg = (error as { errMsg?: string; message?: string } | null)?.errMsg ?? (error as Error | null)?.message ?? '';
  return /does not exist/.test(msg);
}

/** One document by id, or null when there is none. */
export async function findById<T>(collection: string, id: string): Promise<T | null> {
  try {
    const { data } = await db.collection(collection).doc(id).get();
    return data as T;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}
