// Setup for the case pages' tests and the bench, through the real actions as the right people.
import type { SubmitRequest } from '../../typings/api';
import { ok, seedStaff } from './cloud';

export const CASE_STATUS_TEMPLATE = 'TPL_case_status_local';

/** Configures the citizen's status-change subscribe template, as the admin does in settings. */
export async function configureCaseStatusTemplate(adminOpenid = 'o_test_admin'): Promise<string> {
  await seedStaff(adminOpenid, ['admin']);
  const settings = await ok(adminOpenid, 'admin.settings.get', {});
  await ok(adminOpenid, 'admin.settings.update', {
    version: settings.version,
    subscribeTemplates: {
      ...settings.subscribeTemplates,
      caseStatus: { templateId: CASE_STATUS_TEMPLATE, fields: { title: 'thing1', status: 'phrase2', time: 'time3', note: 'thing4' } },
    },
  });
  return CASE_STATUS_TEMPLATE;
}

/** Raises the daily submission limit (the default is 5 per citizen), for tests that need many cases. */
export async function allowSubmissions(perDay: number, adminOpenid = 'o_test_admin'): Promise<void> {
  await seedStaff(adminOpenid, ['admin']);
  const settings = await ok(adminOpenid, 'admin.settings.get', {});
  await ok(adminOpenid, 'admin.settings.update', { version: settings.version, submissionsPerDay: perDay });
}

let seq = 0;

/** A case submitted by `citizen` through case.submit. */
export async function submitCase(citizen: string, over: Partial<SubmitRequest> = {}) {
  seq += 1;
  return ok(citizen, 'case.submit', {
    type: 'complaint',
    categoryId: 'cat-property',
    title: `楼道灯不亮 ${seq}`,
    content: '三单元楼道灯坏了一个多月，晚上上下楼很不方便，请尽快维修。',
    publishConsent: true,
    clientRequestId: `seed-request-${Date.now().toString(36)}-${seq}`,
    ...over,
  });
}

export const DISPATCHER = 'o_test_dispatcher';
export const HANDLER = 'o_test_handler';
export const SUPERVISOR = 'o_test_supervisor';

/** The staff a case needs on its way: a dispatcher, a handler of dept-housing and a supervisor. */
export async function seedCaseStaff(): Promise<void> {
  await seedStaff(DISPATCHER, ['dispatcher']);
  await seedStaff(HANDLER, ['handler'], 'dept-housing');
  await seedStaff(SUPERVISOR, ['supervisor']);
}

/** submitted -> accepted -> processing in `departmentId`, as the dispatcher does in two steps. */
export async function acceptAndAssign(id: string, departmentId = 'dept-housing') {
  let c = await ok(DISPATCHER, 'case.get', { id });
  c = await ok(DISPATCHER, 'case.accept', { id, version: c.version });
  return ok(DISPATCHER, 'case.assign', { id, version: c.version, departmentId });
}

/** A handler's answer on a case in processing. */
export async function replyTo(id: string, content = '经核实，物业已于今日更换楼道灯，请您留意。') {
  const c = await ok(HANDLER, 'case.get', { id });
  return ok(HANDLER, 'case.reply', { id, version: c.version, content });
}
