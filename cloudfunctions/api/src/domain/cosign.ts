// Co-signing 附议, the rules: which letters can be co-signed, when the threshold is reached, who may respond, and the
// id that makes one citizen's co-sign of one letter a single document. Pure. docs/adr/0085-cosigning.md.
import { createHash } from 'node:crypto';
import type { CaseType } from '../../../../typings/domain';
import type { CaseActor } from './case-machine';

/** Only suggestions: a complaint or a help request is one person's matter, an inquiry is answered by its reply. */
export const COSIGNABLE_TYPES: readonly CaseType[] = ['suggestion'];

export const DEFAULT_COSIGN_THRESHOLD = 100;
export const DEFAULT_COSIGNS_PER_DAY = 30;

export interface CosignResponseDoc {
  content: string;
  at: string;
  departmentId?: string;
}

/** On the case, from the moment its letter reached the threshold. */
export interface CaseCosignDoc {
  reachedAt: string;
  /** The count and threshold when it was reached. */
  count: number;
  threshold: number;
  response?: CosignResponseDoc;
}

/** One citizen's co-sign of one letter (collection `cosigns`): written once, never edited; the record of the act. */
export interface CosignDoc {
  _id: string;
  letterId: string;
  openid: string;
  at: string;
  /** `${at}|${_id}`: the order co-signers are paged in when the response is sent to them. */
  key: string;
}

export function isCosignable(letter: { type: CaseType; visible: boolean }): boolean {
  return letter.visible && COSIGNABLE_TYPES.includes(letter.type);
}

/**
 * Deterministic, so twenty concurrent taps by one citizen write one document. The OPENID is hashed so ids (which
 * appear in logs and exports) do not carry it.
 */
export function cosignId(letterId: string, openid: string): string {
  return `${letterId}_${createHash('sha256').update(openid).digest('hex').slice(0, 24)}`;
}

/** The threshold counts once: a case already flagged (or answered) is not flagged again. */
export function reachesThreshold(count: number, threshold: number, existing: CaseCosignDoc | undefined): boolean {
  return !existing && count >= threshold;
}

/** The response is the agency's: the supervisor, or a handler of the department that holds the case. */
export function mayRespond(actors: readonly CaseActor[]): CaseActor | null {
  return actors.find((a) => a === 'handler' || a === 'supervisor') ?? null;
}
