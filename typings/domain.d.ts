// The vocabulary both ends share. Types only: no runtime code crosses between the mini program and the cloud.

export type Role = 'dispatcher' | 'handler' | 'supervisor' | 'editor' | 'admin';

export type CaseType = 'inquiry' | 'help' | 'complaint' | 'suggestion';

export type CaseStatus =
  | 'submitted'
  | 'accepted'
  | 'processing'
  | 'needs_info'
  | 'replied'
  | 'closed'
  | 'rejected'
  | 'withdrawn';

/** An instant as an ISO 8601 string in UTC; the mini program shows it in Asia/Shanghai. */
export type Instant = string;

export interface Department {
  id: string;
  name: string;
  /** How a citizen reaches the department in person (admin-edited; each optional). */
  phone?: string;
  address?: string;
  /** Office hours as people write them: "工作日 9:00-12:00，13:30-17:30". */
  hours?: string;
  /** Where the office is, for wx.openLocation (GCJ-02, as WeChat's maps use). */
  location?: { latitude: number; longitude: number };
}

export interface Category {
  id: string;
  name: string;
  /**
   * The department a new case of this category is routed to by default; absent for "其他/不确定": the dispatcher
   * routes such a case by hand.
   */
  departmentId?: string;
  /** The case types a citizen may choose with this category. */
  types: CaseType[];
  /** Words in a title that suggest this category on the submit form (admin-edited). */
  keywords?: string[];
}

export interface CaseTypeInfo {
  key: CaseType;
  label: string;
  /** Working days from acceptance to the promised answer. */
  answerDays: number;
}

export interface Limits {
  titleMax: number;
  contentMax: number;
  imagesMax: number;
  submissionsPerDay: number;
  listPageMax: number;
}
