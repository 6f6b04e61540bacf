// The privacy agreement WeChat requires before the first privacy API (choosing photos, copying to the clipboard).
// Shown only when WeChat asks (services/privacy.ts). The agree button is WeChat's own open-type, so the answer is the
// user's tap; its id must be AGREE_BUTTON_ID of services/privacy.ts, which the answer names.
import { answerPrivacy } from '../../services/privacy';
import { defineComponent } from '../../utils/component';

defineComponent({
  props: {
    show: Boolean,
    /** What the privacy API is for, in one sentence; the default is the submit form's (photos). */
    purpose: { type: String, value: '为了上传图片，我们需要使用您手机相册或相机中您选择的照片。照片只用于办理您的留言，只有您本人和办理人员可以看到。' },
  },
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
