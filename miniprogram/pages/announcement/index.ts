// 通知公告详情: title, issuing department and date, 已过期 when it is no longer current, body, attachments, earlier
// versions, and 关注 the department (its new announcements then arrive in 消息).
import { call, messageOf } from '../../services/api';
import { announcementDetailView, type AnnouncementDetailView } from '../../utils/announcement-view';
import { isDeadEnd } from '../../utils/dead-end';
import { dataOf } from '../../utils/events';
import { openCloudDocument } from '../../utils/open-document';
import { definePage, pageState } from '../../utils/page';

const own = pageState(() => ({ id: '', busy: false }));

definePage({
  data: {
    loading: true,
    error: '',
    missing: false,
    view: null as AnnouncementDetailView | null,
    following: false,
    followBusy: false,
    attachmentBusy: -1,
    attachmentError: '',
  },
  onLoad(query) {
    own(this).id = query.id ?? '';
    void this.load();
  },
  onShareAppMessage() {
    return { title: this.data.view?.title ?? '通知公告', path: `/pages/announcement/index?id=${encodeURIComponent(own(this).id)}` };
  },
  methods: {
    async load(version?: number) {
      const id = own(this).id;
      if (!id) {
        this.setData({ loading: false, error: '没有找到这条通知公告，请返回列表重新选择。', missing: true });
        return;
      }
      this.setData({ loading: true, error: '', missing: false });
      try {
        const a = await call('announcement.get', version === undefined ? { id } : { id, version });
        this.setData({ loading: false, view: announcementDetailView(a, version), following: a.following });
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error), missing: isDeadEnd(error) });
      }
    },
    onRetry() {
      void this.load();
    },
    /** Sends the wanted state, so a double tap or a retry cannot flip it back. */
    async onFollow() {
      const h = own(this);
      const view = this.data.view;
      if (!view || h.busy) return;
      h.busy = true;
      this.setData({ followBusy: true });
      try {
        const { following } = await call('announcement.follow', { departmentId: view.departmentId, following: !this.data.following });
        this.setData({ following });
        void wx.showToast({ title: following ? '已关注，新通知将出现在消息中' : '已取消关注', icon: 'none' });
      } catch (error) {
        void wx.showToast({ title: messageOf(error), icon: 'none' });
      } finally {
        h.busy = false;
        this.setData({ followBusy: false });
      }
    },
    onVersion(e: WechatMiniprogram.BaseEvent) {
      const version = Number(dataOf(e, 'version'));
      const latest = this.data.view?.versions[0]?.version;
      void this.load(version === latest ? undefined : version);
    },
    async onAttachment(e: WechatMiniprogram.BaseEvent) {
      const index = Number(dataOf(e, 'index'));
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
  },
});
