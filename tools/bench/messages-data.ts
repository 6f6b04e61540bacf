// The messages bench's data (messages.bench.ts): `total` messages, the first 2,000 of them the measured citizen's (a
// third unread), and 5,000 announcements built by the domain functions the actions use, a quarter of them expired;
// kept in the bench cache (data-cache.ts) under this module's version.
import { newAnnouncement, publishAnnouncement } from '../../cloudfunctions/api/src/domain/announcements/announcement';
import { localCloud } from '../local-cloud';
import { DEMO_ANNOUNCEMENTS } from '../seed/announcements';
import { DEMO_DEPARTMENTS } from '../seed/catalog';
import { cachedDatabase, type CachedDatabase } from './data-cache';

export const CITIZEN = 'o_bench_reader';
export const OWN = 2_000;
export const ANNOUNCEMENTS = 5_000;
/** The bench's clock. The expired quarter is stored as the tick's sweep leaves it: out of the citizens' list index. */
export const NOW = '2026-06-01T02:00:00.000Z';

function loadMessages(total: number): void {
  const batch: Array<Record<string, unknown>> = [];
  const t0 = Date.parse('2026-01-01T00:00:00.000Z');
  for (let i = 0; i < total; i++) {
    const openid = i < OWN ? CITIZEN : `o_bench_${i % 5000}`;
    const at = new Date(t0 + i * 60_000).toISOString();
    const id = `m${i}`;
    batch.push({ _id: id, openid, kind: 'case_status', title: '小区电梯长期故障无人维修', text: '已答复：您的留言已答复', at, read: i % 3 !== 0, msgKey: `${at}|${id}`, subject: { kind: 'case', id: `c${i}` } });
    if (batch.length === 1000) localCloud.db.bulkInsert('messages', batch.splice(0));
  }
  if (batch.length) localCloud.db.bulkInsert('messages', batch.splice(0));
}

function loadAnnouncements(): void {
  const batch: Array<Record<string, unknown>> = [];
  const t0 = Date.parse('2024-01-01T02:00:00.000Z');
  for (let i = 0; i < ANNOUNCEMENTS; i++) {
    const seed = DEMO_ANNOUNCEMENTS[i % DEMO_ANNOUNCEMENTS.length]!;
    const at = new Date(t0 + i * 3_600_000).toISOString();
    const date = at.slice(0, 10);
    const draft = newAnnouncement(`a${i}`, { title: seed.title, departmentId: seed.departmentId, date, paragraphs: seed.paragraphs, ...(i % 4 === 0 ? { expiresAt: date } : {}) }, at);
    const { fanoutKey: _f, current, ...doc } = publishAnnouncement(draft, null, at, undefined).doc;
    batch.push({ ...doc, ...(doc.expiresKey > NOW ? { current } : {}) } as unknown as Record<string, unknown>);
    if (batch.length === 1000) localCloud.db.bulkInsert('announcements', batch.splice(0));
  }
  if (batch.length) localCloud.db.bulkInsert('announcements', batch.splice(0));
}

/** The departments, `total` messages and the announcements, from the cache or generated into it. */
export function messageData(total: number): Promise<CachedDatabase<Record<string, never>>> {
  return cachedDatabase('messages', total, __filename, () => {
    localCloud.db.bulkInsert('departments', DEMO_DEPARTMENTS.map(({ _id, ...d }) => ({ _id, ...d })));
    loadMessages(total);
    loadAnnouncements();
    return {};
  });
}
