// Cloud storage on a local folder: fileIDs and result shapes as wx-server-sdk returns them. Temporary URLs are signed
// (HMAC with a secret drawn per process) and expire after their maxAge, as the real storage's do (docs/adr/0056).
import { createHmac, randomBytes, timingSafeEqual } from 'crypto';
import fs from 'fs';
import path from 'path';
import { CloudSdkError } from './openapi';

const MAX_FILES_PER_CALL = 50;
const DEFAULT_MAX_AGE = 86400;
const STORAGE_FILE_NOT_EXISTS = -503003;
const INVALID_PARAM = -501007;

const MAX_PATH_LENGTH = 1024;
const URL_SECRET = randomBytes(32);

/** Why a cloud path is refused, in the words the uploader sees; null when it is a plain relative path. */
export function cloudPathProblem(cloudPath: string): string | null {
  if (!cloudPath) return '文件路径不能为空';
  if (cloudPath.length > MAX_PATH_LENGTH) return `文件路径不能超过 ${MAX_PATH_LENGTH} 个字符`;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(cloudPath)) return '文件路径不能包含控制字符';
  if (cloudPath.includes('\\')) return '文件路径不能包含反斜杠';
  if (cloudPath.startsWith('/')) return '文件路径必须是相对路径，不能以 / 开头';
  // A name that decodes to something else later ("%2e%2e", "%2f") is never what an uploader meant to store.
  if (/%[0-9a-f]{2}/i.test(cloudPath)) return '文件路径不能包含百分号编码';
  if (cloudPath.split('/').some((seg) => seg === '' || seg === '.' || seg === '..')) return '文件路径不能包含空目录、. 或 ..';
  return null;
}

function signatureOf(cloudPath: string, expiresAt: number): Buffer {
  return createHmac('sha256', URL_SECRET).update(`${cloudPath}\n${expiresAt}`).digest();
}

export type TempUrlCheck = 'ok' | 'unsigned' | 'forged' | 'expired';

/** Checks a temp URL's `t` (expiry, Unix seconds) and `sign` for the cloud path it names. */
export function checkTempUrl(cloudPath: string, t: string | null, sign: string | null, nowMs: number): TempUrlCheck {
  if (t === null || sign === null) return 'unsigned';
  const expiresAt = Number(t);
  if (!/^\d{1,12}$/.test(t) || !/^[0-9a-f]{64}$/.test(sign)) return 'forged';
  if (!timingSafeEqual(signatureOf(cloudPath, expiresAt), Buffer.from(sign, 'hex'))) return 'forged';
  return expiresAt * 1000 < nowMs ? 'expired' : 'ok';
}

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
  /** the fault switch (faults.ts): throws to fail this write before anything is stored */
  beforeWrite: ((cloudPath: string) => void) | null = null;

  constructor(
    readonly dir: string,
    private readonly envId: string,
    private readonly tempUrlBase: string,
    /** The cloud's clock (temp URLs expire in its time). */
    private readonly nowMs: () => number = Date.now,
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
    const file = path.resolve(this.dir, ...cloudPath.split('/'));
    // Defence in depth: whatever the checks above missed, nothing is read or written outside the folder.
    if (!file.startsWith(path.resolve(this.dir) + path.sep)) throw new CloudSdkError(INVALID_PARAM, `invalid cloudPath: ${cloudPath}`);
    return file;
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
    this.beforeWrite?.(cloudPath);
    const problem = cloudPathProblem(cloudPath);
    if (problem) throw new CloudSdkError(INVALID_PARAM, `uploadFile:fail invalid cloudPath: ${problem}: ${cloudPath}`);
    const file = this.fileOf(cloudPath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return this.fileIdOf(cloudPath);
  }

  exists(cloudPath: string): boolean {
    const p = this.cloudPathOf(cloudPath);
    return !!p && fs.existsSync(this.fileOf(p));
  }

  /** A URL that serves the file for `maxAge` seconds from now on the cloud's clock. */
  tempUrlOf(cloudPath: string, maxAge: number = DEFAULT_MAX_AGE): string {
    const expiresAt = Math.floor(this.nowMs() / 1000) + Math.ceil(maxAge);
    const sign = signatureOf(cloudPath, expiresAt).toString('hex');
    return `${this.tempUrlBase.replace(/\/+$/, '')}/${cloudPath.split('/').map(encodeURIComponent).join('/')}?t=${expiresAt}&sign=${sign}`;
  }

  checkTempUrl(cloudPath: string, t: string | null, sign: string | null): TempUrlCheck {
    return checkTempUrl(cloudPath, t, sign, this.nowMs());
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
      return { fileID, tempFileURL: this.tempUrlOf(cloudPath, maxAge), maxAge, status: 0, errMsg: 'ok' };
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
