import { maskName, maskPhone, REDACTED, scrubPublicText } from '../../../cloudfunctions/api/src/domain/privacy';
import { buildLetter } from '../../../cloudfunctions/api/src/domain/public-letter';
import type { CaseDoc } from '../../../cloudfunctions/api/src/domain/case-doc';

describe('masking', () => {
  test.each([
    ['张三', '张*'],
    ['欧阳娜娜', '欧***'],
    ['李', '*'],
    ['  王五 ', '王*'],
    ['', ''],
  ])('name %j -> %j', (name, masked) => expect(maskName(name)).toBe(masked));

  test.each([
    ['13812345678', '138****5678'],
    ['+8613812345678', '+86*******5678'],
    ['010-88881234', '010*****1234'],
    ['88881234', '****1234'],
    ['12345', '*****'],
  ])('phone %j -> %j', (phone, masked) => expect(maskPhone(phone)).toBe(masked));
});

describe('the public-letter scrubber', () => {
  const person = { contactName: '张三', contactPhone: '13812345678', trackingNo: 'MS20261125-0042' };

  test('removes the name, the phone and the tracking number wherever they appear', () => {
    const text = '我是张三，电话13812345678，工单MS20261125-0042至今未办。张三再次反映。';
    expect(scrubPublicText(text, person)).toBe(`我是${REDACTED}，电话${REDACTED}，工单${REDACTED}至今未办。${REDACTED}再次反映。`);
  });

  test('removes any phone or ID number, written with or without separators, but not other numbers', () => {
    const text = '邻居电话 139 8765 4321，座机 0571-87654321，身份证 11010519491231002X，楼号 3 栋 1201 室，2026 年。';
    const out = scrubPublicText(text, {});
    expect(out).toBe(`邻居电话 ${REDACTED}，座机 ${REDACTED}，身份证 ${REDACTED}，楼号 3 栋 1201 室，2026 年。`);
  });

  test('a mobile number inside a longer digit run is not half-removed', () => {
    expect(scrubPublicText('订单号 9913812345678123', {})).toBe('订单号 9913812345678123');
  });

  test("the dispatcher's redactions go first, longest first, case-insensitively", () => {
    const text = '幸福小区物业公司的王经理说幸福小区3栋的电梯由Acme公司维护。';
    const out = scrubPublicText(text, { redactions: ['幸福小区', '幸福小区物业公司', 'acme公司'] });
    expect(out).toBe(`${REDACTED}的王经理说${REDACTED}3栋的电梯由${REDACTED}维护。`);
  });

  test('a one-character name is not removed everywhere (it would eat the text)', () => {
    expect(scrubPublicText('李子园小区', { contactName: '李' })).toBe('李子园小区');
  });

  test('buildLetter scrubs title, content and reply, and indexes the scrubbed text only', () => {
    const doc = {
      _id: 'c1',
      trackingNo: 'MS20261125-0042',
      type: 'complaint',
      categoryId: 'cat-property',
      departmentId: 'dept-housing',
      title: '张三反映电梯故障',
      content: '电话13812345678，幸福小区电梯坏了',
      contactName: '张三',
      contactPhone: '13812345678',
      submittedAt: '2026-11-25T02:00:00.000Z',
      reply: { content: '张三您好，幸福小区电梯已修复。', at: '2026-11-27T02:00:00.000Z', fromTemplate: false },
      flagged: false,
    } as unknown as CaseDoc;
    const letter = buildLetter(doc, { redactions: ['幸福小区'], now: '2026-11-28T00:00:00.000Z' });
    expect(letter).toMatchObject({
      _id: 'c1',
      title: `${REDACTED}反映电梯故障`,
      content: `电话${REDACTED}，${REDACTED}电梯坏了`,
      reply: `${REDACTED}您好，${REDACTED}电梯已修复。`,
      visible: true,
      listKey: '2026-11-27T02:00:00.000Z|c1',
      departmentId: 'dept-housing',
    });
    expect(letter.searchTokens).toContain('电梯');
    expect(letter.searchTokens).not.toContain('张三');
    expect(letter.searchTokens).not.toContain('幸福');
    expect(buildLetter({ ...doc, flagged: true } as CaseDoc, { redactions: [], now: '2026-11-28T00:00:00.000Z' }).visible).toBe(false);
  });
});
