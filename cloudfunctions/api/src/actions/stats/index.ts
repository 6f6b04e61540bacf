// The statistics actions, spread into actions/index.ts.
import { statsDashboard } from './dashboard';
import { statsPublic } from './public';

export const STATS_ACTIONS = {
  'stats.dashboard': statsDashboard,
  'stats.public': statsPublic,
} as const;
