// Which stored policies a list shows, from who asks and the status they filter by. The stored status knows no
// 'expired': a published policy is expired once its expiry instant has passed, so the filters compare expiresKey with
// now, the same comparison effectiveStatus() makes when it labels a row. A list and its labels cannot disagree.
import type { PolicyStatus } from '../../../../../typings/api';
import type { StoredPolicyStatus } from './policy';

export interface PolicyFilter {
  status?: StoredPolicyStatus;
  /** expiresKey compared with now: 'gt' still in force, 'lte' expired. */
  expires?: 'gt' | 'lte';
  categoryId?: string;
}

/**
 * Citizens: the library is what was published, expired policies included (marked); repealed ones on request.
 * Editors: everything unless they filter.
 */
export function policyFilter(staff: boolean, status: PolicyStatus | 'all' | undefined, categoryId: string | undefined): PolicyFilter {
  const f: PolicyFilter = {};
  switch (status) {
    case undefined:
    case 'all':
      if (!staff) f.status = 'published';
      break;
    case 'published':
      f.status = 'published';
      f.expires = 'gt';
      break;
    case 'expired':
      f.status = 'published';
      f.expires = 'lte';
      break;
    default:
      f.status = status;
  }
  if (categoryId) f.categoryId = categoryId;
  return f;
}
