import { countdown, formatDate, formatDateTime, shanghaiParts } from '../../../miniprogram/utils/time';
import { caseImagePath, imageExtension, randomId } from '../../../miniprogram/utils/id';
import { decodeParam, decodeQuery } from '../../../miniprogram/utils/query';

const NOW = Date.parse('2026-11-25T06:00:00Z'); // 14:00 in Beijing

describe('Beijing time display', () => {
  test('an instant late in the UTC day is already the next day in Beijing', () => {
    expect(shanghaiParts('2026-11-25T16:30:00Z')).toEqual({ year: 2026, month: 11, day: 26, hour: 0, minute: 30 });
    expect(formatDateTime('2026-11-25T16:30:00Z', NOW)).toBe('11月26日 00:30');
  });

  test('minutes and hours are padded; the year appears only when it is not this year', () => {
    expect(formatDateTime('2026-11-25T06:30:00Z', NOW)).toBe('11月25日 14:30');
    expect(formatDateTime('2026-01-02T01:05:00Z', NOW)).toBe('1月2日 09:05');
    expect(formatDate('2025-12-31T17:00:00Z', NOW)).toBe('1月1日');
    expect(formatDate('2025-12-31T15:00:00Z', NOW)).toBe('2025年12月31日');
  });

  test('a missing or unreadable instant shows nothing rather than NaN', () => {
    expect(formatDateTime(undefined, NOW)).toBe('');
    expect(formatDateTime('not a date', NOW)).toBe('');
  });
});

describe('countdown', () => {
  test('days and hours while far away, hours and minutes within a day, minutes within an hour', () => {
    expect(countdown(NOW + (2 * 24 + 3) * 3600e3 + 59e3, NOW)).toEqual({ text: '还剩 2 天 3 小时', late: false });
    expect(countdown(NOW + 2 * 24 * 3600e3, NOW)).toEqual({ text: '还剩 2 天', late: false });
    expect(countdown(NOW + 5 * 3600e3 + 20 * 60e3, NOW)).toEqual({ text: '还剩 5 小时 20 分钟', late: false });
    expect(countdown(NOW + 45 * 60e3, NOW)).toEqual({ text: '还剩 45 分钟', late: false });
    expect(countdown(NOW + 10e3, NOW)).toEqual({ text: '还剩 1 分钟', late: false });
  });

  test('past the deadline it says late, and by how much', () => {
    expect(countdown(NOW - 26 * 3600e3, NOW)).toEqual({ text: '已超期 1 天 2 小时', late: true });
    expect(countdown(new Date(NOW - 3 * 3600e3).toISOString(), NOW)).toEqual({ text: '已超期 3 小时', late: true });
    expect(countdown(NOW, NOW)).toEqual({ text: '已到期', late: true });
  });
});

describe('random ids and upload paths', () => {
  test('ids differ between calls and are made of safe characters', () => {
    const a = randomId();
    const b = randomId();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[a-z0-9]{18,}$/);
    expect(randomId(0, () => 0.5)).toBe('0' + 'i'.repeat(12));
  });

  test('image paths sit under the citizen own OPENID with a known image extension', () => {
    expect(imageExtension('wxfile://tmp/abc.PNG')).toBe('png');
    expect(imageExtension('http://tmp/abc.jpeg?x=1')).toBe('jpeg');
    expect(imageExtension('http://tmp/abc')).toBe('jpg');
    expect(imageExtension('http://tmp/abc.exe')).toBe('jpg');
    expect(caseImagePath('o_me', 'wxfile://tmp/x.webp', 'k1')).toBe('cases/o_me/k1.webp');
  });
});

describe('page query values', () => {
  test('percent-encoded values (as WeChat hands them) and plain ones read the same', () => {
    expect(decodeParam(encodeURIComponent('咨询：加装电梯'))).toBe('咨询：加装电梯');
    expect(decodeParam('咨询：加装电梯')).toBe('咨询：加装电梯');
    expect(decodeParam('100%满意')).toBe('100%满意');
    expect(decodeParam(undefined)).toBe('');
    expect(decodeQuery({ type: 'inquiry', title: '%E5%85%AC%E4%BA%A4' })).toEqual({ type: 'inquiry', title: '公交' });
  });
});
