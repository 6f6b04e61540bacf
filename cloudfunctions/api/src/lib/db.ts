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
  /** The service guide (办事指南): items, their frozen published versions, the home page's pinned letters. */
  guideItems: 'guide_items',
  guideVersions: 'guide_versions',
  hotQuestions: 'hot_questions',
  surveys: 'surveys',
  surveyAnswers: 'survey_answers',
  surveyTallies: 'survey_tallies',
  surveyTexts: 'survey_texts',
  /** Server secrets made on first use (services/answer-key.ts); no client rule opens it. */
  secrets: 'secrets',
  announcements: 'announcements',
  announcementVersions: 'announcement_versions',
  /** Citizens following a department's announcements: `${departmentId}_${openid}`. */
  follows: 'follows',
  /** The message centre (消息): one document per message to one citizen (repositories/messages.ts). */
  messages: 'messages',
  /** The audit trail of every subject but the case timeline (repositories/audit.ts, docs/adr/0060-one-audit-trail.md). */
  auditEvents: 'audit_events',
  /** Export jobs of cases and statistics (repositories/exports.ts, docs/adr/0120-exports-as-batched-jobs.md). */
  exportJobs: 'export_jobs',
  /** Progress of the data back-fills, one document per back-fill (jobs/backfills.ts). */
  backfills: 'backfills',
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
