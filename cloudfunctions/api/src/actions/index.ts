// Every action of the contract, by name: each module's table, spread. The type makes a contract action without a
// handler a compile error; tests/unit/contract/one-file-per-action.test.ts holds every module to one naming scheme
// (docs/adr/0143-one-naming-scheme-for-actions.md).
import type { ActionTable } from '../lib/action';
import { ADMIN_ACTIONS } from './admin';
import { ANNOUNCEMENT_ACTIONS } from './announcements';
import { CASE_ACTIONS } from './cases';
import { DRAFT_ACTIONS } from './drafts';
import { EXPORT_ACTIONS } from './exports';
import { GUIDE_ACTIONS } from './guide';
import { HOME_ACTIONS } from './home';
import { ME_ACTIONS } from './me';
import { MESSAGE_ACTIONS } from './messages';
import { META_ACTIONS } from './meta';
import { POLICY_ACTIONS } from './policies';
import { SEARCH_ACTIONS } from './search';
import { STATS_ACTIONS } from './stats';
import { SURVEY_ACTIONS } from './surveys';

export const ACTIONS: ActionTable = {
  ...META_ACTIONS,
  ...ME_ACTIONS,
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
  ...HOME_ACTIONS,
};
