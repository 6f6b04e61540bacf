// 我的留言: the tabs and what each asks the server for.
import type { MineTab } from '../../../typings/api';

export interface TabOption {
  name: MineTab;
  title: string;
  empty: string;
}

export const MINE_TABS: readonly TabOption[] = [
  { name: 'all', title: '全部', empty: '您还没有留言' },
  { name: 'open', title: '办理中', empty: '没有正在办理的留言' },
  { name: 'replied', title: '待评价', empty: '没有等待您评价的答复' },
  { name: 'done', title: '已办结', empty: '没有已办结的留言' },
];

export function tabOf(name: unknown): MineTab {
  return MINE_TABS.some((t) => t.name === name) ? (name as MineTab) : 'all';
}

export function emptyText(tab: MineTab): string {
  return MINE_TABS.find((t) => t.name === tab)?.empty ?? '';
}
