// A published document's page for citizens (通知公告详情, 政策详情): the document of `?id=` (or one of its versions,
// `?version=`), read again by 重新加载 and when another version is chosen, a dead end when it is not there, its
// attachments opened from cloud storage, one toggle at a time (关注, 收藏) and the chat card when shared. The page
// says how to read and show it in `setUpDocumentDetail` (in onLoad) and declares `view` (with `title` and
// `attachments`) in `data`; its WXML binds onRetry and onAttachment.
import { messageOf } from '../services/api';
import { isDeadEnd } from '../utils/dead-end';
import { dataOf } from '../utils/events';
import { openCloudDocument } from '../utils/open-document';
import { pageState } from '../utils/page';

export interface DocumentDetailSpec {
  /** What the page says when it was opened without an id. */
  missingText: string;
  /** Reads the document (the version asked for, else the current one) and answers what to put on screen. */
  read(id: string, version?: number): Promise<Record<string, unknown>>;
  /** The chat card's title before the document is read, and its path. */
  shareTitle: string;
  sharePath(id: string): string;
}

interface Attachment {
  fileID: string;
  name: string;
}

interface DetailPage {
  data: { view: { title: string; attachments: Attachment[] } | null; attachmentBusy: number };
  setData(patch: Record<string, unknown>): void;
  load(version?: number): Promise<void>;
}

const own = pageState(() => ({ id: '', busy: false, spec: null as DocumentDetailSpec | null }));

/** Gives the page its document (call it first in onLoad); the page is then read. */
export function setUpDocumentDetail(page: DetailPage, spec: DocumentDetailSpec, query: Record<string, string | undefined>): void {
  const h = own(page);
  h.id = query.id ?? '';
  h.spec = spec;
  const version = query.version ? Number(query.version) : undefined;
  void page.load(Number.isInteger(version) ? version : undefined);
}

/** The id of the document on screen. */
export function documentId(page: object): string {
  return own(page).id;
}

export const documentDetail = Behavior({
  data: {
    loading: true,
    error: '',
    /** The document is not there (or no longer public): the dead end, not the reload button. */
    missing: false,
    attachmentBusy: -1,
    attachmentError: '',
  },
  methods: {
    async load(this: DetailPage, version?: number) {
      const { id, spec } = own(this);
      if (!spec) return;
      if (!id) {
        this.setData({ loading: false, error: spec.missingText, missing: true });
        return;
      }
      this.setData({ loading: true, error: '', missing: false });
      try {
        this.setData({ loading: false, ...(await spec.read(id, version)) });
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error), missing: isDeadEnd(error) });
      }
    },

    onRetry(this: DetailPage) {
      void this.load();
    },

    /**
     * One toggle (关注, 收藏) at a time: `busyKey` in data disables its button meanwhile; `send` sends the wanted
     * state and answers the toast; a refusal is said in a toast.
     */
    async toggle(this: DetailPage, busyKey: string, send: () => Promise<string>) {
      const h = own(this);
      if (h.busy) return;
      h.busy = true;
      this.setData({ [busyKey]: true });
      try {
        void wx.showToast({ title: await send(), icon: 'none' });
      } catch (error) {
        void wx.showToast({ title: messageOf(error), icon: 'none' });
      } finally {
        h.busy = false;
        this.setData({ [busyKey]: false });
      }
    },

    /** Attachments live in cloud storage: a temporary URL, a download, then the system viewer. */
    async onAttachment(this: DetailPage, e: WechatMiniprogram.BaseEvent & { detail?: { index?: number } }) {
      // From policy-article's `attachment` event (detail.index) or a row of the page's own (data-index).
      const index = typeof e.detail?.index === 'number' ? e.detail.index : Number(dataOf(e, 'index'));
      const attachment = this.data.view?.attachments[index];
      if (!attachment || this.data.attachmentBusy >= 0) return;
      this.setData({ attachmentBusy: index, attachmentError: '' });
      try {
        await openCloudDocument(attachment);
      } catch {
        this.setData({ attachmentError: `“${attachment.name}”暂时打不开，请稍后再试。` });
      } finally {
        this.setData({ attachmentBusy: -1 });
      }
    },

    onShareAppMessage(this: DetailPage) {
      const { id, spec } = own(this);
      return { title: this.data.view?.title ?? spec?.shareTitle ?? '', path: spec?.sharePath(id) ?? '' };
    },
  },
});
