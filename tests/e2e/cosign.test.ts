// Co-signing end to end, in Chromium on the browser preview against the local cloud: a published suggestion ->
// a citizen taps 附议 on the letter page (and accepts the response message) -> another co-sign brings it to the
// threshold (set low in settings by action) -> the supervisor finds it under 附议待回应 in the queue, opens it and
// publishes the response -> both co-signers get the subscribe message (outbox) and the letter page shows the response.
import { demoIdentity } from '../../tools/seed/identities';
import { closeBrowser, openPreview, type PreviewHandle } from './helpers/preview';
import { allowSubscribe, callAction as api, openAs, tap, text, type, useSubscribeTemplate, waitForRoute } from './helpers/ui';

jest.setTimeout(240_000);
afterAll(() => closeBrowser());

const CITIZEN = demoIdentity('citizenA').openid;
const AUTHOR = demoIdentity('citizenB').openid;
const DISPATCHER = demoIdentity('dispatcher').openid;
const HANDLER = demoIdentity('handler').openid;
const ADMIN = demoIdentity('admin').openid;
const NEIGHBOUR = 'o_e2e_neighbour';
const TEMPLATE = 'tmpl-cosign-response-e2e';
const TITLE = '建议在小区出入口增设减速带';
const RESPONSE = '感谢各位居民附议。我局已协调物业于本月底前在小区两个出入口增设减速带并设置提示牌。';

interface OutboxCall {
  api: string;
  args: { touser?: string; templateId?: string; page?: string };
}

async function messagesTo(preview: PreviewHandle, openid: string): Promise<OutboxCall[]> {
  const res = await fetch(`${preview.gatewayUrl}/_emulator/outbox`);
  const body = (await res.json()) as { calls: OutboxCall[] };
  return body.calls.filter((c) => c.api === 'subscribeMessage.send' && c.args.touser === openid && c.args.templateId === TEMPLATE);
}

/** A suggestion answered and published as a letter, through the actions of its author and the staff. */
async function publishedSuggestion(preview: PreviewHandle): Promise<string> {
  const { id } = await api(preview, AUTHOR, 'case.submit', {
    type: 'suggestion',
    categoryId: 'cat-property',
    title: TITLE,
    content: '小区出入口车辆进出车速快，老人孩子多，建议增设减速带。',
    publishConsent: true,
    clientRequestId: `e2e-cosign-${Date.now()}`,
  });
  let c = await api(preview, DISPATCHER, 'case.get', { id });
  c = await api(preview, DISPATCHER, 'case.accept', { id, version: c.version, departmentId: 'dept-housing' });
  c = await api(preview, HANDLER, 'case.reply', { id, version: c.version, content: '您的建议已转物业研究，我局将督促落实。' });
  await api(preview, DISPATCHER, 'case.setPublishable', { id, version: c.version, publishable: true });
  return id;
}

test('co-sign to the threshold -> the supervisor sees the flag -> responds -> co-signers notified and see the response', async () => {
  const preview = await openPreview({ identity: 'citizenA', page: 'pages/index/index' });
  try {
    // Setup by action, as the admin would in settings: a threshold of 2 and the response template.
    await useSubscribeTemplate(preview, ADMIN, 'cosignResponse', { templateId: TEMPLATE, fields: { title: 'thing1', status: 'phrase2', time: 'time3', note: 'thing4' }, page: 'pages/letter/index' });
    const settings = await api(preview, ADMIN, 'admin.settings.get', {});
    await api(preview, ADMIN, 'admin.settings.update', { version: settings.version, cosignThreshold: 2 });
    const id = await publishedSuggestion(preview);

    // 1. The citizen reads the letter and co-signs it, accepting the message about the response.
    let app = await openAs(preview, 'citizenA', 'pages/letter/index', { query: { id }, settle: true });
    expect(await text(app, 'cosign-count')).toBe('已有 0 人附议，达到 2 人后承办单位将公开回应');
    await tap(app, 'cosign-button');
    await allowSubscribe(app);
    await preview.waitForData((d: { letter: { cosign: { cosigned: boolean } } }) => d.letter.cosign.cosigned, 15_000);
    expect(await text(app, 'cosign-count')).toContain('已有 1 人附议');
    expect(await text(app, 'cosigned')).toBe('您已附议');

    // 2. A neighbour co-signs too: the threshold is reached.
    expect(await api(preview, NEIGHBOUR, 'case.cosign', { id, subscribed: [TEMPLATE] })).toEqual({ cosigned: true, cosignCount: 2 });

    // 3. The supervisor finds it under 附议待回应 and publishes the response.
    app = await openAs(preview, 'supervisor', 'staff/queue/index', { settle: true });
    expect(await text(app, 'filter-cosignAwaiting')).toBe('附议待回应1');
    await tap(app, 'filter-cosignAwaiting');
    await preview.waitForData((d: { loading: boolean; items: unknown[] }) => !d.loading && d.items.length === 1);
    await tap(app, 'case-card', { hasText: TITLE });
    await waitForRoute(preview, 'staff/case/index');
    await preview.waitForData((d: { loading: boolean }) => d.loading === false);
    expect(await text(app, 'cosign-count')).toContain('2 人附议（回应标准 2 人）');
    await type(app, 'cosign-field', RESPONSE);
    await tap(app, 'cosign-respond');
    await preview.waitForData((d: { c: { cosign: { response: unknown } | null } | null }) => Boolean(d.c?.cosign?.response), 15_000);
    expect(await text(app, 'cosign-response')).toContain(RESPONSE);

    // 4. Both co-signers are told (the outbox), and the letter shows the response.
    for (const who of [CITIZEN, NEIGHBOUR]) {
      const started = Date.now();
      while ((await messagesTo(preview, who)).length === 0 && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 100));
      expect(await messagesTo(preview, who)).toEqual([expect.objectContaining({ args: expect.objectContaining({ page: `pages/letter/index?id=${id}` }) })]);
    }
    app = await openAs(preview, 'citizenA', 'pages/letter/index', { query: { id }, settle: true });
    expect(await text(app, 'cosign-response')).toContain(RESPONSE);
    expect((await api(preview, demoIdentity('supervisor').openid, 'case.queue', { cosignAwaiting: true })).items).toEqual([]);
    preview.expectNoProblems();
  } finally {
    await preview.close();
  }
});
