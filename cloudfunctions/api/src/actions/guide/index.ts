// The service-guide actions, by contract name: one file per action, named after it
// (docs/adr/0143-one-naming-scheme-for-actions.md).
import type { ActionTable } from '../../lib/action';
import { guideGet } from './get';
import { guideList } from './list';
import { guidePinQuestion } from './pin-question';
import { guidePublish } from './publish';
import { guideSave } from './save';
import { guideUnpinQuestion } from './unpin-question';
import { guideWithdraw } from './withdraw';

export const GUIDE_ACTIONS: Pick<ActionTable, `guide.${string}` & keyof ActionTable> = {
  'guide.list': guideList,
  'guide.get': guideGet,
  'guide.save': guideSave,
  'guide.publish': guidePublish,
  'guide.withdraw': guideWithdraw,
  'guide.pinQuestion': guidePinQuestion,
  'guide.unpinQuestion': guideUnpinQuestion,
};
