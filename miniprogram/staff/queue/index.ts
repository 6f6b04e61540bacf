// 工作台: the cases the staff member may see, soonest answer-by first, filtered by status, department, overdue, due
// within a day, awaiting review or flagged, with a count per filter; a page at a time.
import type { QueueFilterCounts, QueueItem, ResponseOf } from '../../../typings/api';
import { call, messageOf } from '../../services/api';
import { requestSubscribe } from '../../services/subscribe';
import { queueCard, type QueueCardView } from '../../utils/case';
import { dataOf, valueOf, type DetailEvent } from '../../utils/events';
import { PagedList } from '../../utils/list';
import { definePage } from '../../utils/page';
import { departmentOptions, filterChips, filterOf, queueRequest, type FilterChip, type QueueFilterKey } from './view-model';

type QueueResponse = ResponseOf<'case.queue'>;

interface Hidden {
  list: PagedList<QueueItem, QueueCardView, QueueResponse>;
  counts: string;
  shown: boolean;
  /** Staff subscribe templates (new assignment, review, deadline tomorrow, overdue), when configured. */
  templates: string[];
}

const hidden = new WeakMap<object, Hidden>();

definePage({
  data: {
    filter: 'all' as QueueFilterKey,
    chips: filterChips(null) as FilterChip[],
    departments: [] as Array<{ id: string; name: string }>,
    departmentNames: [] as string[],
    departmentIndex: 0,
    items: [] as QueueCardView[],
    loading: true,
    loadingMore: false,
    hasMore: false,
    empty: false,
    error: '',
    moreError: '',
    canSubscribe: false,
  },
  onLoad(query) {
    const list = new PagedList<QueueItem, QueueCardView, QueueResponse>(
      'items',
      (cursor) => {
        const department = this.data.departments[this.data.departmentIndex];
        return call('case.queue', queueRequest(this.data.filter, department ? department.id : '', cursor));
      },
      (item) => queueCard(item),
    );
    hidden.set(this, { list, counts: '', shown: false, templates: [] });
    this.setData({ filter: filterOf(query.filter) });
    void this.loadDepartments();
    void this.reload(true);
  },
  onShow() {
    const h = hidden.get(this);
    if (!h) return;
    // Back from handling a case: its status and the counts have moved.
    if (h.shown) void this.reload(false);
    h.shown = true;
  },
  async onPullDownRefresh() {
    await this.reload(false);
    wx.stopPullDownRefresh();
  },
  onReachBottom() {
    void this.more();
  },
  methods: {
    async loadDepartments() {
      try {
        const meta = await call('meta.get', {});
        const departments = departmentOptions(meta.departments);
        const templates = (meta.subscribe?.staff ?? []).slice(0, 3);
        const h = hidden.get(this);
        if (h) h.templates = templates;
        this.setData({ departments, departmentNames: departments.map((d) => d.name), canSubscribe: templates.length > 0 });
      } catch {
        // Without the list the department filter stays at 全部部门; the queue itself still loads.
      }
    },

    async reload(clear: boolean) {
      const h = hidden.get(this);
      if (!h) return;
      h.list.reset();
      if (clear) this.setData({ items: [], loading: true, empty: false, hasMore: false, error: '', moreError: '' });
      await this.load();
    },

    async more() {
      const h = hidden.get(this);
      if (!h || h.list.done || h.list.busy || this.data.loading) return;
      this.setData({ loadingMore: true, moreError: '' });
      await this.load();
    },

    async load() {
      const h = hidden.get(this);
      if (!h) return;
      try {
        const page = await h.list.next();
        if (!page) return;
        const patch: Record<string, unknown> = { ...page.patch, loading: false, loadingMore: false, hasMore: !page.done, empty: page.count === 0 };
        // Counts come with every page; they are sent to the screen only when they changed.
        const counts = JSON.stringify(page.response.counts);
        if (counts !== h.counts) {
          h.counts = counts;
          patch.chips = filterChips(page.response.counts as QueueFilterCounts);
        }
        this.setData(patch);
      } catch (error) {
        if (h.list.size === 0) this.setData({ loading: false, loadingMore: false, error: messageOf(error) });
        else this.setData({ loadingMore: false, moreError: messageOf(error) });
      }
    },

    onFilter(e: WechatMiniprogram.BaseEvent) {
      const filter = filterOf(dataOf(e, 'key'));
      if (filter === this.data.filter) return;
      this.setData({ filter });
      void this.reload(true);
    },

    onDepartment(e: DetailEvent<unknown>) {
      const index = Number(valueOf(e.detail));
      if (!this.data.departments[index] || index === this.data.departmentIndex) return;
      this.setData({ departmentIndex: index });
      void this.reload(true);
    },

    onRetry() {
      void this.reload(true);
    },

    /** Work reminders by subscribe message; WeChat asks only from a tap, so the request starts before any await. */
    onSubscribe() {
      const h = hidden.get(this);
      if (!h) return;
      void requestSubscribe(h.templates).then(async (accepted) => {
        if (!accepted.length) {
          void wx.showToast({ title: '您没有开启提醒', icon: 'none' });
          return;
        }
        try {
          await call('case.subscribe', { templateIds: accepted });
          void wx.showToast({ title: '已开启工作提醒', icon: 'success' });
        } catch (error) {
          void wx.showToast({ title: messageOf(error), icon: 'none' });
        }
      });
    },

    onMore() {
      void this.more();
    },
  },
});
