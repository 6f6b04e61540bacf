// The Chinese words the pages show for case vocabulary. They come from the server so every page, message and
// export says the same thing.
import type { ActorRole, CaseEventKind, QueueFilterCounts, RejectReason } from '../../../../typings/api';
import type { CaseStatus, CaseType, Role } from '../../../../typings/domain';

export const STATUS_LABELS: Record<CaseStatus, string> = {
  submitted: '待受理',
  accepted: '已受理',
  processing: '办理中',
  needs_info: '待补充',
  replied: '已答复',
  closed: '已办结',
  rejected: '不予受理',
  withdrawn: '已撤回',
};

export const TYPE_LABELS: Record<CaseType, string> = {
  inquiry: '咨询',
  help: '求助',
  complaint: '投诉',
  suggestion: '建议',
};

export const EVENT_LABELS: Record<CaseEventKind, string> = {
  submitted: '提交诉求',
  accepted: '已受理',
  rejected: '不予受理',
  assigned: '分派承办单位',
  reassigned: '改派承办单位',
  info_requested: '请您补充材料',
  supplemented: '已补充材料',
  reply_submitted: '答复待审核',
  reply_returned: '答复退回修改',
  replied: '已答复',
  rated: '评价',
  reopened: '重新办理',
  closed: '已办结',
  withdrawn: '已撤回',
  note: '内部备注',
  extension_requested: '申请延期',
  extension_approved: '延期已批准',
  extension_rejected: '延期未批准',
  escalated: '督办',
  overdue: '已超期',
  publishable_set: '公开设置',
  content_cleared: '内容审核通过',
  reminded: '到期提醒',
  purged: '个人信息已删除',
  cosign_threshold: '附议人数达到回应标准',
  cosign_responded: '已回应附议',
};

export const ACTOR_LABELS: Record<ActorRole, string> = {
  citizen: '市民',
  dispatcher: '受理中心',
  handler: '承办单位',
  supervisor: '督办',
  editor: '政策编辑',
  admin: '管理员',
  system: '系统',
};

export const REJECT_REASON_LABELS: Record<RejectReason, string> = {
  out_of_scope: '不属于本单位受理范围',
  duplicate: '重复提交，已在其他工单中办理',
  insufficient_info: '诉求内容不清楚，无法办理',
  other_channel: '已通过诉讼、仲裁、行政复议或信访等法定途径处理',
  not_government: '不属于政府职能范围',
  other: '其他原因',
};

export const REJECT_REASONS = Object.keys(REJECT_REASON_LABELS) as [RejectReason, ...RejectReason[]];

/** 5 = 非常满意 … 1 = 非常不满意 (政务服务 "好差评"). */
export const SCORE_LABELS: Record<1 | 2 | 3 | 4 | 5, string> = {
  5: '非常满意',
  4: '满意',
  3: '基本满意',
  2: '不满意',
  1: '非常不满意',
};

/** A staff role as the person holding it is called (the timeline names the unit instead: ACTOR_LABELS). */
export const ROLE_LABELS: Record<Role, string> = {
  dispatcher: '受理员',
  handler: '承办人',
  supervisor: '督办',
  editor: '政策编辑',
  admin: '管理员',
};

/** The staff queue's filters, in the order the chips show them. */
export const QUEUE_FILTER_LABELS: Record<keyof QueueFilterCounts, string> = {
  all: '全部',
  submitted: '待受理',
  accepted: '已受理',
  processing: '办理中',
  needs_info: '待补充',
  replied: '已答复',
  overdue: '已超期',
  dueSoon: '一天内到期',
  awaitingReview: '待审核',
  flagged: '内容待复核',
  cosignAwaiting: '附议待回应',
};
