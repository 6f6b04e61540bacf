// The attachments of an edited document (编辑通知公告, 编辑政策): a file chosen from a chat, uploaded to cloud storage
// under a random name, added to `form.attachments`; removed by its row's ×. `uploading` is true meanwhile.
import { dataOf } from '../../utils/events';

interface Attachment {
  fileID: string;
  name: string;
  size?: number;
}

interface AttachmentPage {
  data: { form: { attachments: Attachment[] }; uploading: boolean };
  setData(patch: Record<string, unknown>): void;
}

export const attachmentList = Behavior({
  data: {
    uploading: false,
  },
  methods: {
    /** One file with one of `extensions`, stored at `cloudPath(its name)`; true once it is in the form. */
    async uploadAttachment(this: AttachmentPage, extensions: string[], cloudPath: (fileName: string) => string): Promise<boolean> {
      if (this.data.uploading) return false;
      let file: { path: string; name: string; size: number } | undefined;
      try {
        file = (await wx.chooseMessageFile({ count: 1, type: 'file', extension: extensions })).tempFiles[0];
      } catch {
        return false; // The editor closed the chooser.
      }
      if (!file) return false;
      this.setData({ uploading: true });
      try {
        const res = await wx.cloud.uploadFile({ cloudPath: cloudPath(file.name), filePath: file.path });
        this.setData({ 'form.attachments': [...this.data.form.attachments, { fileID: res.fileID, name: file.name, size: file.size }] });
        return true;
      } catch {
        void wx.showToast({ title: '上传没有成功，请重试', icon: 'none' });
        return false;
      } finally {
        this.setData({ uploading: false });
      }
    },

    onRemoveAttachment(this: AttachmentPage, e: WechatMiniprogram.BaseEvent) {
      const index = Number(dataOf(e, 'index'));
      this.setData({ 'form.attachments': this.data.form.attachments.filter((_, i) => i !== index) });
    },
  },
});
