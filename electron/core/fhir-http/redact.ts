export const REDACTED = '[redacted]';

/** Header names whose values are credentials, whatever the connection. */
const ALWAYS_SECRET = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'verification-token',
  'x-api-key',
  'api-key',
  'apikey',
]);

/** Names that suggest a credential (custom API-key headers and the like). */
const LOOKS_SECRET = /(token|secret|passw|api[-_]?key|auth|session|signature)/i;

/**
 * Header pairs safe to show and keep: any value that is or may be a credential is replaced.
 * `secretNames` adds the connection's own credential headers (e.g. its API-key header name).
 */
export function redactHeaders(
  headers: Iterable<readonly [string, string]>,
  secretNames: readonly string[] = [],
): [string, string][] {
  const extra = new Set(secretNames.map((n) => n.toLowerCase()));
  const out: [string, string][] = [];
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    const secret = ALWAYS_SECRET.has(lower) || extra.has(lower) || LOOKS_SECRET.test(lower);
    out.push([name, secret ? REDACTED : value]);
  }
  return out;
}

/** Strips credentials a URL might carry (userinfo); query strings are kept: they are the search. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.username || u.password) {
      u.username = '';
      u.password = '';
    }
    return u.toString();
  } catch {
    return url;
  }
}
