// Which failed reads are dead ends (shown with the dead-end component) rather than a reload screen: the thing is not
// there or not for this caller (NOT_FOUND), or the link's id is malformed (INVALID_ARGUMENT). A retry can only fix
// the others (the network, INTERNAL).
import { ApiCallError } from '../services/api';

export function isDeadEnd(error: unknown): boolean {
  return error instanceof ApiCallError && (error.code === 'NOT_FOUND' || error.code === 'INVALID_ARGUMENT');
}
