// 我的留言: the citizen's cases by tab, newest first, a page at a time on scroll; pull down to refresh.
import type { CaseListItem, MineTab, Page } from '../../../typings/api';
import { pagedList, setUpPagedList } from '../../behaviors/paged-list';
import { call } from '../../services/api';
import { caseCard, type CaseCardView } from '../../utils/case';
import { type DetailEvent } from '../../utils/events';
import { definePage } from '../../utils/page';
import { emptyText, MINE_TABS, tabOf } from './view-model';

definePage({
  behaviors: [pagedList],
  data: {
    tabs: MINE_TABS,
    tab: 'all' as MineTab,
    items: [] as CaseCardView[],
    emptyText: emptyText('all'),
  },
  onLoad(query) {
    const tab = tabOf(query.tab);
    setUpPagedList<CaseListItem, CaseCardView, Page<CaseListItem>>(this, {
      fetch: (paging) => call('case.listMine', { tab: this.data.tab, ...paging }),
      view: (item) => caseCard(item),
      refreshInPlace: true,
      // Coming back from a case (rated, withdrawn): its status may have moved, so the first page is fetched again.
      reloadOnReturn: true,
    });
    this.setData({ tab, emptyText: emptyText(tab) });
    void this.reload(true);
  },
  methods: {
    onTab(e: DetailEvent<{ name: string }>) {
      const tab = tabOf(e.detail.name);
      if (tab === this.data.tab) return;
      this.setData({ tab, emptyText: emptyText(tab) });
      void this.reload(true);
    },

    onSubmit() {
      void wx.navigateTo({ url: '/pages/submit/index' });
    },
  },
});
