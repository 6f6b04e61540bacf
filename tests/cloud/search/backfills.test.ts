// The deploy's data back-fills (jobs/backfills.ts) through the real function's tick on a strict local cloud: records
// stored before their search tokens (or an announcement's `current`) existed become findable; records that have them
// are untouched; a second run changes nothing.
import { main } from '../../../cloudfunctions/api/src';
import { localCloud } from '../../../tools/local-cloud';
import { database, ok, seedStaff } from '../../helpers/cloud';
import { guideInput } from '../../helpers/guide';
import { CITIZEN, DISPATCHER, repliedCase, setUpAgency } from '../cases/helpers';
import { announcementInput } from '../announcements/helpers';

const EDITOR = 'o_backfill_editor';
const DAY = 86_400_000;

beforeEach(async () => {
  await setUpAgency();
  await seedStaff(EDITOR, ['editor']);
});
afterAll(() => localCloud.close());

async function stored(collection: string): Promise<Array<Record<string, unknown>>> {
  const { data } = await database().collection(collection).orderBy('_id', 'asc').limit(100).get();
  return data as Array<Record<string, unknown>>;
}

const KINDS = ['policy', 'draft', 'letter', 'guide', 'announcement'] as const;
const COLLECTION_OF = { policy: 'policies', draft: 'drafts', letter: 'letters', guide: 'guide_items', announcement: 'announcements' };

async function found(q: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const kind of KINDS) {
    const res = await ok(CITIZEN, 'search.query', { q, kind });
    out[kind] = res.groups.find((g) => g.kind === kind)?.items.map((i) => i.id) ?? [];
  }
  return out;
}

test('the tick back-fills missing search tokens and `current`; records that have them and a second run change nothing', async () => {
  const now = localCloud.clock.now().getTime();
  const draftOf = (title: string) => ({ title, paragraphs: ['禁止在楼道停放电动自行车或者为其充电。'], opensAt: new Date(now).toISOString(), closesAt: new Date(now + 40 * DAY).toISOString() });
  const oldDraft = await ok(EDITOR, 'draft.save', draftOf('住宅小区电动自行车停放充电管理办法（征求意见稿）'));
  const newDraft = await ok(EDITOR, 'draft.save', draftOf('电动自行车停车棚建设方案（征求意见稿）'));
  const p = await ok(EDITOR, 'policy.save', { title: '电动自行车安全管理规定', issuer: '市公安局', categoryId: 'cat-property', issuedAt: '2026-01-10', paragraphs: ['电动自行车应当在指定场所停放充电。'] });
  const policy = await ok(EDITOR, 'policy.publish', { id: p.id, version: p.version });
  const g = await ok(EDITOR, 'guide.save', guideInput({ name: '电动自行车登记上牌' }));
  const guide = await ok(EDITOR, 'guide.publish', { id: g.id, version: g.version });
  const a = await ok(EDITOR, 'announcement.save', announcementInput({ title: '电动自行车集中充电场所启用的通告' }));
  const announcement = await ok(EDITOR, 'announcement.publish', { id: a.id, version: a.version });
  const r = await repliedCase({ type: 'inquiry', title: '楼道里电动自行车充电太危险', content: '我们单元楼道里经常有人给电动自行车充电，请物业管一管。' });
  const letter = await ok(DISPATCHER, 'case.setPublishable', { id: r.id, version: r.version, publishable: true });

  const all = { policy: [policy.id], draft: [oldDraft.id, newDraft.id].sort(), letter: [letter.id], guide: [guide.id], announcement: [announcement.id] };
  const sorted = (f: Record<string, string[]>) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, [...v].sort()]));
  expect(sorted(await found('电动自行车'))).toEqual(all);
  const before = Object.fromEntries(await Promise.all(KINDS.map(async (k) => [k, await stored(COLLECTION_OF[k])] as const)));

  // As written before the fields existed: every kind but one draft loses its tokens, the announcement its `current`.
  const _ = database().command;
  const strip = { titleTokens: _.remove(), searchTokens: _.remove() };
  await database().collection('drafts').doc(oldDraft.id).update({ data: strip });
  await database().collection('policies').doc(policy.id).update({ data: strip });
  await database().collection('guide_items').doc(guide.id).update({ data: strip });
  await database().collection('letters').doc(letter.id).update({ data: { searchTokens: _.remove() } });
  await database().collection('announcements').doc(announcement.id).update({ data: { ...strip, current: _.remove() } });
  expect(await found('电动自行车')).toEqual({ policy: [], draft: [newDraft.id], letter: [], guide: [], announcement: [] });
  expect((await ok(CITIZEN, 'announcement.list', {})).items).toEqual([]);

  await localCloud.fireTimer(main, 'tick');
  expect(sorted(await found('电动自行车'))).toEqual(all);
  expect((await ok(CITIZEN, 'announcement.list', {})).items.map((i) => i.id)).toEqual([announcement.id]);
  // Restored exactly as the actions wrote them (same tokens, no version bump), the untouched draft included.
  for (const k of KINDS) expect(await stored(COLLECTION_OF[k])).toEqual(before[k]);
  const progress = await stored('backfills');
  expect(progress.find((d) => d._id === 'search-tokens:drafts')).toMatchObject({ done: true, changed: 1 });
  expect(progress.find((d) => d._id === 'announcement-current')).toMatchObject({ done: true, changed: 1 });

  await localCloud.fireTimer(main, 'tick');
  for (const k of KINDS) expect(await stored(COLLECTION_OF[k])).toEqual(before[k]);
  expect(await stored('backfills')).toEqual(progress);
  // Even walked again from the start (its progress lost), a back-fill finds nothing to patch.
  await database().collection('backfills').doc('search-tokens:drafts').remove();
  await localCloud.fireTimer(main, 'tick');
  for (const k of KINDS) expect(await stored(COLLECTION_OF[k])).toEqual(before[k]);
  expect((await stored('backfills')).find((d) => d._id === 'search-tokens:drafts')).toMatchObject({ done: true, changed: 0 });
});
