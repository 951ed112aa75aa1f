import { z } from 'zod';
import { MAX_BODY_BYTES_LIMIT, ReceiverPath } from './receiver';

/** How an endpoint checks senders. */
export const endpointAuthTypes = ['none', 'token', 'hmac'] as const;
export const EndpointAuthType = z.enum(endpointAuthTypes);
export type EndpointAuthType = z.infer<typeof EndpointAuthType>;

/** A Standard Webhooks secret: `whsec_` + base64 of 24–64 random bytes. */
export const HmacSecret = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, 'a Standard Webhooks secret is whsec_ followed by base64')
  .refine((s) => {
    const b64 = s.slice('whsec_'.length).replace(/=+$/, '');
    const bytes = Math.floor((b64.length * 3) / 4);
    return bytes >= 24 && bytes <= 64;
  }, 'the secret must hold 24 to 64 bytes');

export const EndpointRetention = z.object({
  /** Delete notifications older than this many days; null keeps them. */
  maxAgeDays: z.number().int().min(1).max(36_500).nullable(),
  /** Keep at most this many notifications (oldest go first); null: no limit. */
  maxCount: z.number().int().min(1).max(1_000_000_000).nullable(),
  /** Keep at most this many body bytes (oldest go first); null: no limit. */
  maxBytes: z.number().int().min(1024).nullable(),
});
export type EndpointRetention = z.infer<typeof EndpointRetention>;

/** One named receiver endpoint: a path on the receiver's port, how it checks senders and answers handshakes. */
export const Endpoint = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  path: z.string(),
  /** Where senders POST, when the receiver is listening. */
  url: z.string().nullable(),
  /** The endpoint `receiver.status`/`receiver.configure` talk about (the one that was `/webhook`); it cannot be deleted. */
  isDefault: z.boolean(),
  enabled: z.boolean(),
  auth: EndpointAuthType,
  /** token: whether one is set, and where (command-line overrides Settings for this run). */
  tokenSource: z.enum(['settings', 'command-line']).nullable(),
  /** hmac: how many secrets are accepted (more than one while rotating). Never returned in clear. */
  hmacSecretCount: z.number().int().nonnegative(),
  /** Redox verification handshake reply: `{"challenge": "…"}` (json) or the bare challenge (raw). */
  challengeResponse: z.enum(['json', 'raw']),
  /** Largest body accepted; null: the receiver's default. */
  maxBodyBytes: z.number().int().positive().nullable(),
  retention: EndpointRetention,
  /** Lightweight notifications arriving here are hydrated from this connection automatically; null: only by hand. */
  autoHydrateConnectionId: z.string().nullable(),
  /** Stored notifications and their body bytes (kept up to date at receipt and by retention). */
  storedCount: z.number().int().nonnegative(),
  storedBytes: z.number().int().nonnegative(),
  /** Requests refused for wrong or missing credentials (kept across restarts). */
  rejectedUnauthorized: z.number().int().nonnegative(),
  /** Repeats of an already-stored `webhook-id`, answered 200 without storing again. */
  duplicates: z.number().int().nonnegative(),
  /** Why this endpoint cannot verify senders right now (e.g. its HMAC secret cannot be decrypted). */
  error: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Endpoint = z.infer<typeof Endpoint>;

export const EndpointSaveInput = z
  .object({
    /** Absent: create. */
    id: z.number().int().positive().optional(),
    name: z.string().trim().min(1).max(100),
    path: ReceiverPath,
    enabled: z.boolean().optional(),
    auth: EndpointAuthType,
    /** auth=token: a new token (kept only as a salted hash); absent keeps the current one. */
    token: z.string().min(8, 'use at least 8 characters').max(512).optional(),
    /** auth=hmac: the accepted secrets (replaces the list; two during a rotation); absent keeps them. Encrypted at rest. */
    hmacSecrets: z.array(HmacSecret).min(1).max(5).optional(),
    /** auth=hmac: generate a new secret and add it to the list; it is returned once, in `generatedSecret`. */
    generateHmacSecret: z.boolean().optional(),
    challengeResponse: z.enum(['json', 'raw']).optional(),
    maxBodyBytes: z.number().int().min(1024).max(MAX_BODY_BYTES_LIMIT).nullable().optional(),
    retention: EndpointRetention.partial().optional(),
    /** A connection id to hydrate lightweight notifications from automatically; null turns it off. */
    autoHydrateConnectionId: z.string().min(1).nullable().optional(),
  })
  .strict();
export type EndpointSaveInput = z.input<typeof EndpointSaveInput>;

export const EndpointSaveResult = Endpoint.extend({
  /** Only right after `generateHmacSecret`: give it to the sender now; it is never shown again. */
  generatedSecret: z.string().optional(),
});
export type EndpointSaveResult = z.infer<typeof EndpointSaveResult>;
