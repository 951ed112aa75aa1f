import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'switchboard_token';

export const newAccessToken = (): string => randomBytes(24).toString('base64url');

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

/** The token a request carries: `Authorization: Bearer …`, else the cookie set by the console URL. */
export function requestToken(req: IncomingMessage): string | null {
  const auth = req.headers.authorization;
  const bearer = auth ? /^Bearer\s+(\S+)$/i.exec(auth)?.[1] : undefined;
  return bearer ?? cookieValue(req.headers.cookie, TOKEN_COOKIE);
}

export function tokensEqual(expected: string, candidate: string | null): boolean {
  if (candidate === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(candidate);
  return a.length === b.length && timingSafeEqual(a, b);
}
