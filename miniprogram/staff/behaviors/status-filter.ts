// The staff's record lists (通知公告管理, 办事指南管理, 政策管理, 意见征集管理): a row of status filters over the paged
// list (behaviors/paged-list.ts). The page names the stored statuses its list action filters by; their words come
// from meta.get (the session's, no call), put on screen by `showFilters` in the list's `before`. A tap on a filter
// reloads the list, whose fetch sends `status: chosenFilter(STATUSES, this.data.filter)`.
import type { LabelOption } from '../../../typings/api';
import { dataOf } from '../../utils/events';

const ALL = 'all';

export interface StatusFilterOption<K extends string> {
  key: K | typeof ALL;
  label: string;
}

/** The filters on screen: 全部, then `statuses` in the server's words. */
export function filtersOf<K extends string>(statuses: readonly K[], labels: ReadonlyArray<LabelOption<K>>): Array<StatusFilterOption<K>> {
  return [{ key: ALL, label: '全部' }, ...statuses.map((key) => ({ key, label: labels.find((l) => l.key === key)?.label ?? '' }))];
}

/** The filter on screen as one of `statuses`, or all of them. */
export function chosenFilter<K extends string>(statuses: readonly K[], filter: string): K | typeof ALL {
  return statuses.find((s) => s === filter) ?? ALL;
}

/** Opens a record's editor, or the editor of a new one. */
export function openEditor(path: string, id = ''): void {
  void wx.navigateTo({ url: id ? `${path}?id=${encodeURIComponent(id)}` : path });
}

interface FilterPage {
  data: { filter: string; filters: Array<{ key: string; label: string }> };
  setData(patch: Record<string, unknown>): void;
  reload(clear?: boolean): Promise<void>;
}

export const statusFilter = Behavior({
  data: {
    filter: ALL,
    filters: [] as Array<{ key: string; label: string }>,
  },
  methods: {
    /** Puts the filters on screen; the same ones again (every reload reads them) change nothing. */
    showFilters(this: FilterPage, filters: Array<{ key: string; label: string }>) {
      if (JSON.stringify(filters) !== JSON.stringify(this.data.filters)) this.setData({ filters });
    },

    onFilter(this: FilterPage, e: WechatMiniprogram.BaseEvent) {
      const filter = dataOf(e, 'key');
      if (!filter || filter === this.data.filter) return;
      this.setData({ filter });
      void this.reload();
    },
  },
});
