import type { HotQuestion } from '../../../typings/api';
import { call, messageOf } from '../../services/api';
import { getMeta } from '../../services/session';
import { showUnreadBadge } from '../../services/badge';
import { announcementRowView } from '../../utils/announcement-view';
import { draftCardView, type DraftCardView } from '../../utils/draft-view';
import { definePage } from '../../utils/page';
import { surveyCardView, type SurveyCardView } from '../../utils/survey-view';
import { staffHomeOnLaunch } from '../../utils/staff-home';
import { homeView, type DepartmentEntry, type TypeEntry } from './view-model';

definePage({
  data: {
    loading: true,
    error: '',
    types: [] as TypeEntry[],
    departments: [] as DepartmentEntry[],
    openDrafts: [] as DraftCardView[],
    hotQuestions: [] as HotQuestion[],
    openSurveys: [] as SurveyCardView[],
    announcements: [] as Array<ReturnType<typeof announcementRowView>>,
    /** The agency's hotline, an admin setting (meta.get). */
    hotline: '',
  },
  onLoad() {
    void this.load();
    void this.loadHome();
  },
  async onPullDownRefresh() {
    await Promise.all([this.load(), this.loadHome()]);
    wx.stopPullDownRefresh();
  },
  methods: {
    async load() {
      this.setData({ loading: true, error: '' });
      try {
        const meta = await getMeta();
        this.setData({ loading: false, ...homeView(meta), hotline: meta.hotline });
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
     * The page's one call (home.get): open consultations, the latest announcements, the hot questions (常见问题) the
     * editors pinned and the open surveys, at most three each, and the unread count for the 我的 badge. The home page
     * stays useful if it fails, so it fails quietly.
     */
    async loadHome() {
      try {
        const home = await call('home.get', {});
        this.setData({
          openDrafts: home.openDrafts.map(draftCardView),
          announcements: home.announcements.map(announcementRowView),
          hotQuestions: home.hotQuestions,
          openSurveys: home.openSurveys.map(surveyCardView),
        });
        if (home.unreadMessages !== undefined) showUnreadBadge(home.unreadMessages);
      } catch {
        this.setData({ openDrafts: [], announcements: [], hotQuestions: [], openSurveys: [] });
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
      if (this.data.hotline) void wx.makePhoneCall({ phoneNumber: this.data.hotline }).catch(() => undefined);
    },
    onOpen(e: WechatMiniprogram.BaseEvent) {
      const url = String(e.currentTarget.dataset.url ?? '');
      if (url) void wx.navigateTo({ url });
    },
  },
});
