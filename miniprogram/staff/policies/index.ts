// 政策管理 (editors): every policy by stored status (the server's words), searchable, newest first; a card opens
// the editor. Reloaded on show, so a policy just saved or published appears with its new status.
import type { PolicyListItem } from '../../../typings/api';
import { listSearch, searchedKeyword } from '../../behaviors/list-search';
import { pagedList, setUpPagedList } from '../../behaviors/paged-list';
import { call } from '../../services/api';
import { getMeta } from '../../services/session';
import { definePage, pageState } from '../../utils/page';
import { categoryNamesOf, policyCardView, type PolicyCardView } from '../../utils/policy-view';
import { chosenFilter, filtersOf, openEditor, statusFilter } from '../behaviors/status-filter';

/** The stored statuses policy.list filters by (an expired one may also be published past its date). */
const STATUSES = ['draft', 'published', 'expired', 'repealed'] as const;

const own = pageState(() => ({ categoryNames: {} as Record<string, string> }));

definePage({
  behaviors: [pagedList, listSearch, statusFilter],
  data: {
    items: [] as PolicyCardView[],
  },
  onLoad() {
    setUpPagedList<PolicyListItem, PolicyCardView>(this, {
      /** The filters' words and the categories the cards name. */
      before: async () => {
        const meta = await getMeta();
        own(this).categoryNames = categoryNamesOf(meta.categories);
        this.showFilters(filtersOf(STATUSES, meta.vocabulary.policyStatuses));
      },
      fetch: (paging) => call('policy.list', { status: chosenFilter(STATUSES, this.data.filter), ...paging, ...searchedKeyword(this.data) }),
      view: (item) => policyCardView(item, { categoryNames: own(this).categoryNames, alwaysShowStatus: true }),
      moreErrorToast: true,
    });
  },
  onShow() {
    void this.reload();
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
