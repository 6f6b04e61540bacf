// Ids for documents the function creates with set(): random like the cloud's own, or, for a create the client may
// retry, derived from the caller and their request id so the retry finds the first attempt's document.
import { createHash, randomBytes } from 'crypto';

export function newId(): string {
  return randomBytes(16).toString('hex');
}

export function idForRequest(kind: string, openid: string, clientRequestId: string): string {
  return createHash('sha256').update(`${kind}:${openid}:${clientRequestId}`).digest('hex').slice(0, 32);
}
