// One case in a list (我的留言, the staff queue). Tapping opens the case at `base?id=`; the queue's extra lines
// (category, department, written flags) show when the item has them.
import type { CaseCardView, QueueCardView } from '../../utils/case';
import { defineComponent } from '../../utils/component';

defineComponent({
  props: {
    item: { type: Object, value: {} as CaseCardView | QueueCardView },
    base: { type: String, value: '/pages/case/index' },
  },
  methods: {
    onOpen() {
      const item = this.data.item as CaseCardView;
      if (item.id) void wx.navigateTo({ url: `${this.data.base}?id=${encodeURIComponent(item.id)}` });
    },
  },
});
