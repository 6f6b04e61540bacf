// The home.* actions, by contract name (docs/adr/0143-one-naming-scheme-for-actions.md).
import type { ActionTable } from '../../lib/action';
import { homeGet } from './get';

export const HOME_ACTIONS: Pick<ActionTable, `home.${string}` & keyof ActionTable> = {
  'home.get': homeGet,
};
