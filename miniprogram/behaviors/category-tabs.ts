// The citizen's lists by topic (办事指南 by the guide's topics, 政策 by category): a row of tabs over the paged list
// (behaviors/paged-list.ts). The tabs come from meta.get, the session's (no call), read in the list's `before`
// (so pull-down and retry read them again with the first page); a tab change reloads the list, whose fetch sends
// `categoryOf(this.data)`.
import type { DetailEvent } from '../utils/events';

export interface CategoryTab {
  id: string;
  name: string;
}

const ALL = 'all';

/** The tabs on screen: 全部, then the topics in the server's order and words. */
export function withAll(tabs: CategoryTab[]): CategoryTab[] {
  return [{ id: ALL, name: '全部' }, ...tabs];
}

/** The chosen topic, or none under 全部. */
export function categoryOf(data: { activeTab: string }): string | undefined {
  return data.activeTab === ALL ? undefined : data.activeTab;
}

interface TabsPage {
  data: { activeTab: string; tabs: CategoryTab[] };
  setData(patch: Record<string, unknown>): void;
  reload(clear?: boolean): Promise<void>;
}

export const categoryTabs = Behavior({
  data: {
    tabs: withAll([]),
    activeTab: ALL,
  },
  methods: {
    /** Puts the topics on screen (after 全部); the same topics again change nothing (van-tabs would lay out anew). */
    showTabs(this: TabsPage, tabs: CategoryTab[]) {
      const next = withAll(tabs);
      if (JSON.stringify(next) !== JSON.stringify(this.data.tabs)) this.setData({ tabs: next });
    },

    onTabChange(this: TabsPage, e: DetailEvent<{ name: string }>) {
      const name = e.detail.name || ALL;
      if (name === this.data.activeTab) return;
      this.setData({ activeTab: name });
      void this.reload();
    },
  },
});
