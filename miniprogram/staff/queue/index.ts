// 工作台: the cases the staff member may see, soonest answer-by first, filtered by status, department, overdue, due
// within a day, awaiting review or flagged, with a count per filter; a page at a time.
import type { QueueFilterCounts, QueueItem, ResponseOf } from '../../../typings/api';
import { pagedList, setUpPagedList } from '../../behaviors/paged-list';
import { call } from '../../services/api';
import { getMeta } from '../../services/session';
import { subscribeFromTap } from '../../services/subscribe';
import { queueCard, type QueueCardView } from '../../utils/case';
import { dataOf, valueOf, type DetailEvent } from '../../utils/events';
import { definePage, pageState } from '../../utils/page';
import { departmentOptions, filterChips, filterOf, queueRequest, type FilterChip, type QueueFilterKey, type QueueFilters } from './view-model';

const own = pageState(() => ({
  /** The filter counts on screen, as JSON. */
  counts: '',
  /** The server's filters and their labels (meta.get), and the last counts, to draw the chips from either. */
  filters: [] as QueueFilters,
  lastCounts: null as QueueFilterCounts | null,
  /** Staff subscribe templates (new assignment, review, deadline tomorrow, overdue), when configured. */
  templates: [] as string[],
}));

definePage({
  behaviors: [pagedList],
  data: {
    filter: 'all' as QueueFilterKey,
    chips: [] as FilterChip[],
    departments: [] as Array<{ id: string; name: string }>,
    departmentNames: [] as string[],
    departmentIndex: 0,
    items: [] as QueueCardView[],
    canSubscribe: false,
  },
  onLoad(query) {
    setUpPagedList<QueueItem, QueueCardView, ResponseOf<'case.queue'>>(this, {
      fetch: (paging) => {
        const department = this.data.departments[this.data.departmentIndex];
        return call('case.queue', queueRequest(this.data.filter, department ? department.id : '', paging.cursor ?? null, paging.limit));
      },
      view: (item) => queueCard(item),
      // Counts come with every page; they are sent to the screen only when they changed.
      extra: (response) => {
        const h = own(this);
        const counts = JSON.stringify(response.counts);
        if (counts === h.counts) return null;
        h.counts = counts;
        h.lastCounts = response.counts;
        return { chips: filterChips(h.filters, response.counts) };
      },
      refreshInPlace: true,
      // Back from handling a case: its status and the counts have moved.
      reloadOnReturn: true,
    });
    this.setData({ filter: filterOf(query.filter) });
    void this.loadDepartments();
    void this.reload(true);
  },
  methods: {
    async loadDepartments() {
      try {
        const meta = await getMeta();
        const departments = departmentOptions(meta.departments);
        const templates = (meta.subscribe?.staff ?? []).slice(0, 3);
        const h = own(this);
        h.templates = templates;
        h.filters = meta.vocabulary.queueFilters;
        this.setData({ chips: filterChips(h.filters, h.lastCounts), departments, departmentNames: departments.map((d) => d.name), canSubscribe: templates.length > 0 });
      } catch {
        // Without the list the department filter stays at 全部部门; the queue itself still loads.
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

    /** Work reminders by subscribe message; WeChat asks only from a tap, so the request starts before any await. */
    onSubscribe() {
      void subscribeFromTap(own(this).templates, '已开启工作提醒');
    },
  },
});
