// The steps of a case, oldest first: when, what, who (a role and a department, never a person), and the note.
// Staff see internal entries, marked 内部; the server never sends those to the citizen.
import type { TimelineView } from '../../utils/case';
import { defineComponent } from '../../utils/component';

defineComponent({
  props: { entries: { type: Array, value: [] as TimelineView[] } },
});
