// Progress lookup by tracking number and the phone's last 4 digits, through the real function: the status and the
// promised dates, nothing personal; every wrong pair the same NOT_FOUND; failures limited per caller and per number.
import { localCloud } from '../../../tools/local-cloud';
import { callAs, ok } from '../../helpers/cloud';
import { at, CITIZEN, DISPATCHER, docById, OTHER_CITIZEN, processingCase, repliedCase, setUpAgency, submit, tick } from './helpers';

beforeEach(() => setUpAgency());

const RELATIVE = 'o_relative_wang';

describe('case.lookup', () => {
  test('the right pair answers status and promised dates only; the phone is stored only as a keyed hash', async () => {
    const c = await processingCase({ contactPhone: '138-1234-5678' });
    const found = await ok(RELATIVE, 'case.lookup', { trackingNo: c.trackingNo.toLowerCase(), phoneLast4: '5678' });
    expect(found).toEqual({
      trackingNo: c.trackingNo,
      status: 'processing',
      statusLabel: '办理中',
      submittedAt: c.submittedAt,
      acceptDueAt: c.acceptDueAt,
      answerDueAt: c.answerDueAt,
      dueText: expect.stringContaining('答复'),
      departmentName: c.departmentName,
    });
    const stored = await docById<{ phoneTailHash?: string }>('cases', c.id);
    expect(stored?.phoneTailHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.phoneTailHash).not.toContain('5678');
  });

  test('a case from before the hash existed is checked against its contact phone', async () => {
    const c = await submit({ contactPhone: '13900001111' });
    await localCloud.invoke(async () => {
      const { database } = await import('../../helpers/cloud');
      await database().collection('cases').doc(c.id).update({ data: { phoneTailHash: database().command.remove() } });
    }, {});
    expect((await docById<{ phoneTailHash?: string }>('cases', c.id))?.phoneTailHash).toBeUndefined();
    expect((await ok(RELATIVE, 'case.lookup', { trackingNo: c.trackingNo, phoneLast4: '1111' })).status).toBe('submitted');
  });

  test('unknown number, wrong digits, a case without a phone: the same NOT_FOUND', async () => {
    const c = await submit({ contactPhone: '13812345678' });
    const noPhone = await submit({ contactPhone: '' });
    const answers = await Promise.all([
      callAs(RELATIVE, 'case.lookup', { trackingNo: 'MS20991231-0001', phoneLast4: '5678' }),
      callAs(RELATIVE, 'case.lookup', { trackingNo: c.trackingNo, phoneLast4: '0000' }),
      callAs(RELATIVE, 'case.lookup', { trackingNo: noPhone.trackingNo, phoneLast4: '5678' }),
    ]);
    const errors = answers.map((a) => (a.ok ? null : a.error));
    expect(errors[0]).toMatchObject({ code: 'NOT_FOUND' });
    expect(errors[1]).toEqual(errors[0]);
    expect(errors[2]).toEqual(errors[0]);
  });

  test('invalid payload and no WeChat identity are refused', async () => {
    expect(await callAs(RELATIVE, 'case.lookup', { trackingNo: '123', phoneLast4: '5678' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { trackingNo: expect.any(String) } } });
    expect(await callAs(RELATIVE, 'case.lookup', { trackingNo: 'MS20261125-0001', phoneLast4: '56a8' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { phoneLast4: expect.any(String) } } });
    expect(await callAs(null, 'case.lookup', { trackingNo: 'MS20261125-0001', phoneLast4: '5678' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  test('failures are limited per tracking number: after 5, even the right digits wait until tomorrow', async () => {
    const c = await submit({ contactPhone: '13812345678' });
    for (let i = 0; i < 5; i++) {
      const caller = `o_guesser_${i}`;
      expect(await callAs(caller, 'case.lookup', { trackingNo: c.trackingNo, phoneLast4: String(1000 + i) })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(await callAs(OTHER_CITIZEN, 'case.lookup', { trackingNo: c.trackingNo, phoneLast4: '5678' })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    localCloud.clock.set('2026-11-26T02:00:00.000Z', { frozen: true });
    expect((await ok(OTHER_CITIZEN, 'case.lookup', { trackingNo: c.trackingNo, phoneLast4: '5678' })).trackingNo).toBe(c.trackingNo);
  });

  test('failures are limited per caller: after 10, the caller waits, others do not', async () => {
    const c = await submit({ contactPhone: '13812345678' });
    for (let i = 0; i < 10; i++) {
      expect(await callAs(RELATIVE, 'case.lookup', { trackingNo: `MS20261125-${String(100 + i).padStart(4, '0')}`, phoneLast4: '1234' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(await callAs(RELATIVE, 'case.lookup', { trackingNo: c.trackingNo, phoneLast4: '5678' })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect((await ok(CITIZEN, 'case.lookup', { trackingNo: c.trackingNo, phoneLast4: '5678' })).status).toBe('submitted');
    // A staff member's lookup goes through the same gate.
    expect((await ok(DISPATCHER, 'case.lookup', { trackingNo: c.trackingNo, phoneLast4: '5678' })).status).toBe('submitted');
  });

  test('retention removes the hash with the phone: the case can no longer be looked up', async () => {
    const r = await repliedCase({ contactPhone: '13812345678' });
    await ok(CITIZEN, 'case.rate', { id: r.id, version: r.version, score: 5, solved: true });
    expect((await ok(RELATIVE, 'case.lookup', { trackingNo: r.trackingNo, phoneLast4: '5678' })).status).toBe('closed');
    at('2027-11-25T02:10:00.000Z');
    await tick();
    await tick();
    expect((await docById<{ phoneTailHash?: string }>('cases', r.id))?.phoneTailHash).toBeUndefined();
    expect(await callAs(RELATIVE, 'case.lookup', { trackingNo: r.trackingNo, phoneLast4: '5678' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
