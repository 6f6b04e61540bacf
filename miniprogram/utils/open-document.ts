// Attachments live in cloud storage: a temporary URL (the server's, or a fresh one), a download, then the system
// viewer. Shared by the policy and announcement pages.

/** wx.openDocument opens these; anything else is offered as a download it cannot show. */
const DOCUMENT_TYPES = ['doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'pdf'];

function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(name);
  return m ? m[1].toLowerCase() : '';
}

/** Opens the file; rejects when it cannot be fetched or shown (the page says so in its own words). */
export async function openCloudDocument(attachment: { fileID: string; name: string; url?: string }): Promise<void> {
  let url = attachment.url;
  if (!url) {
    const res = await wx.cloud.getTempFileURL({ fileList: [attachment.fileID] });
    url = res.fileList[0]?.tempFileURL ?? '';
  }
  if (!url) throw new Error('no url');
  const download = await new Promise<WechatMiniprogram.DownloadFileSuccessCallbackResult>((resolve, reject) => {
    wx.downloadFile({ url, success: resolve, fail: reject });
  });
  if (download.statusCode && download.statusCode !== 200) throw new Error(`status ${download.statusCode}`);
  const ext = extensionOf(attachment.name);
  await wx.openDocument({
    filePath: download.tempFilePath,
    showMenu: true,
    ...(DOCUMENT_TYPES.includes(ext) ? { fileType: ext as 'pdf' } : {}),
  });
}
