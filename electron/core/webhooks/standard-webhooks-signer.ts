import { createHmac, randomUUID } from 'node:crypto';

/** The key bytes of a `whsec_<base64>` secret (Standard Webhooks v1). */
export function secretBytes(secret: string): Buffer {
  return Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
}

/** `v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`, computed over the exact body bytes. */
export function standardWebhookSignature(secret: string, id: string, timestampSeconds: number, body: Uint8Array): string {
  const mac = createHmac('sha256', secretBytes(secret));
  mac.update(`${id}.${timestampSeconds}.`);
  mac.update(body);
  return `v1,${mac.digest('base64')}`;
}

/** Fresh signing headers for one delivery attempt. */
export function standardWebhookHeaders(secret: string, body: Uint8Array, nowMs: number, id = `msg_${randomUUID()}`): [string, string][] {
  const timestamp = Math.floor(nowMs / 1000);
  return [
    ['webhook-id', id],
    ['webhook-timestamp', String(timestamp)],
    ['webhook-signature', standardWebhookSignature(secret, id, timestamp, body)],
  ];
}
