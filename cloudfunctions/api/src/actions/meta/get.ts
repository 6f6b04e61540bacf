import type { FormLimits, LabelOption, ResponseOf, Vocabulary } from '../../../../../typings/api';
import { AUDIT_SUBJECT_LABELS } from '../../domain/audit-labels';
import { QUEUE_FILTER_LABELS, REJECT_REASON_LABELS, ROLE_LABELS, SCORE_LABELS, STATUS_LABELS } from '../../domain/case-labels';
import { CASE_FORM_LIMITS, CASE_TEXT_LIMITS } from '../../domain/defaults';
import { ANNOUNCEMENT_STATUS_LABELS } from '../../domain/announcements/announcement';
import { EXPORT_FORMAT_LABELS, EXPORT_KIND_LABELS, EXPORT_PERIOD_LABELS } from '../../domain/exports';
import { GUIDE_CATEGORY_LABELS, GUIDE_STATUS_LABELS } from '../../domain/guide/item';
import { DECISION_LABEL, DRAFT_STATUS_LABEL, DRAFT_WINDOW_LIMITS } from '../../domain/policies/drafts';
import { POLICY_STATUS_LABELS } from '../../domain/policies/policy';
import { SURVEY_KIND_LABELS } from '../../domain/surveys';
import { defineAction } from '../../lib/action';
import { empty } from '../../lib/schema';
import { listCategories, listDepartments } from '../../repositories/catalog';
import { loadSettings } from '../../repositories/settings';
import { ADMIN_LIMITS, SETTING_RANGES } from '../admin/schemas';
import { LIMITS as POLICY_LIMITS } from '../policies/schemas';

function options<K extends string>(labels: Record<K, string>): Array<LabelOption<K>> {
  return (Object.keys(labels) as K[]).map((key) => ({ key, label: labels[key] }));
}

/** The server's words for its vocabulary; the pages show these and define none of their own. */
const VOCABULARY: Vocabulary = {
  statuses: options(STATUS_LABELS),
  rejectReasons: options(REJECT_REASON_LABELS),
  ratings: ([5, 4, 3, 2, 1] as const).map((key) => ({ key, label: SCORE_LABELS[key] })),
  roles: options(ROLE_LABELS),
  queueFilters: options(QUEUE_FILTER_LABELS),
  auditSubjects: options(AUDIT_SUBJECT_LABELS),
  guideCategories: options(GUIDE_CATEGORY_LABELS),
  surveyKinds: options(SURVEY_KIND_LABELS),
  exportKinds: options(EXPORT_KIND_LABELS),
  exportPeriods: options(EXPORT_PERIOD_LABELS),
  exportFormats: options(EXPORT_FORMAT_LABELS),
  announcementStatuses: options(ANNOUNCEMENT_STATUS_LABELS),
  guideStatuses: options(GUIDE_STATUS_LABELS),
  policyStatuses: options(POLICY_STATUS_LABELS),
  draftStatuses: options(DRAFT_STATUS_LABEL),
  decisions: options(DECISION_LABEL),
};

/** Every form's limits, as the schemas enforce them. */
const FORM_LIMITS: FormLimits = {
  case: CASE_FORM_LIMITS,
  policy: { ...POLICY_LIMITS, ...DRAFT_WINDOW_LIMITS },
  admin: ADMIN_LIMITS,
  settings: SETTING_RANGES,
};

/** Everything a form needs before the first keystroke: types, categories, departments, limits, the caller's roles. */
export const metaGet = defineAction<'meta.get'>({
  schema: empty(),
  async run(_input, { caller }) {
    const [settings, categories, departments] = await Promise.all([loadSettings(), listCategories(), listDepartments()]);
    const res: ResponseOf<'meta.get'> = {
      types: settings.caseTypes,
      categories,
      departments,
      limits: settings.limits,
      caseLimits: { ...CASE_TEXT_LIMITS, extensionMaxDays: settings.extensionMaxDays },
      formLimits: FORM_LIMITS,
      vocabulary: VOCABULARY,
      roles: caller.roles,
      hotline: settings.hotline,
    };
    const t = settings.subscribeTemplates;
    const subscribe: NonNullable<ResponseOf<'meta.get'>['subscribe']> = {};
    if (t.caseStatus?.templateId) subscribe.caseStatus = t.caseStatus.templateId;
    if (t.draftReport?.templateId) subscribe.draftReport = t.draftReport.templateId;
    if (t.cosignResponse?.templateId) subscribe.cosignResponse = t.cosignResponse.templateId;
    if (caller.isStaff) {
      res.replyTemplates = settings.replyTemplates;
      const staff = [t.staffAssigned, t.staffReview, t.staffDue, t.staffOverdue].map((x) => x?.templateId).filter((x): x is string => Boolean(x));
      if (staff.length > 0) subscribe.staff = [...new Set(staff)];
    }
    if (Object.keys(subscribe).length > 0) res.subscribe = subscribe;
    return res;
  },
});
