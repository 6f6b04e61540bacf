// The search box over a paged list (通知公告, 办事指南, and the staff's lists of announcements, guide items and policies):
// what is typed (`keyword`) and what the rows on screen were searched for (`searched`). Searching, or clearing a search
// that was made, reloads the list: the page also takes on behaviors/paged-list.ts, and its fetch sends
// `searchedKeyword(this.data)`.
import { valueOf, type DetailEvent } from '../utils/events';
import { decodeParam } from '../utils/query';

interface SearchPage {
  data: { keyword: string; searched: string };
  setData(patch: Record<string, unknown>): void;
  reload(clear?: boolean): Promise<void>;
}

/** The request's keyword: what was searched, or nothing. */
export function searchedKeyword(data: { searched: string }): { keyword?: string } {
  const keyword = data.searched.trim();
  return keyword ? { keyword } : {};
}

export const listSearch = Behavior({
  data: {
    keyword: '',
    searched: '',
  },
  methods: {
    /** A search the page was opened with (`?keyword=`, from 搜索 or a link): the first page is its results. */
    searchFromQuery(this: SearchPage, query: Record<string, string | undefined>) {
      const keyword = decodeParam(query.keyword).trim();
      if (keyword) this.setData({ keyword, searched: keyword });
    },

    onKeywordChange(this: SearchPage, e: DetailEvent<unknown>) {
      this.setData({ keyword: valueOf(e.detail) });
    },

    /** The search box's search (its detail is what was typed) or the 搜索 button (no detail: what was typed so far). */
    onSearch(this: SearchPage, e?: DetailEvent<unknown>) {
      const typed = e && e.detail !== undefined && e.detail !== null && typeof e.detail !== 'object' ? valueOf(e.detail) : this.data.keyword;
      const keyword = typed.trim();
      this.setData({ keyword, searched: keyword });
      void this.reload();
    },

    onClearSearch(this: SearchPage) {
      this.setData({ keyword: '' });
      if (this.data.searched) {
        this.setData({ searched: '' });
        void this.reload();
      }
    },
  },
});
