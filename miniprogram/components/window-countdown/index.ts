// A consultation's state and, while it is open, the time left ("还剩 12 天", computed by the server against its
// clock). The status is always written out; the countdown is only shown while comments are taken.
import { defineComponent } from '../../utils/component';

defineComponent({
  props: {
    status: String,
    label: String,
    type: { type: String, value: 'default' },
    windowText: String,
  },
});
