// The meta.* actions, by contract name (docs/adr/0143-one-naming-scheme-for-actions.md).
import type { ActionTable } from '../../lib/action';
import { metaGet } from './get';

export const META_ACTIONS: Pick<ActionTable, `meta.${string}` & keyof ActionTable> = {
  'meta.get': metaGet,
};
