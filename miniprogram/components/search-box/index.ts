// The one search box (首页, 政策, 搜索): policies, consultations and public letters at once (search.query). On the
// search page it searches in place (`in-place`, a `search` event with the words); elsewhere it opens the search page.
import { defineComponent } from '../../utils/component';
import { valueOf, type DetailEvent } from '../../utils/events';

export const SEARCH_PAGE = '/pages/search/index';

defineComponent({
  props: {
    value: { type: String, value: '' },
    inPlace: { type: Boolean, value: false },
    placeholder: { type: String, value: '搜政策、办事指南、通知公告、信件，如 退休金怎么领' },
  },
  data: { typed: '' },
  observers: {
    value(this: { setData(d: Record<string, unknown>): void }, v: string) {
      this.setData({ typed: v });
    },
  },
  methods: {
    onChange(e: DetailEvent<unknown>) {
      this.setData({ typed: valueOf(e.detail) });
    },
    onSearch(e?: DetailEvent<unknown>) {
      // The keyboard's search key carries the words; the 搜索 link does not.
      const typed = e && e.detail !== undefined && e.detail !== null && typeof e.detail !== 'object' ? valueOf(e.detail) : this.data.typed;
      const q = typed.trim();
      if (!q) {
        void wx.showToast({ title: '请输入要查找的内容', icon: 'none' });
        return;
      }
      if (this.data.inPlace) this.triggerEvent('search', { q });
      else void wx.navigateTo({ url: `${SEARCH_PAGE}?q=${encodeURIComponent(q)}` });
    },
    onClear() {
      this.setData({ typed: '' });
    },
  },
});
