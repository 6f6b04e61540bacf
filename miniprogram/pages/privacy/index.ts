// The privacy agreement (隐私保护指引), readable at any time from 我的, the submit page and the privacy prompt.
import { definePage } from '../../utils/page';

definePage({
  data: { contractName: '' },
  onLoad() {
    const host = wx as unknown as { getPrivacySetting?: (o: { success: (r: { privacyContractName?: string }) => void }) => void };
    // The name registered with WeChat (公众平台 服务内容声明), when the base library can tell it.
    if (typeof host.getPrivacySetting === 'function') {
      host.getPrivacySetting({ success: (r) => this.setData({ contractName: r.privacyContractName ?? '' }) });
    }
  },
  methods: {
    onOfficial() {
      const host = wx as unknown as { openPrivacyContract?: (o: object) => void };
      if (typeof host.openPrivacyContract === 'function') host.openPrivacyContract({});
    },
  },
});
