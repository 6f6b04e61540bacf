// Issue 14 item 2: every free-text field of the contract, found by walking the action schemas, refuses each class of
// hostile text with a Chinese INVALID_ARGUMENT naming the field, and nothing is written; ordinary Chinese text with
// line breaks, emoji and full-width punctuation is accepted and stored NFC-normalised (docs/adr/0051).
import { ACTIONS } from '../../../cloudfunctions/api/src/actions';
import { textFlawMessage, type TextFlaw } from '../../../cloudfunctions/api/src/lib/text';
import type { TextField } from '../../../cloudfunctions/api/src/lib/schema';
import type { ActionName } from '../../../typings/api';
import { callRaw, ok, seedCatalog, seedStaff } from '../../helpers/cloud';
import { storedDigest } from '../../helpers/digest';
import { A_CITIZEN, allowedCaller, payloadWith, ROLE_OPENID, schemaAt, textSites, type TextSite } from '../../helpers/schemas';
import { docById } from '../cases/helpers';
import type { z } from 'zod';

interface Hostile {
  name: string;
  value: string;
  /** The field's expected message, or null when the class does not apply to the field. */
  expect(f: TextField): string | null;
}

const flaw = (name: string, value: string, kind: TextFlaw, oneLineOnly = false): Hostile => ({
  name,
  value,
  expect: (f) => (oneLineOnly && f.multiline ? null : textFlawMessage(f.label, kind, f.multiline)),
});

const HOSTILE: Hostile[] = [
  flaw('NUL', '市民\u0000来信', 'control'),
  flaw('escape (C0)', '市民\u001B[31m来信', 'control'),
  flaw('DEL', '市民\u007F来信', 'control'),
  flaw('next line (C1)', '市民\u0085来信', 'control'),
  flaw('carriage return alone in a one-line field', '市民\r来信', 'control', true),
  flaw('line feed in a one-line field', '市民\n来信', 'control', true),
  flaw('tab in a one-line field', '市民\t来信', 'control', true),
  flaw('right-to-left override', '市民\u202E信来', 'bidi'),
  flaw('left-to-right embedding', '市民\u202A来信', 'bidi'),
  flaw('first-strong isolate', '市民\u2068来信\u2069', 'bidi'),
  flaw('lone high surrogate', '市民\uD83D来信', 'surrogate'),
  flaw('lone low surrogate', '市民\uDE00来信', 'surrogate'),
  {
    name: 'only zero-width characters',
    value: '\u200B\u200C\u200D\u2060\uFEFF\u200B',
    // Where empty is allowed, it is stored as empty: the refusal applies to required fields.
    expect: (f) => (f.min === 0 ? null : f.min <= 1 ? `请填写${f.label}` : `${f.label}至少 ${f.min} 个字`),
  },
];

const SITES = textSites();
const byAction = new Map<ActionName, TextSite[]>();
for (const s of SITES) byAction.set(s.action, [...(byAction.get(s.action) ?? []), s]);

async function setUpCallers(): Promise<void> {
  await seedCatalog();
  for (const [role, openid] of Object.entries(ROLE_OPENID)) await seedStaff(openid, [role as never], role === 'handler' ? 'dept-housing' : undefined);
}

let refusals = 0;
afterAll(() => console.log(`hostile text: ${refusals} hostile values refused in ${SITES.length} fields of ${byAction.size} actions`));

const fieldsOf = (res: unknown) => (res as { error?: { fields?: Record<string, string> } }).error?.fields ?? {};

describe('the free-text fields of the contract', () => {
  test('are found by walking the schemas, each field one text rule', () => {
    const names = SITES.map((s) => `${s.action}:${s.path.join('.')}`);
    // Known fields anchor the walk: if it broke, these would be missing.
    expect(names).toEqual(
      expect.arrayContaining([
        'case.submit:title',
        'case.submit:content',
        'case.submit:contactName',
        'case.rate:comment',
        'policy.save:paragraphs.0',
        'policy.save:explanation.faq.0.q',
        'draft.comment:content',
        'admin.categories.save:name',
        'admin.settings.update:replyTemplates.0.text',
        'staff.bind:displayName',
      ]),
    );
    console.log(`hostile text: ${SITES.length} free-text fields in ${byAction.size} actions x ${HOSTILE.length} hostile classes`);
    expect(SITES.length).toBeGreaterThanOrEqual(40);
  });

  test('accept ordinary Chinese text: line breaks where allowed, emoji, full-width punctuation; stored NFC, trimmed', () => {
    for (const s of SITES) {
      const schema = schemaAt(ACTIONS[s.action].schema as z.ZodType, s.path);
      const oneLine = '  Cafe\u0301电梯！😀（急）  '.slice(0, s.field.max + 4);
      const input = s.field.multiline ? '  Cafe\u0301，电梯坏了！😀\r\n第二行：（急）\t完  ' : oneLine;
      const parsed = schema.safeParse(input);
      expect({ site: `${s.action}:${s.path.join('.')}`, ok: parsed.success }).toEqual({ site: `${s.action}:${s.path.join('.')}`, ok: true });
      const out = parsed.data as string;
      expect(out).toBe(out.normalize('NFC').trim());
      expect(out.startsWith('Café')).toBe(true);
      if (s.field.multiline) expect(out).toBe('Café，电梯坏了！😀\n第二行：（急）\t完');
    }
  });
});

describe.each([...byAction.keys()])('%s', (action) => {
  beforeEach(() => setUpCallers());

  test('refuses every hostile class in every free-text field, naming it, and writes nothing', async () => {
    const caller = allowedCaller(action);
    for (const site of byAction.get(action)!) {
      // The same payload with ordinary text: no complaint about this field, so the refusals below are the text's.
      // Long enough for a field with a minimum (a case's content), short enough for a keyword.
      const ordinary = '市民来信反映情况'.padEnd(site.field.min, '，请尽快处理');
      const benign = await callRaw(caller, { action, payload: payloadWith(site.path, ordinary) });
      expect({ key: site.path.join('.'), message: fieldsOf(benign)[site.path.join('.')] }).toEqual({ key: site.path.join('.'), message: undefined });
    }
    const before = storedDigest();
    for (const site of byAction.get(action)!) {
      const key = site.path.join('.');
      for (const h of HOSTILE) {
        const expected = h.expect(site.field);
        if (expected === null) continue;
        const res = await callRaw(caller, { action, payload: payloadWith(site.path, h.value) });
        refusals++;
        expect({ key, hostile: h.name, res: { ok: res.ok, code: res.ok ? null : res.error.code, field: fieldsOf(res)[key] } }).toEqual({
          key,
          hostile: h.name,
          res: { ok: false, code: 'INVALID_ARGUMENT', field: expected },
        });
      }
    }
    expect(storedDigest()).toEqual(before);
  });
});

describe('ordinary text through the function', () => {
  beforeEach(() => setUpCallers());

  test('a letter with line breaks, emoji and full-width punctuation is stored NFC-normalised', async () => {
    const { id } = await ok(A_CITIZEN, 'case.submit', {
      type: 'complaint',
      categoryId: 'cat-property',
      title: '  小区电梯\u0301故障（三号楼）😟  ',
      content: '电梯坏了两周：\r\n1. 老人上下楼困难；\n2. 物业说「等配件」！\n\t——请尽快处理 🙏',
      contactName: '张\u200B三',
      publishConsent: false,
      clientRequestId: 'hostile-text-normal-1',
    });
    const stored = await docById<{ title: string; content: string; contactName: string }>('cases', id);
    expect(stored).toMatchObject({
      title: '小区电梯\u0301故障（三号楼）😟'.normalize('NFC'),
      content: '电梯坏了两周：\n1. 老人上下楼困难；\n2. 物业说「等配件」！\n\t——请尽快处理 🙏',
      contactName: '张\u200B三',
    });
  });

  test('a department name in decomposed form is stored composed', async () => {
    const saved = await ok(ROLE_OPENID.admin, 'admin.departments.save', { name: '  Re\u0301sidence 住建局  ' });
    expect(saved.name).toBe('Résidence 住建局');
    expect(await docById<{ name: string }>('departments', saved.id)).toMatchObject({ name: 'Résidence 住建局' });
  });

  test('an optional field of zero-width characters reads as empty, not as content', async () => {
    const res = await callRaw(A_CITIZEN, { action: 'case.listPublic', payload: { keyword: '\u200B\u200B' } });
    expect(res).toMatchObject({ ok: true, data: { items: [] } });
  });
});
