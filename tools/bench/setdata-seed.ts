// The data the setData bench pages through: 210 rows for every list page, each at its heaviest (titles at their
// length limit, policy bodies rich in 的 so every search row carries a title hit and a marked excerpt). Written through
// the real `api` function, as users and staff would, and kept in the bench cache (data-cache.ts) under this module's
// version (which covers the function) and the day: rows are dated from the real clock, as the pages read it.
import { localCloud } from '../local-cloud';
import { ok, seedCatalog, seedStaff } from '../../tests/helpers/cloud';
import * as cases from '../../tests/helpers/cases';
import { POLICY_FIXTURES } from '../../tests/fixtures/policies';
import { cachedDatabase, type CachedDatabase } from './data-cache';

export const ROWS = 210;
export const EDITOR = 'o_bench_setdata_editor';
const DAY = 24 * 3600e3;
const iso = (ms: number) => new Date(ms).toISOString();

/** A 50-character case title: the heaviest row a case list can get. */
export function longCaseTitle(i: number): string {
  return `${String(i).padStart(3, '0')}小区东门外人行道破损严重雨天积水老人孩子出行不便请有关部门尽快安排维修并加强日常巡查管理维护谢谢`.slice(0, 50);
}

/** Runs `fn` with the local cloud's clock `daysAgo` days back, so rows can be spread past per-day limits. */
async function atDaysAgo<T>(daysAgo: number, fn: () => Promise<T>): Promise<T> {
  localCloud.clock.set(new Date(Date.now() - daysAgo * DAY));
  try {
    return await fn();
  } finally {
    localCloud.clock.set(null);
  }
}

/** Submits ROWS cases as `citizen`, 70 a day over the three days before today (a citizen may submit 100 a day). */
export async function submitCases(citizen: string): Promise<string[]> {
  await cases.allowSubmissions(100);
  const ids: string[] = [];
  for (let i = 0; i < ROWS; i++) {
    const c = await atDaysAgo(3 - Math.floor(i / 70), () => cases.submitCase(citizen, { title: longCaseTitle(i), contactName: '张阿姨', contactPhone: '13800138000' }));
    ids.push(c.id);
  }
  return ids;
}

/** Answers each case and marks it publishable: the public letters (公开信件). */
export async function publishLetters(ids: string[]): Promise<void> {
  for (const id of ids) {
    await cases.acceptAndAssign(id);
    await cases.replyTo(id, '经核实，物业公司已于本周完成人行道破损路面的修补，并对东门外排水口进行了疏通，今后将加强日常巡查，请您监督。');
    const c = await ok(cases.DISPATCHER, 'case.get', { id });
    await ok(cases.DISPATCHER, 'case.setPublishable', { id, version: c.version, publishable: true });
  }
}

/** ROWS published policies from the fixtures, with 的 in every title and body; a citizen favourites all of them. */
export async function publishPolicies(favouriteOf: string): Promise<void> {
  await seedStaff(EDITOR, ['editor']);
  for (let i = 0; i < ROWS; i++) {
    const f = POLICY_FIXTURES[i % POLICY_FIXTURES.length]!;
    const title = f.title.includes('的') ? f.title : `关于${f.title}的通知`;
    const saved = await ok(EDITOR, 'policy.save', {
      title: title.slice(0, 60),
      ...(f.docNo ? { docNo: f.docNo } : {}),
      issuer: f.issuer,
      categoryId: 'cat-property',
      issuedAt: f.issuedAt,
      paragraphs: f.paragraphs,
    });
    const published = await ok(EDITOR, 'policy.publish', { id: saved.id, version: saved.version });
    await ok(favouriteOf, 'policy.favorite', { id: published.id, favorited: true });
  }
}

const DRAFT_PARAGRAPHS = ['第一条 为规范城市公共交通管理，保障乘客和经营者的合法权益，制定本条例。', '第二条 公交线路的开辟和调整应当征求沿线居民意见。'];

/** ROWS consultations whose 31-day windows closed a month ago (the citizen list pages the finished ones). */
export async function closedDrafts(): Promise<void> {
  await seedStaff(EDITOR, ['editor']);
  await atDaysAgo(70, async () => {
    const now = localCloud.clock.now().getTime();
    for (let i = 0; i < ROWS; i++) {
      await ok(EDITOR, 'draft.save', {
        title: `${String(i).padStart(3, '0')}城市公共交通与慢行系统规划建设管理条例（征求意见稿）`,
        paragraphs: DRAFT_PARAGRAPHS,
        opensAt: iso(now),
        closesAt: iso(now + 31 * DAY),
      });
    }
  });
}

/** One open consultation with ROWS comments waiting for moderation (20 a citizen a day: 11 citizens). */
export async function pendingComments(): Promise<void> {
  await seedStaff(EDITOR, ['editor']);
  const now = localCloud.clock.now().getTime();
  const draft = await ok(EDITOR, 'draft.save', { title: '城市公共交通条例（征求意见稿）', paragraphs: DRAFT_PARAGRAPHS, opensAt: iso(now - DAY), closesAt: iso(now + 40 * DAY) });
  for (let i = 0; i < ROWS; i++) {
    const citizen = `o_bench_setdata_commenter_${Math.floor(i / 20)}`;
    await ok(citizen, 'draft.comment', {
      id: draft.id,
      paragraphIndex: i % 2,
      content: `第${i}条意见：建议在公交线路调整前至少提前三十日公示，并在沿线社区设置意见箱，方便不会使用手机的老年人反映意见。`,
    });
  }
}

/** Every list's rows, `citizen`'s where a list is a citizen's: from the cache (seeded once a day) or seeded into it. */
export function setdataRows(citizen: string): Promise<CachedDatabase<Record<string, never>>> {
  const build = async (): Promise<Record<string, never>> => {
    await seedCatalog();
    await cases.seedCaseStaff();
    // The citizen's cases stay in the dispatcher's queue; another citizen's are answered and published as letters.
    await submitCases(citizen);
    await publishLetters(await submitCases(`${citizen}_letters`));
    await publishPolicies(citizen);
    await closedDrafts();
    await pendingComments();
    return {};
  };
  return cachedDatabase('setdata', ROWS, __filename, build, { alsoKeyedBy: `${citizen} ${new Date().toISOString().slice(0, 10)}` });
}
