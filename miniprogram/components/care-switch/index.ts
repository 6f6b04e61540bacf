// The 长辈模式 switch shown on the home page and on 我的: the choice is remembered for this WeChat user and restyles
// every open page at once (utils/care.ts).
import { careModeOn, setCareMode } from '../../utils/care';
import { defineComponent } from '../../utils/component';
import type { DetailEvent } from '../../utils/events';

defineComponent({
  data: { on: false },
  attached() {
    this.setData({ on: careModeOn() });
  },
  methods: {
    onChange(e: DetailEvent<boolean>) {
      const on = Boolean(e.detail);
      this.setData({ on });
      setCareMode(on);
    },
  },
});
