// Policy attachments live in cloud storage under policies/. The editor uploads them from the mini program; the
// function checks they exist before a save refers to them, and hands readers temporary download URLs.
import * as cloud from 'wx-server-sdk';

/** fileID -> temporary URL, or null for a file that does not exist. */
export async function fileUrls(fileIDs: readonly string[]): Promise<Record<string, string | null>> {
  const unique = [...new Set(fileIDs)];
  if (unique.length === 0) return {};
  const { fileList } = await cloud.getTempFileURL({ fileList: unique.map((fileID) => ({ fileID, maxAge: 3600 })) });
  const out: Record<string, string | null> = {};
  for (const f of fileList as Array<{ fileID: string; tempFileURL?: string; status: number }>) {
    out[f.fileID] = f.status === 0 && f.tempFileURL ? f.tempFileURL : null;
  }
  return out;
}
