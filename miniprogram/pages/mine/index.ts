import { messageOf } from '../../services/api';
import { getMe, getMeta } from '../../services/session';
import { watchPrivacy } from '../../services/privacy';
import { roleNames } from '../../utils/labels';
import { definePage } from '../../utils/page';

definePage({
  data: {
    loading: true,
    error: '',
    isStaff: false,
    isAdmin: false,
    isEditor: false,
    /** Staff who follow performance: dispatchers, handlers, supervisors, admins (not editors alone). */
    mayDashboard: false,
    roles: '',
    /** The caller's OPENID: the first administrators put theirs in the function's ADMIN_OPENIDS (docs/deploy.md). */
    openid: '',
    privacyShow: false,
  },
  onShow() {
    // Copying to the clipboard is a privacy API; WeChat's listener is global, so this page takes it while it shows.
    watchPrivacy(() => this.setData({ privacyShow: true }));
    void this.load();
  },
  methods: {
    async load() {
      this.setData({ loading: true, error: '' });
      try {
        const [me, meta] = await Promise.all([getMe(), getMeta()]);
        this.setData({
          loading: false,
          isStaff: me.isStaff,
          isAdmin: me.roles.includes('admin'),
          isEditor: me.roles.includes('editor') || me.roles.includes('admin'),
          mayDashboard: me.roles.some((r) => r === 'dispatcher' || r === 'handler' || r === 'supervisor' || r === 'admin'),
          roles: roleNames(me.roles, meta.vocabulary.roles),
          openid: me.openid,
        });
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) });
      }
    },
    onRetry() {
      void this.load();
    },
    onOpen(e: WechatMiniprogram.BaseEvent) {
      const url = String(e.currentTarget.dataset.url ?? '');
      if (url) void wx.navigateTo({ url });
    },
    onCopyOpenid() {
      if (this.data.openid) void wx.setClipboardData({ data: this.data.openid });
    },
    onPrivacyClose() {
      this.setData({ privacyShow: false });
    },
  },
});
