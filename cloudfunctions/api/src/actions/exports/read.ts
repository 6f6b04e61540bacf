// export.list, export.get, export.download: each caller sees the exports they made, newest first; a download of a
// file with personal data is itself recorded in the audit trail.
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import type { Caller } from '../../lib/caller';
import { auditActor, recordEvent } from '../../repositories/audit';
import { loadCatalogMaps } from '../../repositories/catalog';
import { findExport, listExports, tempUrl, type ExportJobDoc } from '../../repositories/exports';
import { exportIdSchema, exportListSchema } from './schemas';
import { exportView } from './view';

/** How long a download link lives: enough to download, too short to pass around. */
const LINK_SECONDS = 600;

async function ownExport(caller: Caller, id: string): Promise<ExportJobDoc> {
  const job = await findExport(id);
  if (!job || job.openid !== caller.openid) throw errors.notFound('导出任务');
  return job;
}

export const exportList = defineAction<'export.list'>({
  schema: exportListSchema,
  async run(input, { caller }) {
    const limit = input.limit ?? 20;
    const [rows, catalog] = await Promise.all([listExports(caller.openid!, limit + 1, input.cursor), loadCatalogMaps()]);
    const page = rows.slice(0, limit);
    return { items: page.map((j) => exportView(j, catalog)), nextCursor: rows.length > limit ? page[page.length - 1]!.key : null };
  },
});

export const exportGet = defineAction<'export.get'>({
  schema: exportIdSchema,
  async run(input, { caller }) {
    const [job, catalog] = await Promise.all([ownExport(caller, input.id), loadCatalogMaps()]);
    return exportView(job, catalog);
  },
});

export const exportDownload = defineAction<'export.download'>({
  schema: exportIdSchema,
  async run(input, { caller, now }) {
    const job = await ownExport(caller, input.id);
    if (job.status !== 'ready' || !job.fileID || !job.fileName) throw errors.precondition('文件尚未生成完毕，请稍后再试。');
    const url = await tempUrl(job.fileID, LINK_SECONDS);
    if (job.reason !== undefined) {
      await recordEvent(null, {
        subject: 'export',
        subjectId: job._id,
        kind: 'downloaded',
        at: now.toISOString(),
        actor: auditActor(caller, ['admin']),
        note: `下载 ${job.fileName}（含个人信息）`,
      });
    }
    return { url, fileName: job.fileName, format: job.format, openable: job.format === 'xlsx' };
  },
});
