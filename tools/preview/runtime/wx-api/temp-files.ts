// Temporary files (what chooseMedia and downloadFile return): wxfile://tmp_... paths, as on a phone, backed by
// in-memory blobs of this page load. <image src> and wx.cloud.uploadFile accept them.

const files = new Map<string, Blob>();
const urls = new Map<string, string>();

export function addTempFile(blob: Blob, ext: string): string {
  const id = Math.random().toString(36).slice(2, 12);
  const path = `wxfile://tmp_${id}${ext ? `.${ext.replace(/^\./, '')}` : ''}`;
  files.set(path, blob);
  return path;
}

export function extensionOf(name: string, type = ''): string {
  const fromName = /\.([a-zA-Z0-9]{1,8})$/.exec(name)?.[1];
  if (fromName) return fromName.toLowerCase();
  const fromType = /\/([a-z0-9]+)/.exec(type)?.[1];
  return fromType === 'jpeg' ? 'jpg' : (fromType ?? '');
}

export function tempFile(path: string): Blob | undefined {
  return files.get(path);
}

/** A URL the browser can load for a temp path (blob:), or null when the path is not a temp file. */
export function tempFileUrl(path: string): string | null {
  const blob = files.get(path);
  if (!blob) return null;
  let url = urls.get(path);
  if (!url) {
    url = URL.createObjectURL(blob);
    urls.set(path, url);
  }
  return url;
}
