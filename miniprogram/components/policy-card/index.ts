// One policy in a list (政策 tab, search results, 我的收藏, the editor's list; the row is a PolicyCardView from
// utils/policy-view.ts): title with the keyword marked, the document number and issuer, the date, a marked excerpt when
// searching, and the status when it matters. Tapping opens `base?id=` (the citizen page by default, the editor for
// staff).
import { defineCard } from '../../utils/component';

defineCard('/pages/policy/index');
