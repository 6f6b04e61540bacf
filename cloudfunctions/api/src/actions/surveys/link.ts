// What other pages show of surveys: the open survey linked to a policy or a draft, and the home page's open surveys.
import type { SurveyLink, SurveyListItem } from '../../../../../typings/api';
import { surveyWindowText, toSurveyListItem } from '../../domain/surveys';
import { openSurveyLinkedTo, surveyPage } from '../../repositories/surveys';
import { surveyPhases } from './list';

export async function linkedSurvey(field: 'policyId' | 'draftId', id: string, now: Date): Promise<SurveyLink | null> {
  const doc = await openSurveyLinkedTo(field, id, now.toISOString());
  return doc ? { id: doc._id, title: doc.title, windowText: surveyWindowText(doc, now) } : null;
}

/** The open surveys closing soonest (the home page shows them beside the open consultations). */
export async function openSurveys(limit: number, now: Date): Promise<SurveyListItem[]> {
  const page = await surveyPage(surveyPhases('open', false, now), limit, undefined);
  return page.docs.map((d) => toSurveyListItem(d, now));
}
