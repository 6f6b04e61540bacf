// The staff's record lists (通知公告管理, 办事指南管理, 政策管理, 意见征集管理): the row of status filters over the paged
// list (behaviors/paged-list.ts). The page declares its `filters` in `data`; a tap on one reloads the list, whose
// fetch sends `status: chosenFilter(FILTERS, this.data.filter)`.
import { dataOf } from '../../utils/events';

interface FilterPage {
  data: { filter: string };
  setData(patch: Record<string, unknown>): void;
  reload(clear?: boolean): Promise<void>;
}

/** The filter on screen as one of the page's keys (the first, 全部, for anything else). */
export function chosenFilter<K extends string>(filters: ReadonlyArray<{ key: K }>, filter: string): K {
  return (filters.find((f) => f.key === filter) ?? filters[0]!).key;
}

/** Opens a record's editor, or the editor of a new one. */
export function openEditor(path: string, id = ''): void {
  void wx.navigateTo({ url: id ? `${path}?id=${encodeURIComponent(id)}` : path });
}

export const statusFilter = Behavior({
  data: {
    filter: 'all',
  },
  methods: {
    onFilter(this: FilterPage, e: WechatMiniprogram.BaseEvent) {
      const filter = dataOf(e, 'key');
      if (!filter || filter === this.data.filter) return;
      this.setData({ filter });
      void this.reload();
    },
  },
});
