// 我的收藏: the policies this citizen starred, newest first, paged like the policy list. Reloaded on show, because
// a star may have been removed on the detail page in between.
import type { PolicyListItem } from '../../../typings/api';
import { pagedList, setUpPagedList } from '../../behaviors/paged-list';
import { call } from '../../services/api';
import { definePage } from '../../utils/page';
import { policyCardView, type PolicyCardView } from '../../utils/policy-view';

definePage({
  behaviors: [pagedList],
  data: {
    items: [] as PolicyCardView[],
  },
  onLoad() {
    setUpPagedList<PolicyListItem, PolicyCardView>(this, {
      fetch: (paging) => call('policy.list', { favorites: true, ...paging }),
      view: (item) => policyCardView(item),
    });
  },
  onShow() {
    void this.reload();
  },
  methods: {
    onBrowse() {
      void wx.switchTab({ url: '/pages/policies/index' });
    },
  },
});
