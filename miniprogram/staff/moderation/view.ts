// The moderation queue's rows and the reasons an editor can pick for not publishing a comment. Pure, unit-tested.
import type { ModerationItem } from '../../../typings/api';
import { whereText } from '../../utils/draft-view';
import { formatFullDateTime } from '../../utils/time';

/** Common reasons, one tap each; the editor may also write their own. The commenter reads the reason. */
export const HIDE_REASONS = ['与本草案无关', '含有不文明用语', '含有个人隐私信息', '广告或重复内容'] as const;

export type ModerationState = '' | 'approved' | 'hidden';

export interface ModerationRow {
  commentId: string;
  draftId: string;
  draftTitle: string;
  where: string;
  content: string;
  atText: string;
  flagged: boolean;
  state: ModerationState;
  /** What happened to it, in words, once moderated. */
  stateText: string;
  ariaLabel: string;
}

export function moderationRow(item: ModerationItem): ModerationRow {
  const where = whereText(item.paragraphIndex);
  return {
    commentId: item.commentId,
    draftId: item.draftId,
    draftTitle: item.draftTitle,
    where,
    content: item.content,
    atText: formatFullDateTime(item.at),
    flagged: item.flagged,
    state: '',
    stateText: '',
    ariaLabel: `${item.flagged ? '内容检查提示需人工复核。' : ''}《${item.draftTitle}》${where}的意见：${item.content}`,
  };
}

export function stateText(state: ModerationState, reason = ''): string {
  if (state === 'approved') return '已通过，已公开';
  if (state === 'hidden') return reason ? `未公开：${reason}` : '未公开';
  return '';
}

/** `max`: the server's (meta.get formLimits.policy.reasonMax). */
export function checkHideReason(reason: string, max: number): string {
  const n = Array.from(reason.trim()).length;
  if (!n) return '请选择或填写不公开的原因';
  if (n > max) return `原因不能超过 ${max} 个字`;
  return '';
}
