// 消息: everything the agency sent this citizen (progress of their cases, replies, adoption reports, responses to
// co-signed suggestions) and the new announcements of departments they follow, newest first, paged on scroll.
// Opening one marks it read and goes to its case, draft, letter or announcement.
import type { MessageItem, ResponseOf } from '../../../typings/api';
import { pagedList, setUpPagedList } from '../../behaviors/paged-list';
import { call, messageOf } from '../../services/api';
import { messageView, type MessageView } from '../../utils/announcement-view';
import { dataOf } from '../../utils/events';
import { definePage } from '../../utils/page';

definePage({
  behaviors: [pagedList],
  data: {
    items: [] as MessageView[],
    unread: 0,
  },
  onLoad() {
    setUpPagedList<MessageItem, MessageView, ResponseOf<'message.list'>>(this, {
      fetch: (paging) => call('message.list', paging),
      view: (item) => messageView(item),
      extra: (page) => ({ unread: page.unread }),
      // Back from a message's page: its read mark (and anything new) shows.
      reloadOnReturn: true,
    });
    void this.reload();
  },
  methods: {
    onOpen(e: WechatMiniprogram.BaseEvent) {
      const index = Number(dataOf(e, 'index'));
      const m = this.data.items[index];
      if (!m) return;
      if (!m.read) {
        this.setData({ [`items[${index}].read`]: true, unread: Math.max(0, this.data.unread - 1) });
        // The page opens whatever becomes of the mark; the list reloads on return and shows what the server holds.
        void call('message.read', { ids: [m.id] }).catch(() => undefined);
      }
      void wx.navigateTo({ url: m.url });
    },
    async onReadAll() {
      try {
        const { unread } = await call('message.read', { all: true });
        this.setData({ unread, items: this.data.items.map((m) => ({ ...m, read: true })) });
      } catch (error) {
        void wx.showToast({ title: messageOf(error), icon: 'none' });
      }
    },
  },
});
