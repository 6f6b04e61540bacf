// The service-guide actions and the home page's call, spread into actions/index.ts.
import { pinHotQuestion, unpinHotQuestion } from './hot';
import { publishGuideItem, withdrawGuideItem } from './publish';
import { getGuideItem, listGuideItems } from './read';
import { saveGuideItem } from './save';

export const GUIDE_ACTIONS = {
  'guide.list': listGuideItems,
  'guide.get': getGuideItem,
  'guide.save': saveGuideItem,
  'guide.publish': publishGuideItem,
  'guide.withdraw': withdrawGuideItem,
  'guide.pinQuestion': pinHotQuestion,
  'guide.unpinQuestion': unpinHotQuestion,
} as const;
