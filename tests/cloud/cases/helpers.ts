// Shared set-up of the case tests: the agency (catalogue, staff), a frozen clock on a known working day, and a
// submitted case in any status, reached through the actions as a person would.
import type { CaseView, SubmitRequest } from '../../../typings/api';
import type { Role } from '../../../typings/domain';
import { localCloud } from '../../../tools/local-cloud';
import { database, ok, seedCatalog, seedStaff } from '../../helpers/cloud';

export const CITIZEN = 'o_citizen_zhang';
export const OTHER_CITIZEN = 'o_citizen_li';
export const DISPATCHER = 'o_staff_dispatcher';
export const HANDLER = 'o_staff_handler_housing';
export const OTHER_HANDLER = 'o_staff_handler_transport';
export const SUPERVISOR = 'o_staff_supervisor';
export const ADMIN = 'o_staff_admin';

export const TEMPLATE = { caseStatus: 'tpl-case-status', assigned: 'tpl-staff-assigned', review: 'tpl-staff-review', due: 'tpl-staff-due', overdue: 'tpl-staff-overdue' };

/** Wednesday 25 November 2026, 10:00 in Shanghai. */
export const WEDNESDAY_10H = '2026-11-25T02:00:00.000Z';

export function at(iso: string): void {
  localCloud.clock.set(iso, { frozen: true });
}

const staff: Array<[string, Role[], string?]> = [
  [DISPATCHER, ['dispatcher']],
  [HANDLER, ['handler'], 'dept-housing'],
  [OTHER_HANDLER, ['handler'], 'dept-transport'],
  [SUPERVISOR, ['supervisor']],
  [ADMIN, ['admin']],
];

/** Catalogue, staff and subscribe templates; the clock frozen on a Wednesday morning. */
export async function setUpAgency(opts: { settings?: Record<string, unknown> } = {}): Promise<void> {
  at(WEDNESDAY_10H);
  await seedCatalog();
  for (const [openid, roles, dept] of staff) await seedStaff(openid, roles, dept);
  const fields = { title: 'thing1', status: 'phrase2', time: 'time3', note: 'thing4' };
  await localCloud.invoke(async () => {
    await database()
      .collection('settings')
      .doc('global')
      .set({
        data: {
          version: 1,
          subscribeTemplates: {
            caseStatus: { templateId: TEMPLATE.caseStatus, fields, page: 'pages/case/index' },
            staffAssigned: { templateId: TEMPLATE.assigned, fields, page: 'staff/case/index' },
            staffReview: { templateId: TEMPLATE.review, fields },
            staffDue: { templateId: TEMPLATE.due, fields },
            staffOverdue: { templateId: TEMPLATE.overdue, fields },
          },
          replyTemplates: [{ id: 'thanks', title: '感谢来信', text: '感谢您的来信，我们高度重视您反映的问题。' }],
          ...(opts.settings ?? {}),
        },
      });
  }, {});
}

let counter = 0;

export function submission(over: Partial<SubmitRequest> = {}): SubmitRequest {
  counter++;
  return {
    type: 'complaint',
    categoryId: 'cat-property',
    title: '小区电梯长期故障无人维修',
    content: '我住在幸福小区 3 栋，电梯已经坏了两个星期，物业一直推说在等配件，老人上下楼非常困难。',
    contactName: '张三',
    contactPhone: '13812345678',
    publishConsent: true,
    clientRequestId: `req-${Date.now()}-${counter}`,
    ...over,
  };
}

export async function submit(over: Partial<SubmitRequest> = {}, openid = CITIZEN): Promise<CaseView> {
  const { id } = await ok(openid, 'case.submit', submission(over));
  return ok(openid, 'case.get', { id });
}

/** A case accepted and assigned to the housing department (processing). */
export async function processingCase(over: Partial<SubmitRequest> = {}, openid = CITIZEN): Promise<CaseView> {
  const c = await submit(over, openid);
  return ok(DISPATCHER, 'case.accept', { id: c.id, version: c.version, departmentId: 'dept-housing' });
}

/** A case answered by the housing department (replied). */
export async function repliedCase(over: Partial<SubmitRequest> = {}, openid = CITIZEN): Promise<CaseView> {
  const c = await processingCase(over, openid);
  return ok(HANDLER, 'case.reply', { id: c.id, version: c.version, content: '经核查，物业已于今日更换电梯主板，电梯恢复运行。我局将督促物业建立定期检修制度。' });
}

export async function grant(openid: string, templateId = TEMPLATE.caseStatus, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await ok(openid, 'case.subscribe', { templateIds: [templateId] });
}

/** subscribeMessage.send calls made so far, to one person. */
export function sentTo(openid: string): Array<{ templateId: string; data: Record<string, { value: string }>; page?: string }> {
  return localCloud.openapi.calls
    .filter((c) => c.api === 'subscribeMessage.send' && !c.error && (c.args as { touser: string }).touser === openid)
    .map((c) => c.args as { templateId: string; data: Record<string, { value: string }>; page?: string });
}

export async function tick(): Promise<unknown> {
  const { main } = await import('../../../cloudfunctions/api/src');
  return localCloud.fireTimer(main, 'tick');
}

/** Reads a collection's documents matching `where` (test inspection; the filter must be indexed). */
export async function docs<T = Record<string, unknown>>(collection: string, where: Record<string, unknown>): Promise<T[]> {
  return localCloud.invoke(async () => {
    const { data } = await database().collection(collection).where(where).limit(1000).get();
    return data as T[];
  }, {});
}

export async function docById<T = Record<string, unknown>>(collection: string, id: string): Promise<T | null> {
  return localCloud.invoke(async () => {
    try {
      const { data } = await database().collection(collection).doc(id).get();
      return data as T;
    } catch {
      return null;
    }
  }, {});
}

export function count(collection: string): number {
  return localCloud.db.collectionSize(collection);
}
