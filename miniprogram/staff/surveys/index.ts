// 民意调查管理 (editors): every survey, newest first, and a new one. A card opens the survey editor, which leads on
// to its results and the moderation of its text answers.
import type { Page, SurveyListItem } from '../../../typings/api';
import { pagedList, setUpPagedList } from '../../behaviors/paged-list';
import { call } from '../../services/api';
import { dataOf } from '../../utils/events';
import { definePage } from '../../utils/page';
import { surveyCardView, type SurveyCardView } from '../../utils/survey-view';

definePage({
  behaviors: [pagedList],
  data: {
    items: [] as SurveyCardView[],
  },
  onLoad() {
    setUpPagedList<SurveyListItem, SurveyCardView, Page<SurveyListItem>>(this, {
      fetch: (paging) => call('survey.list', paging),
      view: (item) => ({ ...surveyCardView(item), url: `/staff/survey-edit/index?id=${encodeURIComponent(item.id)}` }),
      moreErrorToast: true,
    });
  },
  onShow() {
    void this.reload();
  },
  methods: {
    onNew() {
      void wx.navigateTo({ url: '/staff/survey-edit/index' });
    },
    onOpen(e: WechatMiniprogram.BaseEvent) {
      const url = dataOf(e, 'url');
      if (url) void wx.navigateTo({ url });
    },
  },
});
