// A survey's results, question by question (ResultView from utils/survey-view.ts): counts and percentages as bars,
// the mean score, approved text answers; on the citizen's results page and the editor's alike.
import type { ResultView } from '../../utils/survey-view';
import { defineComponent } from '../../utils/component';

defineComponent({
  props: {
    results: { type: Array, value: [] as ResultView[] },
  },
});
