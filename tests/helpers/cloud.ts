// Cloud-function tests call the real `api` function through the local cloud, as a given WeChat user.
import * as cloud from 'wx-server-sdk';
import type { ActionName, ApiResponse, RequestOf, ResponseOf } from '../../typings/api';
import type { Role } from '../../typings/domain';
import { localCloud } from '../../tools/local-cloud';
import { main } from '../../cloudfunctions/api/src';

export type Envelope<N extends ActionName> = ApiResponse<ResponseOf<N>>;

/** Calls an action as `openid` (null: no WeChat identity) and returns the envelope. */
export async function callAs<N extends ActionName>(openid: string | null, action: N, payload: RequestOf<N>): Promise<Envelope<N>> {
  return (await localCloud.invoke(main, { action, payload }, openid ? { OPENID: openid } : {})) as Envelope<N>;
}

/** Calls an action that must succeed and returns its data; a failure shows the error in the test output. */
export async function ok<N extends ActionName>(openid: string | null, action: N, payload: RequestOf<N>): Promise<ResponseOf<N>> {
  const res = await callAs(openid, action, payload);
  if (!res.ok) throw new Error(`${action} failed: ${JSON.stringify(res.error)}`);
  return res.data;
}

/** Sends anything, including payloads the contract forbids, to test validation. */
export async function callRaw(openid: string | null, event: unknown): Promise<ApiResponse<unknown>> {
  return (await localCloud.invoke(main, event, openid ? { OPENID: openid } : {})) as ApiResponse<unknown>;
}

export function database() {
  return cloud.database();
}

export const DEPARTMENTS = [
  { _id: 'dept-housing', name: '住房和城乡建设局', order: 1 },
  { _id: 'dept-transport', name: '交通运输局', order: 2 },
  { _id: 'dept-env', name: '生态环境局', order: 3 },
];

export const CATEGORIES = [
  { _id: 'cat-property', name: '物业管理', departmentId: 'dept-housing', types: ['inquiry', 'help', 'complaint', 'suggestion'], order: 1 },
  { _id: 'cat-bus', name: '公交线路', departmentId: 'dept-transport', types: ['inquiry', 'suggestion'], order: 2 },
  { _id: 'cat-noise', name: '噪声污染', departmentId: 'dept-env', types: ['complaint', 'help'], order: 3 },
];

/** Departments and categories written through the SDK, as an admin's edits would be. */
export async function seedCatalog(): Promise<void> {
  const db = database();
  for (const d of DEPARTMENTS) await db.collection('departments').add({ data: d });
  for (const c of CATEGORIES) await db.collection('categories').add({ data: c });
}

export async function seedStaff(openid: string, roles: Role[], departmentId?: string): Promise<void> {
  await database()
    .collection('users')
    .doc(openid)
    .set({ data: { roles, ...(departmentId ? { departmentId } : {}) } });
}
