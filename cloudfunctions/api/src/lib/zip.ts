// A minimal ZIP writer (PKWARE APPNOTE 6.3: local headers, deflated data, central directory), enough for an OOXML
// workbook: no ZIP64, so an archive stays under 4 GB and 65535 entries. An entry's data can be fed in pieces, so
// a large sheet is compressed as it is read and never held uncompressed in memory.
import { createDeflateRaw } from 'zlib';

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
  compressed: Buffer;
  offset: number;
}

/** Deflates the pieces as they come, keeping only the compressed bytes. */
async function deflatePieces(pieces: AsyncIterable<string> | Iterable<string>): Promise<{ crc: number; size: number; compressed: Buffer }> {
  const deflate = createDeflateRaw({ level: 6 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = 0;
  let size = 0;
  for await (const piece of pieces) {
    const bytes = Buffer.from(piece, 'utf8');
    crc = crc32(bytes, crc);
    size += bytes.length;
    if (!deflate.write(bytes)) await new Promise<void>((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await ended;
  return { crc, size, compressed: Buffer.concat(out) };
}

const DOS_DATE_1980 = (1 << 5) | 1; // 1 January 1980: a fixed date, so the same content gives the same archive

export class ZipWriter {
  private readonly entries: Entry[] = [];
  private readonly chunks: Buffer[] = [];
  private offset = 0;

  async add(name: string, content: string | AsyncIterable<string> | Iterable<string>): Promise<void> {
    const { crc, size, compressed } = await deflatePieces(typeof content === 'string' ? [content] : content);
    if (size > 0xffffffff || this.offset > 0xffffffff) throw new Error('ZIP64 is not supported');
    const entry: Entry = { name: Buffer.from(name, 'utf8'), crc, size, compressed, offset: this.offset };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed
    header.writeUInt16LE(0x0800, 6); // UTF-8 names
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(0, 10);
    header.writeUInt16LE(DOS_DATE_1980, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(compressed.length, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(entry.name.length, 26);
    header.writeUInt16LE(0, 28);
    this.push(header, entry.name, compressed);
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
      h.writeUInt32LE(e.compressed.length, 20);
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
