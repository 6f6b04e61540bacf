// What several of the citizen's case actions share: who is asking, and which message templates they may grant.
import type { Caller } from '../../lib/caller';
import { errors } from '../../lib/errors';
import { type CaseEnv } from './env';

export function openidOf(caller: Caller): string {
  if (!caller.openid) throw errors.unauthenticated();
  return caller.openid;
}

/** Only templates the agency configured are recorded: a grant for anything else could never be used. */
export function configuredTemplates(env: CaseEnv, ids: readonly string[]): string[] {
  const known = new Set(Object.values(env.settings.subscribeTemplates).map((t) => t?.templateId));
  return ids.filter((t) => known.has(t));
}
