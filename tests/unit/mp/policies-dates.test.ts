import {
  addDays,
  calendarDateOf,
  daysBetween,
  endOfDay,
  formatCalendarDate,
  formatFullDate,
  formatFullDateTime,
  isCalendarDate,
  shanghaiParts,
  startOfDay,
  weekdayOf,
} from '../../../miniprogram/utils/time';

test('instants are shown in Asia/Shanghai whatever the machine time zone', () => {
  // 16:30 UTC on 24 Nov is already 00:30 on 25 Nov in Shanghai.
  expect(formatFullDate('2026-11-24T16:30:00.000Z')).toBe('2026年11月25日');
  expect(formatFullDateTime('2026-11-24T16:30:00.000Z')).toBe('2026年11月25日 00:30');
  expect(formatFullDateTime('2026-01-01T01:05:00Z')).toBe('2026年1月1日 09:05');
  expect(shanghaiParts('2026-11-24T16:30:00Z')?.weekday).toBe(3);
});

test('missing or unreadable instants show nothing rather than "NaN"', () => {
  expect(formatFullDate(undefined)).toBe('');
  expect(formatFullDate('')).toBe('');
  expect(formatFullDateTime('not a date')).toBe('');
});

test('calendar dates are validated for real days and formatted without a time zone shift', () => {
  expect(isCalendarDate('2026-02-28')).toBe(true);
  expect(isCalendarDate('2026-02-30')).toBe(false);
  expect(isCalendarDate('2026-2-3')).toBe(false);
  expect(formatCalendarDate('2026-03-01')).toBe('2026年3月1日');
  expect(formatCalendarDate('2026-13-01')).toBe('');
});

test('day arithmetic crosses months and years', () => {
  expect(addDays('2026-12-25', 10)).toBe('2027-01-04');
  expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  expect(daysBetween('2026-11-25', '2026-12-25')).toBe(30);
  expect(daysBetween('2026-12-25', '2026-11-25')).toBe(-30);
  expect(weekdayOf('2026-11-28')).toBe(6);
});

test('a Shanghai day starts at 16:00 UTC the day before', () => {
  expect(startOfDay('2026-11-25')).toBe('2026-11-24T16:00:00.000Z');
  expect(endOfDay('2026-11-25')).toBe('2026-11-25T15:59:59.999Z');
  expect(calendarDateOf('2026-11-24T16:00:00.000Z')).toBe('2026-11-25');
  expect(calendarDateOf('2026-11-24T15:59:59.999Z')).toBe('2026-11-24');
});
