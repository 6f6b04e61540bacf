import { call, messageOf } from '../../services/api';
import { definePage } from '../../utils/page';
import { homeView, type DepartmentEntry, type TypeEntry } from './view-model';

definePage({
  data: {
    loading: true,
    error: '',
    types: [] as TypeEntry[],
    departments: [] as DepartmentEntry[],
  },
  onLoad() {
    void this.load();
  },
  async onPullDownRefresh() {
    await this.load();
    wx.stopPullDownRefresh();
  },
  methods: {
    async load() {
      this.setData({ loading: true, error: '' });
      try {
        const view = homeView(await call('meta.get', {}));
        this.setData({ loading: false, ...view });
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error) });
      }
    },
    onRetry() {
      void this.load();
    },
  },
});
