// The citizens' search, spread into actions/index.ts.
import { searchQueryAction } from './query';

export const SEARCH_ACTIONS = {
  'search.query': searchQueryAction,
} as const;
