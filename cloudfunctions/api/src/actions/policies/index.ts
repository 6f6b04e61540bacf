// The policy and draft consultation actions, spread into actions/index.ts.
import { DRAFT_ACTIONS } from '../drafts';
import { favoritePolicy } from './favorite';
import { getPolicy } from './get';
import { listPolicies } from './list';
import { publishPolicy } from './publish';
import { savePolicy } from './save';
import { unpublishPolicy } from './unpublish';

export const POLICY_ACTIONS = {
  'policy.list': listPolicies,
  'policy.get': getPolicy,
  'policy.save': savePolicy,
  'policy.publish': publishPolicy,
  'policy.unpublish': unpublishPolicy,
  'policy.favorite': favoritePolicy,
  ...DRAFT_ACTIONS,
} as const;
