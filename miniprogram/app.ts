import { config } from './config';

App<IAppOption>({
  globalData: {},
  onLaunch() {
    wx.cloud.init(config.cloudEnv ? { env: config.cloudEnv, traceUser: true } : { traceUser: true });
  },
});
