// Shared set-up of the policy and draft tests: people, a valid policy and draft, the clock, and direct reads of what
// the function stored (to prove that a refused request stored nothing).
import type { RequestOf } from '../../../typings/api';
import { localCloud } from '../../../tools/local-cloud';
import { callAs, database, ok, seedCatalog, seedStaff } from '../../helpers/cloud';

export const EDITOR = 'o_policy_editor';
export const ADMIN = 'o_policy_admin';
export const HANDLER = 'o_case_handler';
export const CITIZEN = 'o_citizen_zhang';
export const CITIZEN_B = 'o_citizen_li';

/** Monday 2026-03-02 09:00 Shanghai. */
export const T0 = '2026-03-02T01:00:00.000Z';

export function at(instant: string): void {
  localCloud.clock.set(instant, { frozen: true });
}

/** Moves the frozen clock on (events of one record are ordered by time, as they are in use). */
export function tick(ms = 60_000): void {
  at(new Date(localCloud.clock.now().getTime() + ms).toISOString());
}

export async function setUp(): Promise<void> {
  at(T0);
  await seedCatalog();
  await seedStaff(EDITOR, ['editor']);
  await seedStaff(ADMIN, ['admin']);
  await seedStaff(HANDLER, ['handler'], 'dept-housing');
}

export function policyInput(over: Partial<RequestOf<'policy.save'>> = {}): RequestOf<'policy.save'> {
  return {
    title: '关于进一步加强住宅小区物业管理的若干意见',
    docNo: '京政办发〔2026〕12号',
    issuer: '北京市人民政府办公厅',
    categoryId: 'cat-property',
    issuedAt: '2026-02-20',
    effectiveFrom: '2026-03-01',
    expiresAt: '2028-03-01',
    paragraphs: ['为规范住宅小区物业管理活动，维护业主和物业服务企业的合法权益，制定本意见。', '物业服务企业应当公示收费项目和标准，接受业主监督。'],
    explanation: { background: '近年来物业服务投诉增多。', keyPoints: ['收费公示', '业主监督'], faq: [{ q: '收费标准在哪里查？', a: '在小区公告栏和本平台公示。' }] },
    ...over,
  };
}

export async function createPolicy(over: Partial<RequestOf<'policy.save'>> = {}) {
  return ok(EDITOR, 'policy.save', policyInput(over));
}

export async function publishedPolicy(over: Partial<RequestOf<'policy.save'>> = {}) {
  const p = await createPolicy(over);
  return ok(EDITOR, 'policy.publish', { id: p.id, version: p.version });
}

/** A file in cloud storage, as the editor's upload would leave it. */
export function upload(cloudPath: string): string {
  return localCloud.storage.write(cloudPath, Buffer.from('%PDF-1.4 test'));
}

export async function count(collection: string): Promise<number> {
  return localCloud.db.collectionSize(collection);
}

export async function docById<T>(collection: string, id: string): Promise<T | null> {
  try {
    const { data } = await database().collection(collection).doc(id).get();
    return data as T;
  } catch {
    return null;
  }
}

export async function eventsOf(subjectId: string): Promise<Array<{ kind: string; actor: { role: string; openid: string | null }; note?: string; at: string }>> {
  const { data } = await database().collection('audit_events').where({ subjectId }).orderBy('at', 'asc').limit(100).get();
  return data as Array<{ kind: string; actor: { role: string; openid: string | null }; note?: string; at: string }>;
}

export async function errorOf(openid: string | null, action: Parameters<typeof callAs>[1], payload: unknown) {
  const res = await callAs(openid, action, payload as never);
  if (res.ok) throw new Error(`${action} unexpectedly succeeded: ${JSON.stringify(res.data).slice(0, 300)}`);
  return res.error;
}
