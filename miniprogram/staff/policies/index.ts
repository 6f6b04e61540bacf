// 政策管理 (editors): every policy by status (全部/草稿/已发布/已失效/已废止), searchable, newest first; a card opens
// the editor. Reloaded on show, so a policy just saved or published appears with its new status.
import type { PolicyListItem, PolicyStatus } from '../../../typings/api';
import { listSearch, searchedKeyword } from '../../behaviors/list-search';
import { pagedList, setUpPagedList } from '../../behaviors/paged-list';
import { call } from '../../services/api';
import { getMeta } from '../../services/session';
import { definePage, pageState } from '../../utils/page';
import { policyCardView, type PolicyCardView } from '../../utils/policy-view';
import { chosenFilter, openEditor, statusFilter } from '../behaviors/status-filter';

type Filter = PolicyStatus | 'all';

const FILTERS: Array<{ key: Filter; label: string }> = [
  { key: 'all', label: '全部' },
  { key: 'draft', label: '草稿' },
  { key: 'published', label: '已发布' },
  { key: 'expired', label: '已失效' },
  { key: 'repealed', label: '已废止' },
];

const own = pageState(() => ({ categoryNames: {} as Record<string, string>, shown: false }));

definePage({
  behaviors: [pagedList, listSearch, statusFilter],
  data: {
    filters: FILTERS,
    items: [] as PolicyCardView[],
  },
  onLoad() {
    setUpPagedList<PolicyListItem, PolicyCardView>(this, {
      fetch: (paging) => call('policy.list', { status: chosenFilter(FILTERS, this.data.filter), ...paging, ...searchedKeyword(this.data) }),
      view: (item) => policyCardView(item, { categoryNames: own(this).categoryNames, alwaysShowStatus: true }),
      moreErrorToast: true,
    });
  },
  async onShow() {
    const h = own(this);
    if (!h.shown) {
      h.shown = true;
      try {
        const meta = await getMeta();
        h.categoryNames = Object.fromEntries(meta.categories.map((c) => [c.id, c.name]));
      } catch {
        // Category names only decorate the cards; the list itself still loads.
      }
    }
    await this.reload();
  },
  methods: {
    onNew() {
      openEditor('/staff/policy-edit/index');
    },

    onDrafts() {
      void wx.navigateTo({ url: '/staff/drafts/index' });
    },
  },
});
