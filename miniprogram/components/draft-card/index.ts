// One draft consultation in a list (意见征集, the home page, the editor's list): status with the time left while it
// is open, the window's dates and how many comments are public. Tapping opens `base?id=`.
import type { DraftCardView } from '../../utils/draft-view';
import { defineComponent } from '../../utils/component';

defineComponent({
  props: {
    item: { type: Object, value: {} as DraftCardView },
    base: { type: String, value: '/pages/draft/index' },
  },
  methods: {
    onOpen() {
      const item = this.data.item as DraftCardView;
      if (item.id) void wx.navigateTo({ url: `${this.data.base}?id=${encodeURIComponent(item.id)}` });
    },
  },
});
