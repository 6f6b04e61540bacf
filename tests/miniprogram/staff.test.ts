// The staff's side against the real `api` function: the queue with its filters and counts, handling a case from
// acceptance to the answer (with a stale version on the way), review, and administration from invite to binding.
import { localCloud } from '../../tools/local-cloud';
import { acceptAndAssign, allowSubmissions, DISPATCHER, HANDLER, SUPERVISOR, seedCaseStaff, submitCase } from '../helpers/cases';
import { ok, seedCatalog, seedStaff } from '../helpers/cloud';
import { componentOf, connectLocalCloud, mountPage, useIdentity, usePhoneStorage, waitFor } from '../helpers/mp';
import { allByTestId, byTestId, pick, tap, textOf, typeInto } from '../helpers/ui';

const CITIZEN = 'o_staff_citizen';
const ADMIN = 'o_staff_admin';

type Page = ReturnType<typeof mountPage>;

// The first test compiles the WXML with wcc, which takes longer than jest's 5 s on a busy machine.
jest.setTimeout(30_000);
type Methods = Record<string, (...args: unknown[]) => unknown>;
const call = (page: Page, name: string, ...args: unknown[]) => (page.instance as unknown as Methods)[name](...args);
type Item = { id: string; title: string; status: string; flags: string[]; department: string };
const items = (page: Page) => page.data.items as Item[];

beforeEach(async () => {
  connectLocalCloud(DISPATCHER);
  await seedCatalog();
  await seedCaseStaff();
  await seedStaff(ADMIN, ['admin']);
});
afterEach(() => {
  jest.restoreAllMocks();
  localCloud.clock.set(null);
});
afterAll(() => localCloud.close());

async function loaded(page: Page): Promise<Page> {
  await waitFor(page, (d) => d.loading === false);
  expect(page.data.error).toBe('');
  return page;
}

async function openCase(identity: string, id: string): Promise<Page> {
  useIdentity(identity);
  return loaded(mountPage('staff/case/index', { id }));
}

describe('queue', () => {
  test('filters by status, department, overdue and due soon, with a count on each, soonest deadline first', async () => {
    await allowSubmissions(50);
    const fresh = await submitCase(CITIZEN, { title: '新留言' });
    const housing = await submitCase(CITIZEN, { title: '住建在办' });
    await acceptAndAssign(housing.id);
    const bus = await submitCase(CITIZEN, { type: 'inquiry', categoryId: 'cat-bus', title: '交通在办' });
    await acceptAndAssign(bus.id, 'dept-transport');

    const page = await loaded(mountPage('staff/queue/index'));
    expect(items(page).map((i) => i.title).sort()).toEqual(['交通在办', '住建在办', '新留言']);
    expect(textOf(page, 'filter-submitted')).toBe('待受理1');
    expect(textOf(page, 'filter-processing')).toBe('办理中2');
    // Soonest answer-by first: the new case must be accepted within a working day.
    expect(items(page)[0].title).toBe('新留言');

    await tap(page, 'filter-submitted');
    await waitFor(page, (d) => d.filter === 'submitted' && d.loading === false);
    expect(items(page).map((i) => i.id)).toEqual([fresh.id]);

    await tap(page, 'filter-processing');
    await waitFor(page, (d) => d.filter === 'processing' && d.loading === false);
    await waitFor(page, (d) => (d.departmentNames as string[]).length === 4);
    await pick(page, 'department-picker', 2);
    await waitFor(page, (d) => d.departmentIndex === 2 && d.loading === false);
    expect(page.data.departmentNames).toEqual(['全部部门', '住房和城乡建设局', '交通运输局', '生态环境局']);
    expect(items(page).map((i) => i.title)).toEqual(['交通在办']);
    expect(items(page)[0].department).toBe('交通运输局');

    // Three weeks later everything running is overdue, and says so in words.
    localCloud.clock.set(new Date(Date.now() + 21 * 24 * 3600e3));
    await pick(page, 'department-picker', 0);
    await tap(page, 'filter-overdue');
    await waitFor(page, (d) => d.filter === 'overdue' && d.loading === false);
    expect(items(page)).toHaveLength(3);
    expect(items(page).every((i) => i.flags.includes('已超期'))).toBe(true);
    expect(textOf(page, 'filter-overdue')).toBe('已超期3');

    await tap(page, 'filter-dueSoon');
    await waitFor(page, (d) => d.filter === 'dueSoon' && d.loading === false);
    expect(page.data.empty).toBe(true);

    const navigate = jest.spyOn(wx, 'navigateTo');
    await tap(page, 'filter-all');
    await waitFor(page, (d) => d.filter === 'all' && d.loading === false);
    await tap(page, 'case-card', 0);
    expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: expect.stringMatching(/^\/staff\/case\/index\?id=/) }));
  });

  test('staff turn on work reminders from the queue with a tap', async () => {
    const settings = await ok(ADMIN, 'admin.settings.get', {});
    await ok(ADMIN, 'admin.settings.update', {
      version: settings.version,
      subscribeTemplates: { staffAssigned: { templateId: 'TPL_staff_assigned', fields: { title: 'thing1', due: 'time2' } } },
    });
    useIdentity(HANDLER);
    const page = await loaded(mountPage('staff/queue/index'));
    await waitFor(page, (d) => d.canSubscribe === true);
    const ask = jest
      .spyOn(wx, 'requestSubscribeMessage')
      .mockImplementation(((opts: { tmplIds: string[] }) =>
        Promise.resolve({ errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(opts.tmplIds.map((id) => [id, 'accept'])) })) as never);
    const toast = jest.spyOn(wx, 'showToast');
    await tap(page, 'subscribe');
    expect(ask).toHaveBeenCalledWith({ tmplIds: ['TPL_staff_assigned'] });
    await waitFor(page, () => toast.mock.calls.length > 0);
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已开启工作提醒' }));
  });

  test('a handler sees only their department, and pages through a long queue', async () => {
    await allowSubmissions(50);
    for (let i = 0; i < 23; i++) await acceptAndAssign((await submitCase(CITIZEN)).id);
    await acceptAndAssign((await submitCase(CITIZEN, { type: 'inquiry', categoryId: 'cat-bus', title: '别的部门' })).id, 'dept-transport');
    useIdentity(HANDLER);
    const page = await loaded(mountPage('staff/queue/index'));
    expect(items(page)).toHaveLength(20);
    await call(page, 'onReachBottom');
    await waitFor(page, (d) => (d.items as unknown[]).length === 23);
    expect(items(page).some((i) => i.title === '别的部门')).toBe(false);
    expect(page.data.hasMore).toBe(false);
  });
});

describe('case handling', () => {
  test('the dispatcher accepts and routes; the handler sees the contact, notes, and answers from a template after a conflict', async () => {
    const settings = await ok(ADMIN, 'admin.settings.get', {});
    await ok(ADMIN, 'admin.settings.update', {
      version: settings.version,
      replyTemplates: [{ id: 'tpl-repair', title: '已安排维修', text: '您好，您反映的问题已安排维修。' }],
    });
    const created = await submitCase(CITIZEN, { contactName: '张阿姨', contactPhone: '13800138000' });

    const desk = await openCase(DISPATCHER, created.id);
    expect(allByTestId(desk, 'action-accept')).toHaveLength(1);
    expect(byTestId(desk, 'action-reply')).toBeNull();
    await tap(desk, 'action-accept');
    // The category's department is proposed; the dispatcher may change it.
    expect(desk.data.departmentIndex).toBe(0);
    await pick(desk, 'department-picker', 0);
    await tap(desk, 'submit-action');
    await waitFor(desk, (d) => (d.c as { status: string }).status === 'processing');
    expect(textOf(desk, 'department-name')).toContain('住房和城乡建设局');
    expect(textOf(desk, 'notice')).toContain('受理');

    const page = await openCase(HANDLER, created.id);
    expect(textOf(page, 'contact')).toContain('13800138000');
    expect(textOf(page, 'contact')).toContain('张阿姨');
    await tap(page, 'action-note');
    await typeInto(page, 'note-field', 'note', '已电话联系物业');
    await tap(page, 'submit-action');
    await waitFor(page, (d) => (d.timeline as Array<{ note: string }>).some((e) => e.note === '已电话联系物业'));
    expect(allByTestId(page, 'internal-mark').length).toBeGreaterThanOrEqual(1);

    await tap(page, 'action-reply');
    await pick(page, 'template-picker', 0);
    expect(page.data.form).toMatchObject({ templateId: 'tpl-repair', content: '您好，您反映的问题已安排维修。' });
    await typeInto(page, 'reply-field', 'content', '您好，物业已于今天下午更换三单元楼道灯。');

    // Meanwhile a colleague writes on the case: this page's version is stale.
    const latest = await ok(DISPATCHER, 'case.get', { id: created.id });
    await ok(DISPATCHER, 'case.note', { id: created.id, version: latest.version, content: '市民来电催办' });
    const toast = jest.spyOn(wx, 'showToast');
    await tap(page, 'submit-action');
    await waitFor(page, (d) => String(d.notice).includes('刚被其他人更新'));
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: expect.stringContaining('已刷新') }));
    expect(page.data.active).toBe('reply');
    expect(page.data.form).toMatchObject({ content: '您好，物业已于今天下午更换三单元楼道灯。' });
    expect(page.dom!.textContent).toContain('市民来电催办');

    await tap(page, 'submit-action');
    await waitFor(page, (d) => (d.c as { status: string }).status === 'replied');
    expect(textOf(page, 'reply')).toContain('更换三单元楼道灯');
    const seen = await ok(CITIZEN, 'case.get', { id: created.id });
    expect(seen.reply?.content).toBe('您好，物业已于今天下午更换三单元楼道灯。');
    expect(seen.timeline.some((e) => e.note === '已电话联系物业')).toBe(false);
  });

  test('a half-written answer survives leaving the page: kept per case, asked about on 返回, cleared once sent', async () => {
    const store = usePhoneStorage();
    const enable = jest.spyOn(wx, 'enableAlertBeforeUnload');
    const created = await submitCase(CITIZEN);
    const other = await submitCase(CITIZEN, { title: '另一条留言的标题' });
    await acceptAndAssign(created.id);
    await acceptAndAssign(other.id);
    const first = await openCase(HANDLER, created.id);
    await tap(first, 'action-reply');
    await typeInto(first, 'reply-field', 'content', '您好，已联系物业，');
    expect(enable).toHaveBeenCalledTimes(1);
    expect([...store.keys()]).toEqual([`form-draft:case-action:${created.id}`]);

    expect((await openCase(HANDLER, other.id)).data.active).toBe('');
    const again = await openCase(HANDLER, created.id);
    expect(again.data.active).toBe('reply');
    expect(again.data.form).toMatchObject({ content: '您好，已联系物业，' });
    expect(textOf(again, 'notice')).toContain('已恢复');
    await typeInto(again, 'reply-field', 'content', '您好，已联系物业，本周内维修。');
    await tap(again, 'submit-action');
    await waitFor(again, (d) => (d.c as { status: string }).status === 'replied');
    expect(store.size).toBe(0);
    expect((await openCase(HANDLER, created.id)).data.active).toBe('');
  });

  test('a reject needs a standard reason, and "other" needs words', async () => {
    const created = await submitCase(CITIZEN);
    const page = await openCase(DISPATCHER, created.id);
    await tap(page, 'action-reject');
    await tap(page, 'submit-action');
    expect(page.data.formErrors).toEqual({ reason: '请选择不予受理的原因' });
    await tap(page, 'reason-other');
    await tap(page, 'submit-action');
    expect(page.data.formErrors).toEqual({ note: '请填写具体原因' });
    await typeInto(page, 'note-field', 'note', '该事项属于业主大会自治范围');
    await tap(page, 'submit-action');
    await waitFor(page, (d) => (d.c as { status: string }).status === 'rejected');
    const left = (page.data.actions as Array<{ key: string }>).map((a) => a.key);
    expect(left).not.toContain('accept');
    expect(left).not.toContain('reject');
    const seen = await ok(CITIZEN, 'case.get', { id: created.id });
    expect(seen.status).toBe('rejected');
    expect(seen.timeline.some((e) => (e.note ?? '').includes('该事项属于业主大会自治范围'))).toBe(true);
  });

  test('with review on, the answer waits for the supervisor, who approves it', async () => {
    const settings = await ok(ADMIN, 'admin.settings.get', {});
    await ok(ADMIN, 'admin.settings.update', { version: settings.version, reviewReplies: true });
    const created = await submitCase(CITIZEN);
    await acceptAndAssign(created.id);
    const handler = await openCase(HANDLER, created.id);
    await tap(handler, 'action-reply');
    await typeInto(handler, 'reply-field', 'content', '已协调物业本周内维修。');
    await tap(handler, 'submit-action');
    await waitFor(handler, (d) => (d.c as { pendingReply: unknown }).pendingReply !== null);
    expect((await ok(CITIZEN, 'case.get', { id: created.id })).reply).toBeUndefined();

    const supervisor = await openCase(SUPERVISOR, created.id);
    expect(textOf(supervisor, 'pending-reply')).toContain('已协调物业本周内维修。');
    await tap(supervisor, 'action-approveReply');
    await tap(supervisor, 'approve-yes');
    await tap(supervisor, 'submit-action');
    await waitFor(supervisor, (d) => (d.c as { status: string }).status === 'replied');
    expect((await ok(CITIZEN, 'case.get', { id: created.id })).reply?.content).toBe('已协调物业本周内维修。');
  });
});

describe('case page: deadline and dead end', () => {
  test('an overdue case shows one figure, the working days the server counts, not a calendar countdown beside it', async () => {
    const created = await submitCase(CITIZEN, { title: '超期的留言' });
    await acceptAndAssign(created.id);
    localCloud.clock.set(new Date(Date.now() + 30 * 24 * 3600e3));
    const page = await openCase(HANDLER, created.id);
    const badge = textOf(page, 'due-badge');
    expect(badge).toMatch(/已超期 \d+ 个工作日/);
    expect(badge).not.toMatch(/还剩|\d+ 天|小时/);
    expect(badge.match(/超期/g)).toHaveLength(1);
  });

  test('a supervisor reassigns an escalated case from the page, and is not offered it before escalating', async () => {
    const created = await submitCase(CITIZEN, { title: '送错部门的留言' });
    await acceptAndAssign(created.id);
    const before = await openCase(SUPERVISOR, created.id);
    expect(byTestId(before, 'action-assign')).toBeNull();

    const latest = await ok(SUPERVISOR, 'case.get', { id: created.id });
    await ok(SUPERVISOR, 'case.escalate', { id: created.id, version: latest.version, note: '超期未办' });
    const page = await openCase(SUPERVISOR, created.id);
    await tap(page, 'action-assign');
    await pick(page, 'department-picker', 1);
    await tap(page, 'submit-action');
    await waitFor(page, (d) => (d.c as { departmentName?: string }).departmentName === '交通运输局');
    expect(textOf(page, 'department-name')).toContain('交通运输局');
  });

  test('a case that is not there leads back to 工作台 and 首页', async () => {
    useIdentity(HANDLER);
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const page = mountPage('staff/case/index', { id: 'case-that-does-not-exist' });
    await waitFor(page, (d) => d.loading === false);
    quiet.mockRestore();
    expect(textOf(page, 'dead-end-text')).toContain('没有找到这条留言');
    expect(byTestId(page, 'retry')).toBeNull();
    const redirect = jest.spyOn(wx, 'redirectTo').mockImplementation((() => Promise.resolve()) as never);
    await tap(page, 'dead-end-back');
    expect(redirect).toHaveBeenCalledWith({ url: '/staff/queue/index' });
  });
});

describe('administration', () => {
  test('an invite code, shown once, binds a new handler, who then finds the workbench', async () => {
    useIdentity(ADMIN);
    const admin = mountPage('staff/admin/index');
    await waitFor(admin, (d) => (d.departmentNames as string[]).length === 3);
    const invite = await componentOf(admin, 'section-invite');
    await tap(invite, 'create-invite');
    expect(invite.data.inviteErrors).toEqual({ roles: '请至少选择一个角色' });
    await tap(invite, 'invite-role-handler');
    await tap(invite, 'create-invite');
    expect(invite.data.inviteErrors).toEqual({ departmentId: '承办人需要指定所属部门' });
    await pick(invite, 'invite-department', 1);
    await tap(invite, 'create-invite');
    await waitFor(invite, (d) => d.inviteResult !== null);
    const code = textOf(invite, 'invite-code');
    expect(code.length).toBeGreaterThanOrEqual(6);

    useIdentity('o_new_handler');
    const bind = mountPage('pages/bind/index');
    await tap(bind, 'bind');
    expect(bind.data.errors).toEqual({ code: '请填写邀请码' });
    await typeInto(bind, 'code-field', 'code', 'WRONG-CODE1-XXXXX');
    await tap(bind, 'bind');
    await waitFor(bind, (d) => d.submitting === false && (d.formError !== '' || Object.keys(d.errors as object).length > 0));
    expect(`${bind.data.formError}${JSON.stringify(bind.data.errors)}`).toMatch(/[\u4e00-\u9fa5]/);
    await typeInto(bind, 'code-field', 'code', ` ${code} `);
    await typeInto(bind, 'display-name-field', 'displayName', '王科员');
    await tap(bind, 'bind');
    await waitFor(bind, (d) => d.bound !== null);
    expect(textOf(bind, 'bound')).toContain('承办人');
    const me = await ok('o_new_handler', 'me.get', {});
    expect(me).toMatchObject({ isStaff: true, roles: ['handler'], departmentId: 'dept-transport' });

    // The admin sees them in the staff list and can disable them.
    useIdentity(ADMIN);
    await tap(admin, 'section-staff');
    const staff = await componentOf(admin, 'section-staff');
    await waitFor(staff, (d) => (d.staff as Array<{ name: string }>).some((r) => r.name === '王科员'));
    const rows = staff.data.staff as Array<{ name: string; openid: string }>;
    const index = rows.findIndex((r) => r.name === '王科员');
    jest.spyOn(wx, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok', content: '' } as never);
    await tap(staff, 'toggle-staff', index);
    await waitFor(staff, (d) => (d.staff as Array<{ disabled: boolean }>)[index].disabled === true);
    // What was typed in another section is still there: a section stays mounted once opened.
    await tap(admin, 'section-invite');
    expect(textOf(invite, 'invite-code')).toBe(code);
    expect((await ok('o_new_handler', 'me.get', {})).isStaff).toBe(false);
  });

  test('a category may have no default department (其他/不确定) and keywords that the submit form uses', async () => {
    useIdentity(ADMIN);
    const admin = mountPage('staff/admin/index', { section: 'categories' });
    await waitFor(admin, (d) => (d.categories as unknown[]).length === 3);
    const cats = await componentOf(admin, 'section-categories');
    await tap(cats, 'cat-edit', 2);
    await typeInto(cats, 'cat-keywords-field', 'catKeywords', '噪声，施工、 广场舞 噪声');
    await tap(cats, 'cat-save');
    await waitFor(cats, (d) => d.catEditing === '');
    expect((await ok(CITIZEN, 'meta.get', {})).categories.find((c) => c.id === 'cat-noise')?.keywords).toEqual(['噪声', '施工', '广场舞']);
    expect(textOf(cats, 'cat-keywords')).toContain('噪声、施工、广场舞');

    const add = byTestId(cats, 'cat-add');
    expect(add).not.toBeNull();
    await tap(cats, 'cat-add');
    await typeInto(cats, 'cat-name-field', 'catName', '其他/不确定');
    await tap(cats, 'cat-save');
    expect(cats.data.catErrors).toEqual({ departmentId: '请选择默认承办部门' });
    expect(cats.data.catDepartmentNames[0]).toBe('不指定（由受理员分派）');
    await pick(cats, 'cat-department-picker', 0);
    await tap(cats, 'cat-save');
    await waitFor(admin, (d) => (d.categories as unknown[]).length === 4);
    const other = (await ok(CITIZEN, 'meta.get', {})).categories.find((c) => c.name === '其他/不确定');
    expect(other).toEqual({ id: expect.any(String), name: '其他/不确定', types: ['inquiry', 'help', 'complaint', 'suggestion'] });
    expect(admin.dom!.textContent).toContain('由受理员分派');
  });

  test('a department gets its phone, address, hours and map position; a swapped position is explained before sending', async () => {
    useIdentity(ADMIN);
    const admin = mountPage('staff/admin/index', { section: 'departments' });
    await waitFor(admin, (d) => (d.departments as unknown[]).length === 3);
    const depts = await componentOf(admin, 'section-departments');
    await tap(depts, 'dept-edit', 0);
    await typeInto(depts, 'dept-phone-field', 'deptPhone', '0571-87001001');
    await typeInto(depts, 'dept-address-field', 'deptAddress', '市民中心 A 座 3 楼');
    await typeInto(depts, 'dept-hours-field', 'deptHours', '工作日 9:00-17:00');
    await typeInto(depts, 'dept-location-field', 'deptLocation', '120.21, 30.245');
    await tap(depts, 'dept-save');
    expect(depts.data.deptErrors).toEqual({ location: '纬度应在 -90 到 90 之间，经度在 -180 到 180 之间（先纬度后经度）' });
    await typeInto(depts, 'dept-location-field', 'deptLocation', '30.245, 120.21');
    await tap(depts, 'dept-save');
    await waitFor(depts, (d) => d.deptEditing === '');
    expect((await ok(CITIZEN, 'meta.get', {})).departments[0]).toEqual({
      id: 'dept-housing',
      name: '住房和城乡建设局',
      phone: '0571-87001001',
      address: '市民中心 A 座 3 楼',
      hours: '工作日 9:00-17:00',
      location: { latitude: 30.245, longitude: 120.21 },
    });
  });

  test('the review switch and reply templates are saved in settings', async () => {
    useIdentity(ADMIN);
    const admin = mountPage('staff/admin/index', { section: 'settings' });
    const settings = await componentOf(admin, 'section-settings');
    await waitFor(settings, (d) => d.settingsLoaded === true);
    expect(settings.data.reviewReplies).toBe(false);
    await tap(settings, 'review-switch');
    await waitFor(settings, (d) => d.reviewReplies === true);
    expect((await ok(ADMIN, 'admin.settings.get', {})).reviewReplies).toBe(true);

    await tap(settings, 'add-template');
    await tap(settings, 'save-template');
    expect(settings.data.tplErrors).toEqual({ title: '请填写模板名称', text: '请填写模板内容' });
    await typeInto(settings, 'tpl-title-field', 'tplTitle', '转办告知');
    await typeInto(settings, 'tpl-text-field', 'tplText', '您反映的问题已转相关部门办理。');
    await tap(settings, 'save-template');
    await waitFor(settings, (d) => (d.templates as unknown[]).length === 1);
    const saved = await ok(ADMIN, 'admin.settings.get', {});
    expect(saved.replyTemplates).toEqual([expect.objectContaining({ title: '转办告知', text: '您反映的问题已转相关部门办理。' })]);
    // Staff are offered it when answering.
    expect((await ok(HANDLER, 'meta.get', {})).replyTemplates?.map((t) => t.title)).toEqual(['转办告知']);
  });
});
