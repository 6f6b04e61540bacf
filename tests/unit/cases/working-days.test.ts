import {
  addWorkingDays,
  dayLabel,
  endOfDay,
  isValidDay,
  isWorkingDay,
  makeCalendar,
  previousWorkingDay,
  shanghaiDay,
  workingDaysBetween,
} from '../../../cloudfunctions/api/src/domain/calendar';
import { answerPromisedBy, dueAfter, dueText, isLate, pauseDays, promiseText, reminderAt, shiftDue, workingDaysLate } from '../../../cloudfunctions/api/src/domain/deadlines';
import { DEFAULT_CALENDAR } from '../../../cloudfunctions/api/src/domain/defaults';

const cal = makeCalendar(DEFAULT_CALENDAR);
/** An instant at a Shanghai wall-clock time. */
const sh = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('the calendar', () => {
  test('Shanghai days: 23:30 UTC is already the next day in Shanghai', () => {
    expect(shanghaiDay('2026-11-24T16:30:00.000Z')).toBe('2026-11-25');
    expect(shanghaiDay('2026-11-24T15:59:59.999Z')).toBe('2026-11-24');
  });

  test('a deadline day ends at 23:59:59.999 in Shanghai', () => {
    expect(endOfDay('2026-11-30').toISOString()).toBe('2026-11-30T15:59:59.999Z');
  });

  test('weekends are off, weekdays on', () => {
    expect(isWorkingDay('2026-11-27', cal)).toBe(true); // Friday
    expect(isWorkingDay('2026-11-28', cal)).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-29', cal)).toBe(false); // Sunday
  });

  test('2026 National Day: 1–7 October off, the Saturday 10 October and Sunday 20 September worked (调休)', () => {
    for (const d of ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']) expect(isWorkingDay(d, cal)).toBe(false);
    expect(isWorkingDay('2026-10-08', cal)).toBe(true);
    expect(isWorkingDay('2026-10-10', cal)).toBe(true);
    expect(isWorkingDay('2026-09-20', cal)).toBe(true);
  });

  test('2026 Spring Festival: 15–23 February off, Saturdays 14 and 28 February worked', () => {
    expect(workingDaysBetween('2026-02-15', '2026-02-24', cal)).toBe(0);
    expect(isWorkingDay('2026-02-14', cal)).toBe(true);
    expect(isWorkingDay('2026-02-28', cal)).toBe(true);
  });

  test('addWorkingDays counts from the day after', () => {
    expect(addWorkingDays('2026-11-25', 0, cal)).toBe('2026-11-25');
    expect(addWorkingDays('2026-11-25', 1, cal)).toBe('2026-11-26');
    expect(addWorkingDays('2026-11-27', 1, cal)).toBe('2026-11-30'); // Friday -> Monday
    expect(addWorkingDays('2026-11-28', 1, cal)).toBe('2026-11-30'); // Saturday -> Monday
    expect(addWorkingDays('2026-09-19', 1, cal)).toBe('2026-09-20'); // Saturday -> the swapped Sunday
    expect(addWorkingDays('2026-09-30', 1, cal)).toBe('2026-10-08'); // across National Day
  });

  test('previousWorkingDay skips weekends and holidays', () => {
    expect(previousWorkingDay('2026-11-30', cal)).toBe('2026-11-27');
    expect(previousWorkingDay('2026-10-08', cal)).toBe('2026-09-30');
  });

  test('a calendar without working days fails loudly instead of looping', () => {
    const closed = makeCalendar({ holidays: Array.from({ length: 800 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10)), workdays: [] });
    expect(() => addWorkingDays('2026-01-01', 1, closed)).toThrow('no working day');
  });

  test('valid days', () => {
    expect(isValidDay('2026-02-28')).toBe(true);
    expect(isValidDay('2026-02-29')).toBe(false);
    expect(isValidDay('2026-2-28')).toBe(false);
    expect(isValidDay('2026-13-01')).toBe(false);
  });

  test('labels', () => {
    expect(dayLabel('2026-11-30')).toBe('11月30日（周一）');
  });
});

describe('case deadlines', () => {
  test('accept within 1 working day: a Friday afternoon submission is due Monday night', () => {
    expect(dueAfter(sh('2026-11-27T15:00:00'), 1, cal)).toBe(sh('2026-11-30T23:59:59.999'));
  });

  test('a submission just before midnight Shanghai time still counts from that day', () => {
    expect(dueAfter(sh('2026-11-25T23:59:00'), 1, cal)).toBe(sh('2026-11-26T23:59:59.999'));
  });

  test('across National Day: accepted 8 October, a complaint (13 days) is due 26 October, the swapped Saturday counted', () => {
    expect(dueAfter(sh('2026-09-30T10:00:00'), 1, cal)).toBe(sh('2026-10-08T23:59:59.999'));
    expect(dueAfter(sh('2026-10-08T09:00:00'), 13, cal)).toBe(sh('2026-10-26T23:59:59.999'));
  });

  test('an inquiry accepted Monday (3 days) is due Thursday', () => {
    expect(dueAfter(sh('2026-11-30T09:00:00'), 3, cal)).toBe(sh('2026-12-03T23:59:59.999'));
  });

  test('the needs_info pause: working days from the question to the answer, weekend and same-day answers free', () => {
    expect(pauseDays(sh('2026-12-01T10:00:00'), sh('2026-12-03T09:00:00'), cal)).toBe(2);
    expect(pauseDays(sh('2026-12-01T10:00:00'), sh('2026-12-01T16:00:00'), cal)).toBe(0);
    expect(pauseDays(sh('2026-12-04T17:00:00'), sh('2026-12-07T08:00:00'), cal)).toBe(1); // Friday -> Monday
    expect(pauseDays(sh('2026-09-30T17:00:00'), sh('2026-10-08T08:00:00'), cal)).toBe(1); // only 30 September counts
  });

  test('a pause then an extension: 3 days due Thursday 3 Dec, +2 paused -> Monday 7 Dec, +10 extension -> Monday 21 Dec', () => {
    const due = dueAfter(sh('2026-11-30T09:00:00'), 3, cal);
    const afterPause = shiftDue(due, pauseDays(sh('2026-12-01T10:00:00'), sh('2026-12-03T09:00:00'), cal), cal);
    expect(afterPause).toBe(sh('2026-12-07T23:59:59.999'));
    expect(shiftDue(afterPause, 10, cal)).toBe(sh('2026-12-21T23:59:59.999'));
    expect(shiftDue(afterPause, 0, cal)).toBe(afterPause);
  });

  test('the reminder goes out at 9:00 on the working day before the deadline', () => {
    expect(reminderAt(sh('2026-12-03T23:59:59.999'), cal)).toBe(sh('2026-12-02T09:00:00'));
    expect(reminderAt(sh('2026-11-30T23:59:59.999'), cal)).toBe(sh('2026-11-27T09:00:00')); // Monday -> Friday
  });

  test('late by working days: due Thursday, on Monday it is 2 working days late', () => {
    const due = sh('2026-12-03T23:59:59.999');
    expect(workingDaysLate(due, sh('2026-12-07T10:00:00'), cal)).toBe(2);
    expect(workingDaysLate(due, sh('2026-12-05T10:00:00'), cal)).toBe(1);
    expect(workingDaysLate(due, sh('2026-12-03T22:00:00'), cal)).toBe(0);
  });
});

describe('what the citizen reads', () => {
  const base = { acceptDueAt: sh('2026-11-26T23:59:59.999'), answerDueAt: sh('2026-12-03T23:59:59.999') };

  test('the promise before it is due, the lateness after', () => {
    expect(dueText({ ...base, status: 'submitted' }, sh('2026-11-25T10:00:00'), cal)).toBe('承诺 11月26日（周四）前受理');
    expect(dueText({ ...base, status: 'processing' }, sh('2026-11-30T10:00:00'), cal)).toBe('承诺 12月3日（周四）前答复');
    expect(dueText({ ...base, status: 'processing' }, sh('2026-12-07T10:00:00'), cal)).toBe('已超期 2 个工作日');
    expect(dueText({ ...base, status: 'submitted' }, sh('2026-11-27T10:00:00'), cal)).toBe('受理已超期 1 个工作日');
    expect(dueText({ ...base, status: 'processing' }, sh('2026-12-05T10:00:00'), cal)).toBe('已超期 1 个工作日');
  });

  test('waiting for the citizen does not count; a reply says when, and whether it was late', () => {
    expect(dueText({ ...base, status: 'needs_info' }, sh('2026-12-09T10:00:00'), cal)).toContain('不计时');
    const reply = { content: '答复', at: sh('2026-12-02T15:00:00'), fromTemplate: false };
    expect(dueText({ ...base, status: 'replied', reply }, sh('2026-12-09T10:00:00'), cal)).toBe('已于 12月2日 答复');
    const late = { ...reply, at: sh('2026-12-07T15:00:00') };
    expect(dueText({ ...base, status: 'closed', reply: late }, sh('2026-12-09T10:00:00'), cal)).toBe('已办结，已于 12月7日 答复（超期 2 个工作日）');
    expect(isLate({ ...base, status: 'closed', reply: late }, sh('2026-12-09T10:00:00'))).toBe(true);
    expect(isLate({ ...base, status: 'replied', reply }, sh('2026-12-09T10:00:00'))).toBe(false);
    expect(isLate({ ...base, status: 'needs_info' }, sh('2026-12-09T10:00:00'))).toBe(false);
  });

  test('the promise at submission', () => {
    expect(promiseText(base.acceptDueAt, 13, cal)).toBe('我们将在 11月26日（周四）前受理，最迟 12月15日（周二）前答复');
    expect(answerPromisedBy(base.acceptDueAt, 3, cal)).toBe(sh('2026-12-01T23:59:59.999'));
  });
});

describe('the compiled calendar agrees with the rules day by day', () => {
  const naiveWorking = (day: string) => {
    if (DEFAULT_CALENDAR.workdays.includes(day)) return true;
    if (DEFAULT_CALENDAR.holidays.includes(day)) return false;
    const w = new Date(`${day}T00:00:00Z`).getUTCDay();
    return w !== 0 && w !== 6;
  };
  const dayAt = (base: string, n: number) => new Date(Date.parse(`${base}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

  test('every day of 2025–2028 and across the table’s edges (1999/2000, 2100/2101)', () => {
    for (const [start, days] of [['2025-01-01', 366 * 4], ['1999-12-20', 30], ['2100-12-20', 30]] as const) {
      for (let i = 0; i < days; i++) {
        const d = dayAt(start, i);
        expect([d, isWorkingDay(d, cal)]).toEqual([d, naiveWorking(d)]);
      }
    }
  });

  test('working days between any two days equal the count day by day', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let k = 0; k < 300; k++) {
      const from = dayAt('1999-06-01', Math.floor(rand() * 40000));
      const to = dayAt(from, Math.floor(rand() * 400) - 20);
      let n = 0;
      for (let d = from; d < to; d = dayAt(d, 1)) if (naiveWorking(d)) n++;
      expect([from, to, workingDaysBetween(from, to, cal)]).toEqual([from, to, n]);
    }
  });
});
