/** POSIX single-quoting: safe to paste into any sh-compatible shell. */
export const shellQuote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;

const REDACTED = '[redacted]';

const SKIPPED_HEADERS = new Set(['content-length', 'host', 'connection', 'accept-encoding', 'user-agent']);

/** `Authorization` → `FHIR_AUTHORIZATION`: the shell variable a redacted header is read from. */
export const credentialVariable = (headerName: string): string => `FHIR_${headerName.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;

/**
 * The request as a curl command a colleague can run. A redacted credential stays `[redacted]`, or
 * with `credentialsFromEnv` becomes a shell variable (`"Authorization: $FHIR_AUTHORIZATION"`): the
 * secret itself never leaves the core, yet the command runs once the variable is exported.
 */
export function curlCommand(
  request: { method: string; url: string; headers: readonly [string, string][]; body: string | null },
  options: { credentialsFromEnv?: boolean } = {},
): string {
  const parts = ['curl'];
  if (request.method !== 'GET') parts.push(`-X ${request.method}`);
  parts.push(shellQuote(request.url));
  for (const [name, value] of request.headers) {
    if (SKIPPED_HEADERS.has(name.toLowerCase())) continue;
    if (options.credentialsFromEnv && value === REDACTED) parts.push(`-H "${name}: $${credentialVariable(name)}"`);
    else parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  }
  if (request.body !== null) parts.push(`--data-raw ${shellQuote(request.body)}`);
  return parts.join(' \\\n  ');
}
