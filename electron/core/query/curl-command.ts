/** POSIX single-quoting: safe to paste into any sh-compatible shell. */
export const shellQuote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;

const SKIPPED_HEADERS = new Set(['content-length', 'host', 'connection', 'accept-encoding', 'user-agent']);

/** The request as a curl command a colleague can run; header values are used exactly as given. */
export function curlCommand(request: { method: string; url: string; headers: readonly [string, string][]; body: string | null }): string {
  const parts = ['curl'];
  if (request.method !== 'GET') parts.push(`-X ${request.method}`);
  parts.push(shellQuote(request.url));
  for (const [name, value] of request.headers) {
    if (!SKIPPED_HEADERS.has(name.toLowerCase())) parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  }
  if (request.body !== null) parts.push(`--data-raw ${shellQuote(request.body)}`);
  return parts.join(' \\\n  ');
}
