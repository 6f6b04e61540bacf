// Export jobs (docs/adr/0120-exports-as-batched-jobs.md). A job document holds its filter and its progress; each
// batch the runner writes is committed by a compare-and-set on `partsDone`, so a retried or overlapping run can
// never count a part twice. Parts and the finished file live in cloud storage under exports/<job id>/.
import * as cloud from 'wx-server-sdk';
import type { ExportFormat, ExportKind, ExportStatus } from '../../../../typings/api';
import type { CaseDoc } from '../domain/case-doc';
import type { ExportFilter } from '../domain/exports';
import { _, COLLECTIONS, db, findById } from '../lib/db';
import { runTransaction, txGet, withoutId, type Transaction } from '../lib/transaction';

export interface ExportJobDoc {
  _id: string;
  /** Who asked for it: each sees their own exports. */
  openid: string;
  kind: ExportKind;
  format: ExportFormat;
  filter: ExportFilter;
  /** Present only when personal data was asked for (and recorded in the audit trail). */
  reason?: string;
  status: ExportStatus;
  rowsDone: number;
  rowsTotal: number;
  /** Parts committed; part n is exports/<id>/part-<n>. */
  partsDone: number;
  /** The last case key (mineKey) written; the next batch starts after it. */
  cursor?: string;
  /** Cases submitted before this instant only, so the rows counted at creation are the rows written. */
  until: string;
  createdAt: string;
  finishedAt?: string;
  fileID?: string;
  fileName?: string;
  bytes?: number;
  error?: string;
  /** Batches that failed with an error; the job fails after a few. */
  attempts?: number;
  /** `${createdAt}|${_id}`: the owner's list, newest first. */
  key: string;
  /** `cloud://<env>.<bucket>` as the storage answered the first part's upload: the parts' fileIDs are built on it. */
  storageBase?: string;
  /** `${deleteAt}|${_id}` while a ready file waits for its deletion (EXPORT_KEEP_DAYS after it was finished). */
  expireKey?: string;
  /** XLSX: the CRC-32 and byte length of the sheet XML in the committed parts, each deflated on its own (ADR 0124). */
  sheetCrc?: number;
  sheetBytes?: number;
  /** Every row is in a part; the next step assembles the file from the parts (a step of its own, ADR 0124). */
  assembling?: boolean;
  /** `${createdAt}|${_id}` while the job runs: what the timer picks up, oldest first. Removed when it ends. */
  pendingKey?: string;
}

export const EXPORT_FOLDER = 'exports';

export const partPath = (jobId: string, n: number) => `${EXPORT_FOLDER}/${jobId}/part-${String(n).padStart(5, '0')}`;
export const filePath = (job: Pick<ExportJobDoc, '_id' | 'fileName'>) => `${EXPORT_FOLDER}/${job._id}/${job.fileName}`;

export function findExport(id: string): Promise<ExportJobDoc | null> {
  return findById<ExportJobDoc>(COLLECTIONS.exportJobs, id);
}

export function txFindExport(tx: Transaction, id: string): Promise<ExportJobDoc | null> {
  return txGet<ExportJobDoc>(tx, COLLECTIONS.exportJobs, id);
}

export async function txInsertExport(tx: Transaction, doc: ExportJobDoc): Promise<void> {
  await tx.collection(COLLECTIONS.exportJobs).doc(doc._id).set({ data: withoutId(doc) });
}

export async function listExports(openid: string, limit: number, cursor?: string): Promise<ExportJobDoc[]> {
  const where: Record<string, unknown> = { openid };
  if (cursor) where.key = _.lt(cursor);
  const { data } = await db.collection(COLLECTIONS.exportJobs).where(where).orderBy('key', 'desc').limit(limit).get();
  return data as ExportJobDoc[];
}

/** Running jobs, oldest first. */
export async function pendingExports(limit: number): Promise<ExportJobDoc[]> {
  const { data } = await db.collection(COLLECTIONS.exportJobs).where({ pendingKey: _.gt('') }).orderBy('pendingKey', 'asc').limit(limit).get();
  return data as ExportJobDoc[];
}

/** What one batch commits after part n-1: part n with its rows, and/or that every row is written. */
export interface BatchCommit {
  rows: number;
  cursor?: string;
  storageBase?: string;
  sheetCrc?: number;
  sheetBytes?: number;
  assembling?: true;
}

/** Commits a batch (part `n`, when it has rows) if no other run committed it first. */
export async function commitPart(job: ExportJobDoc, n: number, commit: BatchCommit): Promise<boolean> {
  const { rows, ...fields } = commit;
  const data: Record<string, unknown> = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  if (rows > 0) Object.assign(data, { partsDone: n + 1, rowsDone: _.inc(rows) });
  const { stats } = await db.collection(COLLECTIONS.exportJobs).where({ _id: job._id, partsDone: n, status: 'running' }).update({ data });
  return stats.updated === 1;
}

/** Ends a running job (ready or failed); false when another run ended it first. */
export async function finishExport(id: string, partsDone: number, change: Partial<ExportJobDoc> & { status: 'ready' | 'failed' }): Promise<boolean> {
  const { stats } = await db
    .collection(COLLECTIONS.exportJobs)
    .where({ _id: id, partsDone, status: 'running' })
    .update({ data: { ...change, pendingKey: _.remove() } });
  return stats.updated === 1;
}

/** The cases of an export, in submission order, after `cursor`: one indexed range (mineKey is `<submittedAt>|<id>`). */
/** Ready jobs whose keeping time is over, oldest first. */
export async function expiredExports(now: string, limit: number): Promise<ExportJobDoc[]> {
  const { data } = await db.collection(COLLECTIONS.exportJobs).where({ expireKey: _.lte(`${now}|\uffff`) }).orderBy('expireKey', 'asc').limit(limit).get();
  return data as ExportJobDoc[];
}

/** Marks a ready job's file deleted; false when another run did it first. */
export async function markExpired(job: ExportJobDoc): Promise<boolean> {
  const { stats } = await db
    .collection(COLLECTIONS.exportJobs)
    .where({ _id: job._id, status: 'ready' })
    .update({ data: { status: 'expired', expireKey: _.remove(), fileID: _.remove() } });
  return stats.updated === 1;
}

export async function casesForExport(filter: ExportFilter, bounds: { fromKey: string; untilKey: string }, cursor: string | undefined, limit: number): Promise<CaseDoc[]> {
  const { data } = await db
    .collection(COLLECTIONS.cases)
    .where(caseWhere(filter, cursor ? _.gt(cursor).and(_.lt(bounds.untilKey)) : _.gte(bounds.fromKey).and(_.lt(bounds.untilKey))))
    .orderBy('mineKey', 'asc')
    .limit(limit)
    .get();
  return data as CaseDoc[];
}

export async function countCasesForExport(filter: ExportFilter, bounds: { fromKey: string; untilKey: string }): Promise<number> {
  const { total } = await db.collection(COLLECTIONS.cases).where(caseWhere(filter, _.gte(bounds.fromKey).and(_.lt(bounds.untilKey)))).count();
  return total;
}

function caseWhere(filter: ExportFilter, key: unknown): Record<string, unknown> {
  const where: Record<string, unknown> = { mineKey: key };
  if (filter.departmentId) where.departmentId = filter.departmentId;
  if (filter.status) where.status = filter.status;
  return where;
}

export async function writeStorage(cloudPath: string, content: Buffer): Promise<string> {
  const { fileID } = await cloud.uploadFile({ cloudPath, fileContent: content });
  return fileID;
}

export async function readStorage(fileID: string): Promise<Buffer> {
  const { fileContent } = await cloud.downloadFile({ fileID });
  return fileContent as Buffer;
}

export async function tempUrl(fileID: string, maxAge: number): Promise<string> {
  const { fileList } = await cloud.getTempFileURL({ fileList: [{ fileID, maxAge }] });
  const url = fileList[0]?.tempFileURL;
  if (!url) throw new Error(`no temp URL for ${fileID}`);
  return url;
}

/** `cloud://<env>.<bucket>` of a fileID the storage answered. */
export function storageBaseOf(fileID: string): string {
  return fileID.slice(0, fileID.indexOf('/', 'cloud://'.length));
}

export async function deleteStorage(fileIDs: string[]): Promise<void> {
  for (let i = 0; i < fileIDs.length; i += 50) await cloud.deleteFile({ fileList: fileIDs.slice(i, i + 50) });
}

export { runTransaction };
