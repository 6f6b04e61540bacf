// A policy as citizens read it: the status notice, the header (document number, issuer, dates, status), the body,
// the explanation and the attachments. The policy page and the editor's preview render this same component, so the
// preview is what citizens will see. A tap on an attachment is reported as `attachment` { index }; the page opens it.
import type { PolicyDetailView } from '../../utils/policy-view';
import { defineComponent } from '../../utils/component';
import { dataOf } from '../../utils/events';

defineComponent({
  props: {
    view: { type: Object, value: null as PolicyDetailView | null },
    attachmentBusy: { type: Number, value: -1 },
    attachmentError: { type: String, value: '' },
  },
  methods: {
    onAttachment(e: WechatMiniprogram.BaseEvent) {
      this.triggerEvent('attachment', { index: Number(dataOf(e, 'index')) });
    },
  },
});
