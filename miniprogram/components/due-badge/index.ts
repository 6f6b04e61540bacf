// The deadline that applies to a case now, with a countdown, or "已超期" in words as well as in colour.
import type { CaseStatus } from '../../../typings/domain';
import { dueView, type DueView } from '../../utils/case';
import { defineComponent } from '../../utils/component';

defineComponent({
  props: { status: String, acceptDueAt: String, answerDueAt: String, late: Boolean, dueText: String },
  data: { view: null as DueView | null },
  observers: {
    'status, acceptDueAt, answerDueAt, late, dueText'(status: string, acceptDueAt: string, answerDueAt: string, late: boolean, dueText: string) {
      if (!status) return;
      this.setData({ view: dueView({ status: status as CaseStatus, acceptDueAt, answerDueAt: answerDueAt || undefined, late, dueText }) });
    },
  },
});
