// Co-signing 附议: citizens back a published suggestion; at the threshold in settings the agency owes a public
// response, which every co-signer is told of. docs/adr/0085-cosigning.md.
import type { Instant } from '../domain';
import type { CaseView } from './cases';

export interface CosignResponse {
  content: string;
  at: Instant;
  departmentName?: string;
}

/** What a public letter says about its co-signs (on PublicLetter / PublicLetterDetail). */
export interface LetterCosign {
  /** Only published suggestions can be co-signed. */
  cosignable: boolean;
  cosignCount: number;
}

/** The staff's view of a case's co-signs (CaseView.cosign), present once its letter has been co-signed. */
export interface CaseCosign {
  count: number;
  threshold: number;
  /** The threshold was reached and no response is published yet. */
  awaitingResponse: boolean;
  /** When the threshold was reached. */
  reachedAt?: Instant;
  response?: CosignResponse;
  /** Whether the caller may publish the response now (a supervisor, or a handler of the case's department). */
  canRespond: boolean;
}

export interface CosignActions {
  /**
   * Co-signs a published suggestion, once per citizen: a repeat (a retry, a double tap) answers the same count.
   * `subscribed`: subscribe-message template ids the citizen accepted, to be told of the agency's response.
   */
  'case.cosign': { req: { id: string; subscribed?: string[] }; res: { cosigned: true; cosignCount: number } };
  /** A supervisor or the case's handler publishes the agency's response to a suggestion that reached the threshold. */
  'case.respondCosign': { req: { id: string; version: number; content: string }; res: CaseView };
}
