// The case actions, by contract name.
import type { ActionTable } from '../../lib/action';
import { caseFindByTrackingNo, caseGet, caseListMine, caseRate, caseSubmit, caseSubscribe, caseSupplement, caseWithdraw } from './citizen';
import { caseCosign, caseRespondCosign } from './cosign';
import { caseLookup } from './lookup';
import { caseGetPublic, caseListPublic } from './public';
import {
  caseAccept,
  caseApproveExtension,
  caseApproveReply,
  caseAskInfo,
  caseAssign,
  caseClearContent,
  caseEscalate,
  caseNote,
  caseQueue,
  caseReject,
  caseReply,
  caseRequestExtension,
  caseSetPublishable,
} from './staff';

export const CASE_ACTIONS: Pick<ActionTable, `case.${string}` & keyof ActionTable> = {
  'case.submit': caseSubmit,
  'case.listMine': caseListMine,
  'case.get': caseGet,
  'case.findByTrackingNo': caseFindByTrackingNo,
  'case.withdraw': caseWithdraw,
  'case.supplement': caseSupplement,
  'case.rate': caseRate,
  'case.subscribe': caseSubscribe,
  'case.listPublic': caseListPublic,
  'case.getPublic': caseGetPublic,
  'case.queue': caseQueue,
  'case.accept': caseAccept,
  'case.reject': caseReject,
  'case.assign': caseAssign,
  'case.askInfo': caseAskInfo,
  'case.reply': caseReply,
  'case.approveReply': caseApproveReply,
  'case.note': caseNote,
  'case.requestExtension': caseRequestExtension,
  'case.approveExtension': caseApproveExtension,
  'case.escalate': caseEscalate,
  'case.setPublishable': caseSetPublishable,
  'case.clearContent': caseClearContent,
  'case.cosign': caseCosign,
  'case.respondCosign': caseRespondCosign,
  'case.lookup': caseLookup,
};
