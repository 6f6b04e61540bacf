// WeChat content security on every citizen text and image, before anything is stored.
//   risky  -> CONTENT_REJECTED, nothing stored;
//   review -> stored, flagged, held from every public view until a dispatcher clears it.
// When the check itself fails (network, quota), the content is stored as `review`: a citizen is never turned away by
// our outage, and nothing unchecked becomes public.
import * as cloud from 'wx-server-sdk';
import { errors } from '../lib/errors';

export type Verdict = 'pass' | 'review';

/** msgSecCheck v2; scene 2 (评论) fits a message to the agency. */
export async function checkText(openid: string, content: string): Promise<Verdict> {
  let suggest: unknown;
  try {
    const res = await cloud.openapi.security.msgSecCheck({ openid, scene: 2, version: 2, content });
    suggest = (res as { result?: { suggest?: unknown } }).result?.suggest;
  } catch (error) {
    console.warn('[content-security] msgSecCheck failed; holding the text for review', error);
    return 'review';
  }
  if (suggest === 'risky') throw errors.contentRejected();
  return suggest === 'pass' ? 'pass' : 'review';
}

export function worst(...verdicts: Verdict[]): Verdict {
  return verdicts.includes('review') ? 'review' : 'pass';
}

const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
};
/** imgSecCheck takes at most 1 MB; a larger picture goes to a human (review) rather than unchecked to the public. */
const IMG_CHECK_MAX_BYTES = 1024 * 1024;
const RISKY_ERRCODE = 87014;

/** The path inside the bucket: "cloud://env.bucket/cases/o_x/a.jpg" -> "cases/o_x/a.jpg". */
export function cloudPathOf(fileID: string): string | null {
  const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileID);
  if (!m) return null;
  const path = m[1]!;
  return path.split('/').some((seg) => seg === '' || seg === '.' || seg === '..') ? null : path;
}

/**
 * Each image must be one the caller uploaded (under cases/<openid>/), exist, and pass imgSecCheck. `field` names the
 * payload field for the error ("images.1"); messages count images from 1, as the citizen does.
 */
export async function checkImages(openid: string, fileIDs: readonly string[], field = 'images'): Promise<Verdict> {
  const prefix = `cases/${openid}/`;
  fileIDs.forEach((fileID, i) => {
    const path = cloudPathOf(fileID);
    if (!path || !path.startsWith(prefix)) {
      throw errors.invalid(`第 ${i + 1} 张图片不是您本人上传的文件，请重新选择。`, { [`${field}.${i}`]: '图片来源不正确' });
    }
    const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
    if (!CONTENT_TYPES[ext]) throw errors.invalid(`第 ${i + 1} 张图片格式不支持，请使用 JPG 或 PNG 图片。`, { [`${field}.${i}`]: '图片格式不支持' });
  });
  let verdict: Verdict = 'pass';
  for (const [i, fileID] of fileIDs.entries()) {
    let buffer: Buffer;
    try {
      const res = await cloud.downloadFile({ fileID });
      buffer = res.fileContent as Buffer;
    } catch {
      throw errors.invalid(`第 ${i + 1} 张图片不存在或已过期，请重新上传。`, { [`${field}.${i}`]: '图片不存在' });
    }
    if (buffer.length > IMG_CHECK_MAX_BYTES) {
      verdict = 'review';
      continue;
    }
    const path = cloudPathOf(fileID)!;
    const contentType = CONTENT_TYPES[path.slice(path.lastIndexOf('.') + 1).toLowerCase()]!;
    try {
      await cloud.openapi.security.imgSecCheck({ media: { contentType, value: buffer } });
    } catch (error) {
      if ((error as { errCode?: number }).errCode === RISKY_ERRCODE) {
        throw errors.contentRejected(`第 ${i + 1} 张图片包含不适宜发布的内容，请更换后再提交。`);
      }
      console.warn('[content-security] imgSecCheck failed; holding the image for review', error);
      verdict = 'review';
    }
  }
  return verdict;
}
