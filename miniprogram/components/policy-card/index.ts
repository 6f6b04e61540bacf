// One policy in a list (政策 tab, search results, 我的收藏, the editor's list): title with the keyword marked, the
// document number and issuer, the date, a marked excerpt when searching, and the status when it matters. Tapping
// opens `base?id=` (the citizen page by default, the editor for staff).
import type { PolicyCardView } from '../../utils/policy-view';
import { defineComponent } from '../../utils/component';

defineComponent({
  props: {
    item: { type: Object, value: {} as PolicyCardView },
    base: { type: String, value: '/pages/policy/index' },
  },
  methods: {
    onOpen() {
      const item = this.data.item as PolicyCardView;
      if (item.id) void wx.navigateTo({ url: `${this.data.base}?id=${encodeURIComponent(item.id)}` });
    },
  },
});
