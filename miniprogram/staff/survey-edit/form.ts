// The survey editor's state and its payload: questions with their options as lines of text, the window as two
// calendar days (opening at 00:00, closing at 24:00 Shanghai), the audience as a department or everyone.
import type { Survey, SurveyInput, SurveyQuestionKind } from '../../../typings/api';
import { addDays, calendarDateOf, endOfDay, startOfDay } from '../../utils/time';

export interface QuestionForm {
  kind: SurveyQuestionKind;
  title: string;
  /** single / multiple: one option a line. */
  optionsText: string;
  /** multiple: the most options a citizen may choose; empty for all. */
  maxChoices: string;
  required: boolean;
}

export interface SurveyForm {
  title: string;
  intro: string;
  opensOn: string;
  closesOn: string;
  /** '' for everyone, else the department whose citizens are asked. */
  departmentId: string;
  anonymous: boolean;
  questions: QuestionForm[];
}

export const emptyQuestion = (kind: SurveyQuestionKind = 'single'): QuestionForm => ({ kind, title: '', optionsText: '', maxChoices: '', required: true });

export function emptySurveyForm(today: string): SurveyForm {
  return { title: '', intro: '', opensOn: today, closesOn: addDays(today, 14), departmentId: '', anonymous: true, questions: [emptyQuestion()] };
}

export function formFromSurvey(s: Survey): SurveyForm {
  return {
    title: s.title,
    intro: s.intro ?? '',
    opensOn: calendarDateOf(s.opensAt),
    closesOn: calendarDateOf(new Date(Date.parse(s.closesAt) - 1).toISOString()),
    departmentId: s.audience.kind === 'department' ? s.audience.departmentId : '',
    anonymous: s.anonymous,
    questions: s.questions.map((q) => ({
      kind: q.kind,
      title: q.title,
      optionsText: (q.options ?? []).join('\n'),
      maxChoices: q.maxChoices === undefined ? '' : String(q.maxChoices),
      required: q.required,
    })),
  };
}

const lines = (text: string): string[] => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** What survey.save takes; the server checks it (options, maximum, window) and answers its own words. */
export function toSurveyInput(form: SurveyForm, links: { policyId?: string; draftId?: string } = {}): SurveyInput {
  const input: SurveyInput = {
    title: form.title.trim(),
    questions: form.questions.map((q) => {
      const out: SurveyInput['questions'][number] = { kind: q.kind, title: q.title.trim(), required: q.required };
      if (q.kind === 'single' || q.kind === 'multiple') out.options = lines(q.optionsText);
      if (q.kind === 'multiple' && q.maxChoices.trim()) out.maxChoices = Number(q.maxChoices);
      return out;
    }),
    opensAt: startOfDay(form.opensOn),
    closesAt: endOfDay(form.closesOn),
    audience: form.departmentId ? { kind: 'department', departmentId: form.departmentId } : { kind: 'everyone' },
    anonymous: form.anonymous,
    ...links,
  };
  if (form.intro.trim()) input.intro = form.intro.trim();
  return input;
}
