// The citizens' search, by contract name (docs/adr/0143-one-naming-scheme-for-actions.md).
import type { ActionTable } from '../../lib/action';
import { searchQuery } from './query';

export const SEARCH_ACTIONS: Pick<ActionTable, `search.${string}` & keyof ActionTable> = {
  'search.query': searchQuery,
};
