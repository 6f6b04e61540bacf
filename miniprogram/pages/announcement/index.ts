// 通知公告详情: title, issuing department and date, 已过期 when it is no longer current, body, attachments, earlier
// versions, and 关注 the department (its new announcements then arrive in 消息).
import { documentDetail, setUpDocumentDetail } from '../../behaviors/document-detail';
import { call } from '../../services/api';
import { announcementDetailView, type AnnouncementDetailView } from '../../utils/announcement-view';
import { dataOf } from '../../utils/events';
import { definePage } from '../../utils/page';

definePage({
  behaviors: [documentDetail],
  data: {
    view: null as AnnouncementDetailView | null,
    following: false,
    followBusy: false,
  },
  onLoad(query) {
    setUpDocumentDetail(
      this,
      {
        missingText: '没有找到这条通知公告，请返回列表重新选择。',
        read: async (id, version) => {
          const a = await call('announcement.get', version === undefined ? { id } : { id, version });
          return { view: announcementDetailView(a, version), following: a.following };
        },
        shareTitle: '通知公告',
        sharePath: (id) => `/pages/announcement/index?id=${encodeURIComponent(id)}`,
      },
      query,
    );
  },
  methods: {
    /** Sends the wanted state, so a double tap or a retry cannot flip it back. */
    onFollow() {
      const view = this.data.view;
      if (!view) return;
      void this.toggle('followBusy', async () => {
        const { following } = await call('announcement.follow', { departmentId: view.departmentId, following: !this.data.following });
        this.setData({ following });
        return following ? '已关注，新通知将出现在消息中' : '已取消关注';
      });
    },
    onVersion(e: WechatMiniprogram.BaseEvent) {
      const version = Number(dataOf(e, 'version'));
      const latest = this.data.view?.versions[0]?.version;
      void this.load(version === latest ? undefined : version);
    },
  },
});
