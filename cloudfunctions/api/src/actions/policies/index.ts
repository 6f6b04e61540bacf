// The policy actions, by contract name: one file per action, named after it
// (docs/adr/0143-one-naming-scheme-for-actions.md).
import type { ActionTable } from '../../lib/action';
import { policyFavorite } from './favorite';
import { policyGet } from './get';
import { policyList } from './list';
import { policyPublish } from './publish';
import { policySave } from './save';
import { policyUnpublish } from './unpublish';

export const POLICY_ACTIONS: Pick<ActionTable, `policy.${string}` & keyof ActionTable> = {
  'policy.list': policyList,
  'policy.get': policyGet,
  'policy.save': policySave,
  'policy.publish': policyPublish,
  'policy.unpublish': policyUnpublish,
  'policy.favorite': policyFavorite,
};
