import { call, messageOf } from '../../services/api';
import { roleNames } from '../../utils/labels';
import { definePage } from '../../utils/page';

definePage({
  data: {
    loading: true,
    error: '',
    isStaff: false,
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
        this.setData({ loading: false, isStaff: me.isStaff, roles: roleNames(me.roles) });
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) });
      }
    },
    onRetry() {
      void this.load();
    },
  },
});
