// What a page shows when what its link points to is not there (a wrong or withdrawn id, or one the caller may not
// see: the server answers NOT_FOUND for both): a plain sentence and the ways on, because a reload cannot bring back
// something that does not exist. The page says where "back" is (我的留言, 政策, 公开信件, 工作台); 首页 is always offered.
import { defineComponent } from '../../utils/component';

const HOME = '/pages/index/index';
/** The tab bar's pages (app.json): only wx.switchTab reaches them. */
const TABS = [HOME, '/pages/policies/index', '/pages/mine/index'];

/** Opens `url` in place of the dead end, so 返回 does not come back to it. */
function leaveFor(url: string): void {
  if (TABS.includes(url)) void wx.switchTab({ url });
  else void wx.redirectTo({ url });
}

defineComponent({
  props: {
    text: String,
    backText: String,
    backUrl: String,
  },
  methods: {
    onHome() {
      leaveFor(HOME);
    },
    onBack() {
      if (this.data.backUrl) leaveFor(this.data.backUrl);
    },
  },
});
