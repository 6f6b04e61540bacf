import { call, messageOf } from '../../services/api';
import { showUnreadBadge } from '../../services/badge';
import { getMe, getMeta } from '../../services/session';
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
    /** Unread messages in 消息; shown on its entry and as the tab's badge. */
    unread: 0,
  },
  onShow() {
    void this.load();
  },
  methods: {
    async load() {
      this.setData({ loading: true, error: '' });
      try {
        const [me, meta, { unread }] = await Promise.all([getMe(), getMeta(), call('message.unread', {})]);
        showUnreadBadge(unread);
        this.setData({
          loading: false,
          isStaff: me.isStaff,
          isAdmin: me.roles.includes('admin'),
          isEditor: me.roles.includes('editor') || me.roles.includes('admin'),
          mayDashboard: me.roles.some((r) => r === 'dispatcher' || r === 'handler' || r === 'supervisor' || r === 'admin'),
          roles: roleNames(me.roles, meta.vocabulary.roles),
          unread,
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
  },
});
