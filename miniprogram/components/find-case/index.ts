// "Where is my case": a box for a tracking number (MS20261125-0042, typed loosely) that opens the case it names, on
// 我的留言 for the citizen and on the staff queue. The server looks it up exactly and answers only cases the caller may
// see; what it says when it finds nothing is shown under the box.
import { call, messageOf } from '../../services/api';
import { defineComponent } from '../../utils/component';
import { valueOf, type DetailEvent } from '../../utils/events';

defineComponent({
  props: {
    /** The page that shows a case: "/pages/case/index" or "/staff/case/index". */
    target: String,
  },
  data: { value: '', error: '', busy: false },
  methods: {
    onInput(e: DetailEvent<unknown>) {
      this.setData({ value: String(valueOf(e.detail) ?? ''), error: '' });
    },

    onClear() {
      this.setData({ value: '', error: '' });
    },

    async onFind() {
      const trackingNo = this.data.value.trim();
      if (this.data.busy) return;
      if (!trackingNo) {
        this.setData({ error: '请输入留言编号，如 MS20261125-0042' });
        return;
      }
      this.setData({ busy: true, error: '' });
      try {
        const found = await call('case.findByTrackingNo', { trackingNo });
        this.setData({ busy: false, value: '' });
        void wx.navigateTo({ url: `${this.data.target}?id=${encodeURIComponent(found.id)}` });
      } catch (error) {
        this.setData({ busy: false, error: messageOf(error) });
      }
    },
  },
});
