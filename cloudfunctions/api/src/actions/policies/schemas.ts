// Payload schemas of the policy and draft actions. meta.get serves LIMITS (formLimits.policy) to the editors' forms.
import * as z from 'zod';
import { bool, id, instant, int, oneOf, pageFields, text, version } from '../../lib/schema';

export const LIMITS = {
  titleMax: 100,
  docNoMax: 50,
  issuerMax: 50,
  paragraphsMax: 500,
  paragraphMax: 5000,
  explanationMax: 5000,
  keyPointsMax: 30,
  keyPointMax: 500,
  faqMax: 30,
  questionMax: 200,
  answerMax: 3000,
  attachmentsMax: 10,
  relatedMax: 20,
  reasonMax: 200,
  keywordMax: 50,
  summaryMax: 5000,
  decideMax: 100,
  /** A citizen's comment on a draft. */
  commentMin: 5,
  commentMax: 1000,
  /** The reason given with an adoption decision (采纳情况). */
  decideReasonMax: 500,
} as const;

/** A calendar date; whether it is a real one, and the dates' order, are domain rules (checkPolicyDates). */
export const day = (label: string) => z.string({ error: `${label}应为日期` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 2026-01-31`);

/** A client-made id that makes a retried create return the first result instead of a second record. */
export const clientRequestId = () =>
  z.string({ error: '请求编号格式不正确' }).regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确');

export const paragraphs = () =>
  z
    .array(text('正文段落', LIMITS.paragraphMax, { multiline: true }), { error: '正文应为段落列表' })
    .min(1, '正文至少需要一段')
    .max(LIMITS.paragraphsMax, `正文不能超过 ${LIMITS.paragraphsMax} 段`);

export const explanation = () =>
  z.strictObject(
    {
      background: text('背景', LIMITS.explanationMax, { multiline: true }).optional(),
      keyPoints: z.array(text('要点', LIMITS.keyPointMax, { multiline: true })).max(LIMITS.keyPointsMax, `要点不能超过 ${LIMITS.keyPointsMax} 条`).optional(),
      changes: text('修订说明', LIMITS.explanationMax, { multiline: true }).optional(),
      faq: z
        .array(z.strictObject({ q: text('问题', LIMITS.questionMax), a: text('回答', LIMITS.answerMax, { multiline: true }) }))
        .max(LIMITS.faqMax, `问答不能超过 ${LIMITS.faqMax} 条`)
        .optional(),
    },
    { error: '政策解读格式不正确' },
  );

export const attachment = z.strictObject({
  fileID: z.string({ error: '附件应为云存储文件' }).max(512, '附件文件编号过长').regex(/^cloud:\/\//, '附件应为云存储文件'),
  name: text('附件名称', 100),
  size: int('附件大小', 0, 200 * 1024 * 1024).optional(),
});

export const policySaveSchema = z.strictObject({
  id: id('政策').optional(),
  /** 修订说明: an edit of a published policy may say what changed; it becomes the next version's note. */
  note: text('修订说明', LIMITS.reasonMax).optional(),
  version: version().optional(),
  clientRequestId: clientRequestId().optional(),
  title: text('标题', LIMITS.titleMax),
  docNo: text('文号', LIMITS.docNoMax).optional(),
  issuer: text('发布机关', LIMITS.issuerMax),
  categoryId: id('政策类别'),
  issuedAt: day('成文日期').optional(),
  effectiveFrom: day('施行日期').optional(),
  expiresAt: day('失效日期').optional(),
  paragraphs: paragraphs(),
  explanation: explanation().optional(),
  attachments: z.array(attachment).max(LIMITS.attachmentsMax, `附件不能超过 ${LIMITS.attachmentsMax} 个`).optional(),
  relatedIds: z.array(id('相关政策')).max(LIMITS.relatedMax, `相关政策不能超过 ${LIMITS.relatedMax} 个`).optional(),
});

export const policyListSchema = z.strictObject({
  keyword: text('关键词', LIMITS.keywordMax).optional(),
  categoryId: id('政策类别').optional(),
  status: oneOf('状态', ['draft', 'published', 'expired', 'repealed', 'all']).optional(),
  favorites: bool('只看收藏').optional(),
  ...pageFields,
});

export const policyGetSchema = z.strictObject({ id: id('政策'), version: int('版本', 1, 100000).optional() });

export const policyPublishSchema = z.strictObject({ id: id('政策'), version: version(), note: text('更新说明', LIMITS.reasonMax, { multiline: true }).optional() });

export const policyUnpublishSchema = z.strictObject({
  id: id('政策'),
  version: version(),
  reason: text('原因', LIMITS.reasonMax, { multiline: true }),
  repeal: bool('是否废止').optional(),
});

export const policyFavoriteSchema = z.strictObject({ id: id('政策'), favorited: bool('收藏状态').optional() });

// ---- drafts -----------------------------------------------------------------------------------------------

export const draftSaveSchema = z.strictObject({
  id: id('意见征集').optional(),
  version: version().optional(),
  clientRequestId: clientRequestId().optional(),
  title: text('标题', LIMITS.titleMax),
  paragraphs: paragraphs(),
  explanation: explanation().optional(),
  opensAt: instant('开始时间'),
  closesAt: instant('截止时间'),
  normative: bool('是否规范性文件').optional(),
  policyId: id('关联政策').optional(),
});

export const draftListSchema = z.strictObject({
  status: oneOf('状态', ['scheduled', 'open', 'closed', 'reported', 'all']).optional(),
  withSurveys: bool('是否附带民意调查').optional(),
  ...pageFields,
});

export const draftGetSchema = z.strictObject({ id: id('意见征集') });

export const draftCommentsSchema = z.strictObject({ id: id('意见征集'), ...pageFields });

export const draftCommentSchema = z.strictObject({
  id: id('意见征集'),
  paragraphIndex: int('段落', -1, LIMITS.paragraphsMax - 1).optional(),
  content: text('意见', LIMITS.commentMax, { min: LIMITS.commentMin, multiline: true }),
  clientRequestId: clientRequestId().optional(),
});

export const moderationQueueSchema = z.strictObject({ draftId: id('意见征集').optional(), ...pageFields });

export const draftModerateSchema = z
  .strictObject({
    commentId: id('意见'),
    decision: oneOf('审核结果', ['approve', 'hide']),
    reason: text('不公开的原因', LIMITS.reasonMax, { multiline: true }).optional(),
  })
  .refine((v) => v.decision !== 'hide' || v.reason !== undefined, { message: '请填写不公开的原因', path: ['reason'] });

export const draftDecideSchema = z.strictObject({
  commentIds: z
    .array(id('意见'), { error: '请选择意见' })
    .min(1, '请至少选择一条意见')
    .max(LIMITS.decideMax, `一次最多处理 ${LIMITS.decideMax} 条意见`),
  decision: oneOf('采纳情况', ['adopted', 'partly', 'not_adopted']),
  reason: text('理由', LIMITS.decideReasonMax, { multiline: true }),
});

export const draftPublishReportSchema = z.strictObject({ id: id('意见征集'), version: version(), summary: text('总体情况说明', LIMITS.summaryMax, { multiline: true }) });
