// One finished export for `npm start` and the screenshots: the admin's XLSX of this month's cases, without personal
// data, made through export.create as the 数据导出 page makes it (small enough to be ready in the answer).
import { shanghaiDay } from '../../cloudfunctions/api/src/domain/calendar';
import type { ApiResponse, ExportJobView } from '../../typings/api';
import { localCloud } from '../local-cloud';
import { demoIdentity } from './identities';
import type { SeedContext } from './index';

type Main = (event: unknown, context: unknown) => Promise<unknown>;

export async function seedExports(ctx: SeedContext): Promise<void> {
  const { main } = (await import('../../cloudfunctions/api/src')) as { main: Main };
  const today = shanghaiDay(ctx.now);
  const payload = { kind: 'cases', format: 'xlsx', from: `${today.slice(0, 8)}01`, to: today, clientRequestId: 'demo-export-this-month' };
  const res = (await localCloud.invoke(main, { action: 'export.create', payload }, { OPENID: demoIdentity('admin').openid })) as ApiResponse<ExportJobView>;
  if (!res.ok) throw new Error(`export.create: ${res.error.message}`);
  if (res.data.status !== 'ready') throw new Error(`the demo export is ${res.data.status}, not ready`);
}
