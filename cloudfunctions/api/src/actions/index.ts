// Every action of the contract, by name. The type makes a contract action without a handler a compile error.
import type { ActionTable } from '../lib/action';
import { meGet } from './me';
import { metaGet } from './meta';
import { POLICY_ACTIONS } from './policies';
import { DRAFT_ACTIONS } from './drafts';
import { CASE_ACTIONS } from './cases';
import { ADMIN_ACTIONS } from './admin';
import { STATS_ACTIONS } from './stats';
import { GUIDE_ACTIONS } from './guide';
import { SURVEY_ACTIONS } from './surveys';
import { EXPORT_ACTIONS } from './exports';
import { SEARCH_ACTIONS } from './search';
import { ANNOUNCEMENT_ACTIONS } from './announcements';
import { MESSAGE_ACTIONS } from './messages';
import { homeGet } from './home';

export const ACTIONS: ActionTable = {
  'meta.get': metaGet,
  'me.get': meGet,
  ...POLICY_ACTIONS,
  ...DRAFT_ACTIONS,
  ...CASE_ACTIONS,
  ...ADMIN_ACTIONS,
  ...STATS_ACTIONS,
  ...GUIDE_ACTIONS,
  ...SURVEY_ACTIONS,
  ...EXPORT_ACTIONS,
  ...SEARCH_ACTIONS,
  ...ANNOUNCEMENT_ACTIONS,
  ...MESSAGE_ACTIONS,
  'home.get': homeGet,
};
