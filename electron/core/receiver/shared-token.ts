import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A shared token kept only as a salted SHA-256, so the database never holds it in plain text. */
export interface TokenHash {
  salt: string;
  sha256: string;
}

const digest = (salt: string, token: string): Buffer =>
  createHash('sha256').update(salt, 'utf8').update('\0').update(token, 'utf8').digest();

export function hashToken(token: string): TokenHash {
  const salt = randomBytes(16).toString('base64');
  return { salt, sha256: digest(salt, token).toString('base64') };
}

/** Constant-time: comparing fixed-length digests leaks nothing about where the strings differ. */
export function tokenMatches(hash: TokenHash, candidate: string): boolean {
  const expected = Buffer.from(hash.sha256, 'base64');
  const actual = digest(hash.salt, candidate);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * The tokens a sender presented: Redox sends the `verification-token` header and, in newer docs,
 * the same value as `Authorization: Bearer`.
 */
export function presentedTokens(headers: Record<string, string | string[] | undefined>): string[] {
  const tokens: string[] = [];
  const header = headers['verification-token'];
  if (typeof header === 'string') tokens.push(header);
  else if (Array.isArray(header)) tokens.push(...header);
  const auth = headers.authorization;
  if (typeof auth === 'string') {
    const match = /^Bearer\s+(.+)$/i.exec(auth.trim());
    if (match?.[1]) tokens.push(match[1]);
  }
  return tokens;
}

/** Accept only when at least one token was presented and every presented token matches. */
export function senderIsVerified(hash: TokenHash, tokens: string[]): boolean {
  return tokens.length > 0 && tokens.every((t) => tokenMatches(hash, t));
}
