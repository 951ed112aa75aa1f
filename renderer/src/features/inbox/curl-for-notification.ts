import type { NotificationDetail } from '../../../../shared/contract';

const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
const SKIPPED = new Set(['host', 'content-length', 'connection', 'accept-encoding']);

/** The notification as a curl command that POSTs it again to `url` (credentials were never stored). */
export function curlForNotification(n: NotificationDetail, url: string): string {
  const parts = ['curl', '-X POST', quote(url)];
  for (const [name, value] of n.headers) {
    if (!SKIPPED.has(name.toLowerCase()) && value !== '[redacted]') parts.push(`-H ${quote(`${name}: ${value}`)}`);
  }
  parts.push(n.bodyEncoding === 'utf8' ? `--data-binary ${quote(n.body)}` : `--data-binary @body.bin  # base64 body: ${n.body.slice(0, 40)}…`);
  return parts.join(' \\\n  ');
}
