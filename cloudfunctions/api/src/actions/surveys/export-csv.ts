import * as cloud from 'wx-server-sdk';
import { defineAction } from '../../lib/action';
import { auditActor, recordEvent } from '../../repositories/audit';
import { surveyResultsCsv } from './csv';
import { requireResults, resultsView } from './view';
import { surveyId } from './schemas';

/** Writes the results as CSV to cloud storage (exports/surveys/) for the editor's phone to download and open. */
export const surveyExportCsv = defineAction<'survey.exportCsv'>({
  schema: surveyId,
  async run(input, { caller, now }) {
    const doc = await requireResults(input.id, caller, now);
    const csv = surveyResultsCsv(await resultsView(doc, caller, now));
    const stamp = now.toISOString().replace(/[-:]/g, '').slice(0, 15);
    const fileName = `调查结果-${stamp}.csv`;
    const { fileID } = await cloud.uploadFile({ cloudPath: `exports/surveys/${doc._id}/${stamp}.csv`, fileContent: Buffer.from(csv, 'utf8') });
    await recordEvent(null, { subject: 'survey', subjectId: doc._id, kind: 'exported', at: now.toISOString(), actor: auditActor(caller), data: { fileID } });
    const out: { fileID: string; fileName: string; url?: string } = { fileID, fileName };
    try {
      const { fileList } = await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: 3600 }] });
      const url = fileList[0]?.tempFileURL;
      if (url) out.url = url;
    } catch (error) {
      console.warn('[surveys] getTempFileURL failed; the editor downloads by fileID', error);
    }
    return out;
  },
});
