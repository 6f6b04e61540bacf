// One case in a list (我的留言, the staff queue; the row is a CaseCardView or a QueueCardView from utils/case.ts).
// Tapping opens the case at `base?id=`; the queue's extra lines (category, department, written flags) show when the
// item has them.
import { defineCard } from '../../utils/component';

defineCard('/pages/case/index');
