// Picking, showing and opening files: chooseMedia / chooseImage open the browser's file picker and return temp paths
// (wxfile://tmp_...) that <image> shows and wx.cloud.uploadFile uploads; previewImage shows images full screen;
// downloadFile + openDocument open the file in a new browser tab.
import type { AnyObject } from '../env';
import { h, overlayLayer } from '../ui/dom';
import { asyncApi, WxFail } from './promisify';
import { addTempFile, extensionOf, tempFile, tempFileUrl } from './temp-files';

export interface MediaContext {
  /** Runs WeChat's privacy check for a privacy-protected API; rejects when the user does not agree. */
  ensurePrivacy(api: string): Promise<void>;
  /** A URL the browser can load for a mini program path (temp file, cloud file, package file, remote URL). */
  resolveSrc(src: string): string;
}

function pickFiles(api: string, accept: string, multiple: boolean): Promise<File[]> {
  return new Promise((resolve, reject) => {
    const input = h('input', { type: 'file', accept, style: 'display:none', 'data-testid': 'mp-file-input' });
    input.multiple = multiple;
    input.addEventListener('change', () => {
      input.remove();
      resolve(Array.from(input.files ?? []));
    });
    input.addEventListener('cancel', () => {
      input.remove();
      reject(new WxFail(`${api}:fail cancel`));
    });
    overlayLayer().append(input);
    input.click();
  });
}

function imageSize(url: string): Promise<{ width: number; height: number }> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve({ width: img.naturalWidth, height: img.naturalHeight });
    img.onerror = () => reject(new Error('not an image'));
    img.src = url;
  });
}

async function describe(file: File): Promise<AnyObject> {
  const tempFilePath = addTempFile(file, extensionOf(file.name, file.type));
  const fileType = file.type.startsWith('video/') ? 'video' : 'image';
  const size = fileType === 'image' ? await imageSize(tempFileUrl(tempFilePath)!).catch(() => ({ width: 0, height: 0 })) : { width: 0, height: 0 };
  return { tempFilePath, size: file.size, fileType, ...size };
}

export function mediaApi(ctx: MediaContext): AnyObject {
  return {
    chooseMedia: asyncApi('chooseMedia', async ({ count = 9, mediaType = ['image', 'video'] }) => {
      await ctx.ensurePrivacy('chooseMedia');
      const types = (mediaType as string[]).map((t) => (t === 'mix' ? 'image/*,video/*' : `${t}/*`)).join(',');
      const files = (await pickFiles('chooseMedia', types, count > 1)).slice(0, count);
      const tempFiles = await Promise.all(files.map(describe));
      return { tempFiles, type: tempFiles.every((f) => f.fileType === 'image') ? 'image' : tempFiles.every((f) => f.fileType === 'video') ? 'video' : 'mix' };
    }),
    chooseImage: asyncApi('chooseImage', async ({ count = 9 }) => {
      await ctx.ensurePrivacy('chooseImage');
      const files = (await pickFiles('chooseImage', 'image/*', count > 1)).slice(0, count);
      const tempFiles = await Promise.all(files.map(describe));
      return { tempFilePaths: tempFiles.map((f) => f.tempFilePath), tempFiles: tempFiles.map((f) => ({ path: f.tempFilePath, size: f.size })) };
    }),
    getImageInfo: asyncApi('getImageInfo', async ({ src }) => {
      const url = ctx.resolveSrc(String(src));
      const size = await imageSize(url).catch(() => {
        throw new WxFail(`getImageInfo:fail image not found: ${src}`);
      });
      return { ...size, path: String(src), type: extensionOf(String(src)) || 'unknown', orientation: 'up' };
    }),
    previewImage: asyncApi('previewImage', ({ urls, current }) => {
      if (!Array.isArray(urls) || urls.length === 0) throw new WxFail('previewImage:fail parameter.urls should be a non-empty Array');
      let index = Math.max(0, urls.indexOf(current ?? urls[0]));
      const img = h('img', { style: 'max-width:100%;max-height:100%', alt: '' });
      const counter = h('div', { style: 'position:absolute;top:56px;left:0;right:0;text-align:center;color:#fff;font-size:14px' });
      const show = () => {
        img.src = ctx.resolveSrc(String(urls[index]));
        counter.textContent = `${index + 1}/${urls.length}`;
      };
      const root = h('div', { className: 'mp-mask', style: 'background:#000', 'data-testid': 'mp-preview-image' }, img, counter);
      root.addEventListener('click', (e) => {
        if (e.target === img && urls.length > 1) {
          index = (index + 1) % urls.length;
          show();
        } else root.remove();
      });
      show();
      overlayLayer().append(root);
    }),
    downloadFile: asyncApi('downloadFile', async ({ url }) => {
      let res: Response;
      try {
        res = await fetch(ctx.resolveSrc(String(url)));
      } catch (error) {
        throw new WxFail(`downloadFile:fail ${(error as Error).message}`);
      }
      const blob = await res.blob();
      return { tempFilePath: addTempFile(blob, extensionOf(String(url).split('?')[0]!, blob.type)), statusCode: res.status };
    }),
    openDocument: asyncApi('openDocument', ({ filePath, fileType }) => {
      const blob = tempFile(String(filePath));
      if (!blob) throw new WxFail(`openDocument:fail file not found: ${filePath}`);
      const type = fileType ?? extensionOf(String(filePath));
      const typed = type === 'pdf' && blob.type !== 'application/pdf' ? new Blob([blob], { type: 'application/pdf' }) : blob;
      const url = URL.createObjectURL(typed);
      const opened = window.open(url, '_blank');
      if (!opened) {
        // No user gesture left (a popup blocker): offer the link instead of failing silently.
        const link = h('a', { href: url, target: '_blank', text: '在新标签页打开文档', style: 'color:#fff;font-size:17px' });
        const root = h('div', { className: 'mp-mask', 'data-testid': 'mp-open-document' }, link);
        root.addEventListener('click', () => root.remove());
        overlayLayer().append(root);
      }
    }),
  };
}
