// The paged list pages (我的留言, 公开信件, 政策, 我的收藏, 意见征集, 工作台, 政策管理, 意见征集管理, 意见审核): a Behavior that
// owns the list's paging and the screen state around it, so a page only says how to fetch a page and how to show a
// row (setUpPagedList, in onLoad) and declares its rows in `data`. The page takes on:
//   data     loading, loadingMore, hasMore and done (the same fact both ways: some pages read one, some the other),
//            empty, error (the first page failed: a retry screen), moreError (a later page failed: a retry row)
//   methods  reload(clear), more(), onRetry (the retry screen), onMore (the foot's link and retry row), and the
//            lifecycles onShow (see reloadOnReturn), onPullDownRefresh and onReachBottom; a page's own method of the
//            same name replaces the Behavior's
// The rows go through utils/list.ts (PagedList): the first page replaces the array, later pages go as `items[n]`
// paths, and the cursor stays off `data` (docs/adr/0020-page-structure.md).
import { messageOf } from '../services/api';
import { PAGE_SIZE, PagedList, type PageOf } from '../utils/list';

/** What a page request carries for the paging: spread it into the action's payload. */
export interface Paging {
  limit: number;
  cursor?: string;
}

export interface PagedListSpec<TRaw, TView, TResponse extends PageOf<TRaw>> {
  /** The rows' key in `data`: 'items' unless said. */
  key?: string;
  /** One page of the list. */
  fetch(paging: Paging): Promise<TResponse>;
  /** A row as its card shows it (and nothing more: it goes to setData). */
  view(raw: TRaw): TView;
  /** What else a page's answer puts on screen (filter counts), or null when nothing changed. */
  extra?(response: TResponse): Record<string, unknown> | null;
  /** What the first page needs first (the tabs, the names its rows show); when it fails, the load fails. */
  before?(): Promise<void>;
  /** Data fetched alongside the first page and shown with it; when it fails, the load fails. */
  withFirstPage?(): Promise<Record<string, unknown>>;
  /** Pull-down refresh leaves the rows on screen until the new first page arrives (otherwise: the loading state). */
  refreshInPlace?: boolean;
  /** Showing the page again (back from a row's page, where its status may have moved) reloads it, rows in place. */
  reloadOnReturn?: boolean;
  /** A later page that fails says so in a toast (pages without a retry row) rather than in `moreError`. */
  moreErrorToast?: boolean;
}

interface Host {
  data: { loading: boolean };
  setData(patch: Record<string, unknown>): void;
}

interface Pager {
  readonly refreshInPlace: boolean;
  /** Whether the page is being shown again, after its first onShow, and wants the list reloaded then. */
  returning(): boolean;
  reload(clear: boolean): Promise<void>;
  more(): Promise<void>;
}

const pagers = new WeakMap<object, Pager>();

class ListPager<TRaw, TView, TResponse extends PageOf<TRaw>> implements Pager {
  private readonly list: PagedList<TRaw, TView, TResponse>;
  private readonly key: string;
  /** Bumped by every reload: an answer for an older one is dropped, errors included. */
  private generation = 0;
  /** Whether the first page since the last reload is on screen. */
  private started = false;
  private shown = false;

  constructor(
    private readonly page: Host,
    private readonly spec: PagedListSpec<TRaw, TView, TResponse>,
  ) {
    this.key = spec.key ?? 'items';
    this.list = new PagedList<TRaw, TView, TResponse>(
      this.key,
      (cursor) => spec.fetch(cursor ? { limit: PAGE_SIZE, cursor } : { limit: PAGE_SIZE }),
      (raw) => spec.view(raw),
    );
  }

  get refreshInPlace(): boolean {
    return !!this.spec.refreshInPlace;
  }

  returning(): boolean {
    const again = this.shown;
    this.shown = true;
    return again && !!this.spec.reloadOnReturn;
  }

  async reload(clear: boolean): Promise<void> {
    this.generation += 1;
    this.started = false;
    this.list.reset();
    if (clear) this.page.setData({ [this.key]: [], loading: true, loadingMore: false, hasMore: false, done: false, empty: false, error: '', moreError: '' });
    await this.load();
  }

  async more(): Promise<void> {
    if (this.list.done || this.list.busy || this.page.data.loading) return;
    this.page.setData({ loadingMore: true, moreError: '' });
    await this.load();
  }

  private async load(): Promise<void> {
    const { spec } = this;
    const generation = this.generation;
    const first = !this.started;
    try {
      if (first && spec.before) {
        await spec.before();
        // Reloaded meanwhile: that reload loads the list.
        if (generation !== this.generation) return;
      }
      const [page, alongside] = await Promise.all([this.nextWithRows(first), first && spec.withFirstPage ? spec.withFirstPage() : null]);
      if (!page || generation !== this.generation) return;
      this.started = true;
      this.page.setData({
        ...page.patch,
        ...alongside,
        ...spec.extra?.(page.response),
        loading: false,
        loadingMore: false,
        hasMore: !page.done,
        done: page.done,
        empty: page.count === 0 && page.done,
        error: '',
      });
      // A first page whose rows were all filtered out, with more behind it: go on rather than show nothing.
      if (first && page.count === 0 && !page.done) await this.more();
    } catch (error) {
      if (generation !== this.generation) return;
      const message = messageOf(error);
      if (first) {
        // Whatever the list read meanwhile was never shown: start from the first page again.
        this.list.reset();
        this.page.setData({ loading: false, loadingMore: false, error: message });
      } else if (spec.moreErrorToast) {
        this.page.setData({ loadingMore: false });
        void wx.showToast({ title: message, icon: 'none' });
      } else {
        this.page.setData({ loadingMore: false, moreError: message });
      }
    }
  }

  /** The next page; after the first, a page that adds no row (all filtered out) is followed by the next at once. */
  private async nextWithRows(first: boolean) {
    const before = this.list.size;
    let page = await this.list.next();
    while (!first && page && page.count === before && !page.done) page = await this.list.next();
    return page;
  }
}

/** Gives the page its list (call it in onLoad, before the first reload). */
export function setUpPagedList<TRaw, TView, TResponse extends PageOf<TRaw> = PageOf<TRaw>>(
  page: Host,
  spec: PagedListSpec<TRaw, TView, TResponse>,
): void {
  pagers.set(page, new ListPager(page, spec));
}

export const pagedList = Behavior({
  data: {
    loading: true,
    loadingMore: false,
    hasMore: false,
    done: false,
    empty: false,
    error: '',
    moreError: '',
  },
  methods: {
    /** Loads the first page again; `clear` empties the screen first (another filter), else the rows stay till then. */
    async reload(clear = true): Promise<void> {
      await pagers.get(this)?.reload(clear);
    },

    async more(): Promise<void> {
      await pagers.get(this)?.more();
    },

    onRetry() {
      void this.reload(true);
    },

    /** The foot's "加载更多" and the retry of a failed later page. */
    onMore() {
      void this.more();
    },

    onShow() {
      if (pagers.get(this)?.returning()) void this.reload(false);
    },

    async onPullDownRefresh() {
      const pager = pagers.get(this);
      await pager?.reload(!pager.refreshInPlace);
      wx.stopPullDownRefresh();
    },

    onReachBottom() {
      void this.more();
    },
  },
});
