// "A department you follow published an announcement": one message in each follower's 消息, written after the
// publication commits, a batch of followers at a time. Progress is kept on the announcement (fanoutAfter), so the
// timer resumes a fan-out that a publish left unfinished; message ids derive from announcement and follower, so a
// resumed or repeated fan-out writes nobody's message twice.
import type { AnnouncementDoc } from '../domain/announcements/announcement';
import { followersOf, markFanout, pendingFanouts } from '../repositories/announcements';
import { loadCatalogMaps } from '../repositories/catalog';
import { addMessageOnce, newMessageDoc } from '../repositories/messages';

const BATCH = 100;
/** Followers served inside the publishing request; a larger following is finished by the timer. */
const IN_REQUEST = 500;

export const announcementMessageId = (announcementId: string, openid: string): string => `ann-${announcementId}-${openid}`;

/** Writes messages for up to `budget` more followers; answers how many were written and whether any are left. */
export async function fanOut(doc: AnnouncementDoc, budget: number): Promise<{ written: number; done: boolean }> {
  if (!doc.fanoutKey || !doc.firstPublishedAt) return { written: 0, done: true };
  const department = (await loadCatalogMaps()).departments.get(doc.departmentId)?.name ?? '';
  let after = doc.fanoutAfter;
  let written = 0;
  while (written < budget) {
    const want = Math.min(BATCH, budget - written);
    const batch = await followersOf(doc.departmentId, after, want);
    for (const f of batch) {
      const id = announcementMessageId(doc._id, f.openid);
      await addMessageOnce(newMessageDoc(id, { openid: f.openid, kind: 'announcement', title: doc.title, text: `${department}发布了新的通知公告`, at: doc.firstPublishedAt, subject: { kind: 'announcement', id: doc._id } }));
    }
    written += batch.length;
    if (batch.length < want) {
      await markFanout(doc._id, null);
      return { written, done: true };
    }
    after = batch[batch.length - 1]!.openid;
    await markFanout(doc._id, after);
  }
  return { written, done: false };
}

/** After a publication: best effort, never failing the publication (the timer finishes what is left). */
export async function fanOutAfterPublish(doc: AnnouncementDoc): Promise<void> {
  try {
    await fanOut(doc, IN_REQUEST);
  } catch (error) {
    console.warn('[announcements] fan-out interrupted; the timer resumes it', doc._id, error);
  }
}

/** Timer job: every unfinished fan-out. */
export async function resumeFanouts(): Promise<{ announcements: number; messages: number }> {
  let announcements = 0;
  let messages = 0;
  for (const doc of await pendingFanouts(20)) {
    const r = await fanOut(doc, 5000);
    announcements++;
    messages += r.written;
  }
  return { announcements, messages };
}
