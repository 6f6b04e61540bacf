// The statistics actions, by contract name (docs/adr/0143-one-naming-scheme-for-actions.md).
import type { ActionTable } from '../../lib/action';
import { statsDashboard } from './dashboard';
import { statsPublic } from './public';

export const STATS_ACTIONS: Pick<ActionTable, `stats.${string}` & keyof ActionTable> = {
  'stats.dashboard': statsDashboard,
  'stats.public': statsPublic,
};
