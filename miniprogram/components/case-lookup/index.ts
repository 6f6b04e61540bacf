// 进度查询: a tracking number and the last 4 digits of the phone given at submit show where a case stands (for a
// relative's case, or from a paper receipt). Self-contained, so the home page only places it.
import { ApiCallError, call, messageOf } from '../../services/api';
import { valueOf, type DetailEvent } from '../../utils/events';
import { defineComponent } from '../../utils/component';
import { checkLookup, lookupView, type LookupView } from './view-model';

defineComponent({
  data: {
    trackingNo: '',
    phoneLast4: '',
    errors: {} as Record<string, string>,
    searching: false,
    result: null as LookupView | null,
    message: '',
  },
  methods: {
    onTrackingNo(e: DetailEvent<unknown>) {
      this.setData({ trackingNo: String(valueOf(e.detail) ?? ''), 'errors.trackingNo': '' });
    },
    onPhoneLast4(e: DetailEvent<unknown>) {
      this.setData({ phoneLast4: String(valueOf(e.detail) ?? ''), 'errors.phoneLast4': '' });
    },
    async onLookup() {
      if (this.data.searching) return;
      const form = { trackingNo: this.data.trackingNo, phoneLast4: this.data.phoneLast4 };
      const errors = checkLookup(form);
      if (Object.keys(errors).length) {
        this.setData({ errors, result: null, message: '' });
        return;
      }
      this.setData({ searching: true, result: null, message: '' });
      try {
        const r = await call('case.lookup', { trackingNo: form.trackingNo.trim().toUpperCase(), phoneLast4: form.phoneLast4.trim() });
        this.setData({ result: lookupView(r) });
      } catch (error) {
        const notFound = error instanceof ApiCallError && error.code === 'NOT_FOUND';
        this.setData({ message: notFound ? '没有查到：请核对受理编号和手机号后四位。' : messageOf(error) });
      } finally {
        this.setData({ searching: false });
      }
    },
  },
});
