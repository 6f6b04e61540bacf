// Paging a list into setData without resending it. The first page replaces the array; every later page is written as
// `items[n]` paths, so each setData carries one page whatever the length of the list (the render layer receives only
// what changed; see docs/adr/0020-page-structure.md). The cursor and the bookkeeping live here, not in `data`.

/** Rows per request: one page of cards stays well under the setData budget (tools/bench/setdata.bench.ts). */
export const PAGE_SIZE = 20;

export interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageLoad<TView, TResponse> {
  /** What to pass to setData for the list itself: `{ items: [...] }` or `{ 'items[20]': ..., 'items[21]': ... }`. */
  patch: Record<string, TView | TView[]>;
  /** The number of items shown after this page. */
  count: number;
  /** True when there is no further page. */
  done: boolean;
  /** The raw answer, for anything else it carries (filter counts). */
  response: TResponse;
}

/** `{ 'items[3]': a, 'items[4]': b }`: append without sending what is already on screen. */
export function appendPatch<T>(key: string, offset: number, views: readonly T[]): Record<string, T> {
  const patch: Record<string, T> = {};
  views.forEach((view, i) => {
    patch[`${key}[${offset + i}]`] = view;
  });
  return patch;
}

export class PagedList<TRaw, TView, TResponse extends PageOf<TRaw> = PageOf<TRaw>> {
  private cursor: string | null = null;
  private count = 0;
  private generation = 0;
  private loading = false;
  private finished = false;

  constructor(
    private readonly key: string,
    private readonly fetchPage: (cursor: string | null) => Promise<TResponse>,
    private readonly toView: (raw: TRaw) => TView,
  ) {}

  get size(): number {
    return this.count;
  }

  get done(): boolean {
    return this.finished;
  }

  get busy(): boolean {
    return this.loading;
  }

  /** Forgets everything: the next `next()` loads the first page, and any load still running is ignored. */
  reset(): void {
    this.generation += 1;
    this.cursor = null;
    this.count = 0;
    this.loading = false;
    this.finished = false;
  }

  /**
   * Loads the next page. Resolves to null when there is nothing to do (a load is running, the list is complete) or the
   * list was reset meanwhile; a failed load rejects and leaves the list as it was, so the same page can be retried.
   */
  async next(): Promise<PageLoad<TView, TResponse> | null> {
    if (this.loading || this.finished) return null;
    const generation = this.generation;
    this.loading = true;
    let response: TResponse;
    try {
      response = await this.fetchPage(this.cursor);
    } catch (error) {
      if (generation === this.generation) this.loading = false;
      throw error;
    }
    if (generation !== this.generation) return null;
    this.loading = false;
    const views = response.items.map((raw) => this.toView(raw));
    const first = this.count === 0 && this.cursor === null;
    const patch: Record<string, TView | TView[]> = first ? { [this.key]: views } : appendPatch(this.key, this.count, views);
    this.count += views.length;
    this.cursor = response.nextCursor;
    this.finished = response.nextCursor === null;
    return { patch, count: this.count, done: this.finished, response };
  }
}
