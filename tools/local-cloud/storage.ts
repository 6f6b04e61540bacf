// Cloud storage on a local folder: fileIDs and result shapes as wx-server-sdk returns them.
import fs from 'fs';
import path from 'path';
import { CloudSdkError } from './openapi';

const MAX_FILES_PER_CALL = 50;
const DEFAULT_MAX_AGE = 86400;
const STORAGE_FILE_NOT_EXISTS = -503003;
const INVALID_PARAM = -501007;

export interface FileStatus {
  fileID: string;
  status: number;
  errMsg: string;
}

async function contentOf(fileContent: unknown): Promise<Buffer> {
  if (Buffer.isBuffer(fileContent)) return fileContent;
  if (fileContent instanceof Uint8Array) return Buffer.from(fileContent);
  if (typeof fileContent === 'string') return Buffer.from(fileContent);
  if (fileContent && typeof (fileContent as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    const chunks: Buffer[] = [];
    for await (const chunk of fileContent as AsyncIterable<unknown>) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    return Buffer.concat(chunks);
  }
  throw new Error(`Type of fileContent must be Buffer or fs.ReadStream instead of ${typeof fileContent}`);
}

export class LocalStorage {
  constructor(
    readonly dir: string,
    private readonly envId: string,
    private readonly tempUrlBase: string,
  ) {
    fs.mkdirSync(dir, { recursive: true });
  }

  /** The bucket part of a fileID, shaped like the cloud's `<hex>-<env>-<appid number>`. */
  private get bucket(): string {
    return `${Buffer.from(this.envId.slice(0, 2)).toString('hex')}-${this.envId}-1250000000`;
  }

  fileIdOf(cloudPath: string): string {
    return `cloud://${this.envId}.${this.bucket}/${cloudPath}`;
  }

  /** A cloud path from a fileID or a cloud path; null when it would leave the storage folder. */
  cloudPathOf(fileIdOrPath: string): string | null {
    let p = fileIdOrPath;
    if (p.startsWith('cloud://')) {
      const slash = p.indexOf('/', 'cloud://'.length);
      if (slash < 0) return null;
      p = p.slice(slash + 1);
    }
    p = p.replace(/^\/+/, '');
    if (!p || p.includes('\0') || p.includes('\\')) return null;
    if (p.split('/').some((seg) => seg === '..' || seg === '.' || seg === '')) return null;
    return p;
  }

  private fileOf(cloudPath: string): string {
    return path.join(this.dir, ...cloudPath.split('/'));
  }

  read(fileIdOrPath: string): Buffer | null {
    const cloudPath = this.cloudPathOf(fileIdOrPath);
    if (!cloudPath) return null;
    try {
      return fs.readFileSync(this.fileOf(cloudPath));
    } catch {
      return null;
    }
  }

  write(cloudPath: string, content: Buffer): string {
    const p = this.cloudPathOf(cloudPath);
    if (!p || cloudPath.startsWith('cloud://')) throw new CloudSdkError(INVALID_PARAM, `uploadFile:fail invalid cloudPath: ${cloudPath}`);
    const file = this.fileOf(p);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return this.fileIdOf(p);
  }

  tempUrlOf(cloudPath: string): string {
    return `${this.tempUrlBase.replace(/\/+$/, '')}/${cloudPath.split('/').map(encodeURIComponent).join('/')}`;
  }

  // ---- the SDK's four storage APIs -------------------------------------------------------------------------

  async uploadFile(options: { cloudPath?: unknown; fileContent?: unknown }): Promise<{ fileID: string; statusCode: number; errMsg: string }> {
    if (typeof options?.cloudPath !== 'string') throw new CloudSdkError(INVALID_PARAM, 'uploadFile:fail cloudPath must be a string');
    if (!options.fileContent) throw new CloudSdkError(-1, `uploadFile:fail Type of fileContent must be fs.ReadStream instead of ${typeof options.fileContent}`);
    const content = await contentOf(options.fileContent);
    const fileID = this.write(options.cloudPath, content);
    return { fileID, statusCode: 200, errMsg: 'uploadFile:ok' };
  }

  async downloadFile(options: { fileID?: unknown }): Promise<{ fileContent: Buffer; statusCode: number; errMsg: string }> {
    if (typeof options?.fileID !== 'string') throw new CloudSdkError(INVALID_PARAM, 'downloadFile:fail fileID must be a string');
    const content = this.read(options.fileID);
    if (!content) throw new CloudSdkError(STORAGE_FILE_NOT_EXISTS, `downloadFile:fail storage file not exists: ${options.fileID}`);
    return { fileContent: content, statusCode: 200, errMsg: 'downloadFile:ok' };
  }

  async getTempFileURL(options: { fileList?: unknown }): Promise<{
    fileList: Array<{ fileID: string; tempFileURL: string; maxAge: number; status: number; errMsg: string }>;
    errMsg: string;
  }> {
    const list = options?.fileList;
    if (!Array.isArray(list)) throw new CloudSdkError(INVALID_PARAM, 'getTempFileURL:fail fileList must be an array');
    if (list.length > MAX_FILES_PER_CALL) {
      throw new CloudSdkError(INVALID_PARAM, `getTempFileURL:fail at most ${MAX_FILES_PER_CALL} files per call, got ${list.length}`);
    }
    const fileList = list.map((item: unknown) => {
      const fileID = typeof item === 'string' ? item : String((item as { fileID?: unknown })?.fileID ?? '');
      const maxAgeRaw = typeof item === 'object' && item !== null ? Number((item as { maxAge?: unknown }).maxAge) : NaN;
      const maxAge = Number.isFinite(maxAgeRaw) && maxAgeRaw > 0 ? maxAgeRaw : DEFAULT_MAX_AGE;
      const cloudPath = this.cloudPathOf(fileID);
      if (!cloudPath || !fs.existsSync(this.fileOf(cloudPath))) {
        return { fileID, tempFileURL: '', maxAge, status: -1, errMsg: 'STORAGE_FILE_NONEXIST' };
      }
      return { fileID, tempFileURL: this.tempUrlOf(cloudPath), maxAge, status: 0, errMsg: 'ok' };
    });
    return { fileList, errMsg: 'getTempFileURL:ok' };
  }

  async deleteFile(options: { fileList?: unknown }): Promise<{ fileList: FileStatus[]; errMsg: string }> {
    const list = options?.fileList;
    if (!Array.isArray(list)) throw new CloudSdkError(INVALID_PARAM, 'deleteFile:fail fileList must be an array');
    list.forEach((f, i) => {
      if (typeof f !== 'string') throw new CloudSdkError(-1, `deleteFile:fail Type of fileList[${i}] must be string instead of ${typeof f}`);
    });
    if (list.length > MAX_FILES_PER_CALL) {
      throw new CloudSdkError(INVALID_PARAM, `deleteFile:fail at most ${MAX_FILES_PER_CALL} files per call, got ${list.length}`);
    }
    const fileList = (list as string[]).map((fileID) => {
      const cloudPath = this.cloudPathOf(fileID);
      if (!cloudPath) return { fileID, status: -1, errMsg: 'STORAGE_FILE_NONEXIST' };
      try {
        fs.unlinkSync(this.fileOf(cloudPath));
        return { fileID, status: 0, errMsg: 'ok' };
      } catch {
        return { fileID, status: -1, errMsg: 'STORAGE_FILE_NONEXIST' };
      }
    });
    return { fileList, errMsg: 'deleteFile:ok' };
  }
}
