import { hashSecret, newInviteCode, parseInviteCode, secretMatches } from '../../../cloudfunctions/api/src/domain/invite-code';
import { MIN_OWN_CHARS, templateUse } from '../../../cloudfunctions/api/src/domain/reply-template';
import { buildSubscribeData, formatValue } from '../../../cloudfunctions/api/src/domain/subscribe-message';
import { DEFAULT_SUBSCRIBE_FIELD_LIMITS as LIMITS } from '../../../cloudfunctions/api/src/domain/defaults';

describe('subscribe message values', () => {
  test('fields map to the template keywords and are cut to WeChat limits', () => {
    const data = buildSubscribeData(
      { title: '小区电梯长期故障无人维修，老人上下楼非常困难，请尽快处理', status: '办理中', time: '2026-11-25T02:05:00.000Z', note: '由住房和城乡建设局办理', trackingNo: 'MS20261125-0001' },
      { title: 'thing1', status: 'phrase2', time: 'time3', note: 'thing4', trackingNo: 'character_string5' },
      LIMITS,
    );
    expect(data).toEqual({
      thing1: { value: '小区电梯长期故障无人维修，老人上下楼非…' },
      phrase2: { value: '办理中' },
      time3: { value: '2026-11-25 10:05' },
      thing4: { value: '由住房和城乡建设局办理' },
      character_string5: { value: 'MS20261125-0001' },
    });
    expect([...data.thing1!.value].length).toBe(20);
  });

  test('a phrase keeps only Chinese, at most 5 characters; empty values get a placeholder', () => {
    expect(formatValue('phrase', '已答复 (new)', LIMITS)).toBe('已答复');
    expect(formatValue('phrase', '答复期限已延长', LIMITS)).toBe('答复期限…');
    expect(formatValue('thing', '', LIMITS)).toBe('无');
    expect(formatValue('character_string', '编号', LIMITS)).toBe('-');
    expect(formatValue('date', '2026-11-24T16:30:00.000Z', LIMITS)).toBe('2026-11-25');
  });
});

describe('reply templates', () => {
  const templates = [{ id: 'thanks', title: '感谢', text: '感谢您的来信，我们高度重视您反映的问题。' }];

  test('a template alone, or with a few words, is refused; a real answer built on it is counted', () => {
    expect(templateUse('感谢您的来信，我们高度重视您反映的问题。', templates)).toEqual({ fromTemplate: true, templateOnly: true });
    expect(templateUse('感谢您的来信！我们高度重视您反映的问题 ', templates, templates[0])).toEqual({ fromTemplate: true, templateOnly: true });
    expect(templateUse('感谢您的来信，我们高度重视您反映的问题。已处理。', templates)).toMatchObject({ templateOnly: true });
    const real = '感谢您的来信，我们高度重视您反映的问题。经现场核查，物业已于11月26日更换电梯主板，电梯恢复运行。';
    expect(templateUse(real, templates)).toEqual({ fromTemplate: true, templateOnly: false });
  });

  test('an answer of the handler’s own is not a template answer', () => {
    expect(templateUse('经现场核查，物业已更换电梯主板，电梯已恢复运行。', templates)).toEqual({ fromTemplate: false, templateOnly: false });
    expect(MIN_OWN_CHARS).toBeGreaterThan(5);
  });
});

describe('invite codes', () => {
  test('the code is three groups; the secret verifies against its salted hash only', () => {
    const c = newInviteCode();
    expect(c.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    const parsed = parseInviteCode(c.code.toLowerCase().replace(/-/g, ' '))!;
    expect(parsed.inviteId).toBe(c.inviteId);
    expect(secretMatches(c.salt, parsed.secret, c.hash)).toBe(true);
    expect(secretMatches(c.salt, parsed.secret.replace(/.$/, (x) => (x === '0' ? '1' : '0')), c.hash)).toBe(false);
    expect(c.hash).not.toContain(parsed.secret);
    expect(hashSecret('other-salt', parsed.secret)).not.toBe(c.hash);
  });

  test('malformed codes are not codes', () => {
    expect(parseInviteCode('ABCDE-FGHJK')).toBeNull();
    expect(parseInviteCode('ABCDE-FGHJK-MNPQI')).toBeNull(); // I is not in the alphabet
  });

  test('codes are random', () => {
    expect(new Set(Array.from({ length: 50 }, () => newInviteCode().code)).size).toBe(50);
  });
});
