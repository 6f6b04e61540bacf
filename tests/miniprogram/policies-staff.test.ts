// The editor's pages against the real `api` function on an in-memory strict local cloud: the policy editor (checks,
// paragraphs, explanation, attachment upload, preview, publish, republish, repeal), the policy list's status filters,
// the draft editor's window rule, moderation, and the adoption report.
import { localCloud } from '../../tools/local-cloud';
import { ok, seedCatalog, seedStaff } from '../helpers/cloud';
import { connectLocalCloud, mountPage, useIdentity, usePhoneStorage, waitFor } from '../helpers/mp';
import { CITIZEN_A, CITIZEN_B, EDITOR, pickDate, publishPolicy, policyInput, typeText, waitForTestId } from '../helpers/policies';
import { allByTestId, byTestId, tap, textOf } from '../helpers/ui';
import { addDays, calendarDateOf } from '../../miniprogram/utils/time';

jest.setTimeout(30_000);

type Page = ReturnType<typeof mountPage>;
const DAY = 24 * 3600 * 1000;

beforeEach(async () => {
  connectLocalCloud(EDITOR);
  localCloud.clock.set(null);
  await seedCatalog();
  await seedStaff(EDITOR, ['editor']);
});
afterEach(() => jest.restoreAllMocks());
afterAll(() => {
  localCloud.clock.set(null);
  localCloud.close();
});

async function mount(path: string, query: Record<string, string> = {}): Promise<Page> {
  const page = mountPage(path, query);
  await waitFor(page, (d) => d.loading === false);
  expect(page.data.error).toBe('');
  return page;
}

const paragraphs = (page: Page) => page.data.form.paragraphs as string[];

test('the policy editor checks the form, edits paragraphs and the explanation, uploads, previews and publishes', async () => {
  const page = await mount('staff/policy-edit/index');

  // Nothing is saved until the required fields are there.
  await tap(page, 'save');
  expect(page.data.errors.fields).toMatchObject({ title: '请填写政策标题', issuer: '请填写发布机关', categoryId: '请选择政策类别' });
  expect(textOf(page, 'form-error')).toContain('请先修改标红的内容');
  expect((await ok(EDITOR, 'policy.list', { status: 'all' })).items).toEqual([]);

  await typeText(page, '老旧小区加装电梯补贴办法', 'field-title');
  await typeText(page, '市住建发〔2026〕8号', 'field-docNo');
  await typeText(page, '市住房和城乡建设局', 'field-issuer');
  await tap(page, 'category-cat-property');
  await pickDate(page, 'date-issuedAt', '2026-02-10');
  await pickDate(page, 'date-effectiveFrom', '2026-03-01');
  expect(page.data.form).toMatchObject({ categoryId: 'cat-property', issuedAt: '2026-02-10', effectiveFrom: '2026-03-01' });

  // Paragraphs: write, add, move up, insert, remove.
  await typeText(page, '第二条 补贴标准为每台二十万元。', 'paragraphs-editor', 'paragraphs-text-0');
  await tap(page, 'paragraphs-add');
  await typeText(page, '第一条 为推进老旧小区改造，制定本办法。', 'paragraphs-editor', 'paragraphs-text-1');
  await tap(page, 'paragraphs-up', 1);
  expect(paragraphs(page)).toEqual(['第一条 为推进老旧小区改造，制定本办法。', '第二条 补贴标准为每台二十万元。']);
  await tap(page, 'paragraphs-insert', 0);
  expect(paragraphs(page)).toHaveLength(3);
  await typeText(page, '多余的一段', 'paragraphs-editor', 'paragraphs-text-1');
  await tap(page, 'paragraphs-remove', 1);
  expect(paragraphs(page)).toEqual(['第一条 为推进老旧小区改造，制定本办法。', '第二条 补贴标准为每台二十万元。']);
  await tap(page, 'paragraphs-down', 0);
  // Down on the last paragraph changes nothing.
  await tap(page, 'paragraphs-down', 1);
  expect(paragraphs(page)[0]).toBe('第二条 补贴标准为每台二十万元。');
  await tap(page, 'paragraphs-up', 1);
  expect(paragraphs(page)[0]).toBe('第一条 为推进老旧小区改造，制定本办法。');

  // Explanation: background, a key point and a FAQ row.
  await typeText(page, '老旧小区居民上下楼困难。', 'field-background');
  await tap(page, 'keypoints-add');
  await typeText(page, '每台电梯补贴二十万元', 'keypoints-editor', 'keypoints-text-0');
  await tap(page, 'faq-add');
  await typeText(page, '谁可以申请？', 'faq-q-0');
  await typeText(page, '本市 2000 年前建成的住宅小区业主。', 'faq-a-0');

  // An attachment from a chat goes to cloud storage under policies/.
  jest.spyOn(wx, 'chooseMessageFile').mockImplementation((() =>
    Promise.resolve({ tempFiles: [{ path: 'wxfile://tmp/subsidy.pdf', name: '补贴申请表.pdf', size: 4096, type: 'file', time: 0 }], errMsg: 'ok' })) as never);
  const uploads: string[] = [];
  (wx.cloud as unknown as { uploadFile: (o: { cloudPath: string }) => Promise<{ fileID: string }> }).uploadFile = async ({ cloudPath }) => {
    uploads.push(cloudPath);
    return { fileID: localCloud.storage.write(cloudPath, Buffer.from('%PDF-1.4 test')) };
  };
  await tap(page, 'upload');
  await waitFor(page, (d) => d.uploading === false && (d.form as { attachments: unknown[] }).attachments.length === 1);
  expect(uploads[0]).toMatch(/^policies\/[a-z0-9]+\.pdf$/);
  expect(textOf(page, 'attachment-row')).toContain('补贴申请表.pdf');

  // The preview is the citizen's view of the unsaved form.
  await tap(page, 'mode-preview');
  const preview = textOf(page, 'preview');
  expect(preview).toContain('老旧小区加装电梯补贴办法');
  expect(preview).toContain('市住建发〔2026〕8号');
  expect(preview).toContain('每台电梯补贴二十万元');
  expect(preview).toContain('谁可以申请？');
  expect(preview).toContain('补贴申请表.pdf');
  await tap(page, 'mode-edit');

  await tap(page, 'publish');
  await waitFor(page, (d) => d.status === 'published' && d.publishing === false);
  expect(textOf(page, 'editor-status')).toContain('现行有效');
  const [listed] = (await ok(CITIZEN_A, 'policy.list', {})).items;
  const published = await ok(CITIZEN_A, 'policy.get', { id: listed.id });
  expect(published).toMatchObject({
    title: '老旧小区加装电梯补贴办法',
    docNo: '市住建发〔2026〕8号',
    categoryId: 'cat-property',
    issuedAt: '2026-02-10',
    paragraphs: ['第一条 为推进老旧小区改造，制定本办法。', '第二条 补贴标准为每台二十万元。'],
    explanation: { background: '老旧小区居民上下楼困难。', keyPoints: ['每台电梯补贴二十万元'], faq: [{ q: '谁可以申请？', a: '本市 2000 年前建成的住宅小区业主。' }] },
  });
  expect(published.attachments?.[0]).toMatchObject({ name: '补贴申请表.pdf', size: 4096 });
  expect(allByTestId(page, 'version-row')).toHaveLength(1);

  // A change published again becomes version 2, with its note.
  await typeText(page, '第二条 补贴标准提高为每台二十五万元。', 'paragraphs-editor', 'paragraphs-text-1');
  await typeText(page, '提高补贴标准', 'publish-note');
  await tap(page, 'publish');
  await waitFor(page, (d) => (d.versions as unknown[]).length === 2 && d.publishing === false);
  const v2 = await ok(CITIZEN_A, 'policy.get', { id: listed.id });
  expect(v2.paragraphs[1]).toBe('第二条 补贴标准提高为每台二十五万元。');
  expect(v2.versions[0]).toMatchObject({ version: 2, note: '提高补贴标准' });

  // Repeal, with a reason the public reads.
  await tap(page, 'unpublish-open');
  await waitForTestId(page, 'unpublish-popup');
  await tap(page, 'unpublish');
  expect(page.data.unpublishError).toBe('请填写原因，公众会看到它');
  await tap(page, 'repeal');
  await typeText(page, '已被新的补贴办法替代', 'unpublish-reason');
  await tap(page, 'unpublish');
  await waitFor(page, (d) => d.status === 'repealed');
  const repealed = await ok(CITIZEN_A, 'policy.get', { id: listed.id });
  expect(repealed).toMatchObject({ status: 'repealed', unpublishReason: '已被新的补贴办法替代' });
});

test('the editor opens an existing policy, and a stale save is refused with a way forward', async () => {
  const policy = await publishPolicy();
  const page = await mount('staff/policy-edit/index', { id: policy.id });
  expect(page.data.form.title).toBe(policyInput().title);
  expect(paragraphs(page)).toEqual(policyInput().paragraphs);
  // Someone else saves meanwhile.
  await ok(EDITOR, 'policy.save', { ...policyInput({ title: '别人改过的标题' }), id: policy.id, version: policy.version });
  await typeText(page, '我改的标题', 'field-title');
  await tap(page, 'save');
  await waitFor(page, (d) => d.saving === false && d.formError !== '');
  expect(textOf(page, 'form-error')).toContain('请返回列表重新打开');
});

test('the editors keep unsaved changes on the phone per record, ask on 返回, and forget them once saved', async () => {
  const store = usePhoneStorage();
  const enable = jest.spyOn(wx, 'enableAlertBeforeUnload');
  const policy = await publishPolicy();
  const page = await mount('staff/policy-edit/index', { id: policy.id });
  expect(enable).not.toHaveBeenCalled();
  await typeText(page, '第一条 改了一半的条文。', 'paragraphs-editor', 'paragraphs-text-0');
  expect(enable).toHaveBeenCalledTimes(1);
  expect([...store.keys()]).toEqual([`form-draft:policy:${policy.id}`]);

  const again = await mount('staff/policy-edit/index', { id: policy.id });
  expect(paragraphs(again)[0]).toBe('第一条 改了一半的条文。');
  await tap(again, 'save');
  await waitFor(again, (d) => d.saving === false);
  expect(again.data.formError).toBe('');
  expect(store.size).toBe(0);

  // A draft of a version someone has since replaced is not put back over their save.
  await typeText(again, '我的标题', 'field-title');
  const latest = await ok(EDITOR, 'policy.get', { id: policy.id });
  await ok(EDITOR, 'policy.save', { ...policyInput({ title: '别人改过的标题' }), id: policy.id, version: latest.version });
  expect((await mount('staff/policy-edit/index', { id: policy.id })).data.form.title).toBe('别人改过的标题');
  expect(store.size).toBe(0);

  // A new consultation's draft is kept under "new" until it is saved.
  const draft = await mount('staff/draft-edit/index');
  await typeText(draft, '城市公共交通条例（征求意见稿）', 'field-title');
  expect([...store.keys()]).toEqual(['form-draft:draft:new']);
  expect((await mount('staff/draft-edit/index')).data.form.title).toBe('城市公共交通条例（征求意见稿）');
});

test('a change note typed while editing a published policy is saved with the edit and offered again on reopening', async () => {
  const policy = await publishPolicy();
  const page = await mount('staff/policy-edit/index', { id: policy.id });
  await typeText(page, '修订后的标题', 'field-title');
  await typeText(page, '调整标题表述', 'publish-note');
  await tap(page, 'save');
  await waitFor(page, (d) => d.saving === false && d.hasDraftChanges === true);
  expect((await ok(EDITOR, 'policy.get', { id: policy.id })).pendingNote).toBe('调整标题表述');
  // Citizens still read the published text, without the note.
  expect(await ok(CITIZEN_A, 'policy.get', { id: policy.id })).toMatchObject({ title: policyInput().title });

  const reopened = await mount('staff/policy-edit/index', { id: policy.id });
  expect(reopened.data.publishNote).toBe('调整标题表述');
  await tap(reopened, 'publish');
  await waitFor(reopened, (d) => (d.versions as unknown[]).length === 2 && d.publishing === false);
  const v2 = await ok(CITIZEN_A, 'policy.get', { id: policy.id });
  expect(v2.versions[0]).toMatchObject({ version: 2, note: '调整标题表述' });
  expect(v2.updatedNote).toMatch(/^于\d{4}年\d{1,2}月\d{1,2}日修订$/);
});

test('the staff policy list filters by status', async () => {
  await publishPolicy({ title: '已发布的办法' });
  await ok(EDITOR, 'policy.save', policyInput({ title: '还在起草的办法' }));
  const page = await mount('staff/policies/index');
  expect(allByTestId(page, 'policy-card')).toHaveLength(2);
  expect(allByTestId(page, 'policy-status').map((t) => t.textContent?.trim()).sort()).toEqual(['未发布', '现行有效'].sort());
  await tap(page, 'filter-draft');
  await waitFor(page, (d) => d.filter === 'draft' && d.loading === false);
  expect(allByTestId(page, 'policy-card').map((c) => c.textContent)).toEqual([expect.stringContaining('还在起草的办法')]);
  await tap(page, 'filter-published');
  await waitFor(page, (d) => d.filter === 'published' && d.loading === false);
  expect(allByTestId(page, 'policy-card').map((c) => c.textContent)).toEqual([expect.stringContaining('已发布的办法')]);
});

test('the draft editor checks the comment window before saving, then opens the consultation', async () => {
  const today = calendarDateOf(Date.now());
  const page = await mount('staff/draft-edit/index');
  expect(page.data.form.opensOn).toBe(today);
  expect(page.data.form.closesOn).toBe(addDays(today, 30));
  expect(textOf(page, 'window-info')).toContain('共 30 天');

  await typeText(page, '城市公共交通条例（征求意见稿）', 'field-title');
  await typeText(page, '第一条 为规范城市公共交通，制定本条例。', 'paragraphs-editor', 'paragraphs-text-0');
  await tap(page, 'paragraphs-add');
  await typeText(page, '第二条 公交线路调整应当征求意见。', 'paragraphs-editor', 'paragraphs-text-1');

  // Twenty days is too short for an ordinary document, and nothing is sent.
  await pickDate(page, 'date-closesOn', addDays(today, 20));
  expect(textOf(page, 'window-error')).toContain('意见征集期不得少于 30 日');
  await tap(page, 'save');
  expect(textOf(page, 'form-error')).toContain('不得少于 30 日');
  expect((await ok(EDITOR, 'draft.list', { status: 'all' })).items).toEqual([]);

  // A normative document may run 7 working days: twenty days always hold them.
  await tap(page, 'kind-normative');
  expect(page.data.windowError).toBe('');
  await tap(page, 'kind-general');
  await pickDate(page, 'date-closesOn', addDays(today, 31));
  expect(page.data.windowError).toBe('');

  await tap(page, 'save');
  await waitFor(page, (d) => d.saving === false && d.isNew === false);
  expect(page.data.formError).toBe('');
  expect(page.data.status).toBe('open');
  expect(page.data.locked).toBe(true);
  expect(textOf(page, 'draft-status')).toContain('征求意见中');
  const [item] = (await ok(CITIZEN_A, 'draft.list', { status: 'open' })).items;
  const draft = await ok(CITIZEN_A, 'draft.get', { id: item.id });
  expect(draft.paragraphs).toEqual(['第一条 为规范城市公共交通，制定本条例。', '第二条 公交线路调整应当征求意见。']);
  expect(calendarDateOf(Date.parse(draft.closesAt))).toBe(addDays(today, 31));

  // While open, the closing day may move later; the stored opening stays as it is.
  await pickDate(page, 'date-closesOn', addDays(today, 40));
  await tap(page, 'save');
  await waitFor(page, (d) => d.saving === false && (d.form as { closesOn: string }).closesOn === addDays(today, 40) && d.formError === '');
  expect(calendarDateOf(Date.parse((await ok(CITIZEN_A, 'draft.get', { id: item.id })).closesAt))).toBe(addDays(today, 40));
});

async function draftWithComments() {
  const now = Date.now();
  const draft = await ok(EDITOR, 'draft.save', {
    title: '城市公共交通条例（征求意见稿）',
    paragraphs: ['第一条 总则。', '第二条 线路。', '第三条 夜间公交。'],
    opensAt: new Date(now).toISOString(),
    closesAt: new Date(now + 31 * DAY).toISOString(),
  });
  await ok(CITIZEN_A, 'draft.comment', { id: draft.id, paragraphIndex: 2, content: '建议夜间公交末班车延长到二十三点。' });
  await ok(CITIZEN_B, 'draft.comment', { id: draft.id, content: '建议在草案中写明线路调整的公示期。' });
  await ok(CITIZEN_B, 'draft.comment', { id: draft.id, content: '这是一条和草案无关的广告内容。' });
  return draft;
}

test('moderation approves or hides each waiting comment, in place', async () => {
  const draft = await draftWithComments();
  const page = await mount('staff/moderation/index', { draftId: draft.id });
  const items = allByTestId(page, 'moderation-item');
  expect(items).toHaveLength(3);
  expect(items[0].textContent).toContain('针对第 3 段');

  await tap(page, 'approve', 0);
  await waitFor(page, (d) => (d.items as Array<{ state: string }>)[0].state === 'approved');
  expect(allByTestId(page, 'moderation-state')[0].textContent).toContain('已通过，已公开');
  await tap(page, 'approve', 0); // now the second row's button
  await waitFor(page, (d) => (d.items as Array<{ state: string }>)[1].state === 'approved');

  await tap(page, 'hide', 0);
  await waitForTestId(page, 'hide-popup');
  await tap(page, 'hide-confirm');
  expect(page.data.hideError).toBe('请选择或填写不公开的原因');
  await tap(page, 'hide-reason-chip', 3);
  await tap(page, 'hide-confirm');
  await waitFor(page, (d) => (d.items as Array<{ state: string }>)[2].state === 'hidden');
  expect(allByTestId(page, 'moderation-state')[2].textContent).toContain('未公开：广告或重复内容');

  useIdentity(CITIZEN_A);
  const seen = await ok(CITIZEN_A, 'draft.get', { id: draft.id });
  expect(seen.comments.filter((c) => c.status === 'approved').map((c) => c.content).sort()).toEqual(
    ['建议在草案中写明线路调整的公示期。', '建议夜间公交末班车延长到二十三点。'].sort(),
  );
  expect((await ok(EDITOR, 'draft.moderationQueue', { draftId: draft.id })).items).toEqual([]);
});

test('after the window the report page records decisions for one or a group, and publishes the report', async () => {
  const draft = await draftWithComments();
  const queue = await ok(EDITOR, 'draft.moderationQueue', { draftId: draft.id });
  for (const item of queue.items.slice(0, 2)) await ok(EDITOR, 'draft.moderate', { commentId: item.commentId, decision: 'approve' });
  await ok(EDITOR, 'draft.moderate', { commentId: queue.items[2].commentId, decision: 'hide', reason: '广告或重复内容' });

  const early = await mount('staff/draft-report/index', { id: draft.id });
  expect(byTestId(early, 'not-closed')).not.toBeNull();
  expect(byTestId(early, 'decide-panel')).toBeNull();

  localCloud.clock.set(new Date(Date.now() + 32 * DAY), { frozen: true });
  const page = await mount('staff/draft-report/index', { id: draft.id });
  expect(allByTestId(page, 'report-row')).toHaveLength(2);
  expect(textOf(page, 'progress')).toBe('公开意见 2 条，已处理 0 条，还有 2 条未处理');

  // One comment: adopted.
  const rows = allByTestId(page, 'report-row');
  const night = rows.findIndex((r) => r.textContent!.includes('夜间公交'));
  await tap(page, 'report-row', night);
  expect(page.data.selectedCount).toBe(1);
  await tap(page, 'decide');
  expect(textOf(page, 'decide-error')).toContain('请选择处理结果');
  await tap(page, 'decision-adopted');
  await typeText(page, '已在第三条中增加夜间线路安排', 'decide-reason');
  await tap(page, 'decide');
  await waitFor(page, (d) => d.deciding === false && d.selectedCount === 0);
  expect(textOf(page, 'progress')).toBe('公开意见 2 条，已处理 1 条，还有 1 条未处理');

  // Publishing now is refused: one public comment has no decision yet.
  await typeText(page, '共收到公开意见 2 条，采纳 1 条，部分采纳 1 条。', 'summary');
  await tap(page, 'publish-report');
  expect(textOf(page, 'publish-error')).toContain('还有 1 条公开意见没有处理结果');

  // The rest as a group.
  await tap(page, 'select-undecided');
  expect(page.data.selectedCount).toBe(1);
  await tap(page, 'decision-partly');
  await typeText(page, '公示期要求已写入第二条，具体天数另行规定', 'decide-reason');
  await tap(page, 'decide');
  await waitFor(page, (d) => d.deciding === false && d.progressText === '公开意见 2 条，已处理 2 条');

  await tap(page, 'publish-report');
  await waitFor(page, (d) => d.status === 'reported' && d.publishing === false);
  expect(textOf(page, 'published-report')).toContain('共收到公开意见 2 条');
  const reported = await ok(CITIZEN_A, 'draft.get', { id: draft.id });
  expect(reported.status).toBe('reported');
  expect(reported.report?.counts).toEqual({ total: 2, adopted: 1, partly: 1, notAdopted: 0 });
  expect(reported.report?.decisions.map((d) => [d.decision, d.reason]).sort()).toEqual([
    ['adopted', '已在第三条中增加夜间线路安排'],
    ['partly', '公示期要求已写入第二条，具体天数另行规定'],
  ]);
});
