// A case detail page (the citizen's pages/case, the staff's staff/case): the case of `?id=`, read with whatever else
// the page needs, refreshed by pull-down and retry, its images previewed, and written one action at a time with the
// version last read (ADR 0020): a stale write gets CONFLICT, and the page reloads the case and says so. The page
// brings `c` (its view of the case, with `images`), `load()` (readCase, then show) and what each write does.
import type { ActionName, CaseView, RequestOf, ResponseOf } from '../../typings/api';
import { ApiCallError, call, messageOf } from '../services/api';
import type { TimelineView } from '../utils/case';
import { isDeadEnd } from '../utils/dead-end';
import { dataOf } from '../utils/events';
import { pageState } from '../utils/page';
import { decodeParam } from '../utils/query';

/** The case on screen: its id, the version last read (every write carries it), and whether a write is running. */
export const caseRecord = pageState(() => ({ id: '', version: 0, busy: false }));

/** What the Behavior reads of the page. */
interface CasePage {
  data: { c: { images: string[] } | null };
  setData(patch: Record<string, unknown>): void;
  load(): Promise<void>;
}

/** The writes on one case: every action whose request is the case's id and version plus its own fields, answering the case. */
export type CaseWrite = {
  [N in ActionName]: RequestOf<N> extends { id: string; version: number } ? (ResponseOf<N> extends CaseView ? N : never) : never;
}[ActionName];

/** What a write sends besides the id and version (which writeCase adds), for each write of the union `N`. */
export type WriteFields<N extends CaseWrite> = N extends CaseWrite ? Omit<RequestOf<N>, 'id' | 'version'> : never;

export interface WriteOutcome {
  /** Someone changed the case first: reload it and say so (the buttons stay disabled until this settles). */
  onConflict(): Promise<void>;
  /** Any other refusal. */
  onError(error: unknown): void;
}

export const caseDetail = Behavior({
  data: {
    loading: true,
    error: '',
    /** The case is not there (or not for this caller): the page shows the dead end, not the reload button. */
    missing: false,
    timeline: [] as TimelineView[],
    /** A write is running: the action buttons are disabled. */
    busy: false,
    notice: '',
  },
  methods: {
    onLoad(this: CasePage, query: Record<string, string | undefined>) {
      caseRecord(this).id = decodeParam(query.id);
      void this.load();
    },

    async onPullDownRefresh(this: CasePage) {
      await this.load();
      wx.stopPullDownRefresh();
    },

    onRetry(this: CasePage) {
      this.setData({ loading: true, error: '', missing: false });
      void this.load();
    },

    onPreview(this: CasePage, e: WechatMiniprogram.BaseEvent) {
      const urls = this.data.c?.images ?? [];
      void wx.previewImage({ urls, current: urls[Number(dataOf(e, 'index'))] });
    },

    /**
     * The case and, alongside, what else the page needs (`also`, e.g. meta.get); null when it could not be read, the
     * reason then on screen.
     */
    async readCase<T>(this: CasePage, also: () => Promise<T>): Promise<[CaseView, T] | null> {
      const id = caseRecord(this).id;
      if (!id) {
        this.setData({ loading: false, error: '没有找到这条留言', missing: true });
        return null;
      }
      try {
        return await Promise.all([call('case.get', { id }), also()]);
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error), missing: isDeadEnd(error) });
        return null;
      }
    },

    /**
     * Sends one write on the case with the version last read, one at a time. Resolves to the case after it; null
     * when another write was running or this one was refused (then `outcome` has run).
     */
    async writeCase<N extends CaseWrite>(this: CasePage, action: N, fields: WriteFields<N>, outcome: WriteOutcome): Promise<CaseView | null> {
      const h = caseRecord(this);
      if (h.busy) return null;
      h.busy = true;
      this.setData({ busy: true });
      try {
        return await call<CaseWrite>(action, { ...fields, id: h.id, version: h.version });
      } catch (error) {
        if (error instanceof ApiCallError && error.code === 'CONFLICT') await outcome.onConflict();
        else outcome.onError(error);
        return null;
      } finally {
        h.busy = false;
        this.setData({ busy: false });
      }
    },
  },
});
