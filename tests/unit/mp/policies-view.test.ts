import { DEFAULT_LIMITS } from '../../../cloudfunctions/api/src/domain/defaults';
import type { Policy, PolicyListItem } from '../../../typings/api';
import {
  explanationSections,
  favoriteAria,
  fileSizeText,
  inquiryUrl,
  normalizeRuns,
  policyCardView,
  policyDetailView,
  sharePath,
} from '../../../miniprogram/utils/policy-view';

const item = (over: Partial<PolicyListItem> = {}): PolicyListItem => ({
  id: 'p1',
  title: '关于进一步优化营商环境的若干措施',
  docNo: '国办发〔2020〕53号',
  issuer: '市人民政府办公室',
  categoryId: 'cat-bus',
  publishedAt: '2026-03-01T02:00:00Z',
  status: 'published',
  statusLabel: '现行有效',
  ...over,
});

const policy = (over: Partial<Policy> = {}): Policy => ({
  id: 'p1',
  title: '物业服务收费管理办法',
  docNo: '市发改〔2026〕3号',
  issuer: '市发展和改革委员会',
  categoryId: 'cat-property',
  status: 'published',
  statusLabel: '现行有效',
  version: 3,
  issuedAt: '2026-01-10',
  effectiveFrom: '2026-02-01',
  paragraphs: ['第一条 为规范物业服务收费……', '  ', '第二条 本办法适用于……'],
  publishedAt: '2026-01-12T01:00:00Z',
  updatedAt: '2026-03-01T01:00:00Z',
  updatedNote: '于2026年3月1日修订',
  versions: [
    { version: 2, publishedAt: '2026-03-01T01:00:00Z', note: '调整收费标准' },
    { version: 1, publishedAt: '2026-01-12T01:00:00Z' },
  ],
  favorited: false,
  ...over,
});

describe('highlight runs', () => {
  test('neighbouring runs with the same mark merge and empty runs vanish', () => {
    expect(
      normalizeRuns(
        [
          { text: '关于', hit: false },
          { text: '', hit: true },
          { text: '营商', hit: true },
          { text: '环境', hit: true },
          { text: '的措施', hit: false },
        ],
        'x',
      ),
    ).toEqual([
      { text: '关于', hit: false },
      { text: '营商环境', hit: true },
      { text: '的措施', hit: false },
    ]);
  });
  test('without runs the plain title is one unmarked run', () => {
    expect(normalizeRuns(undefined, '标题')).toEqual([{ text: '标题', hit: false }]);
  });
});

describe('policy card', () => {
  test('a published policy shows its document number, issuer and date, and no status tag for citizens', () => {
    const card = policyCardView(item(), { categoryNames: { 'cat-bus': '公交线路' } });
    expect(card.meta).toBe('国办发〔2020〕53号 · 市人民政府办公室');
    expect(card.dateText).toBe('发布于 2026年3月1日');
    expect(card.category).toBe('公交线路');
    expect(card.showStatus).toBe(false);
    expect(card.titleParts).toEqual([{ text: '关于进一步优化营商环境的若干措施', hit: false }]);
    // Each fact once: the title is not sent again beside its runs, and no aria-label repeats the card's visible text.
    expect(Object.keys(card)).not.toContain('title');
    expect(Object.keys(card)).not.toContain('ariaLabel');
  });
  test('a repealed policy is marked with words as well as colour', () => {
    const card = policyCardView(item({ status: 'repealed', statusLabel: '已废止' }));
    expect(card.showStatus).toBe(true);
    expect(card.inactive).toBe(true);
    expect(card.statusType).toBe('danger');
    expect(card.statusLabel).toBe('已废止');
  });
  test('staff lists always show the status, in the server’s words', () => {
    const card = policyCardView(item({ status: 'draft', statusLabel: '未发布', publishedAt: undefined }), { alwaysShowStatus: true });
    expect(card.showStatus).toBe(true);
    expect(card.statusLabel).toBe('未发布');
    expect(card.dateText).toBe('未发布');
  });
  test('search results carry the marked title and snippet', () => {
    const card = policyCardView(
      item({
        titleParts: [
          { text: '关于进一步优化', hit: false },
          { text: '营商环境', hit: true },
          { text: '的若干措施', hit: false },
        ],
        snippet: [
          { text: '……持续优化', hit: false },
          { text: '营商环境', hit: true },
        ],
      }),
    );
    expect(card.titleParts.filter((r) => r.hit).map((r) => r.text)).toEqual(['营商环境']);
    expect(card.snippet).toHaveLength(2);
  });
});

describe('explanation', () => {
  test('sections come in reading order and empty ones are left out', () => {
    const sections = explanationSections({
      background: '  ',
      keyPoints: ['降低收费', ' ', '公开账目'],
      changes: '新增公示要求',
      faq: [
        { q: '何时执行？', a: '2026年2月1日起。' },
        { q: '只有问题', a: '' },
      ],
    });
    expect(sections.map((s) => s.title)).toEqual(['要点', '变化', '问答']);
    expect(sections[0].items).toEqual(['降低收费', '公开账目']);
    expect(sections[2].faq).toEqual([{ q: '何时执行？', a: '2026年2月1日起。' }]);
    expect(explanationSections(undefined)).toEqual([]);
  });
});

describe('policy detail', () => {
  test('header dates, body without blank paragraphs, versions with the current one marked', () => {
    const view = policyDetailView(policy());
    expect(view.dates).toEqual([
      { label: '成文日期', value: '2026年1月10日' },
      { label: '施行日期', value: '2026年2月1日' },
      { label: '发布日期', value: '2026年1月12日' },
    ]);
    expect(view.paragraphs).toHaveLength(2);
    expect(view.versions[0]).toMatchObject({ version: 2, latest: true, reading: true, note: '调整收费标准' });
    expect(view.versions[0].text).toBe('第 2 版 · 2026年3月1日发布（现行）');
    expect(view.versions[1].ariaLabel).toContain('点按查看此版本');
    expect(view.oldVersionNotice).toBe('');
    expect(view.inactiveNotice).toBe('');
    expect(view.updatedNote).toBe('于2026年3月1日修订');
  });
  test('reading an earlier version says so', () => {
    const view = policyDetailView(policy(), 1);
    expect(view.versions[1].reading).toBe(true);
    expect(view.oldVersionNotice).toBe('您正在查看第 1 版（2026年1月12日发布），不是现行版本。');
  });
  test('an expired policy says since when; a repealed one says why', () => {
    expect(policyDetailView(policy({ status: 'expired', statusLabel: '已失效', expiresAt: '2026-06-30' })).inactiveNotice).toBe(
      '本政策已于2026年6月30日失效，内容仅供查阅。',
    );
    const repealed = policyDetailView(policy({ status: 'repealed', statusLabel: '已废止', unpublishReason: '已被新办法替代' }));
    expect(repealed.inactiveNotice).toBe('本政策已废止：已被新办法替代');
    expect(repealed.statusType).toBe('danger');
  });
  test('attachments carry a readable size and a label', () => {
    const view = policyDetailView(policy({ attachments: [{ fileID: 'cloud://x/policies/a.pdf', name: '收费标准.pdf', size: 204800 }] }));
    expect(view.attachments[0]).toMatchObject({ name: '收费标准.pdf', sizeText: '200 KB', url: '' });
    expect(view.attachments[0].ariaLabel).toBe('附件：收费标准.pdf，200 KB，点按打开');
  });
});

test('file sizes', () => {
  expect(fileSizeText(undefined)).toBe('');
  expect(fileSizeText(900)).toBe('900 B');
  expect(fileSizeText(3 * 1024 * 1024 + 200000)).toBe('3.2 MB');
});

test('the star says what a tap does', () => {
  expect(favoriteAria(false)).toBe('收藏此政策');
  expect(favoriteAria(true)).toBe('已收藏，点按取消收藏');
});

test('the inquiry link carries the policy id and a title within the 50-character limit', () => {
  const url = inquiryUrl({ id: 'p 1', title: '长'.repeat(80) }, DEFAULT_LIMITS.titleMax);
  expect(url.startsWith('/pages/submit/index?type=inquiry&policyId=p%201&title=')).toBe(true);
  const title = decodeURIComponent(url.split('title=')[1]);
  expect(Array.from(title)).toHaveLength(50);
  expect(title.startsWith('咨询：')).toBe(true);
  expect(decodeURIComponent(inquiryUrl({ id: 'p', title: '短标题' }, DEFAULT_LIMITS.titleMax).split('title=')[1])).toBe('咨询：短标题');
  expect(sharePath('abc')).toBe('/pages/policy/index?id=abc');
});
