// The me.* actions, by contract name (docs/adr/0143-one-naming-scheme-for-actions.md).
import type { ActionTable } from '../../lib/action';
import { meGet } from './get';

export const ME_ACTIONS: Pick<ActionTable, `me.${string}` & keyof ActionTable> = {
  'me.get': meGet,
};
