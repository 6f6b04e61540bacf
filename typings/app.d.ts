// The mini program's App() instance, as `getApp<IAppOption>()` sees it.
interface IAppOption {
  globalData: Record<string, unknown>;
}
