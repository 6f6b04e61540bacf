// The built-in components the preview implements, each driven like a user would, with the events WeChat sends
// (tools/preview/fixtures/builtins).
import { closeBrowser, openPreview, type PreviewHandle } from './helpers/preview';

jest.setTimeout(60_000);

let preview: PreviewHandle;
beforeAll(async () => {
  preview = await openPreview({ page: '__preview__/builtins/index' });
});
afterAll(async () => {
  await preview?.close();
  await closeBrowser();
});
afterEach(() => preview.expectNoProblems());

type Data = Record<string, unknown> & { multi: number[]; multiRange: string[][] };

test('textarea: value, placeholder, maxlength, input and confirm events', async () => {
  const { app } = preview;
  const textarea = app.locator('[data-testid="textarea"] textarea');
  expect(await textarea.getAttribute('placeholder')).toBe('写点什么');
  expect(await textarea.getAttribute('maxlength')).toBe('20');
  await textarea.fill('路灯坏了');
  await preview.waitForData<Data>((d) => d.content === '路灯坏了');
  await textarea.press('Control+Enter');
  await preview.waitForData<Data>((d) => d.confirmed === true);
  // auto-height: the field grows with its text instead of scrolling.
  const before = await textarea.evaluate((el) => el.clientHeight);
  await textarea.fill('一\n二\n三\n四');
  await preview.waitForData<Data>((d) => d.content === '一\n二\n三\n四');
  expect(await textarea.evaluate((el) => el.clientHeight)).toBeGreaterThan(before);
});

test('switch, checkbox-group and radio-group report change with WeChat detail values', async () => {
  const { app } = preview;
  await app.tap('[data-testid="switch"]');
  await preview.waitForData<Data>((d) => d.notify === true);
  await app.tap('[data-testid="topics"] wx-label:has-text("交通")');
  await app.tap('[data-testid="topics"] wx-label:has-text("教育") wx-checkbox');
  const topics = await preview.waitForData<Data>((d) => Array.isArray(d.topics) && (d.topics as string[]).length === 2);
  expect(topics.topics).toEqual(['交通', '教育']);
  await app.tap('[data-testid="level"] wx-label:has-text("一般")');
  await app.tap('[data-testid="level"] wx-label:has-text("紧急")');
  await preview.waitForData<Data>((d) => d.level === '紧急');
  expect(await app.$$eval('[data-testid="level"] wx-radio', (els) => els.map((e) => e.getAttribute('aria-checked')))).toEqual(['false', 'true']);
});

test('picker: date and a linked multiSelector open a sheet and report change', async () => {
  const { app } = preview;
  await app.tap('[data-testid="date-picker"]');
  await app.tap('[data-testid="mp-picker"] [data-column="0"] >> text=2027年');
  await app.tap('[data-testid="mp-picker"] [data-column="1"] >> text=2月');
  await app.tap('[data-testid="mp-picker"] [data-column="2"] >> text=28日');
  await app.tap('[data-testid="mp-picker-confirm"]');
  await preview.waitForData<Data>((d) => d.day === '2027-02-28');

  await app.tap('[data-testid="multi-picker"]');
  await app.tap('[data-testid="mp-picker"] [data-column="0"] >> text=浙江省');
  // columnchange let the page swap the second column before the choice is made.
  await app.tap('[data-testid="mp-picker"] [data-column="1"] >> text=温州市');
  await app.tap('[data-testid="mp-picker-confirm"]');
  const multi = await preview.waitForData<Data>((d) => d.multi[0] === 1);
  expect(multi.multi).toEqual([1, 2]);
  expect(multi.multiRange[1]![multi.multi[1]!]).toBe('温州市');

  await app.tap('[data-testid="date-picker"]');
  await app.tap('[data-testid="mp-picker-cancel"]');
  expect((await preview.pageData<Data>()).day).toBe('2027-02-28');
});

test('form: a submit button collects the named controls, Vant\'s form fields included', async () => {
  await preview.app.fill('[data-testid="title-field"] input', '路灯');
  await preview.waitForData<Data>((d) => d.title === '路灯');
  await preview.app.tap('[data-testid="submit"]');
  const data = await preview.waitForData<Data>((d) => Boolean(d.submitted));
  expect(JSON.parse(String(data.submitted))).toEqual({ content: '一\n二\n三\n四', notify: true, topics: ['交通', '教育'], level: '紧急', day: '2027-02-28', title: '路灯' });
});

test('scroll-view: scrolltolower at the threshold, and the refresher', async () => {
  const { app, page } = preview;
  const scroller = app.locator('[data-testid="scroll-view"]');
  await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await preview.waitForData<Data>((d) => d.lower === 1);
  await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
  await scroller.scrollIntoViewIfNeeded();
  const box = (await scroller.boundingBox())!;
  await page.mouse.move(box.x + 50, box.y + 10);
  await page.mouse.down();
  for (let dy = 20; dy <= 160; dy += 20) await page.mouse.move(box.x + 50, box.y + 10 + dy);
  await page.mouse.up();
  await preview.waitForData<Data>((d) => d.refreshed === 1 && d.refreshing === false);
});

test('swiper: swiping changes the current item and its dots', async () => {
  const { app, page } = preview;
  const swiper = app.locator('[data-testid="swiper"]');
  await swiper.scrollIntoViewIfNeeded();
  const box = (await swiper.boundingBox())!;
  await page.mouse.move(box.x + box.width - 20, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
  await page.mouse.move(box.x + 20, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await preview.waitForData<Data>((d) => d.slide === 1);
  expect(await swiper.locator('.mp-swiper-dots i').count()).toBe(3);
});

test('rich-text renders whitelisted nodes (string and array) with the page\'s classes', async () => {
  const { app } = preview;
  const rich = app.locator('[data-testid="rich"]');
  expect(await rich.textContent()).toBe('政策解读');
  expect(await rich.locator('script').count()).toBe(0);
  expect(await rich.locator('b').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(200, 22, 29)');
  expect(await app.locator('[data-testid="rich-array"] span span').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(200, 22, 29)');
});

test('navigator opens a page by relative url', async () => {
  await preview.app.tap('[data-testid="navigator"]');
  await preview.waitForData<{ loaded: boolean }>((d) => d.loaded === true);
  expect(await preview.route()).toBe('__preview__/whoami/index');
});
