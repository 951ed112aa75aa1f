import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * Receiving side of Standard Webhooks v1 (reference §2a): HMAC-SHA256 over
 * `{webhook-id}.{webhook-timestamp}.{raw body}` with the key bytes of a `whsec_` secret; the
 * `webhook-signature` header is a space-separated list of `v1,<base64>` (several during a key
 * rotation); the timestamp must be within ±5 minutes; comparison is constant-time.
 */
export const TOLERANCE_SECONDS = 5 * 60;

export function hmacKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
}

export interface SignedHeaders {
  id: string;
  timestamp: number;
  signatures: string[];
}

export type HeaderCheck = { ok: true; signed: SignedHeaders } | { ok: false; reason: string };

const single = (value: string | string[] | undefined): string | null =>
  typeof value === 'string' ? value.trim() : Array.isArray(value) && value.length === 1 ? (value[0] ?? '').trim() : null;

/** The cheap checks, done before reading the body: all three headers present, timestamp fresh. */
export function checkSignedHeaders(headers: IncomingHttpHeaders, nowMs: number, toleranceSeconds = TOLERANCE_SECONDS): HeaderCheck {
  const id = single(headers['webhook-id']);
  const timestamp = single(headers['webhook-timestamp']);
  const signature = single(headers['webhook-signature']);
  if (!id || !timestamp || !signature) return { ok: false, reason: 'Missing webhook-id, webhook-timestamp or webhook-signature.' };
  if (id.length > 256) return { ok: false, reason: 'webhook-id is too long.' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'webhook-timestamp is not a Unix time in seconds.' };
  const seconds = Number(timestamp);
  const skew = seconds - Math.floor(nowMs / 1000);
  if (skew < -toleranceSeconds) return { ok: false, reason: 'webhook-timestamp is too old (more than 5 minutes).' };
  if (skew > toleranceSeconds) return { ok: false, reason: 'webhook-timestamp is in the future (more than 5 minutes).' };
  const signatures = signature.split(' ').filter((s) => s !== '');
  if (signatures.length === 0 || signatures.length > 20) return { ok: false, reason: 'webhook-signature holds no usable signature.' };
  return { ok: true, signed: { id, timestamp: seconds, signatures } };
}

export type SignatureCheck = { ok: true; detail: string } | { ok: false; reason: string };

/**
 * Accepts when any `v1` signature matches any configured key. Every pair is compared (no early
 * exit on the first mismatch), each with timingSafeEqual over equal-length digests.
 */
export function verifySignature(keys: readonly Buffer[], signed: SignedHeaders, body: Uint8Array): SignatureCheck {
  if (keys.length === 0) return { ok: false, reason: 'No signing secret is configured for this endpoint.' };
  const presented = signed.signatures.flatMap((entry) => {
    const comma = entry.indexOf(',');
    if (comma < 0 || entry.slice(0, comma) !== 'v1') return [];
    const bytes = Buffer.from(entry.slice(comma + 1), 'base64');
    return bytes.length === 32 ? [bytes] : [];
  });
  if (presented.length === 0) return { ok: false, reason: 'webhook-signature holds no v1 (HMAC-SHA256) signature.' };
  let matchedKey = -1;
  keys.forEach((key, index) => {
    const expected = createHmac('sha256', key).update(`${signed.id}.${signed.timestamp}.`).update(body).digest();
    for (const candidate of presented) {
      if (timingSafeEqual(expected, candidate) && matchedKey < 0) matchedKey = index;
    }
  });
  if (matchedKey < 0) return { ok: false, reason: 'No webhook-signature matches (wrong secret, or the body or headers were changed).' };
  return { ok: true, detail: `Standard Webhooks v1 signature matched secret ${matchedKey + 1} of ${keys.length}` };
}
