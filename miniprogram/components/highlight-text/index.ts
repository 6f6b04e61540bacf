// Text with the search keyword marked: `runs` as policy.list answers them ({ text, hit }). A hit is bold, underlined
// and tinted, so it stands out without relying on colour; screen readers get the plain sentence.
import { defineComponent } from '../../utils/component';

defineComponent({
  props: {
    runs: { type: Array, value: [] as Array<{ text: string; hit: boolean }> },
  },
});
