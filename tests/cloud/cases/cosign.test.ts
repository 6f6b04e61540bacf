// Co-signing 附议 through the real function: once per citizen (also under concurrency), counted publicly, flagged at
// the threshold, answered by the agency, and every co-signer told through the outbox.
import { localCloud } from '../../../tools/local-cloud';
import { callAs, ok } from '../../helpers/cloud';
import { ADMIN, CITIZEN, count, DISPATCHER, docs, HANDLER, OTHER_CITIZEN, OTHER_HANDLER, repliedCase, sentTo, setUpAgency, SUPERVISOR } from './helpers';

const COSIGN_TEMPLATE = 'tpl-cosign-response';
const FIELDS = { title: 'thing1', status: 'phrase2', time: 'time3', note: 'thing4' };

beforeEach(() =>
  setUpAgency({
    settings: {
      cosignThreshold: 3,
      cosignsPerDay: 5,
      subscribeTemplates: { cosignResponse: { templateId: COSIGN_TEMPLATE, fields: FIELDS, page: 'pages/letter/index' } },
    },
  }),
);

async function publishedLetter(type: 'suggestion' | 'complaint' = 'suggestion') {
  const r = await repliedCase({ type, title: '建议在幸福路增设公交站', content: '幸福路沿线居民多，最近的公交站步行要二十分钟，建议增设一站。' });
  return ok(DISPATCHER, 'case.setPublishable', { id: r.id, version: r.version, publishable: true });
}

const citizen = (i: number) => `o_cosigner_${i}`;

describe('case.cosign', () => {
  test('a citizen co-signs a published suggestion once; the count is on the list and the page', async () => {
    const c = await publishedLetter();
    expect(await ok(OTHER_CITIZEN, 'case.cosign', { id: c.id })).toEqual({ cosigned: true, cosignCount: 1 });
    // A repeat answers the same count and writes nothing.
    expect(await ok(OTHER_CITIZEN, 'case.cosign', { id: c.id })).toEqual({ cosigned: true, cosignCount: 1 });
    expect(count('cosigns')).toBe(1);
    const list = await ok(null, 'case.listPublic', {});
    expect(list.items.find((l) => l.id === c.id)).toMatchObject({ cosignable: true, cosignCount: 1 });
    expect(await ok(OTHER_CITIZEN, 'case.getPublic', { id: c.id })).toMatchObject({ cosignCount: 1, cosigned: true, cosignThreshold: 3 });
    expect(await ok(null, 'case.getPublic', { id: c.id })).toMatchObject({ cosignCount: 1, cosigned: false });
  });

  test('twenty concurrent co-signs by one citizen count once; N citizens at once count N and cross the threshold once', async () => {
    await ok(ADMIN, 'admin.settings.update', { version: 1, cosignThreshold: 5 });
    const c = await publishedLetter();
    const same = await Promise.all(Array.from({ length: 20 }, () => callAs(OTHER_CITIZEN, 'case.cosign', { id: c.id })));
    expect(same.every((r) => r.ok)).toBe(true);
    const many = await Promise.all(Array.from({ length: 8 }, (_, i) => callAs(citizen(i), 'case.cosign', { id: c.id })));
    expect(many.every((r) => r.ok)).toBe(true);
    expect((await ok(null, 'case.getPublic', { id: c.id })).cosignCount).toBe(9);
    expect(count('cosigns')).toBe(9);
    const view = await ok(SUPERVISOR, 'case.get', { id: c.id });
    expect(view.timeline.filter((e) => e.kind === 'cosign_threshold')).toHaveLength(1);
    expect(view.cosign).toMatchObject({ count: 9, threshold: 5, awaitingResponse: true });
  });

  test('reaching the threshold flags the case once for the supervisor, with an event', async () => {
    const c = await publishedLetter();
    for (let i = 0; i < 4; i++) await ok(citizen(i), 'case.cosign', { id: c.id });
    const queue = await ok(SUPERVISOR, 'case.queue', { cosignAwaiting: true });
    expect(queue.items.map((i) => i.id)).toEqual([c.id]);
    expect(queue.items[0]!.cosignAwaiting).toEqual({ count: 3 });
    expect(queue.counts.cosignAwaiting).toBe(1);
    const view = await ok(SUPERVISOR, 'case.get', { id: c.id });
    expect(view.cosign).toMatchObject({ count: 4, threshold: 3, awaitingResponse: true, canRespond: true });
    expect(view.timeline.filter((e) => e.kind === 'cosign_threshold')).toHaveLength(1);
    // The handler of another department does not see it.
    expect((await ok(OTHER_HANDLER, 'case.queue', { cosignAwaiting: true })).items).toEqual([]);
  });

  test('only published suggestions; not one\'s own; unknown letter NOT_FOUND; bad payload refused', async () => {
    const complaint = await publishedLetter('complaint');
    expect(await callAs(OTHER_CITIZEN, 'case.cosign', { id: complaint.id })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    const mine = await publishedLetter();
    expect(await callAs(CITIZEN, 'case.cosign', { id: mine.id })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION', message: expect.stringContaining('自己') } });
    expect(await callAs(OTHER_CITIZEN, 'case.cosign', { id: 'no-such-letter' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await callAs(OTHER_CITIZEN, 'case.cosign', { id: mine.id, extra: 1 } as never)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await callAs(null, 'case.cosign', { id: mine.id })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(count('cosigns')).toBe(0);
  });

  test('rate-limited per citizen per day', async () => {
    await ok(ADMIN, 'admin.settings.update', { version: 1, cosignsPerDay: 2 });
    const letters = [];
    for (let i = 0; i < 3; i++) letters.push(await publishedLetter());
    await ok(OTHER_CITIZEN, 'case.cosign', { id: letters[0]!.id });
    await ok(OTHER_CITIZEN, 'case.cosign', { id: letters[1]!.id });
    expect(await callAs(OTHER_CITIZEN, 'case.cosign', { id: letters[2]!.id })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect((await ok(null, 'case.getPublic', { id: letters[2]!.id })).cosignCount).toBe(0);
    // A repeat of one already made is still answered.
    expect(await ok(OTHER_CITIZEN, 'case.cosign', { id: letters[0]!.id })).toEqual({ cosigned: true, cosignCount: 1 });
    // The next day the limit starts again.
    localCloud.clock.set('2026-11-26T02:00:00.000Z', { frozen: true });
    expect(await ok(OTHER_CITIZEN, 'case.cosign', { id: letters[2]!.id })).toEqual({ cosigned: true, cosignCount: 1 });
  });
});

describe('co-signs and the letter', () => {
  test('a re-publication of the case keeps the count; settings refuse a threshold below 1', async () => {
    const c = await publishedLetter();
    await ok(citizen(0), 'case.cosign', { id: c.id });
    const view = await ok(SUPERVISOR, 'case.get', { id: c.id });
    await ok(SUPERVISOR, 'case.setPublishable', { id: c.id, version: view.version, publishable: true, publicTitle: '建议增设公交站' });
    expect(await ok(null, 'case.getPublic', { id: c.id })).toMatchObject({ title: '建议增设公交站', cosignCount: 1 });
    expect(await callAs(ADMIN, 'admin.settings.update', { version: 1, cosignThreshold: 0 })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { cosignThreshold: expect.any(String) } } });
    expect(await callAs(SUPERVISOR, 'admin.settings.update', { version: 1, cosignThreshold: 5 })).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect((await ok(ADMIN, 'admin.settings.get', {})).cosignThreshold).toBe(3);
  });
});

describe('case.respondCosign', () => {
  async function flagged() {
    const c = await publishedLetter();
    for (let i = 0; i < 3; i++) await ok(citizen(i), 'case.cosign', { id: c.id, subscribed: [COSIGN_TEMPLATE] });
    return ok(SUPERVISOR, 'case.get', { id: c.id });
  }
  const RESPONSE = '感谢各位市民附议。经与公交集团研究，幸福路站将于明年一季度开通。';

  test('the supervisor responds: an event, the response on the letter, every co-signer notified; a retry changes nothing', async () => {
    const c = await flagged();
    const after = await ok(SUPERVISOR, 'case.respondCosign', { id: c.id, version: c.version, content: RESPONSE });
    expect(after.cosign).toMatchObject({ awaitingResponse: false, canRespond: false, response: { content: RESPONSE } });
    expect(after.timeline.at(-1)).toMatchObject({ kind: 'cosign_responded', kindLabel: '已回应附议', visibility: 'public' });
    const letter = await ok(citizen(0), 'case.getPublic', { id: c.id });
    expect(letter.cosignResponse).toMatchObject({ content: RESPONSE, departmentName: expect.any(String) });
    expect(letter.timeline.some((e) => e.kind === 'cosign_responded')).toBe(true);
    expect((await ok(SUPERVISOR, 'case.queue', { cosignAwaiting: true })).items).toEqual([]);
    for (let i = 0; i < 3; i++) {
      expect(sentTo(citizen(i))).toEqual([expect.objectContaining({ templateId: COSIGN_TEMPLATE, page: `pages/letter/index?id=${c.id}` })]);
    }
    const outbox = await docs('notifications', { caseId: c.id });
    expect(outbox.filter((n) => n.kind === 'cosign_response')).toHaveLength(3);
    const again = await ok(SUPERVISOR, 'case.respondCosign', { id: c.id, version: c.version, content: RESPONSE });
    expect(again.version).toBe(after.version);
    expect((await docs('notifications', { caseId: c.id })).filter((n) => n.kind === 'cosign_response')).toHaveLength(3);
  });

  test('the handler of the case\'s department may respond; another department or a dispatcher may not', async () => {
    const c = await flagged();
    expect(await callAs(OTHER_HANDLER, 'case.respondCosign', { id: c.id, version: c.version, content: RESPONSE })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await callAs(DISPATCHER, 'case.respondCosign', { id: c.id, version: c.version, content: RESPONSE })).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect(await callAs(OTHER_CITIZEN, 'case.respondCosign', { id: c.id, version: c.version, content: RESPONSE })).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect(await callAs(HANDLER, 'case.respondCosign', { id: c.id, version: c.version, content: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await callAs(HANDLER, 'case.respondCosign', { id: c.id, version: c.version - 1, content: RESPONSE })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await ok(SUPERVISOR, 'case.get', { id: c.id })).cosign?.awaitingResponse).toBe(true);
    const done = await ok(HANDLER, 'case.respondCosign', { id: c.id, version: c.version, content: RESPONSE });
    expect(done.cosign?.response?.content).toBe(RESPONSE);
  });

  test('before the threshold there is nothing to respond to', async () => {
    const c = await publishedLetter();
    await ok(citizen(0), 'case.cosign', { id: c.id });
    const view = await ok(SUPERVISOR, 'case.get', { id: c.id });
    expect(view.cosign).toMatchObject({ count: 1, awaitingResponse: false, canRespond: false });
    expect(await callAs(SUPERVISOR, 'case.respondCosign', { id: c.id, version: view.version, content: RESPONSE })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
  });
});
