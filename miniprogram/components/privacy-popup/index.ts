// The privacy agreement WeChat requires before the first privacy API (choosing photos). Shown only when WeChat asks
// (services/privacy.ts). The agree button is WeChat's own open-type, so the answer is the user's tap; its id must be
// AGREE_BUTTON_ID of services/privacy.ts, which the answer names.
import { answerPrivacy } from '../../services/privacy';
import { defineComponent } from '../../utils/component';

defineComponent({
  props: { show: Boolean },
  methods: {
    onAgree() {
      answerPrivacy(true);
      this.triggerEvent('close', { agreed: true });
    },
    onDisagree() {
      answerPrivacy(false);
      this.triggerEvent('close', { agreed: false });
    },
    onRead() {
      void wx.navigateTo({ url: '/pages/privacy/index' });
    },
  },
});
