// policy.save / get / list / publish / unpublish / favorite through the real function on the local cloud (strict mode).
import { callAs, ok } from '../../helpers/cloud';
import { ADMIN, CITIZEN, CITIZEN_B, EDITOR, HANDLER, at, count, tick, createPolicy, errorOf, eventsOf, policyInput, publishedPolicy, setUp, upload } from './helpers';

beforeEach(setUp);

describe('policy.save', () => {
  test('an editor creates a draft: versioned, not published, with an event naming the role', async () => {
    const p = await createPolicy();
    expect(p).toMatchObject({
      title: '关于进一步加强住宅小区物业管理的若干意见',
      docNo: '京政办发〔2026〕12号',
      status: 'draft',
      statusLabel: '未发布',
      version: 1,
      categoryName: '物业管理',
      versions: [],
      hasDraftChanges: false,
      favorited: false,
    });
    expect(p.publishedAt).toBeUndefined();
    expect(await eventsOf(p.id)).toEqual([expect.objectContaining({ kind: 'created', actor: { role: 'editor', openid: EDITOR } })]);
  });

  test('an admin may write too', async () => {
    const p = await ok(ADMIN, 'policy.save', policyInput());
    expect((await eventsOf(p.id))[0]!.actor.role).toBe('admin');
  });

  test.each([
    ['a citizen', CITIZEN, 'PERMISSION_DENIED'],
    ['a handler', HANDLER, 'PERMISSION_DENIED'],
    ['no WeChat identity', null, 'UNAUTHENTICATED'],
  ])('%s cannot write: %s, nothing stored', async (_who, openid, code) => {
    expect((await errorOf(openid, 'policy.save', policyInput())).code).toBe(code);
    expect(await count('policies')).toBe(0);
  });

  test.each<[string, Record<string, unknown>, Record<string, string>]>([
    ['an unknown field', { secret: 1 }, { secret: '不支持的字段：secret' }],
    ['a title too long', { title: '政'.repeat(101) }, { title: '标题不能超过 100 个字' }],
    ['no paragraphs', { paragraphs: [] }, { paragraphs: '正文至少需要一段' }],
    ['a paragraph too long', { paragraphs: ['第一段', '长'.repeat(5001)] }, { 'paragraphs.1': '正文段落不能超过 5000 个字' }],
    ['a date in another format', { issuedAt: '2026/02/20' }, { issuedAt: '成文日期格式应为 2026-01-31' }],
    ['a date that does not exist', { issuedAt: '2026-02-30' }, { issuedAt: '日期无效，格式应为 2026-01-31' }],
    ['effective before issued', { issuedAt: '2026-03-01', effectiveFrom: '2026-02-01' }, { effectiveFrom: '施行日期不能早于成文日期' }],
    ['expiring before taking effect', { effectiveFrom: '2026-03-01', expiresAt: '2026-03-01' }, { expiresAt: '失效日期应晚于施行日期' }],
    ['an unknown category', { categoryId: 'cat-nowhere' }, { categoryId: '政策类别不存在，请重新选择' }],
    ['a related policy that does not exist', { relatedIds: ['p-missing'] }, { relatedIds: '相关政策不存在：p-missing' }],
    ['an attachment outside policies/', { attachments: [{ fileID: 'cloud://local-dev.bucket/cases/a.pdf', name: '附件.pdf' }] }, { 'attachments.0': '附件应上传到云存储的 policies/ 目录' }],
    ['an attachment never uploaded', { attachments: [{ fileID: 'cloud://local-dev.bucket/policies/none.pdf', name: '细则.pdf' }] }, { 'attachments.0': '附件“细则.pdf”的文件不存在，请重新上传' }],
  ])('%s: INVALID_ARGUMENT with a Chinese field message, nothing stored', async (_case, change, fields) => {
    const error = await errorOf(EDITOR, 'policy.save', { ...policyInput(), ...change });
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.fields).toEqual(fields);
    expect(error.message).toContain(Object.values(fields)[0]);
    expect(await count('policies')).toBe(0);
    expect(await count('audit_events')).toBe(0);
  });

  test('an edit based on an older version: CONFLICT, the newer edit stands', async () => {
    const p = await createPolicy();
    await ok(EDITOR, 'policy.save', { ...policyInput({ title: '第一位编辑的标题' }), id: p.id, version: p.version });
    const error = await errorOf(ADMIN, 'policy.save', { ...policyInput({ title: '第二位编辑的标题' }), id: p.id, version: p.version });
    expect(error.code).toBe('CONFLICT');
    expect((await ok(EDITOR, 'policy.get', { id: p.id })).title).toBe('第一位编辑的标题');
  });

  test('two editors saving the same version at once: one wins, the other gets CONFLICT', async () => {
    const p = await createPolicy();
    const results = await Promise.all(
      ['甲编辑的标题', '乙编辑的标题'].map((title) => callAs(EDITOR, 'policy.save', { ...policyInput({ title }), id: p.id, version: p.version })),
    );
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual(['CONFLICT', 'ok']);
    const winner = results.find((r) => r.ok);
    expect((await ok(EDITOR, 'policy.get', { id: p.id })).title).toBe(winner?.ok ? winner.data.title : '');
    expect((await eventsOf(p.id)).filter((e) => e.kind === 'edited')).toHaveLength(1);
  });

  test('an edit without the version it was based on is refused', async () => {
    const p = await createPolicy();
    const error = await errorOf(EDITOR, 'policy.save', { ...policyInput(), id: p.id });
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', fields: { version: expect.stringContaining('版本号') } });
  });

  test('a retried create with the same clientRequestId answers the first policy', async () => {
    const first = await ok(EDITOR, 'policy.save', { ...policyInput(), clientRequestId: 'req-policy-0001' });
    const again = await ok(EDITOR, 'policy.save', { ...policyInput(), clientRequestId: 'req-policy-0001' });
    expect(again.id).toBe(first.id);
    expect(await count('policies')).toBe(1);
  });

  test('attachments in policies/ are kept with a download URL; related policies answer their titles', async () => {
    const fileID = upload('policies/rules.pdf');
    const other = await publishedPolicy({ title: '住宅专项维修资金管理办法', docNo: undefined });
    const p = await createPolicy({ attachments: [{ fileID, name: '实施细则.pdf', size: 1024 }], relatedIds: [other.id] });
    expect(p.attachments).toEqual([{ fileID, name: '实施细则.pdf', size: 1024, url: expect.stringContaining('policies/rules.pdf') }]);
    expect(p.related).toEqual([{ id: other.id, title: '住宅专项维修资金管理办法' }]);
  });
});

describe('policy.get', () => {
  test('a citizen asking for a draft gets NOT_FOUND, as for a policy that does not exist', async () => {
    const p = await createPolicy();
    expect(await errorOf(CITIZEN, 'policy.get', { id: p.id })).toEqual({ code: 'NOT_FOUND', message: '政策不存在或您无权查看。' });
    expect((await errorOf(CITIZEN, 'policy.get', { id: 'nothing-here' })).code).toBe('NOT_FOUND');
    expect((await ok(EDITOR, 'policy.get', { id: p.id })).status).toBe('draft');
  });

  test('related policies a citizen may not see are left out', async () => {
    const hidden = await createPolicy({ title: '尚未发布的配套文件' });
    const p = await publishedPolicy({ relatedIds: [hidden.id] });
    expect((await ok(CITIZEN, 'policy.get', { id: p.id })).related).toBeUndefined();
    expect((await ok(EDITOR, 'policy.get', { id: p.id })).related).toEqual([{ id: hidden.id, title: '尚未发布的配套文件', docNo: '京政办发〔2026〕12号' }]);
  });
});

describe('publishing and versions', () => {
  test('each published change is a new version; earlier versions stay readable; readers see "updated on"', async () => {
    const draft = await createPolicy();
    tick();
    const v1 = await ok(EDITOR, 'policy.publish', { id: draft.id, version: draft.version });
    expect(v1).toMatchObject({ status: 'published', statusLabel: '现行有效', publishedVersion: 1, versions: [{ version: 1, publishedAt: '2026-03-02T01:01:00.000Z' }] });
    expect(v1.updatedNote).toBeUndefined();

    at('2026-04-10T02:00:00.000Z');
    const edited = await ok(EDITOR, 'policy.save', { ...policyInput({ paragraphs: ['修订后的第一段。', '物业服务企业应当每季度公示收支。'] }), id: v1.id, version: v1.version });
    expect(edited).toMatchObject({ hasDraftChanges: true, paragraphs: ['修订后的第一段。', '物业服务企业应当每季度公示收支。'] });
    // Until published, citizens read the published text.
    expect((await ok(CITIZEN, 'policy.get', { id: v1.id })).paragraphs).toEqual(v1.paragraphs);

    tick();
    const v2 = await ok(EDITOR, 'policy.publish', { id: v1.id, version: edited.version, note: '按条例修订收费公示要求' });
    expect(v2).toMatchObject({ publishedVersion: 2, updatedNote: '于2026年4月10日修订', hasDraftChanges: false });
    expect(v2.versions).toEqual([
      { version: 2, publishedAt: '2026-04-10T02:01:00.000Z', note: '按条例修订收费公示要求' },
      { version: 1, publishedAt: '2026-03-02T01:01:00.000Z' },
    ]);
    const citizenView = await ok(CITIZEN, 'policy.get', { id: v1.id });
    expect(citizenView.paragraphs[0]).toBe('修订后的第一段。');
    const old = await ok(CITIZEN, 'policy.get', { id: v1.id, version: 1 });
    expect(old).toMatchObject({ publishedVersion: 1, paragraphs: v1.paragraphs, publishedAt: '2026-03-02T01:01:00.000Z' });
    expect(await count('policy_versions')).toBe(2);
    expect((await errorOf(CITIZEN, 'policy.get', { id: v1.id, version: 3 })).code).toBe('NOT_FOUND');
    expect((await eventsOf(v1.id)).map((e) => e.kind)).toEqual(['created', 'published', 'edited', 'published']);
  });

  test('a change note saved with the edit of a published policy becomes the new version\'s note; the old text stays readable', async () => {
    const v1 = await publishedPolicy();
    at('2026-05-06T03:00:00.000Z');
    const edited = await ok(EDITOR, 'policy.save', { ...policyInput({ title: '关于加强住宅小区物业管理的意见（修订）' }), id: v1.id, version: v1.version, note: '调整标题表述' });
    expect(edited).toMatchObject({ hasDraftChanges: true, pendingNote: '调整标题表述' });
    // A second save without a note keeps the note written for these edits.
    const again = await ok(EDITOR, 'policy.save', { ...policyInput({ title: '关于加强住宅小区物业管理的意见（修订稿）' }), id: v1.id, version: edited.version });
    expect(again.pendingNote).toBe('调整标题表述');
    expect((await ok(CITIZEN, 'policy.get', { id: v1.id })).pendingNote).toBeUndefined();
    const v2 = await ok(EDITOR, 'policy.publish', { id: v1.id, version: again.version });
    expect(v2).toMatchObject({ publishedVersion: 2, updatedNote: '于2026年5月6日修订', title: '关于加强住宅小区物业管理的意见（修订稿）' });
    expect(v2.pendingNote).toBeUndefined();
    const citizen = await ok(CITIZEN, 'policy.get', { id: v1.id });
    expect(citizen.versions).toEqual([
      { version: 2, publishedAt: '2026-05-06T03:00:00.000Z', note: '调整标题表述' },
      { version: 1, publishedAt: v1.publishedAt },
    ]);
    expect((await ok(CITIZEN, 'policy.get', { id: v1.id, version: 1 })).title).toBe(v1.title);
    const edits = (await eventsOf(v1.id)).filter((e) => e.kind === 'edited');
    expect(edits).toHaveLength(2);
  });

  test('a change note on a policy never published is refused and changes nothing', async () => {
    const draft = await createPolicy();
    const err = await errorOf(EDITOR, 'policy.save', { ...policyInput({ title: '新标题' }), id: draft.id, version: draft.version, note: '修订' });
    expect(err).toMatchObject({ code: 'INVALID_ARGUMENT', fields: { note: expect.stringContaining('修订说明') } });
    expect((await ok(EDITOR, 'policy.get', { id: draft.id })).version).toBe(draft.version);
    const long = await errorOf(EDITOR, 'policy.save', { ...policyInput(), id: draft.id, version: draft.version, note: '长'.repeat(1000) });
    expect(long.code).toBe('INVALID_ARGUMENT');
  });

  test('publishing what is already published changes nothing (a retry, a double tap)', async () => {
    const p = await publishedPolicy();
    const again = await ok(EDITOR, 'policy.publish', { id: p.id, version: p.version - 1 });
    expect(again.version).toBe(p.version);
    expect(await count('policy_versions')).toBe(1);
    expect((await eventsOf(p.id)).filter((e) => e.kind === 'published')).toHaveLength(1);
  });

  test('publishing from a stale version while there are changes: CONFLICT', async () => {
    const p = await publishedPolicy();
    await ok(EDITOR, 'policy.save', { ...policyInput({ title: '修订标题' }), id: p.id, version: p.version });
    expect((await errorOf(EDITOR, 'policy.publish', { id: p.id, version: p.version })).code).toBe('CONFLICT');
  });

  test('wrong role: PERMISSION_DENIED', async () => {
    const p = await createPolicy();
    expect((await errorOf(CITIZEN, 'policy.publish', { id: p.id, version: p.version })).code).toBe('PERMISSION_DENIED');
    expect((await ok(EDITOR, 'policy.get', { id: p.id })).status).toBe('draft');
  });
});

describe('policy.unpublish', () => {
  test('withdrawn: back to draft, gone for citizens, the reason kept; a retry changes nothing', async () => {
    const draft = await createPolicy();
    tick();
    const p = await ok(EDITOR, 'policy.publish', { id: draft.id, version: draft.version });
    tick();
    const down = await ok(EDITOR, 'policy.unpublish', { id: p.id, version: p.version, reason: '内容需要重新审核' });
    expect(down).toMatchObject({ status: 'draft', unpublishReason: '内容需要重新审核' });
    expect((await errorOf(CITIZEN, 'policy.get', { id: p.id })).code).toBe('NOT_FOUND');
    expect((await errorOf(CITIZEN, 'policy.get', { id: p.id, version: 1 })).code).toBe('NOT_FOUND');
    expect((await ok(CITIZEN, 'policy.list', {})).items).toEqual([]);
    const retry = await ok(EDITOR, 'policy.unpublish', { id: p.id, version: p.version, reason: '内容需要重新审核' });
    expect(retry.version).toBe(down.version);
    tick();
    // Published again unchanged: public again, no new version.
    const back = await ok(EDITOR, 'policy.publish', { id: p.id, version: down.version });
    expect(back).toMatchObject({ status: 'published', publishedVersion: 1 });
    expect(await count('policy_versions')).toBe(1);
    expect((await eventsOf(p.id)).map((e) => [e.kind, e.note])).toEqual([
      ['created', p.title],
      ['published', '发布第 1 版'],
      ['unpublished', '内容需要重新审核'],
      ['published', '重新发布（内容未变）'],
    ]);
  });

  test('repealed: still readable with its status and reason, listed only when asked for', async () => {
    const p = await publishedPolicy();
    await ok(EDITOR, 'policy.unpublish', { id: p.id, version: p.version, reason: '已被《物业管理条例》替代', repeal: true });
    expect(await ok(CITIZEN, 'policy.get', { id: p.id })).toMatchObject({ status: 'repealed', statusLabel: '已废止', unpublishReason: '已被《物业管理条例》替代' });
    expect((await ok(CITIZEN, 'policy.list', {})).items).toEqual([]);
    expect((await ok(CITIZEN, 'policy.list', { status: 'repealed' })).items.map((i) => [i.id, i.status])).toEqual([[p.id, 'repealed']]);
  });

  test('a policy never published cannot be repealed', async () => {
    const p = await createPolicy();
    expect(await errorOf(EDITOR, 'policy.unpublish', { id: p.id, version: p.version, reason: '误操作', repeal: true })).toEqual({
      code: 'FAILED_PRECONDITION',
      message: '这份政策尚未发布，无需废止',
    });
  });

  test('a reason is required', async () => {
    const p = await publishedPolicy();
    expect(await errorOf(EDITOR, 'policy.unpublish', { id: p.id, version: p.version, reason: ' ' })).toMatchObject({ code: 'INVALID_ARGUMENT', fields: { reason: '请填写原因' } });
  });
});

describe('expiry', () => {
  test('a published policy reads as expired from 00:00 Shanghai of its expiry date, in get and in every list', async () => {
    const p = await publishedPolicy({ expiresAt: '2026-06-01' });
    const lasting = await publishedPolicy({ title: '长期有效的政策', docNo: undefined, expiresAt: undefined, issuedAt: '2026-01-05', effectiveFrom: undefined });

    at('2026-05-31T15:59:59.000Z');
    expect((await ok(CITIZEN, 'policy.get', { id: p.id })).status).toBe('published');
    expect((await ok(CITIZEN, 'policy.list', { status: 'expired' })).items).toEqual([]);

    at('2026-05-31T16:00:00.000Z');
    expect(await ok(CITIZEN, 'policy.get', { id: p.id })).toMatchObject({ status: 'expired', statusLabel: '已失效' });
    const all = await ok(CITIZEN, 'policy.list', {});
    expect(all.items.map((i) => [i.id, i.status])).toEqual([
      [p.id, 'expired'],
      [lasting.id, 'published'],
    ]);
    expect((await ok(CITIZEN, 'policy.list', { status: 'published' })).items.map((i) => i.id)).toEqual([lasting.id]);
    expect((await ok(CITIZEN, 'policy.list', { status: 'expired' })).items.map((i) => i.id)).toEqual([p.id]);
    expect((await ok(CITIZEN, 'policy.list', { keyword: '若干意见' })).items.map((i) => i.status)).toEqual(['expired']);
  });

  test('published before it takes effect: 尚未施行', async () => {
    const p = await publishedPolicy({ effectiveFrom: '2026-04-01', expiresAt: undefined });
    expect((await ok(CITIZEN, 'policy.get', { id: p.id })).statusLabel).toBe('尚未施行');
    at('2026-03-31T16:00:00.000Z');
    expect((await ok(CITIZEN, 'policy.get', { id: p.id })).statusLabel).toBe('现行有效');
  });
});

describe('policy.list', () => {
  async function library(n: number) {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const p = await publishedPolicy({ title: `第${i + 1}号测试政策`, docNo: undefined, issuedAt: `2025-0${i + 1}-15`, effectiveFrom: undefined, expiresAt: undefined });
      ids.push(p.id);
    }
    return ids;
  }

  test('newest first by official date; pages follow the cursor without gaps or repeats', async () => {
    const ids = await library(5);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await ok(CITIZEN, 'policy.list', cursor ? { limit: 2, cursor } : { limit: 2 });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual([...ids].reverse());
    expect(pages).toBe(3);
  });

  test('by category', async () => {
    const a = await publishedPolicy();
    const b = await publishedPolicy({ title: '公交线路优化调整办法', categoryId: 'cat-bus', docNo: undefined });
    expect((await ok(CITIZEN, 'policy.list', { categoryId: 'cat-bus' })).items.map((i) => i.id)).toEqual([b.id]);
    expect((await ok(CITIZEN, 'policy.list', { categoryId: 'cat-property' })).items.map((i) => i.id)).toEqual([a.id]);
  });

  test('drafts: editors see them and may filter by status; citizens may not ask', async () => {
    const published = await publishedPolicy();
    const draft = await createPolicy({ title: '起草中的政策', issuedAt: '2026-02-25' });
    expect((await ok(CITIZEN, 'policy.list', {})).items.map((i) => i.id)).toEqual([published.id]);
    expect((await ok(EDITOR, 'policy.list', {})).items.map((i) => i.id)).toEqual([draft.id, published.id]);
    expect((await ok(EDITOR, 'policy.list', { status: 'draft' })).items.map((i) => [i.id, i.statusLabel])).toEqual([[draft.id, '未发布']]);
    expect(await errorOf(CITIZEN, 'policy.list', { status: 'draft' })).toEqual({ code: 'PERMISSION_DENIED', message: '未发布的政策仅政策编辑可以查看。' });
  });

  test('a cursor that was not issued by the list: INVALID_ARGUMENT', async () => {
    expect(await errorOf(CITIZEN, 'policy.list', { cursor: 'not-a-cursor' })).toMatchObject({ code: 'INVALID_ARGUMENT', fields: { cursor: '分页参数格式不正确' } });
  });

  test('search answers from the public face: unpublished edits are not found until published', async () => {
    const p = await publishedPolicy();
    await ok(EDITOR, 'policy.save', { ...policyInput({ paragraphs: ['新增充电桩建设条款。'] }), id: p.id, version: p.version });
    expect((await ok(CITIZEN, 'policy.list', { keyword: '充电桩' })).items).toEqual([]);
    expect((await ok(CITIZEN, 'policy.list', { keyword: '业主监督' })).items.map((i) => i.id)).toEqual([p.id]);
    const working = await ok(EDITOR, 'policy.get', { id: p.id });
    await ok(EDITOR, 'policy.publish', { id: p.id, version: working.version });
    const found = await ok(CITIZEN, 'policy.list', { keyword: '充电桩' });
    expect(found.items[0]!.snippet).toEqual([
      { text: '新增', hit: false },
      { text: '充电桩', hit: true },
      { text: '建设条款。', hit: false },
    ]);
  });
});

describe('favourites', () => {
  test('toggle on and off; the wanted state is idempotent; the list is newest first', async () => {
    const a = await publishedPolicy();
    const b = await publishedPolicy({ title: '老年人免费乘坐公交办法', docNo: undefined, categoryId: 'cat-bus' });
    expect(await ok(CITIZEN, 'policy.favorite', { id: a.id })).toEqual({ favorited: true });
    at('2026-03-02T02:00:00.000Z');
    expect(await ok(CITIZEN, 'policy.favorite', { id: b.id, favorited: true })).toEqual({ favorited: true });
    expect(await ok(CITIZEN, 'policy.favorite', { id: b.id, favorited: true })).toEqual({ favorited: true });
    expect(await count('favorites')).toBe(2);
    expect((await ok(CITIZEN, 'policy.get', { id: a.id })).favorited).toBe(true);
    expect((await ok(CITIZEN_B, 'policy.get', { id: a.id })).favorited).toBe(false);
    expect((await ok(CITIZEN, 'policy.list', { favorites: true })).items.map((i) => i.id)).toEqual([b.id, a.id]);
    expect(await ok(CITIZEN, 'policy.favorite', { id: a.id })).toEqual({ favorited: false });
    expect((await ok(CITIZEN, 'policy.list', { favorites: true })).items.map((i) => i.id)).toEqual([b.id]);
    expect((await ok(CITIZEN_B, 'policy.list', { favorites: true })).items).toEqual([]);
  });

  test('a double tap sending the wanted state leaves one favourite', async () => {
    const p = await publishedPolicy();
    const taps = await Promise.all([1, 2].map(() => ok(CITIZEN, 'policy.favorite', { id: p.id, favorited: true })));
    expect(taps).toEqual([{ favorited: true }, { favorited: true }]);
    expect(await count('favorites')).toBe(1);
  });

  test('a withdrawn policy drops out of the list and can still be removed; a draft cannot be added', async () => {
    const p = await publishedPolicy();
    await ok(CITIZEN, 'policy.favorite', { id: p.id, favorited: true });
    await ok(EDITOR, 'policy.unpublish', { id: p.id, version: p.version, reason: '重新审核' });
    expect((await ok(CITIZEN, 'policy.list', { favorites: true })).items).toEqual([]);
    expect(await ok(CITIZEN, 'policy.favorite', { id: p.id, favorited: false })).toEqual({ favorited: false });
    expect((await errorOf(CITIZEN, 'policy.favorite', { id: p.id })).code).toBe('NOT_FOUND');
    expect(await count('favorites')).toBe(0);
  });

  test('needs a WeChat identity; cannot be combined with other filters', async () => {
    const p = await publishedPolicy();
    expect((await errorOf(null, 'policy.favorite', { id: p.id })).code).toBe('UNAUTHENTICATED');
    expect((await errorOf(null, 'policy.list', { favorites: true })).code).toBe('UNAUTHENTICATED');
    expect((await errorOf(CITIZEN, 'policy.list', { favorites: true, keyword: '物业' })).code).toBe('INVALID_ARGUMENT');
  });
});

describe('editors and admins only', () => {
  test.each<[string, string, Record<string, unknown>]>([
    ['policy.unpublish', CITIZEN, { id: 'p1', version: 1, reason: '撤回' }],
    ['policy.publish', HANDLER, { id: 'p1', version: 1 }],
    ['draft.moderationQueue', CITIZEN, {}],
    ['draft.moderate', HANDLER, { commentId: 'c1', decision: 'approve' }],
    ['draft.decide', CITIZEN, { commentIds: ['c1'], decision: 'adopted', reason: '采纳' }],
    ['draft.publishReport', HANDLER, { id: 'd1', version: 1, summary: '说明' }],
  ])('%s as %s: PERMISSION_DENIED', async (action, openid, payload) => {
    expect(await errorOf(openid, action as 'policy.publish', payload)).toEqual({ code: 'PERMISSION_DENIED', message: '您没有权限进行此操作。' });
  });
});

test('reads need no identity: the library is public', async () => {
  const p = await publishedPolicy();
  const res = await callAs(null, 'policy.get', { id: p.id });
  expect(res.ok && res.data.favorited).toBe(false);
});
