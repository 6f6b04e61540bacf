// Progress lookup 进度查询: a tracking number and the last 4 digits of the phone given at submit answer where a case
// stands (for a relative's case, or from a paper receipt), and nothing personal. docs/adr/0086-progress-lookup.md.
import type { CaseStatus, Instant } from '../domain';

export interface LookupResult {
  trackingNo: string;
  status: CaseStatus;
  statusLabel: string;
  submittedAt: Instant;
  /** The promised dates: acceptance, and the answer once accepted. */
  acceptDueAt: Instant;
  answerDueAt?: Instant;
  /** "承诺 11月30日 前答复" / "已超期 2 个工作日". */
  dueText: string;
  departmentName?: string;
}

export interface LookupActions {
  /**
   * Any WeChat user. A wrong pair (unknown number, wrong digits, a case without a phone) answers NOT_FOUND, all alike;
   * repeated failures are RATE_LIMITED per caller and per tracking number for the day.
   */
  'case.lookup': { req: { trackingNo: string; phoneLast4: string }; res: LookupResult };
}
