// One call per screen (issue 10): every page of app.json, opened by an identity that may open it on the demo data,
// makes at most one cloud call on its first render once the launch's session (meta.get, me.get) is warm.
import simulate from 'miniprogram-simulate';
import fs from 'fs';
import path from 'path';
import { localCloud } from '../../tools/local-cloud';
import { seedDemo } from '../../tools/seed';
import { demoIdentity } from '../../tools/seed/identities';
import { ok } from '../helpers/cloud';
import { connectLocalCloud, countCloudCalls, MP_ROOT, mountPage, useIdentity, warmSession } from '../helpers/mp';

// Every page compiles with wcc on its first mount, which takes longer than jest's 5 s on a busy machine.
jest.setTimeout(240_000);
afterAll(() => localCloud.close());

const who = (key: string) => demoIdentity(key).openid;

function pagesOfApp(): string[] {
  const app = JSON.parse(fs.readFileSync(path.join(MP_ROOT, 'app.json'), 'utf8')) as {
    pages: string[];
    subPackages: Array<{ root: string; pages: string[] }>;
  };
  return [...app.pages, ...app.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];
}

/** Waits until the page is no longer loading and no call has been made for a while (lists load after onShow). */
async function settled(page: ReturnType<typeof mountPage>, actions: string[]): Promise<void> {
  let seen = -1;
  for (let quiet = 0, waited = 0; quiet < 15; waited++) {
    if (waited > 500) throw new Error(`page never settled; data: ${JSON.stringify(page.data)}`);
    await simulate.sleep(20);
    const busy = page.data.loading === true;
    quiet = !busy && actions.length === seen ? quiet + 1 : 0;
    seen = actions.length;
  }
}

test('every page makes at most one cloud call on its first render, with the session warm', async () => {
  connectLocalCloud(who('citizenA'));
  await seedDemo();
  const caseId = (await ok(who('citizenA'), 'case.listMine', { tab: 'all', limit: 1 })).items[0].id;
  const letterId = (await ok(who('citizenA'), 'case.listPublic', { limit: 1 })).items[0].id;
  const policyId = (await ok(who('citizenA'), 'policy.list', { limit: 1 })).items[0].id;
  const draftId = (await ok(who('editor'), 'draft.list', { status: 'all', limit: 1 })).items[0].id;
  const guideId = (await ok(who('citizenA'), 'guide.list', { limit: 1 })).items[0].id;
  const surveys = (await ok(who('citizenA'), 'survey.list', {})).items;
  const openSurveyId = surveys.find((s) => s.status === 'open')!.id;
  const resultsSurveyId = surveys.find((s) => s.status === 'published')!.id;
  const announcementId = (await ok(who('citizenA'), 'announcement.list', { limit: 1 })).items[0].id;

  const visits: Record<string, { as: string; query?: Record<string, string> }> = {
    'pages/index/index': { as: 'citizenA' },
    'pages/policies/index': { as: 'citizenA' },
    'pages/mine/index': { as: 'citizenA' },
    'pages/policy/index': { as: 'citizenA', query: { id: policyId } },
    'pages/favorites/index': { as: 'citizenA' },
    'pages/drafts/index': { as: 'citizenA' },
    'pages/draft/index': { as: 'citizenA', query: { id: draftId } },
    'pages/submit/index': { as: 'citizenA' },
    'pages/cases/index': { as: 'citizenA' },
    'pages/case/index': { as: 'citizenA', query: { id: caseId } },
    'pages/letters/index': { as: 'citizenA' },
    'pages/letter/index': { as: 'citizenA', query: { id: letterId } },
    'pages/bind/index': { as: 'citizenB' },
    'pages/stats/index': { as: 'citizenA' },
    'pages/privacy/index': { as: 'citizenA' },
    'pages/search/index': { as: 'citizenA', query: { q: '电动自行车' } },
    'staff/queue/index': { as: 'dispatcher' },
    'staff/case/index': { as: 'dispatcher', query: { id: caseId } },
    'staff/admin/index': { as: 'admin' },
    'staff/admin-settings/index': { as: 'admin' },
    'staff/policies/index': { as: 'editor' },
    'staff/policy-edit/index': { as: 'editor', query: { id: policyId } },
    'staff/drafts/index': { as: 'editor' },
    'staff/draft-edit/index': { as: 'editor', query: { id: draftId } },
    'staff/moderation/index': { as: 'editor' },
    'staff/draft-report/index': { as: 'editor', query: { id: draftId } },
    'staff/dashboard/index': { as: 'supervisor' },
    'staff/audit/index': { as: 'admin' },
    'pages/guide/index': { as: 'citizenA' },
    'pages/guide-item/index': { as: 'citizenA', query: { id: guideId } },
    'staff/guide/index': { as: 'editor' },
    'staff/guide-edit/index': { as: 'editor', query: { id: guideId } },
    'staff/exports/index': { as: 'admin' },
    'pages/surveys/index': { as: 'citizenA' },
    'pages/survey/index': { as: 'citizenA', query: { id: openSurveyId } },
    'pages/survey-results/index': { as: 'citizenA', query: { id: resultsSurveyId } },
    'staff/surveys/index': { as: 'editor' },
    'staff/survey-edit/index': { as: 'editor', query: { id: openSurveyId } },
    'staff/survey-results/index': { as: 'editor', query: { id: openSurveyId } },
    'pages/announcements/index': { as: 'citizenA' },
    'pages/announcement/index': { as: 'citizenA', query: { id: announcementId } },
    'pages/messages/index': { as: 'citizenA' },
    'staff/announcements/index': { as: 'editor' },
    'staff/announcement-edit/index': { as: 'editor', query: { id: announcementId } },
  };
  expect(Object.keys(visits).sort()).toEqual(pagesOfApp().sort());

  const counts: Record<string, string[]> = {};
  for (const [page, visit] of Object.entries(visits)) {
    useIdentity(who(visit.as));
    await warmSession();
    const log = countCloudCalls();
    const mounted = mountPage(page, visit.query);
    await settled(mounted, log.actions);
    counts[page] = log.stop();
    expect([page, mounted.data.error ?? '']).toEqual([page, '']);
  }
  console.log(Object.entries(counts).map(([page, actions]) => `${page}: ${actions.length} ${actions.join(', ')}`).join('\n'));
  const over = Object.entries(counts).filter(([, actions]) => actions.length > 1);
  expect(over).toEqual([]);
});
