// 政策详情: header (document number, issuer, dates, status), body, the official explanation, attachments, the
// versions (an earlier one can be read), favourite, share to a chat, and "ask about this policy", which opens the
// inquiry form prefilled and linked to this policy.
import type { SurveyLink } from '../../../typings/api';
import { call, messageOf } from '../../services/api';
import { getMeta } from '../../services/session';
import { isDeadEnd } from '../../utils/dead-end';
import { dataOf } from '../../utils/events';
import { guideItemPath } from '../../utils/guide-view';
import { openCloudDocument } from '../../utils/open-document';
import { definePage, pageState } from '../../utils/page';
import { favoriteAria, inquiryUrl, policyDetailView, sharePath, type PolicyDetailView } from '../../utils/policy-view';

interface Hidden {
  id: string;
  busy: boolean;
}
const own = pageState<Hidden>(() => ({ id: '', busy: false }));

definePage({
  data: {
    survey: null as SurveyLink | null,
    loading: true,
    error: '',
    /** The policy is not there: the dead end, not the reload button. */
    missing: false,
    view: null as PolicyDetailView | null,
    favorited: false,
    favAria: favoriteAria(false),
    favBusy: false,
    attachmentBusy: -1,
    attachmentError: '',
  },
  onLoad(query) {
    own(this).id = query.id ?? '';
    const version = query.version ? Number(query.version) : undefined;
    void this.load(Number.isInteger(version) ? version : undefined);
  },
  onShareAppMessage() {
    const id = own(this).id;
    return { title: this.data.view?.title ?? '政策详情', path: sharePath(id) };
  },
  methods: {
    async load(version?: number) {
      const id = own(this).id;
      if (!id) {
        this.setData({ loading: false, error: '没有找到这份政策，请返回列表重新选择。', missing: true });
        return;
      }
      this.setData({ loading: true, error: '', missing: false });
      try {
        const policy = await call('policy.get', version === undefined ? { id } : { id, version });
        const view = policyDetailView(policy, version);
        this.setData({ loading: false, view, favorited: view.favorited, favAria: favoriteAria(view.favorited), survey: policy.survey ?? null });
      } catch (error) {
        this.setData({ loading: false, error: messageOf(error), missing: isDeadEnd(error) });
      }
    },

    onRetry() {
      void this.load();
    },

    async onFavorite() {
      const h = own(this);
      if (h.busy) return;
      h.busy = true;
      this.setData({ favBusy: true });
      try {
        const { favorited } = await call('policy.favorite', { id: h.id });
        this.setData({ favorited, favAria: favoriteAria(favorited) });
        void wx.showToast({ title: favorited ? '已收藏' : '已取消收藏', icon: 'none' });
      } catch (error) {
        void wx.showToast({ title: messageOf(error), icon: 'none' });
      } finally {
        h.busy = false;
        this.setData({ favBusy: false });
      }
    },

    /** The open survey linked to this policy. */
    onSurvey() {
      const s = this.data.survey;
      if (s) void wx.navigateTo({ url: `/pages/survey/index?id=${encodeURIComponent(s.id)}` });
    },

    async onAsk() {
      const view = this.data.view;
      if (!view) return;
      // The session's meta.get (read once per launch); without it the submit page checks the title's length.
      const titleMax = (await getMeta().catch(() => null))?.limits.titleMax;
      void wx.navigateTo({ url: inquiryUrl({ id: own(this).id, title: view.title }, titleMax) });
    },

    onVersion(e: WechatMiniprogram.BaseEvent) {
      const version = Number(dataOf(e, 'version'));
      const latest = dataOf(e, 'latest') === 'true';
      void this.load(latest ? undefined : version);
      void wx.pageScrollTo({ scrollTop: 0, duration: 0 });
    },

    onLatest() {
      void this.load();
    },

    onGuideItem(e: WechatMiniprogram.BaseEvent) {
      const id = dataOf(e, 'id');
      if (id) void wx.navigateTo({ url: guideItemPath(id) });
    },

    onRelated(e: WechatMiniprogram.BaseEvent) {
      const id = dataOf(e, 'id');
      if (id) void wx.navigateTo({ url: sharePath(id) });
    },

    /** Attachments live in cloud storage: a temporary URL, a download, then the system viewer. */
    async onAttachment(e: WechatMiniprogram.CustomEvent<{ index: number }>) {
      const index = e.detail.index;
      const attachment = this.data.view?.attachments[index];
      if (!attachment || this.data.attachmentBusy >= 0) return;
      this.setData({ attachmentBusy: index, attachmentError: '' });
      try {
        await openCloudDocument(attachment);
      } catch {
        this.setData({ attachmentError: `“${attachment.name}”暂时打不开，请稍后再试。` });
      } finally {
        this.setData({ attachmentBusy: -1 });
      }
    },
  },
});
