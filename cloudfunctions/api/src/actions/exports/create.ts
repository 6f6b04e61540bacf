// export.create: a job for the cases or the statistics of a period. Personal data only with a reason, only for admins,
// and the reason goes to the audit trail in the job's transaction (docs/adr/0121-personal-data-in-exports.md). The
// first batch runs at once, so an export of up to EXPORT_BATCH_ROWS rows is ready in the answer; the timer does the rest.
import { createHash } from 'crypto';
import { EXPORT_KIND_LABELS, fileNameOf, filterText, type ExportFilter } from '../../domain/exports';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { hasRole } from '../../permissions';
import { auditActor, recordEvent } from '../../repositories/audit';
import { countCasesForExport, findExport, runTransaction, txFindExport, txInsertExport, type ExportJobDoc } from '../../repositories/exports';
import { advanceExport, caseBounds, noCounts } from '../../jobs/exports';
import { caseEnv } from '../cases/env';
import { exportCreateSchema } from './schemas';
import { exportView } from './view';

export const exportCreate = defineAction<'export.create'>({
  schema: exportCreateSchema,
  async run(input, { caller, now }) {
    const openid = caller.openid!;
    if (input.reason !== undefined && !hasRole(caller, 'admin')) throw errors.denied('只有系统管理员可以导出含个人信息的数据。');
    const env = await caseEnv(now);
    if (input.departmentId && !env.catalog.departments.has(input.departmentId)) throw errors.invalid('承办单位不存在', { departmentId: '承办单位不存在' });

    // One job per (caller, page request): a retried create answers the job it made.
    const id = createHash('sha256').update(`${openid}\n${input.clientRequestId}`).digest('hex').slice(0, 20);
    const existing = await findExport(id);
    if (existing) return exportView(existing, env.catalog);

    const filter: ExportFilter = { from: input.from, to: input.to };
    if (input.departmentId) filter.departmentId = input.departmentId;
    if (input.status) filter.status = input.status;
    const at = now.toISOString();
    const rowsTotal = input.kind === 'cases' ? await countCasesForExport(filter, caseBounds(filter, at)) : 0;
    const job: ExportJobDoc = {
      _id: id,
      openid,
      kind: input.kind,
      format: input.format,
      filter,
      status: 'running',
      rowsDone: 0,
      rowsTotal,
      partsDone: 0,
      until: at,
      createdAt: at,
      fileName: fileNameOf(input.kind, input.format, filter, id),
      key: `${at}|${id}`,
      pendingKey: `${at}|${id}`,
    };
    if (input.reason !== undefined) job.reason = input.reason;

    const created = await runTransaction(async (tx) => {
      if (await txFindExport(tx, id)) return false;
      await txInsertExport(tx, job);
      const what = `${EXPORT_KIND_LABELS[job.kind]}（${job.format.toUpperCase()}）：${filterText(job.kind, filter, env.catalog.departments.get(filter.departmentId ?? '')?.name)}`;
      await recordEvent(tx, {
        subject: 'export',
        subjectId: id,
        kind: job.reason !== undefined ? 'exported' : 'created',
        at,
        actor: auditActor(caller, ['admin', 'supervisor']),
        note: job.reason !== undefined ? `${what}；含个人信息，理由：${job.reason}` : what,
      });
      return true;
    });
    if (!created) return exportView((await findExport(id))!, env.catalog);

    try {
      // A deadline already passed: one batch (and the file, when it is that one part).
      await advanceExport(job, env, 0, noCounts());
    } catch (error) {
      console.warn('[exports] first batch deferred to the timer', id, error);
    }
    return exportView((await findExport(id)) ?? job, env.catalog);
  },
});
