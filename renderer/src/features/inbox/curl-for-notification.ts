import type { NotificationDetail } from '../../../../shared/contract';

/** POSIX shell single quotes: nothing inside is special except the quote itself. */
const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
/** Set by curl itself from what it sends. */
const SKIPPED = new Set(['host', 'content-length', 'connection', 'accept-encoding', 'transfer-encoding']);
/** What the receiver stores instead of a credential's value (header-pairs.ts). */
const REDACTED = '[redacted]';

/**
 * The notification as a curl command (POSIX shell) that POSTs it again to `url`: headers as
 * received, credentials (never stored) as placeholders to fill in, and the body byte for byte:
 * quoted when it is UTF-8 text, else decoded from base64 and piped in.
 */
export function curlForNotification(n: NotificationDetail, url: string): string {
  const parts = [`curl -X POST ${quote(url)}`];
  for (const [name, value] of n.headers) {
    if (SKIPPED.has(name.toLowerCase())) continue;
    parts.push(`-H ${quote(`${name}: ${value === REDACTED ? `<${name.toLowerCase()} was not stored: fill in>` : value}`)}`);
  }
  if (n.bodyEncoding === 'utf8') return [...parts, `--data-binary ${quote(n.body)}`].join(' \\\n  ');
  return `printf %s ${quote(n.body)} | base64 -d | ${[...parts, '--data-binary @-'].join(' \\\n  ')}`;
}

/** Where the notification was received: its own endpoint's address when that still exists. */
export function receivedAtUrl(
  n: Pick<NotificationDetail, 'endpointId' | 'endpointPath'>,
  endpoints: readonly { id: number; url: string | null; isDefault: boolean }[],
): string {
  const own = endpoints.find((e) => e.id === n.endpointId)?.url;
  if (own) return own;
  const someUrl = endpoints.find((e) => e.isDefault)?.url ?? endpoints.find((e) => e.url)?.url;
  if (!someUrl) return `http://127.0.0.1:8787${n.endpointPath}`;
  return new URL(n.endpointPath, someUrl).toString();
}
