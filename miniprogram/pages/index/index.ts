import { config } from '../../config';
import { call, messageOf } from '../../services/api';
import { getMeta } from '../../services/session';
import { showUnreadBadge } from '../../services/badge';
import { announcementRowView } from '../../utils/announcement-view';
import { draftCardView, type DraftCardView } from '../../utils/draft-view';
import { definePage } from '../../utils/page';
import { staffHomeOnLaunch } from '../../utils/staff-home';
import { homeView, type DepartmentEntry, type TypeEntry } from './view-model';

definePage({
  data: {
    loading: true,
    error: '',
    types: [] as TypeEntry[],
    departments: [] as DepartmentEntry[],
    openDrafts: [] as DraftCardView[],
    announcements: [] as Array<ReturnType<typeof announcementRowView>>,
    hotline: config.hotline,
  },
  onLoad() {
    void this.load();
    void this.loadFeed();
  },
  async onPullDownRefresh() {
    await Promise.all([this.load(), this.loadFeed()]);
    wx.stopPullDownRefresh();
  },
  methods: {
    async load() {
      this.setData({ loading: true, error: '' });
      try {
        const meta = await getMeta();
        this.setData({ loading: false, ...homeView(meta) });
        // Staff launched on the home page go straight to their workbench; home stays below it for 返回.
        const staffHome = staffHomeOnLaunch(meta.roles, wx.getLaunchOptionsSync().path, 'pages/index/index');
        if (staffHome) void wx.navigateTo({ url: staffHome });
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) });
      }
    },
    onRetry() {
      void this.load();
    },
    /**
     * The home feed in one call (home.get): open consultations and the latest announcements, at most three each, and
     * the unread count for the 我的 badge. The home page stays useful if this fails, so it fails quietly.
     */
    async loadFeed() {
      try {
        const feed = await call('home.get', {});
        this.setData({ openDrafts: feed.openDrafts.map(draftCardView), announcements: feed.announcements.map(announcementRowView) });
        if (feed.unreadMessages !== undefined) showUnreadBadge(feed.unreadMessages);
      } catch {
        this.setData({ openDrafts: [], announcements: [] });
      }
    },
    onPolicies() {
      void wx.switchTab({ url: '/pages/policies/index' });
    },
    /** A type tapped on the home page opens the submit form with that type chosen. */
    onWrite(e: WechatMiniprogram.BaseEvent) {
      const key = String(e.currentTarget.dataset.key ?? '');
      void wx.navigateTo({ url: `/pages/submit/index?type=${encodeURIComponent(key)}` });
    },
    /** The department's phone, dialled by WeChat after the citizen confirms. */
    onCallDepartment(e: WechatMiniprogram.BaseEvent) {
      const d = this.data.departments[Number(e.currentTarget.dataset.index)];
      if (d?.phone) void wx.makePhoneCall({ phoneNumber: d.phone }).catch(() => undefined);
    },
    /** The office on WeChat's map, from where the citizen can ask for directions. */
    onMapDepartment(e: WechatMiniprogram.BaseEvent) {
      const d = this.data.departments[Number(e.currentTarget.dataset.index)];
      if (d?.location) void wx.openLocation({ ...d.location, name: d.name, address: d.address, scale: 17 }).catch(() => undefined);
    },
    /** 长辈模式's 我要反映问题: the submit form, where the type is chosen in words. */
    onCareWrite() {
      void wx.navigateTo({ url: '/pages/submit/index' });
    },
    onCallHotline() {
      void wx.makePhoneCall({ phoneNumber: config.hotline });
    },
    onOpen(e: WechatMiniprogram.BaseEvent) {
      const url = String(e.currentTarget.dataset.url ?? '');
      if (url) void wx.navigateTo({ url });
    },
  },
});
