// Every public and list answer over the demo data (cases with contact names and phones, letters, policies, drafts with
// comments, surveys and their results), seen by an anonymous visitor, by each demo citizen and by a newcomer: none carries another person's
// phone number, contact name or OPENID (issue 9 item 8).
import type { ActionName, RequestOf } from '../../typings/api';
import { localCloud } from '../../tools/local-cloud';
import { seedDemo } from '../../tools/seed';
import { DEMO_DEPARTMENTS } from '../../tools/seed/catalog';
import { DEMO_IDENTITIES, demoIdentity } from '../../tools/seed/identities';
import { callAs, ok } from '../helpers/cloud';
import { personalDataLeaks } from '../helpers/personal-data';

const NEWCOMER = 'o_personal_newcomer';
/**
 * The contact names the demo cases carry (tools/seed/cases.ts) and the demo citizens' names. Staff identities are
 * labelled by their role (受理员, 督办), which is public vocabulary, not a person's name.
 */
const NAMES = ['张桂芳', ...DEMO_IDENTITIES.filter((i) => i.label.startsWith('市民')).map((i) => i.label.replace(/^市民\s*/, ''))];
/** The departments' office phones, which the home page publishes on purpose (docs/adr/0093). */
const PUBLISHED = DEMO_DEPARTMENTS.flatMap((d) => (d.phone ? [d.phone] : []));

/** The demo agency, seeded once per test (the cloud set-up empties the database before each). */
async function seedOnce(): Promise<void> {
  localCloud.clock.set('2026-11-25T06:00:00.000Z', { frozen: true });
  await seedDemo();
}

/** Each public or list action with the payloads a visitor sends, following ids from lists into details. */
async function publicAnswers(viewer: string | null): Promise<Array<[string, unknown]>> {
  const answers: Array<[string, unknown]> = [];
  const take = async <N extends ActionName>(action: N, payload: RequestOf<N>) => {
    const res = await callAs(viewer, action, payload);
    answers.push([`${action} ${JSON.stringify(payload)}`, res]);
    return res.ok ? res.data : null;
  };
  await take('meta.get', {});
  const letters = await take('case.listPublic', { limit: 50 });
  for (const l of letters?.items ?? []) await take('case.getPublic', { id: l.id });
  await take('case.listPublic', { limit: 50, keyword: '电梯' });
  const policies = await take('policy.list', { limit: 50 });
  for (const p of policies?.items ?? []) await take('policy.get', { id: p.id });
  await take('policy.list', { limit: 50, keyword: '物业' });
  const drafts = await take('draft.list', { limit: 50, status: 'all' });
  for (const d of drafts?.items ?? []) {
    await take('draft.get', { id: d.id });
    await take('draft.comments', { id: d.id, limit: 50 });
  }
  const surveys = await take('survey.list', { limit: 50 });
  for (const s of surveys?.items ?? []) {
    await take('survey.get', { id: s.id });
    await take('survey.results', { id: s.id });
  }
  await take('draft.list', { status: 'open', limit: 3, withSurveys: true });
  if (viewer) await take('case.listMine', { limit: 50 });
  return answers;
}

const viewers: Array<[string, string | null]> = [
  ['an anonymous visitor', null],
  ['citizen A', demoIdentity('citizenA').openid],
  ['citizen B', demoIdentity('citizenB').openid],
  ['a newcomer', NEWCOMER],
];

test('no viewer sees anyone else’s phone, contact name or OPENID in public and list answers', async () => {
  await seedOnce();
  const leaks: string[] = [];
  for (const [who, viewer] of viewers) {
    const others = [...DEMO_IDENTITIES.map((i) => i.openid), NEWCOMER].filter((o) => o !== viewer);
    const answers = await publicAnswers(viewer);
    // The scan saw real content: letters, policies and drafts with comments are there to leak from.
    const seen = new Set(answers.map(([call]) => call.split(' ')[0]));
    expect([...seen]).toEqual(expect.arrayContaining(['case.getPublic', 'policy.get', 'draft.get', 'draft.comments']));
    // A citizen's own list may show their own contact details; no other list or public answer may show anyone's.
    for (const [call, answer] of answers) {
      const names = call.startsWith('case.listMine') ? [] : NAMES;
      leaks.push(...personalDataLeaks(answer, { openids: others, names, published: PUBLISHED }).map((l) => `${who} ${call}: ${l}`));
    }
  }
  expect(leaks).toEqual([]);

  // Staff answers are outside the scan: a dispatcher does see a citizen's contact details (the scan would find them).
  const dispatcher = demoIdentity('dispatcher').openid;
  const queue = await ok(dispatcher, 'case.queue', { limit: 50 });
  const views = await Promise.all(queue.items.map((i) => ok(dispatcher, 'case.get', { id: i.id })));
  expect(views.some((c) => personalDataLeaks(c, { openids: [], names: ['张桂芳'] }).length > 0)).toBe(true);
}, 120_000);

test('the scan finds what it looks for', () => {
  const data = { openids: ['o_demo_citizen_b'], names: ['张桂芳'] };
  expect(personalDataLeaks({ items: [{ note: '联系 139-1234-5678' }, { by: 'o_demo_citizen_b' }, { contact: '张桂芳' }, '电话 010-66001234'] }, data)).toEqual([
    'phone: 139-1234-5678 at $.items[0].note',
    'openid: o_demo_citizen_b at $.items[1].by',
    'name: 张桂芳 at $.items[2].contact',
    'phone: 010-66001234 at $.items[3]',
  ]);
  expect(personalDataLeaks({ title: '2026年第12号', total: 13800138000 }, data)).toEqual([]);
  // An office number the agency publishes is not a leak; the same shape of number elsewhere is.
  expect(personalDataLeaks({ phone: '0571-87001001', note: '0571-87009999' }, { ...data, published: ['0571-87001001'] })).toEqual(['phone: 0571-87009999 at $.note']);
});

