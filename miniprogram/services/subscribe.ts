// Subscribe messages (订阅消息): WeChat lets a page ask only from a user's tap, so callers must start this before
// their first `await`. A refusal or a failure is not an error for the citizen: they simply get no messages.
import type { MetaGetResponse } from '../../typings/api';

export async function requestSubscribe(templateIds: ReadonlyArray<string | undefined>): Promise<string[]> {
  const ids = templateIds.filter((id): id is string => Boolean(id));
  if (!ids.length) return [];
  try {
    const res = (await wx.requestSubscribeMessage({ tmplIds: ids })) as unknown as Record<string, unknown>;
    return ids.filter((id) => res[id] === 'accept');
  } catch {
    return [];
  }
}

/** The citizen's status-change template from meta.get (absent until the agency configures one). */
export function caseStatusTemplate(meta: Pick<MetaGetResponse, 'subscribe'> | null | undefined): string | undefined {
  return meta?.subscribe?.caseStatus || undefined;
}
