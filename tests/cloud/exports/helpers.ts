// Reading what an export wrote: its job document, its file in the local storage, CSV records and XLSX sheets.
import { inflateRawSync, crc32 } from 'zlib';
import { localCloud } from '../../../tools/local-cloud';
import type { ExportJobDoc } from '../../../cloudfunctions/api/src/repositories/exports';
import { docById } from '../cases/helpers';

export async function jobDoc(id: string): Promise<ExportJobDoc> {
  const job = await docById<ExportJobDoc>('export_jobs', id);
  if (!job) throw new Error(`no export job ${id}`);
  return job;
}

export async function fileOf(id: string): Promise<Buffer> {
  const job = await jobDoc(id);
  const content = job.fileID ? localCloud.storage.read(job.fileID) : null;
  if (!content) throw new Error(`export ${id} has no file`);
  return content;
}

/** CSV records (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field || record.length) throw new Error('the CSV does not end with CRLF');
  return records;
}

/** The entries of a ZIP archive, read from its central directory, each checked against its CRC-32 (Node's own). */
export function unzip(zip: Buffer): Map<string, string> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const out = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(dataAt, dataAt + compressed);
    const data = method === 8 ? inflateRawSync(raw) : raw;
    if (crc32(data) !== crc) throw new Error(`CRC mismatch in ${name}`);
    out.set(name, data.toString('utf8'));
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

/** The cell texts of sheet1, row by row (inline strings and numbers, as the writer makes them). */
export function sheetRows(xlsx: Buffer): string[][] {
  const sheet = unzip(xlsx).get('xl/worksheets/sheet1.xml');
  if (!sheet) throw new Error('no sheet1');
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return [...sheet.matchAll(/<row>(.*?)<\/row>/gs)].map(([, row]) =>
    [...row!.matchAll(/<c[^>]*?(?:\/>|>(.*?)<\/c>)/gs)].map(([, inner]) => {
      if (!inner) return '';
      const t = /<t[^>]*>(.*?)<\/t>/s.exec(inner) ?? /<v>(.*?)<\/v>/s.exec(inner);
      return t ? unescape(t[1]!) : '';
    }),
  );
}
