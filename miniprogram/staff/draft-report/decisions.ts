// The adoption report's bookkeeping (采纳情况): which public comments still need a decision, whether a decision can
// be recorded for a selection, and whether the report can be published. Pure, unit-tested; the server rechecks.
import type { Decision, DraftComment, PolicyFormLimits } from '../../../typings/api';

/** The server's limits these checks use (meta.get formLimits.policy). */
export type ReportLimits = Pick<PolicyFormLimits, 'decideReasonMax' | 'summaryMax'>;

export interface ReportProgress {
  /** Public comments: the ones the report accounts for. */
  approved: number;
  decided: number;
  undecided: number;
  /** Comments still waiting for moderation: they must be approved or hidden first. */
  pending: number;
  text: string;
}

export function reportProgress(comments: readonly DraftComment[]): ReportProgress {
  const approved = comments.filter((c) => c.status === 'approved');
  const decided = approved.filter((c) => !!c.decision).length;
  const pending = comments.filter((c) => c.status === 'pending').length;
  const undecided = approved.length - decided;
  const parts = [`公开意见 ${approved.length} 条，已处理 ${decided} 条`];
  if (undecided) parts.push(`还有 ${undecided} 条未处理`);
  if (pending) parts.push(`${pending} 条待审核`);
  return { approved: approved.length, decided, undecided, pending, text: parts.join('，') };
}

/** Why a decision cannot be recorded for this selection; '' when it can. */
export function checkDecision(commentIds: readonly string[], decision: Decision | '', reason: string, limits: ReportLimits): string {
  if (!commentIds.length) return '请先勾选要处理的意见';
  if (!decision) return '请选择处理结果：采纳、部分采纳或不予采纳';
  const n = Array.from(reason.trim()).length;
  if (!n) return '请填写理由，提意见的市民会看到它';
  if (n > limits.decideReasonMax) return `理由不能超过 ${limits.decideReasonMax} 个字`;
  return '';
}

/** Why the report cannot be published yet; '' when it can. */
export function checkPublish(progress: ReportProgress, summary: string, limits: ReportLimits): string {
  if (progress.pending) return `还有 ${progress.pending} 条意见待审核，请先在审核页处理`;
  if (progress.undecided) return `还有 ${progress.undecided} 条公开意见没有处理结果`;
  const n = Array.from(summary.trim()).length;
  if (!n) return '请填写采纳情况说明';
  if (n > limits.summaryMax) return `说明不能超过 ${limits.summaryMax} 个字`;
  return '';
}

/** Selected ids, in the order the comments are listed. */
export function selectedIds(comments: readonly { id: string }[], selected: Record<string, boolean>): string[] {
  return comments.filter((c) => selected[c.id]).map((c) => c.id);
}
