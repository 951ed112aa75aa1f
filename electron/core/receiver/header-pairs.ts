/** Headers whose values are credentials: kept by name, never by value. */
const CREDENTIAL_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'verification-token',
  'cookie',
  'x-api-key',
]);

export const REDACTED = '[redacted]';

/** Node's rawHeaders (name, value, name, value…) as pairs, in order and original case, credentials redacted. */
export function headerPairs(rawHeaders: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] ?? '';
    const value = rawHeaders[i + 1] ?? '';
    pairs.push([name, CREDENTIAL_HEADERS.has(name.toLowerCase()) ? REDACTED : value]);
  }
  return pairs;
}
