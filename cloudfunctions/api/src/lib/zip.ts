// A minimal ZIP writer (PKWARE APPNOTE 6.3: local headers, deflated data, central directory), enough for an OOXML
// workbook: no ZIP64, so an archive stays under 4 GB and 65535 entries. A large entry is deflated piece by piece,
// each piece on its own and ending on a byte boundary (a sync flush), so the pieces can be made in different calls
// of the function and joined later into one deflate stream (docs/adr/0124-xlsx-deflated-per-batch.md).
import { constants, deflateRawSync } from 'zlib';

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 (IEEE), continued from `crc` (0 to start). */
export function crc32(data: Buffer, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

interface Entry {
  name: Buffer;
  crc: number;
  size: number;
  compressedSize: number;
  offset: number;
}

/** An entry's data so far: the CRC-32 and length of its uncompressed bytes. */
export interface DeflateSum {
  crc: number;
  size: number;
}

export const EMPTY_SUM: DeflateSum = { crc: 0, size: 0 };

/**
 * Deflates the next piece of an entry on its own. `final` ends the stream (the entry's last piece); any other piece
 * ends with a sync flush, so raw deflate pieces joined in order are one valid stream. The sum continues `before`.
 */
export function deflatePiece(text: string, before: DeflateSum, final: boolean): { compressed: Buffer; sum: DeflateSum } {
  const bytes = Buffer.from(text, 'utf8');
  const compressed = deflateRawSync(bytes, { level: 6, finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH });
  return { compressed, sum: { crc: crc32(bytes, before.crc), size: before.size + bytes.length } };
}

const DOS_DATE_1980 = (1 << 5) | 1; // 1 January 1980: a fixed date, so the same content gives the same archive

export class ZipWriter {
  private readonly entries: Entry[] = [];
  private readonly chunks: Buffer[] = [];
  private offset = 0;

  /** A small entry, deflated whole. */
  add(name: string, content: string): void {
    const { compressed, sum } = deflatePiece(content, EMPTY_SUM, true);
    this.addDeflated(name, sum, [compressed]);
  }

  /** An entry deflated in pieces (deflatePiece, the last one final), in order, with the sum of the whole. */
  addDeflated(name: string, sum: DeflateSum, pieces: readonly Buffer[]): void {
    const compressedSize = pieces.reduce((n, p) => n + p.length, 0);
    if (sum.size > 0xffffffff || compressedSize > 0xffffffff || this.offset > 0xffffffff) throw new Error('ZIP64 is not supported');
    const entry: Entry = { name: Buffer.from(name, 'utf8'), crc: sum.crc, size: sum.size, compressedSize, offset: this.offset };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed
    header.writeUInt16LE(0x0800, 6); // UTF-8 names
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(0, 10);
    header.writeUInt16LE(DOS_DATE_1980, 12);
    header.writeUInt32LE(sum.crc, 14);
    header.writeUInt32LE(compressedSize, 18);
    header.writeUInt32LE(sum.size, 22);
    header.writeUInt16LE(entry.name.length, 26);
    header.writeUInt16LE(0, 28);
    this.push(header, entry.name, ...pieces);
    this.entries.push(entry);
  }

  private push(...buffers: Buffer[]): void {
    for (const b of buffers) {
      this.chunks.push(b);
      this.offset += b.length;
    }
  }

  finish(): Buffer {
    const start = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4); // made by
      h.writeUInt16LE(20, 6); // needed
      h.writeUInt16LE(0x0800, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt16LE(0, 12);
      h.writeUInt16LE(DOS_DATE_1980, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.compressedSize, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      this.push(h, e.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.push(end);
    return Buffer.concat(this.chunks);
  }
}
