import { checkDraftSave, draftTokens, type DraftContent, type DraftDoc } from '../../domain/policies/drafts';
import { explanationOf } from '../../domain/policies/policy';
import { defineAction } from '../../lib/action';
import { errors } from '../../lib/errors';
import { runTransaction } from '../../lib/transaction';
import { draftInTx, putDraftInTx } from '../../repositories/drafts';
import { findPolicy } from '../../repositories/policies';
import { auditActor, recordEvent } from '../../repositories/audit';
import { loadSettings, workCalendar } from '../../repositories/settings';
import { idForRequest, newId } from '../policies/ids';
import { draftSaveSchema } from '../policies/schemas';
import { draftView } from './view';

/** One spelling per instant (UTC, milliseconds), so stored instants compare as strings. */
const iso = (s: string): string => new Date(s).toISOString();

function contentOfDraft(input: {
  title: string;
  paragraphs: string[];
  explanation?: DraftContent['explanation'];
  opensAt: string;
  closesAt: string;
  normative?: boolean;
  policyId?: string;
}): DraftContent {
  const explanation = explanationOf(input.explanation);
  const out: DraftContent = { title: input.title, paragraphs: [...input.paragraphs], opensAt: iso(input.opensAt), closesAt: iso(input.closesAt), normative: input.normative === true };
  if (explanation) out.explanation = explanation;
  if (input.policyId) out.policyId = input.policyId;
  return out;
}

/**
 * Creates or edits a draft consultation. The window rule (30 days, or 7 working days for a normative document, on the
 * official calendar in settings) is checked against the window as it will really run; what may still change depends
 * on whether the window has opened (domain/policies/drafts.ts checkDraftSave).
 */
export const draftSave = defineAction<'draft.save'>({
  schema: draftSaveSchema,
  async run(input, { caller, now }) {
    const { id, version, clientRequestId, ...rest } = input;
    const content = contentOfDraft(rest);
    if (id !== undefined && version === undefined) throw errors.invalid('修改意见征集时需要提供版本号，请刷新后重试', { version: '缺少版本号' });
    if (content.policyId && !(await findPolicy(content.policyId))) {
      throw errors.invalid('关联的政策不存在', { policyId: '关联的政策不存在' });
    }
    const cal = workCalendar(await loadSettings());
    const nowIso = now.toISOString();
    const actor = auditActor(caller);
    const doc = await runTransaction(async (tx): Promise<DraftDoc> => {
      let prev: DraftDoc | null = null;
      let draftId: string;
      if (id === undefined) {
        draftId = clientRequestId ? idForRequest('draft', caller.openid!, clientRequestId) : newId();
        if (clientRequestId) {
          const first = await draftInTx(tx, draftId);
          if (first) return first;
        }
      } else {
        draftId = id;
        prev = await draftInTx(tx, id);
        if (!prev) throw errors.notFound('意见征集');
        if (prev.version !== version) throw errors.conflict();
      }
      const verdict = checkDraftSave(prev, content, now, cal);
      if ('kind' in verdict) {
        throw verdict.kind === 'invalid' ? errors.invalid(`提交的内容有误：${verdict.message}`, verdict.fields) : errors.precondition(verdict.message);
      }
      const next: DraftDoc = {
        ...(prev ?? { approvedCounts: {}, approvedTotal: 0, decisionsRev: 0, reported: false, createdAt: nowIso }),
        ...content,
        _id: draftId,
        opensAt: verdict.opensAt,
        openKey: `${verdict.opensAt}|${draftId}`,
        closeKey: `${content.closesAt}|${draftId}`,
        ...draftTokens(content),
        version: (prev?.version ?? 0) + 1,
        updatedAt: nowIso,
      };
      if (!content.explanation) delete next.explanation;
      if (!content.policyId) delete next.policyId;
      await putDraftInTx(tx, next);
      await recordEvent(tx, {
        subject: 'draft',
        subjectId: draftId,
        kind: prev ? 'edited' : 'created',
        at: nowIso,
        actor,
        data: { version: next.version, opensAt: next.opensAt, closesAt: next.closesAt, normative: next.normative },
      });
      return next;
    });
    return draftView(doc, caller, now);
  },
});
