// The privacy agreement (隐私保护指引), readable at any time from 我的, the submit page and the privacy prompt.
import { definePage } from '../../utils/page';

definePage({
  data: { contractName: '' },
  onLoad() {
    // The name registered with WeChat (公众平台 服务内容声明), when the base library (2.32.3+) can tell it.
    if (typeof wx.getPrivacySetting === 'function') {
      wx.getPrivacySetting({ success: (r) => this.setData({ contractName: r.privacyContractName ?? '' }) });
    }
  },
  methods: {
    onOfficial() {
      if (typeof wx.openPrivacyContract === 'function') wx.openPrivacyContract({});
    },
  },
});
