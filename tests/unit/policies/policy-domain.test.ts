import { decodeCursor, encodeCursor } from '../../../cloudfunctions/api/src/domain/policies/cursor';
import { applyEdit, applyPublish, applyUnpublish, newPolicy } from '../../../cloudfunctions/api/src/domain/policies/lifecycle';
import { policyFilter } from '../../../cloudfunctions/api/src/domain/policies/listing';
import {
  checkPolicyDates,
  effectiveStatus,
  expiresKeyOf,
  FOREVER,
  isPolicyFileID,
  listKeyOf,
  sameContent,
  statusLabel,
  toListItem,
  toPolicy,
  type PolicyContent,
} from '../../../cloudfunctions/api/src/domain/policies/policy';
import { snippet, titleParts } from '../../../cloudfunctions/api/src/domain/policies/search';

const content = (over: Partial<PolicyContent> = {}): PolicyContent => ({
  title: '关于加强物业管理的意见',
  issuer: '市住建委',
  categoryId: 'cat-property',
  issuedAt: '2026-01-10',
  paragraphs: ['第一段', '第二段'],
  ...over,
});
const T = '2026-03-02T01:00:00.000Z';

describe('dates', () => {
  test.each<[Partial<PolicyContent>, Record<string, string>]>([
    [{ issuedAt: '2026-01-10', effectiveFrom: '2026-01-10', expiresAt: '2026-01-11' }, {}],
    [{ issuedAt: '2026-02-29' }, { issuedAt: '日期无效，格式应为 2026-01-31' }],
    [{ issuedAt: '2026-01-10', effectiveFrom: '2026-01-09' }, { effectiveFrom: '施行日期不能早于成文日期' }],
    [{ effectiveFrom: '2026-01-10', expiresAt: '2026-01-10' }, { expiresAt: '失效日期应晚于施行日期' }],
    [{ issuedAt: '2026-01-10', effectiveFrom: undefined, expiresAt: '2026-01-01' }, { expiresAt: '失效日期应晚于成文日期' }],
  ])('%j → %j', (dates, fields) => {
    expect(checkPolicyDates(dates)).toEqual(fields);
  });

  test('expired from 00:00 Shanghai of the expiry date; no expiry date never expires', () => {
    expect(expiresKeyOf('2026-06-01')).toBe('2026-05-31T16:00:00.000Z');
    expect(expiresKeyOf(undefined)).toBe(FOREVER);
    const doc = { status: 'published' as const, expiresKey: '2026-05-31T16:00:00.000Z' };
    expect(effectiveStatus(doc, new Date('2026-05-31T15:59:59.999Z'))).toBe('published');
    expect(effectiveStatus(doc, new Date('2026-05-31T16:00:00.000Z'))).toBe('expired');
    expect(effectiveStatus({ ...doc, status: 'repealed' }, new Date('2027-01-01T00:00:00.000Z'))).toBe('repealed');
    expect(statusLabel('published', { effectiveFrom: '2026-03-03' }, new Date(T))).toBe('尚未施行');
  });
});

describe('the list key', () => {
  test('newest official date first; without one, the first publication date; unique by id', () => {
    const a = listKeyOf({ _id: 'a', issuedAt: '2026-01-10', createdAt: T });
    const b = listKeyOf({ _id: 'b', createdAt: T, firstPublishedAt: '2026-02-01T00:00:00.000Z' });
    const c = listKeyOf({ _id: 'c', issuedAt: '2026-01-10', createdAt: T });
    expect([a, b, c].sort().reverse().map((k) => k.slice(-1))).toEqual(['b', 'c', 'a']);
  });
});

describe('lifecycle', () => {
  test('a draft is edited in place; a published policy keeps its face and holds the edit as pending', () => {
    const draft = newPolicy('p1', content(), T);
    expect(draft).toMatchObject({ status: 'draft', version: 1, pubVersion: 0, versions: [], expiresKey: FOREVER });
    const edited = applyEdit(draft, content({ title: '新标题', docNo: undefined }), T);
    expect(edited).toMatchObject({ title: '新标题', version: 2, pending: null });
    expect(edited.titleTokens).toContain('标题');

    const { doc: published, snapshot } = applyPublish(edited, null, T, '首次发布');
    expect(snapshot).toMatchObject({ _id: 'p1_v1', version: 1, note: '首次发布', content: { title: '新标题' } });
    expect(published).toMatchObject({ status: 'published', pubVersion: 1, version: 3, publishedAt: T, firstPublishedAt: T });

    const pending = applyEdit(published, content({ title: '再改标题', expiresAt: '2027-01-01' }), T);
    expect(pending).toMatchObject({ title: '新标题', pending: { title: '再改标题', expiresAt: '2027-01-01' } });
    expect(pending.titleTokens).not.toContain('再改');
    // Editing back to the published text leaves nothing pending.
    expect(applyEdit(pending, content({ title: '新标题' }), T).pending).toBeNull();

    const later = '2026-04-01T00:00:00.000Z';
    const v2 = applyPublish(pending, snapshot!.content, later, undefined);
    expect(v2.snapshot?.version).toBe(2);
    expect(v2.doc).toMatchObject({ title: '再改标题', expiresAt: '2027-01-01', expiresKey: '2026-12-31T16:00:00.000Z', pubVersion: 2, firstPublishedAt: T, publishedAt: later, pending: null });
    // The list position follows the official date and first publication, not the latest edit.
    expect(v2.doc.listKey).toBe(published.listKey);
  });

  test('an optional field removed in an edit is gone from the face', () => {
    const draft = newPolicy('p1', content({ docNo: '京政发〔2026〕1号' }), T);
    const edited = applyEdit(draft, content(), T);
    expect(edited.docNo).toBeUndefined();
    expect(edited.titleTokens).not.toContain('京政');
  });

  test('publishing the same text again makes no version', () => {
    const { doc, snapshot } = applyPublish(newPolicy('p1', content(), T), null, T, undefined);
    const down = applyUnpublish(doc, T, '复核', false);
    if (down.kind !== 'changed') throw new Error('expected a change');
    expect(down.doc).toMatchObject({ status: 'draft', unpublishReason: '复核' });
    const again = applyPublish(down.doc, snapshot!.content, T, undefined);
    expect(again.snapshot).toBeNull();
    expect(again.doc).toMatchObject({ status: 'published', pubVersion: 1 });
    expect(again.doc.unpublishReason).toBeUndefined();
    expect(applyUnpublish(newPolicy('p2', content(), T), T, 'x', true)).toEqual({ kind: 'refused', message: '这份政策尚未发布，无需废止' });
    expect(applyUnpublish(down.doc, T, 'x', false)).toEqual({ kind: 'unchanged' });
  });

  test('contents compare regardless of key order and empty parts', () => {
    expect(sameContent(content({ explanation: {} }), { paragraphs: ['第一段', '第二段'], categoryId: 'cat-property', issuer: '市住建委', title: '关于加强物业管理的意见', issuedAt: '2026-01-10' })).toBe(true);
    expect(sameContent(content(), content({ relatedIds: ['x'] }))).toBe(false);
  });
});

describe('views', () => {
  test('a citizen reads the face; an editor the working copy with its pending flag', () => {
    const { doc } = applyPublish(newPolicy('p1', content(), T), null, T, undefined);
    const edited = applyEdit(doc, content({ title: '修改中' }), T);
    const base = { favorited: false };
    expect(toPolicy(edited, new Date(T), { ...base, staff: false })).toMatchObject({ title: '关于加强物业管理的意见', publishedVersion: 1, versions: [{ version: 1, publishedAt: T }] });
    expect(toPolicy(edited, new Date(T), { ...base, staff: false }).hasDraftChanges).toBeUndefined();
    expect(toPolicy(edited, new Date(T), { ...base, staff: true })).toMatchObject({ title: '修改中', hasDraftChanges: true });
    expect(toListItem(edited, new Date(T))).toEqual({ id: 'p1', title: '关于加强物业管理的意见', issuer: '市住建委', categoryId: 'cat-property', publishedAt: T, status: 'published', statusLabel: '现行有效' });
  });

  test('attachments must be under policies/', () => {
    expect(isPolicyFileID('cloud://env.bucket/policies/a.pdf')).toBe(true);
    expect(isPolicyFileID('cloud://env.bucket/cases/o/a.jpg')).toBe(false);
    expect(isPolicyFileID('cloud://env.bucket/policies/../cases/a.jpg')).toBe(false);
    expect(isPolicyFileID('https://example.com/policies/a.pdf')).toBe(false);
  });
});

describe('list filters', () => {
  test.each<[boolean, Parameters<typeof policyFilter>[1], object]>([
    [false, undefined, { status: 'published' }],
    [false, 'all', { status: 'published' }],
    [true, undefined, {}],
    [true, 'draft', { status: 'draft' }],
    [false, 'published', { status: 'published', expires: 'gt' }],
    [false, 'expired', { status: 'published', expires: 'lte' }],
    [false, 'repealed', { status: 'repealed' }],
  ])('staff %s, status %s → %j', (staff, status, filter) => {
    expect(policyFilter(staff, status, undefined)).toEqual(filter);
  });
});

describe('search display', () => {
  test('an excerpt around the first hit, cut with ellipses; the opening when no paragraph holds the words together', () => {
    const long = `${'前'.repeat(40)}营商环境${'后'.repeat(100)}`;
    const parts = snippet(['无关段落', long], '营商环境');
    expect(parts[0]).toEqual({ text: `…${'前'.repeat(12)}`, hit: false });
    expect(parts[1]).toEqual({ text: '营商环境', hit: true });
    expect(parts[2]!.text.endsWith('…')).toBe(true);
    // About two lines of a card: 48 characters of the paragraph, plus the ellipses.
    expect(parts.map((p) => p.text).join('')).toHaveLength(48 + 2);
    expect(snippet(['营商和环境分开写的段落'], '营商环境')).toEqual([{ text: '营商和环境分开写的段落', hit: false }]);
    expect(titleParts('关于优化营商环境的意见', '营商')).toEqual([
      { text: '关于优化', hit: false },
      { text: '营商', hit: true },
      { text: '环境的意见', hit: false },
    ]);
  });

  test('a cut never splits a character outside the BMP', () => {
    const text = `${'𠀀'.repeat(30)}a关键${'𠀀'.repeat(60)}`;
    for (const p of snippet([text], '关键')) expect(p.text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });
});

describe('cursors', () => {
  test('round trip; anything else is INVALID_ARGUMENT', () => {
    expect(decodeCursor(encodeCursor({ p: 1, k: 'x|y' }), 2)).toEqual({ p: 1, k: 'x|y' });
    expect(decodeCursor(undefined, 2)).toEqual({ p: 0 });
    expect(() => decodeCursor(encodeCursor({ p: 2 }), 2)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => decodeCursor('%%%', 2)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
