// 民意调查: open surveys first (closing soonest on top, with the time left), then those whose results are published,
// paged on scroll. A card opens the survey, or its results once published.
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
      fetch: (paging) => call('survey.list', { status: 'all', ...paging }),
      view: surveyCardView,
      reloadOnReturn: true,
    });
    void this.reload();
  },
  onShareAppMessage() {
    return { title: '民意调查：说说您的看法', path: '/pages/surveys/index' };
  },
  methods: {
    onOpen(e: WechatMiniprogram.BaseEvent) {
      const url = dataOf(e, 'url');
      if (url) void wx.navigateTo({ url });
    },
  },
});
