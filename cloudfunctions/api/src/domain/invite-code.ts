// Invite codes: "ABCDE-FGHJK-MNPQR". The first group names the invite (its document id), the other two are the secret,
// stored only as sha256(salt + secret) with a salt per invite, so a database reader cannot bind with a stored code.
// The alphabet has no I, L, O or U, so a code read aloud or retyped from a chat is not mistaken.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUP = 5;

function randomGroup(): string {
  let s = '';
  for (let i = 0; i < GROUP; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

export interface NewInviteCode {
  code: string;
  inviteId: string;
  salt: string;
  hash: string;
}

export function hashSecret(salt: string, secret: string): string {
  return createHash('sha256').update(`${salt}:${secret}`).digest('hex');
}

export function newInviteCode(): NewInviteCode {
  const inviteId = randomGroup();
  const secret = randomGroup() + randomGroup();
  const salt = randomBytes(16).toString('hex');
  return { code: `${inviteId}-${secret.slice(0, GROUP)}-${secret.slice(GROUP)}`, inviteId, salt, hash: hashSecret(salt, secret) };
}

/** Spaces, dashes and case do not matter; null when the input cannot be a code at all. */
export function parseInviteCode(input: string): { inviteId: string; secret: string } | null {
  const s = input.toUpperCase().replace(/[\s-]/g, '');
  if (s.length !== GROUP * 3 || [...s].some((c) => !ALPHABET.includes(c))) return null;
  return { inviteId: s.slice(0, GROUP), secret: s.slice(GROUP) };
}

export function secretMatches(salt: string, secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(salt, secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
