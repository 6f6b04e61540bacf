// Who may read an export job: the one who made it.
import { errors } from '../../lib/errors';
import type { Caller } from '../../lib/caller';
import { findExport, type ExportJobDoc } from '../../repositories/exports';

export async function ownExport(caller: Caller, id: string): Promise<ExportJobDoc> {
  const job = await findExport(id);
  if (!job || job.openid !== caller.openid) throw errors.notFound('导出任务');
  return job;
}
