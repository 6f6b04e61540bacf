// The status of a case as a tag: a colour per status, and always its label in words (colour is never the only signal).
import { statusColor } from '../../utils/case';
import { defineComponent } from '../../utils/component';

defineComponent({
  props: { status: String, label: String },
  data: { color: statusColor('') },
  observers: {
    status(status: string) {
      this.setData({ color: statusColor(status) });
    },
  },
});
