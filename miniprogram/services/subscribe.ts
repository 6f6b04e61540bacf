// Subscribe messages (订阅消息): WeChat lets a page ask only from a user's tap, so callers must start this before
// their first `await`. A refusal or a failure is not an error for the citizen: they simply get no messages.
import type { MetaGetResponse } from '../../typings/api';
import { randomId } from '../utils/id';
import { call, messageOf } from './api';

export async function requestSubscribe(templateIds: ReadonlyArray<string | undefined>): Promise<string[]> {
  const ids = templateIds.filter((id): id is string => Boolean(id));
  if (!ids.length) return [];
  try {
    const res: Record<string, string> = await wx.requestSubscribeMessage({ tmplIds: ids });
    return ids.filter((id) => res[id] === 'accept');
  } catch {
    return [];
  }
}

/**
 * The "开启提醒" button of a case or the queue: asks for the templates, records what was accepted with case.subscribe,
 * and says how it went. Call it straight from the tap (it asks before its first await).
 */
export function subscribeFromTap(templateIds: ReadonlyArray<string | undefined>, doneTitle: string): Promise<void> {
  return requestSubscribe(templateIds).then(async (accepted) => {
    if (!accepted.length) {
      void wx.showToast({ title: '您没有开启提醒', icon: 'none' });
      return;
    }
    try {
      // One id per acceptance: a resent request grants nothing twice.
      await call('case.subscribe', { templateIds: accepted, clientRequestId: randomId() });
      void wx.showToast({ title: doneTitle, icon: 'success' });
    } catch (error) {
      void wx.showToast({ title: messageOf(error), icon: 'none' });
    }
  });
}

/** The citizen's status-change template from meta.get (absent until the agency configures one). */
export function caseStatusTemplate(meta: Pick<MetaGetResponse, 'subscribe'> | null | undefined): string | undefined {
  return meta?.subscribe?.caseStatus || undefined;
}
