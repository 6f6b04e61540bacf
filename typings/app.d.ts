// The mini program's App() instance, as `getApp<IAppOption>()` sees it.
interface IAppOption {
  globalData: Record<string, unknown>;
}

// WeChat's privacy flow as the base library runs it: the listener of wx.onNeedPrivacyAuthorization receives `resolve`
// (miniprogram-api-typings types it as a plain callback result), which the page calls once the user answered.
declare namespace WechatMiniprogram {
  type PrivacyAnswer = { event: 'agree'; buttonId: string } | { event: 'disagree' };
  interface Wx {
    onNeedPrivacyAuthorization(listener: (resolve: (answer: PrivacyAnswer) => void) => void): void;
  }
}
