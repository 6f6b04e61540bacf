// export.download: a short-lived link to an export's file; a download of personal data is recorded in the audit trail.
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { auditActor, recordEvent } from '../../repositories/audit';
import { tempUrl } from '../../repositories/exports';
import { exportIdSchema } from './schemas';
import { ownExport } from './access';

/** How long a download link lives: enough to download, too short to pass around. */
const LINK_SECONDS = 600;

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
