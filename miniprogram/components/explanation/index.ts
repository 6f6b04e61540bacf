// 政策解读: the explanation's sections (背景, 要点, 变化, 问答) as the view model computed them (explanationSections),
// shown on the policy page, the draft page and the editor's preview alike.
import type { ExplanationSection } from '../../utils/policy-view';
import { defineComponent } from '../../utils/component';

defineComponent({
  props: {
    sections: { type: Array, value: [] as ExplanationSection[] },
    heading: { type: String, value: '政策解读' },
  },
});
