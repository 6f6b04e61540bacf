// "Your co-signed suggestion has a public response": one subscribe message to each co-signer. The response's
// transaction queues one fan-out entry (repositories/notifications.ts); the sender expands it here, with ids derived
// from case and co-sign, so an expansion run twice never queues a second message to anyone. docs/adr/0085, 0054.
import type { MessageFields } from '../domain/subscribe-message';
import { eachCosigner } from '../repositories/cosigns';
import { addMessageOnce, inboxCopy } from '../repositories/messages';
import { newNotificationDoc, queueOnce, type NotificationDraft } from '../repositories/notifications';

export const cosignNoticeId = (caseId: string, cosign: string): string => `cosign-response-${caseId}-${cosign}`;

export function cosignNoticeFields(title: string, respondedAt: string): MessageFields {
  return { title, status: '已回应', time: respondedAt, note: '您附议的建议已有公开回应' };
}

/** Queues the message to each co-signer of the case that is not queued yet; answers the ids this call queued. */
export async function queueCosignNotices(caseId: string, fields: MessageFields, now: string): Promise<string[]> {
  const queued: string[] = [];
  await eachCosigner(caseId, async (c) => {
    const id = cosignNoticeId(caseId, c._id);
    const draft: NotificationDraft = { kind: 'cosign_response', touser: c.openid, template: 'cosignResponse', caseId, fields, query: `id=${caseId}` };
    // The 消息 copy first: an expansion that stopped between the two still leaves it, and a rerun adds none twice.
    await addMessageOnce(inboxCopy(id, draft, now));
    if (await queueOnce(newNotificationDoc(id, draft, now))) queued.push(id);
  });
  return queued;
}
