// 政策详情: header (document number, issuer, dates, status), body, the official explanation, attachments, the
// versions (an earlier one can be read), favourite, share to a chat, and "ask about this policy", which opens the
// inquiry form prefilled and linked to this policy.
import type { SurveyLink } from '../../../typings/api';
import { documentDetail, documentId, setUpDocumentDetail } from '../../behaviors/document-detail';
import { call } from '../../services/api';
import { getMeta } from '../../services/session';
import { dataOf } from '../../utils/events';
import { guideItemPath } from '../../utils/guide-view';
import { definePage } from '../../utils/page';
import { favoriteAria, inquiryUrl, policyDetailView, sharePath, type PolicyDetailView } from '../../utils/policy-view';

definePage({
  behaviors: [documentDetail],
  data: {
    survey: null as SurveyLink | null,
    view: null as PolicyDetailView | null,
    favorited: false,
    favAria: favoriteAria(false),
    favBusy: false,
  },
  onLoad(query) {
    setUpDocumentDetail(
      this,
      {
        missingText: '没有找到这份政策，请返回列表重新选择。',
        read: async (id, version) => {
          const policy = await call('policy.get', version === undefined ? { id } : { id, version });
          const view = policyDetailView(policy, version);
          return { view, favorited: view.favorited, favAria: favoriteAria(view.favorited), survey: policy.survey ?? null };
        },
        shareTitle: '政策详情',
        sharePath,
      },
      query,
    );
  },
  methods: {
    onFavorite() {
      void this.toggle('favBusy', async () => {
        const { favorited } = await call('policy.favorite', { id: documentId(this) });
        this.setData({ favorited, favAria: favoriteAria(favorited) });
        return favorited ? '已收藏' : '已取消收藏';
      });
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
      void wx.navigateTo({ url: inquiryUrl({ id: documentId(this), title: view.title }, titleMax) });
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
  },
});
