import type { QueueItem, TimelineEntry } from '../../../typings/api';
import { caseCard, dueView, queueCard, statusColor, STATUS_COLORS, timelineView } from '../../../miniprogram/utils/case';

const NOW = Date.parse('2026-11-25T06:00:00Z');

function contrast(hex: string): number {
  const lum = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const l = 0.2126 * lum(r) + 0.7152 * lum(g) + 0.0722 * lum(b);
  return 1.05 / (l + 0.05);
}

test('every status colour carries white text at a contrast of at least 4.5', () => {
  for (const color of Object.values(STATUS_COLORS)) expect(contrast(color)).toBeGreaterThanOrEqual(4.5);
  expect(statusColor('nonsense')).toBe('#5f6368');
});

describe('dueView', () => {
  const base = { acceptDueAt: '2026-11-26T10:00:00Z', answerDueAt: '2026-12-01T10:00:00Z', late: false, dueText: '承诺 12月1日 前答复' };

  test('a new case counts down to acceptance', () => {
    const v = dueView({ ...base, status: 'submitted' }, NOW);
    expect(v).toMatchObject({ show: true, label: '受理期限', date: '11月26日 18:00', countdown: '还剩 1 天 4 小时', late: false });
  });

  test('an accepted case counts down to the answer, and the server late flag wins', () => {
    expect(dueView({ ...base, status: 'processing' }, NOW)).toMatchObject({ label: '答复期限', date: '12月1日 18:00', late: false });
    expect(dueView({ ...base, status: 'processing', late: true }, NOW).late).toBe(true);
    expect(dueView({ ...base, status: 'processing' }, Date.parse('2026-12-02T10:00:00Z'))).toMatchObject({ late: true, countdown: '已超期 1 天' });
  });

  test('once the server says the case is late, its working-day figure is the only one (no calendar countdown beside it)', () => {
    const late = { ...base, status: 'processing' as const, late: true, dueText: '已超期 3 个工作日' };
    const v = dueView(late, Date.parse('2026-12-05T14:00:00Z'));
    expect(v).toMatchObject({ show: true, late: true, countdown: '', text: '已超期 3 个工作日' });
    // Without the server's sentence the countdown is all there is, and stays.
    expect(dueView({ ...late, dueText: '' }, Date.parse('2026-12-05T14:00:00Z')).countdown).toBe('已超期 4 天 4 小时');
  });

  test('waiting for the citizen pauses the clock; answered cases have no deadline to show', () => {
    expect(dueView({ ...base, status: 'needs_info', dueText: '' }, NOW)).toMatchObject({ show: true, paused: true, countdown: '', text: '等待补充材料，期限暂停计算' });
    expect(dueView({ ...base, status: 'replied' }, NOW).show).toBe(false);
    expect(dueView({ ...base, status: 'closed' }, NOW).show).toBe(false);
  });
});

test('timeline entries carry role and department, never more, and mark internal ones', () => {
  const entries: TimelineEntry[] = [
    { id: 'e1', at: '2026-11-25T01:00:00Z', kind: 'submitted', kindLabel: '已提交', actor: { role: 'citizen', roleLabel: '市民' }, visibility: 'citizen' },
    {
      id: 'e2',
      at: '2026-11-25T02:00:00Z',
      kind: 'note',
      kindLabel: '内部备注',
      note: '已电话联系物业',
      actor: { role: 'handler', roleLabel: '承办人', departmentId: 'd', departmentName: '住房和城乡建设局' },
      visibility: 'internal',
    },
  ];
  expect(timelineView(entries, NOW)).toEqual([
    { id: 'e1', time: '11月25日 09:00', title: '已提交', actor: '市民', note: '', internal: false },
    { id: 'e2', time: '11月25日 10:00', title: '内部备注', actor: '承办人 · 住房和城乡建设局', note: '已电话联系物业', internal: true },
  ]);
});

test('queue cards spell out what needs attention', () => {
  const item: QueueItem = {
    id: 'c1',
    trackingNo: 'MS20261125-0001',
    type: 'complaint',
    typeLabel: '投诉',
    title: '楼道灯坏了',
    status: 'processing',
    statusLabel: '办理中',
    submittedAt: '2026-11-25T01:00:00Z',
    dueText: '已超期 1 个工作日',
    late: false,
    categoryName: '物业管理',
    acceptDueAt: '2026-11-26T01:00:00Z',
    overdue: true,
    dueSoon: true,
    flagged: true,
    escalated: false,
    awaitingReview: true,
    extensionPending: false,
  };
  const card = queueCard(item, NOW);
  expect(card.flags).toEqual(['已超期', '答复待审核', '内容待复核']);
  expect(card.late).toBe(true);
  expect(card.department).toBe('未分派');
  expect(caseCard(item, NOW)).not.toHaveProperty('categoryName');
  expect(queueCard({ ...item, overdue: false }, NOW).flags[0]).toBe('一天内到期');
});
