// The words the audit page shows for its subjects and kinds (the server's vocabulary, like case-labels.ts).
import type { AuditSubject } from '../../../../typings/api';
import type { AuditKind } from '../repositories/audit';

export const AUDIT_SUBJECT_LABELS: Record<AuditSubject, string> = {
  policy: '政策',
  draft: '意见征集',
  comment: '意见',
  staff: '工作人员',
  invite: '邀请码',
  settings: '系统设置',
  department: '承办单位',
  category: '诉求分类',
  guide: '办事指南',
  hot_question: '常见问题',
  survey: '民意调查',
  export: '数据导出',
  announcement: '通知公告',
};

export const AUDIT_KIND_LABELS: Record<AuditKind, string> = {
  created: '新建',
  edited: '修改',
  published: '发布',
  unpublished: '撤回发布',
  repealed: '废止',
  commented: '提交意见',
  approved: '审核通过',
  hidden: '不予公开',
  decided: '采纳情况',
  reported: '发布采纳报告',
  results_published: '公布调查结果',
  answered: '提交答卷',
  answer_changed: '修改答卷',
  invited: '生成邀请码',
  bound: '绑定工作人员',
  staff_updated: '修改工作人员',
  settings_updated: '修改设置',
  saved: '保存',
  // Survey results (subject survey) and exports with personal data (subject export): the subject says which.
  exported: '导出数据',
  downloaded: '下载导出文件',
};
