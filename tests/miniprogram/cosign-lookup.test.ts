// The pages of co-signing and progress lookup against the real function: 附议 on a letter page with its count, the
// flagged case on the staff page with the response form, and the home page's lookup by tracking number.
import simulate from 'miniprogram-simulate';
import { localCloud } from '../../tools/local-cloud';
import { acceptAndAssign, DISPATCHER, replyTo, seedCaseStaff, SUPERVISOR, submitCase } from '../helpers/cases';
import { ok, seedCatalog, seedStaff } from '../helpers/cloud';
import { connectLocalCloud, mountPage, useIdentity, waitFor } from '../helpers/mp';
import { byTestId, tap, textOf, typeInto } from '../helpers/ui';

// Each page is compiled by wcc on first mount.
jest.setTimeout(30_000);

const AUTHOR = 'o_cosign_author';
const CITIZEN = 'o_cosign_citizen';
const ADMIN = 'o_cosign_admin';

type Page = ReturnType<typeof mountPage>;

beforeEach(async () => {
  connectLocalCloud(CITIZEN);
  await seedCatalog();
  await seedCaseStaff();
  await seedStaff(ADMIN, ['admin']);
});
afterAll(() => localCloud.close());

async function loaded(page: Page): Promise<Page> {
  await waitFor(page, (d) => d.loading === false);
  expect(page.data.error).toBe('');
  return page;
}

async function publishedSuggestion(): Promise<string> {
  const { id } = await submitCase(AUTHOR, { type: 'suggestion', title: '建议物业公示维修基金使用情况', contactPhone: '13800001234' });
  await acceptAndAssign(id);
  const c = await replyTo(id, '已要求各物业每季度公示维修基金使用情况。');
  await ok(DISPATCHER, 'case.setPublishable', { id, version: c.version, publishable: true });
  return id;
}

async function typeIntoLookup(page: Page, fieldId: string, name: string, value: string): Promise<void> {
  const field = page.querySelector('#case-lookup')!.querySelector(`#${fieldId}`)!;
  field.querySelector(`#${name}`)!.dispatchEvent('input', { detail: { value } });
  await simulate.sleep(20);
}

test('a letter page offers 附议 with its count; after a tap the count moves and the button says so', async () => {
  const id = await publishedSuggestion();
  await ok('o_cosign_first', 'case.cosign', { id });
  const page = await loaded(mountPage('pages/letter/index', { id }));
  expect(textOf(page, 'cosign-count')).toContain('已有 1 人附议');
  expect(textOf(page, 'cosign-button')).toBe('附议 1');
  await tap(page, 'cosign-button');
  await waitFor(page, (d) => (d.letter as { cosign: { cosigned: boolean } }).cosign.cosigned);
  expect(textOf(page, 'cosign-count')).toContain('已有 2 人附议');
  expect(byTestId(page, 'cosigned')).not.toBeNull();
  expect(byTestId(page, 'cosign-button')).toBeNull();

  const list = await loaded(mountPage('pages/letters/index'));
  expect(textOf(list, 'letter-cosign')).toBe('附议 2');
});

test('the staff page shows a flagged suggestion\'s count; the supervisor publishes the response, shown on the letter', async () => {
  const settings = await ok(ADMIN, 'admin.settings.get', {});
  await ok(ADMIN, 'admin.settings.update', { version: settings.version, cosignThreshold: 2 });
  const id = await publishedSuggestion();
  await ok('o_cosign_a', 'case.cosign', { id });
  await ok('o_cosign_b', 'case.cosign', { id });

  useIdentity(SUPERVISOR);
  const staff = await loaded(mountPage('staff/case/index', { id }));
  expect(textOf(staff, 'cosign-count')).toContain('2 人附议（回应标准 2 人）');
  expect(textOf(staff, 'summary')).toContain('附议待回应');
  await tap(staff, 'cosign-respond');
  expect(staff.data.cosignError).toBe('请填写回应内容');
  await typeInto(staff, 'cosign-field', 'cosignText', '感谢附议，维修基金公示将纳入年度考核。');
  await tap(staff, 'cosign-respond');
  await waitFor(staff, (d) => Boolean((d.c as { cosign: { response: unknown } }).cosign.response));
  expect(textOf(staff, 'cosign-response')).toContain('维修基金公示将纳入年度考核');
  expect(byTestId(staff, 'cosign-field')).toBeNull();

  useIdentity('o_cosign_a');
  const letter = await loaded(mountPage('pages/letter/index', { id }));
  expect(textOf(letter, 'cosign-response')).toContain('感谢附议，维修基金公示将纳入年度考核。');
  expect(byTestId(letter, 'cosigned')).not.toBeNull();
});

test('the home page looks a case up by tracking number and phone tail; a wrong pair says so without detail', async () => {
  const { trackingNo } = await submitCase(AUTHOR, { contactPhone: '13800001234' });
  const home = await loaded(mountPage('pages/index/index'));
  await tap(home, 'lookup-submit');
  expect(textOf(home, 'lookup-result')).toBe('');
  await typeIntoLookup(home, 'lookup-no', 'trackingNo', trackingNo.toLowerCase());
  await typeIntoLookup(home, 'lookup-phone', 'phoneLast4', '9999');
  await tap(home, 'lookup-submit');
  await waitFor(home, () => textOf(home, 'lookup-message') !== '');
  expect(textOf(home, 'lookup-message')).toBe('没有查到：请核对受理编号和手机号后四位。');
  await typeIntoLookup(home, 'lookup-phone', 'phoneLast4', '1234');
  await tap(home, 'lookup-submit');
  await waitFor(home, () => byTestId(home, 'lookup-result') !== null);
  expect(textOf(home, 'lookup-status')).toBe('待受理');
  expect(textOf(home, 'lookup-result')).toContain(trackingNo);
  expect(textOf(home, 'lookup-result')).toContain('承诺受理');
  expect(textOf(home, 'lookup-result')).not.toContain('1234');
});
