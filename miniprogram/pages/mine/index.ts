import { call, messageOf } from '../../services/api';
import { roleNames } from '../../utils/labels';
import { definePage } from '../../utils/page';

definePage({
  data: {
    loading: true,
    error: '',
    isStaff: false,
    isAdmin: false,
    isEditor: false,
    roles: '',
  },
  onShow() {
    void this.load();
  },
  methods: {
    async load() {
      this.setData({ loading: true, error: '' });
      try {
        const me = await call('me.get', {});
        this.setData({
          loading: false,
          isStaff: me.isStaff,
          isAdmin: me.roles.includes('admin'),
          isEditor: me.roles.includes('editor') || me.roles.includes('admin'),
          roles: roleNames(me.roles),
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
