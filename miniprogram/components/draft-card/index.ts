// One draft consultation in a list (意见征集, the home page, the editor's list; the row is a DraftCardView from
// utils/draft-view.ts): status with the time left while it is open, the window's dates and how many comments are
// public. Tapping opens `base?id=`.
import { defineCard } from '../../utils/component';

defineCard('/pages/draft/index');
