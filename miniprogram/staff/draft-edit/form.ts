// The draft editor's state, its window rule and its payload. The rule is checked here before saving so the editor
// sees it at once; the server enforces it again with the agency's holiday calendar (which the phone does not have:
// here only weekends are non-working, so a normative window over a public holiday may still be refused by the
// server, whose message then says the earliest close). As in the server (domain/policies/drafts.ts, earliestClose),
// the opening day is not counted (期间开始的当日不计入).
import type { Draft, DraftInput, DraftStatus, PolicyFormLimits } from '../../../typings/api';
import { addDays, calendarDateOf, daysBetween, endOfDay, isCalendarDate, startOfDay, weekdayOf } from '../../utils/time';
import { checkExplanation, explanationFields, nonEmpty, toExplanation, type ExplanationFields } from '../policy-edit/form';

/** The window's minimum as the server serves it (meta.get formLimits.policy, from domain/policies/drafts.ts). */
export type WindowLimits = Pick<PolicyFormLimits, 'windowMinDays' | 'windowMinWorkingDays'>;

export interface DraftForm extends ExplanationFields {
  title: string;
  paragraphs: string[];
  /** First and last day on which comments are taken (Asia/Shanghai), YYYY-MM-DD. */
  opensOn: string;
  closesOn: string;
  normative: boolean;
}

/** A new draft opening today and closing on the earliest day the rule allows ('' until the limits are read). */
export function emptyDraftForm(today: string, limits?: WindowLimits): DraftForm {
  return {
    title: '',
    paragraphs: [''],
    ...explanationFields(undefined),
    opensOn: today,
    closesOn: limits ? earliestCloseOn(today, limits) : '',
    normative: false,
  };
}

export function formFromDraft(d: Draft): DraftForm {
  // closesAt is the end of the last day (see toDraftInput); a window closing exactly at midnight ends the day before.
  const closesMs = Date.parse(d.closesAt);
  const lastDay = calendarDateOf(new Date(closesMs - 1));
  return {
    title: d.title,
    paragraphs: d.paragraphs.length ? [...d.paragraphs] : [''],
    ...explanationFields(d.explanation),
    opensOn: calendarDateOf(d.opensAt),
    closesOn: lastDay,
    normative: d.normative,
  };
}

/** Monday to Friday after `from` up to `to` included (the opening day is not counted). */
export function weekdaysAfter(from: string, to: string): number {
  const days = daysBetween(from, to);
  let n = 0;
  for (let i = 1; i <= days; i++) {
    const w = weekdayOf(addDays(from, i));
    if (w !== 0 && w !== 6) n++;
  }
  return n;
}

/** The length of the window in words, under the date pickers. */
export function windowLengthText(opensOn: string, closesOn: string): string {
  if (!isCalendarDate(opensOn) || !isCalendarDate(closesOn) || closesOn <= opensOn) return '';
  return `开始当日不计入，共 ${daysBetween(opensOn, closesOn)} 天，其中工作日约 ${weekdaysAfter(opensOn, closesOn)} 天`;
}

/**
 * The comment window rule: at least `windowMinDays` days after the opening day, or `windowMinWorkingDays` working days
 * for a normative document, the last day included. '' when the window is acceptable.
 */
export function checkWindow(opensOn: string, closesOn: string, normative: boolean, limits: WindowLimits): string {
  if (!isCalendarDate(opensOn)) return '请选择开始日期';
  if (!isCalendarDate(closesOn)) return '请选择截止日期';
  if (closesOn <= opensOn) return '截止日期应晚于开始日期';
  const days = daysBetween(opensOn, closesOn);
  if (normative) {
    const working = weekdaysAfter(opensOn, closesOn);
    if (working >= limits.windowMinWorkingDays) return '';
    return `规范性文件的意见征集期不得少于 ${limits.windowMinWorkingDays} 个工作日（开始当日不计入），现在只有 ${working} 个工作日`;
  }
  if (days >= limits.windowMinDays) return '';
  return `意见征集期不得少于 ${limits.windowMinDays} 日（开始当日不计入），现在只有 ${days} 日，截止日期最早为 ${earliestCloseOn(opensOn, limits)}`;
}

/** The earliest last day for a non-normative window opening on `opensOn`. */
export function earliestCloseOn(opensOn: string, limits: WindowLimits): string {
  return addDays(opensOn, limits.windowMinDays);
}

const len = (s: string) => Array.from(s.trim()).length;

export interface DraftCheckContext {
  /** Today in Asia/Shanghai, YYYY-MM-DD. */
  today: string;
  /** The draft's status when editing; an open window's start can no longer move. */
  status?: DraftStatus;
  /** The server's limits (meta.get formLimits.policy). */
  limits: PolicyFormLimits;
}

export function validateDraftForm(form: DraftForm, ctx: DraftCheckContext): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!len(form.title)) errors.title = '请填写草案标题';
  else if (len(form.title) > ctx.limits.titleMax) errors.title = `标题不能超过 ${ctx.limits.titleMax} 个字`;
  const paragraphs = nonEmpty(form.paragraphs);
  if (!paragraphs.length) errors.paragraphs = '草案正文至少需要一段';
  else if (paragraphs.length > ctx.limits.paragraphsMax) errors.paragraphs = `正文不能超过 ${ctx.limits.paragraphsMax} 段`;
  form.paragraphs.forEach((p, i) => {
    if (len(p) > ctx.limits.paragraphMax) errors[`paragraphs.${i}`] = `每段不能超过 ${ctx.limits.paragraphMax} 个字`;
  });
  const startLocked = ctx.status !== undefined && ctx.status !== 'scheduled';
  if (!startLocked && isCalendarDate(form.opensOn) && form.opensOn < ctx.today) errors.opensOn = '开始日期不能早于今天';
  if (isCalendarDate(form.closesOn) && form.closesOn < ctx.today) errors.closesOn = '截止日期不能早于今天';
  const windowError = checkWindow(form.opensOn, form.closesOn, form.normative, ctx.limits);
  if (windowError && !errors.closesOn) {
    if (!isCalendarDate(form.opensOn)) errors.opensOn = windowError;
    else errors.closesOn = windowError;
  }
  Object.assign(errors, checkExplanation(form, ctx.limits));
  return errors;
}

/**
 * The window as instants: from 00:00 of the opening day (the server moves an opening in the past to now) to the last
 * millisecond of the last day, Asia/Shanghai, which the server and its messages show as 23:59.
 */
export function toDraftInput(form: DraftForm): DraftInput {
  const explanation = toExplanation(form);
  return {
    title: form.title.trim(),
    paragraphs: nonEmpty(form.paragraphs),
    ...(explanation ? { explanation } : {}),
    opensAt: startOfDay(form.opensOn),
    closesAt: endOfDay(form.closesOn),
    normative: form.normative,
  };
}

