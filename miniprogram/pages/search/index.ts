// 搜索: the citizens' one search over policies, consultations and public letters (search.query), grouped by kind, each
// group paged by its own cursor (查看更多 appends only the new rows). When nothing is found: other words to try, the
// agency's hotline, and 我要反映问题 with the words as an inquiry's title. docs/adr/0096-one-search-for-citizens.md.
import type { SearchKind } from '../../../typings/api';
import { call, messageOf } from '../../services/api';
import { getMeta } from '../../services/session';
import type { DetailEvent } from '../../utils/events';
import { definePage, pageState } from '../../utils/page';
import { decodeParam } from '../../utils/query';
import { askUrl, hitView, searchView, type GroupView } from './view-model';

/** A group's next page, and the query it belongs to; a newer search makes older answers void. */
const own = pageState(() => ({ cursors: {} as Partial<Record<SearchKind, string>>, generation: 0 }));

const MORE = 10;

definePage({
  data: {
    q: '',
    /** What the results on screen were found for. */
    searched: '',
    loading: false,
    error: '',
    groups: [] as GroupView[],
    also: '',
    suggestions: [] as string[],
    empty: false,
    hotline: '',
  },
  onLoad(query) {
    const q = decodeParam(query.q).trim();
    if (q) void this.search(q);
  },
  onShareAppMessage() {
    const q = this.data.searched;
    return q ? { title: `在民声搜索“${q}”`, path: `/pages/search/index?q=${encodeURIComponent(q)}` } : { title: '民声：搜政策、办事指南、意见征集、通知公告、公开信件', path: '/pages/search/index' };
  },
  methods: {
    async search(q: string) {
      const state = own(this);
      const generation = ++state.generation;
      this.setData({ q, searched: q, loading: true, error: '', empty: false });
      try {
        const res = await call('search.query', { q });
        if (generation !== state.generation) return;
        state.cursors = Object.fromEntries(res.groups.filter((g) => g.nextCursor).map((g) => [g.kind, g.nextCursor!]));
        const view = searchView(res);
        this.setData({ loading: false, ...view });
        if (view.empty) void this.loadHotline();
      } catch (error) {
        if (generation === state.generation) this.setData({ loading: false, error: messageOf(error) });
      }
    },

    /** The hotline for the empty state, from the session's meta (already read at launch: no extra call then). */
    async loadHotline() {
      try {
        this.setData({ hotline: (await getMeta()).hotline });
      } catch {
        this.setData({ hotline: '' });
      }
    },

    onSearch(e: DetailEvent<{ q: string }>) {
      void this.search(e.detail.q);
    },

    onRetry() {
      if (this.data.searched) void this.search(this.data.searched);
    },

    onSuggestion(e: WechatMiniprogram.BaseEvent) {
      const q = String(e.currentTarget.dataset.q ?? '');
      if (q) void this.search(q);
    },

    /** 查看更多 of one group: its next page, appended as new rows only. */
    async onMore(e: WechatMiniprogram.BaseEvent) {
      const index = Number(e.currentTarget.dataset.index);
      const group = this.data.groups[index];
      const state = own(this);
      const cursor = group ? state.cursors[group.kind] : undefined;
      if (!group || !cursor || group.loadingMore) return;
      const generation = state.generation;
      this.setData({ [`groups[${index}].loadingMore`]: true, [`groups[${index}].moreError`]: '' });
      try {
        const res = await call('search.query', { q: this.data.searched, kind: group.kind, cursor, limit: MORE });
        if (generation !== state.generation) return;
        const page = res.groups[0];
        const items = page?.items ?? [];
        if (page?.nextCursor) state.cursors[group.kind] = page.nextCursor;
        else delete state.cursors[group.kind];
        const patch: Record<string, unknown> = { [`groups[${index}].loadingMore`]: false, [`groups[${index}].more`]: !!page?.nextCursor };
        items.forEach((h, i) => (patch[`groups[${index}].items[${group.items.length + i}]`] = hitView(h)));
        this.setData(patch);
      } catch (error) {
        if (generation === state.generation) this.setData({ [`groups[${index}].loadingMore`]: false, [`groups[${index}].moreError`]: messageOf(error) });
      }
    },

    onOpen(e: WechatMiniprogram.BaseEvent) {
      const url = String(e.currentTarget.dataset.path ?? '');
      if (url) void wx.navigateTo({ url });
    },

    onAsk() {
      void wx.navigateTo({ url: askUrl(this.data.searched) });
    },

    onCallHotline() {
      if (this.data.hotline) void wx.makePhoneCall({ phoneNumber: this.data.hotline }).catch(() => undefined);
    },
  },
});
