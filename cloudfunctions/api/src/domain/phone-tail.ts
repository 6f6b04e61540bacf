// The check behind progress lookup by tracking number: the last 4 digits of the phone given at submit, kept on the
// case only as a keyed hash (the case id is the key), so no new clear copy of the phone exists. Cases from before
// the hash existed are checked against their contact phone. docs/adr/0086-progress-lookup.md.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The last 4 digits of a phone as written (spaces, dashes, +86 ignored); null when it has fewer digits. */
export function phoneTail(phone: string): string | null {
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 4 ? digits.slice(-4) : null;
}

export function phoneTailHash(caseId: string, tail: string): string {
  return createHmac('sha256', `minsheng-lookup|${caseId}`).update(tail).digest('hex');
}

/** Whether `tail` is the last 4 digits of the case's phone; false for a case without one. */
export function matchesPhoneTail(doc: { _id: string; phoneTailHash?: string; contactPhone?: string }, tail: string): boolean {
  const stored = doc.phoneTailHash ?? (doc.contactPhone ? phoneTailOf(doc._id, doc.contactPhone) : undefined);
  if (!stored) return false;
  const given = Buffer.from(phoneTailHash(doc._id, tail), 'hex');
  const want = Buffer.from(stored, 'hex');
  return given.length === want.length && timingSafeEqual(given, want);
}

function phoneTailOf(caseId: string, phone: string): string | undefined {
  const tail = phoneTail(phone);
  return tail ? phoneTailHash(caseId, tail) : undefined;
}
