// What the build tells the browser runtime about the mini program: app.json, each page's window settings, fixtures.
// Types only, shared by Node (tools/preview/build) and the browser (tools/preview/runtime, console).

export interface WindowConfig {
  navigationBarTitleText?: string;
  navigationBarBackgroundColor?: string;
  navigationBarTextStyle?: 'white' | 'black';
  navigationStyle?: 'default' | 'custom';
  backgroundColor?: string;
  backgroundTextStyle?: 'dark' | 'light';
  enablePullDownRefresh?: boolean;
  onReachBottomDistance?: number;
  disableScroll?: boolean;
}

export interface TabBarItem {
  pagePath: string;
  text: string;
  iconPath?: string;
  selectedIconPath?: string;
}

export interface TabBarConfig {
  color: string;
  selectedColor: string;
  backgroundColor: string;
  borderStyle?: 'black' | 'white';
  position?: 'bottom' | 'top';
  custom?: boolean;
  list: TabBarItem[];
}

export interface PageEntry {
  /** e.g. "pages/index/index", "staff/pages/queue/index", "__preview__/form/index". */
  route: string;
  /** The page's own window settings (its .json), without app.json's window merged in. */
  window: WindowConfig;
  /** The subpackage root ("staff") when the page lives in one. */
  subpackage?: string;
  /** A preview-only page from tools/preview/fixtures, not in app.json. */
  fixture: boolean;
  /** The tag (and CSS class prefix) the page is rendered under; unique per route. */
  tagName: string;
  /** Listed in app.json but its files are not there (yet): opening it shows an error and logs one. */
  missing?: boolean;
}

export interface Manifest {
  buildKey: string;
  entryPage: string;
  pages: PageEntry[];
  tabBar: TabBarConfig | null;
  window: WindowConfig;
  /** app.json's global components, available to every page and component. */
  usingComponents: Record<string, string>;
  wxmlList: string[];
  wxsList: string[];
}

/** What the server tells a preview page at load: who it is and where the local cloud is. */
export interface PreviewIdentity {
  key: string;
  openid: string;
  label: string;
  roles: string[];
}

export interface PreviewConfig {
  gatewayUrl: string;
  identity: PreviewIdentity;
  identities: PreviewIdentity[];
  /** wx.getAppBaseInfo().fontSizeSetting */
  fontSizeSetting: number;
  startPage: string;
  startQuery: string;
  assetBase: string;
}
