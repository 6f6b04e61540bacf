// An export job as the admin page shows it.
import type { ExportJobView } from '../../../../../typings/api';
import { shanghaiDateTime } from '../../domain/calendar';
import { EXPORT_KIND_LABELS, EXPORT_STATUS_LABELS, filterText, progressOf, sizeText } from '../../domain/exports';
import type { CatalogMaps } from '../../repositories/catalog';
import type { ExportJobDoc } from '../../repositories/exports';

export function exportView(job: ExportJobDoc, catalog: CatalogMaps): ExportJobView {
  const dept = job.filter.departmentId ? catalog.departments.get(job.filter.departmentId)?.name : undefined;
  const view: ExportJobView = {
    id: job._id,
    kind: job.kind,
    kindLabel: EXPORT_KIND_LABELS[job.kind],
    format: job.format,
    status: job.status,
    statusLabel: EXPORT_STATUS_LABELS[job.status],
    filterText: filterText(job.kind, job.filter, dept),
    personal: job.reason !== undefined,
    rowsDone: job.rowsDone,
    rowsTotal: job.rowsTotal,
    ...progressOf(job.rowsDone, job.rowsTotal, job.status, job.assembling),
    createdAt: job.createdAt,
  };
  if (job.reason !== undefined) view.reason = job.reason;
  if (job.finishedAt) view.finishedAt = job.finishedAt;
  if (job.status === 'ready' && job.fileName) view.fileName = job.fileName;
  if (job.status === 'ready' && job.expireKey) view.keepText = `${shanghaiDateTime(job.expireKey.split('|')[0]!)} 前可下载`;
  if (job.bytes !== undefined) view.sizeText = sizeText(job.bytes);
  if (job.error) view.error = job.error;
  return view;
}
