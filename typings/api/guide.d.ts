// The service guide (办事指南): items (事项) a citizen reads before going anywhere (can I apply, what do I bring, where
// and when), maintained by editors with versions like policies; and the hot questions (常见问题) of the home page,
// answered public letters an editor pins. docs/adr/0111-service-guide.md.
import type { LabelOption, Page, PageRequest } from '../api';
import type { Instant } from '../domain';

export type GuideStatus = 'draft' | 'published' | 'withdrawn';

/** The guide's own topics (a citizen's life events), not the case categories a complaint is routed by. */
export type GuideCategory = 'identity' | 'social' | 'housing' | 'transport' | 'family' | 'assistance' | 'business' | 'health';

export interface GuideMaterial {
  name: string;
  /** 原件 / 复印件 / 电子件 ... */
  form: string;
  copies: number;
  required: boolean;
  /** Where it comes from (申请人自备, 公安机关 ...). */
  source?: string;
  note?: string;
}

export interface GuideOffice {
  name: string;
  address: string;
  hours: string;
  phone: string;
  latitude: number;
  longitude: number;
}

export interface GuideFaq {
  q: string;
  a: string;
}

export interface GuideItemInput {
  /** 事项名称. */
  name: string;
  /** 事项编码, where the province assigns one. */
  code?: string;
  /** 事项类型: 行政许可, 行政确认, 公共服务 ... */
  itemType: string;
  categoryId: GuideCategory;
  /** 实施主体. */
  authority: string;
  /** 设定依据, highest rank first. */
  basis: string[];
  /** 受理范围 / 服务对象. */
  applicants: string;
  /** 受理条件, numbered; empty when there are none. */
  conditions: string[];
  materials: GuideMaterial[];
  /** 收费: "不收费", or the standard and its basis. */
  fee: string;
  /** 法定时限 in working days. */
  legalDays?: number;
  /** 承诺时限 in working days; 0 is 即办. */
  promisedDays: number;
  /** 到现场次数. */
  visits: number;
  offices: GuideOffice[];
  /** 网上办理: numbered steps. */
  onlineSteps: string[];
  faq: GuideFaq[];
  relatedPolicyIds?: string[];
  /** Words citizens say for the item (换证, 补办): searched like the name. */
  keywords?: string[];
  /** The case category an inquiry about the item is filed under (prefilled on 就此事项咨询). */
  caseCategoryId?: string;
}

export interface GuideItem extends GuideItemInput {
  id: string;
  status: GuideStatus;
  statusLabel: string;
  categoryName: string;
  /** "承诺 5 个工作日（法定 20 个工作日）", "即办". */
  timeLimitText: string;
  /** "最多跑一次", "零跑动". */
  visitsText: string;
  /** The record's write version: send it back with guide.save / publish / withdraw (a stale one gets CONFLICT). */
  version: number;
  relatedPolicies: Array<{ id: string; title: string; docNo?: string }>;
  publishedAt?: Instant;
  updatedAt: Instant;
  /** Published versions, newest first. */
  versions: Array<{ version: number; publishedAt: Instant; note?: string }>;
  withdrawReason?: string;
  /** Editors: unpublished edits after the published version, and their change note. */
  hasDraftChanges?: boolean;
  pendingNote?: string;
}

export interface GuideListItem {
  id: string;
  name: string;
  /** The name with the keyword marked, when searching. */
  nameParts?: Array<{ text: string; hit: boolean }>;
  categoryId: GuideCategory;
  categoryName: string;
  authority: string;
  timeLimitText: string;
  status: GuideStatus;
  statusLabel: string;
}

/** An answered public letter an editor pinned as a 常见问题 of the home page. */
export interface HotQuestion {
  letterId: string;
  title: string;
  /** Smaller first. */
  order: number;
  /** Send it back with guide.pinQuestion to move the question (a stale one gets CONFLICT). */
  version: number;
}


export interface GuideActions {
  'guide.list': { req: PageRequest & { keyword?: string; categoryId?: GuideCategory; status?: GuideStatus | 'all' }; res: Page<GuideListItem> };
  'guide.get': { req: { id: string }; res: GuideItem };
  /** `clientRequestId` (creation only): a retried create answers the item the first attempt made. `note`: the change note of an edit of a published item. */
  'guide.save': { req: GuideItemInput & { id?: string; version?: number; clientRequestId?: string; note?: string }; res: GuideItem };
  'guide.publish': { req: { id: string; version: number; note?: string }; res: GuideItem };
  'guide.withdraw': { req: { id: string; version: number; reason: string }; res: GuideItem };
  /** Pins a public letter as a hot question, or moves a pinned one (`version` of the pin then required). */
  'guide.pinQuestion': { req: { letterId: string; order: number; version?: number }; res: HotQuestion };
  'guide.unpinQuestion': { req: { letterId: string }; res: { unpinned: boolean } };
  /** The home page's one call: open consultations and the hot questions. */
}

export type GuideCategoryOption = LabelOption<GuideCategory>;
