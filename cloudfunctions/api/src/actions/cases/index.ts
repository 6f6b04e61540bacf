// The case actions, by contract name: one file per action, named after it (docs/adr/0143-one-naming-scheme-for-actions.md).
import type { ActionTable } from '../../lib/action';
import { caseAccept } from './accept';
import { caseApproveExtension } from './approve-extension';
import { caseApproveReply } from './approve-reply';
import { caseAskInfo } from './ask-info';
import { caseAssign } from './assign';
import { caseClearContent } from './clear-content';
import { caseCosign } from './cosign';
import { caseEscalate } from './escalate';
import { caseFindByTrackingNo } from './find-by-tracking-no';
import { caseGet } from './get';
import { caseGetPublic } from './get-public';
import { caseListMine } from './list-mine';
import { caseListPublic } from './list-public';
import { caseLookup } from './lookup';
import { caseNote } from './note';
import { caseQueue } from './queue';
import { caseRate } from './rate';
import { caseReject } from './reject';
import { caseReply } from './reply';
import { caseRequestExtension } from './request-extension';
import { caseRespondCosign } from './respond-cosign';
import { caseSetPublishable } from './set-publishable';
import { caseSubmit } from './submit';
import { caseSubscribe } from './subscribe';
import { caseSupplement } from './supplement';
import { caseWithdraw } from './withdraw';

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
