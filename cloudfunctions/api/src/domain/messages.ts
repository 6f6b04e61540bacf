// What the message centre shows for a stored message: its kind in words (the server's vocabulary).
import type { MessageItem, MessageKind } from '../../../../typings/api';
import type { MessageDoc } from '../repositories/messages';

export const MESSAGE_KIND_LABELS: Record<MessageKind, string> = {
  case_status: '办理进度',
  rating_reminder: '评价提醒',
  draft_report: '意见采纳',
  cosign_response: '附议回应',
  announcement: '通知公告',
};

export function toMessageItem(doc: Pick<MessageDoc, '_id' | 'kind' | 'title' | 'text' | 'at' | 'read' | 'subject'>): MessageItem {
  return { id: doc._id, kind: doc.kind, kindLabel: MESSAGE_KIND_LABELS[doc.kind], title: doc.title, text: doc.text, at: doc.at, read: doc.read, subject: { ...doc.subject } };
}
