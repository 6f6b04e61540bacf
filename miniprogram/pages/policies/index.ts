// 政策 (tab): the policy library by category. Its search box is the one search box (components/search-box): it opens
// 搜索, over policies, consultations and letters at once. Pages of 20 are appended on scroll (only the new rows go to
// setData); pull down starts again.
import type { PolicyListItem } from '../../../typings/api';
import { categoryOf, categoryTabs } from '../../behaviors/category-tabs';
import { pagedList, setUpPagedList } from '../../behaviors/paged-list';
import { call } from '../../services/api';
import { getMeta } from '../../services/session';
import { definePage, pageState } from '../../utils/page';
import { categoryNamesOf, policyCardView, type PolicyCardView } from '../../utils/policy-view';

const own = pageState(() => ({ categoryNames: {} as Record<string, string> }));

definePage({
  behaviors: [pagedList, categoryTabs],
  data: {
    items: [] as PolicyCardView[],
  },
  onLoad() {
    setUpPagedList<PolicyListItem, PolicyCardView>(this, {
      /** The categories: the tabs and the cards' labels. */
      before: async () => {
        const meta = await getMeta();
        own(this).categoryNames = categoryNamesOf(meta.categories);
        this.showTabs(meta.categories.map((c) => ({ id: c.id, name: c.name })));
      },
      fetch: (paging) => {
        const categoryId = categoryOf(this.data);
        return call('policy.list', { ...paging, ...(categoryId ? { categoryId } : {}) });
      },
      view: (item) => policyCardView(item, { categoryNames: own(this).categoryNames }),
    });
    void this.reload();
  },
  onShareAppMessage() {
    return { title: '政策文件与政策解读', path: '/pages/policies/index' };
  },
});
