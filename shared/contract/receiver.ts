import { z } from 'zod';

export const MAX_BODY_BYTES_LIMIT = 100 * 1024 * 1024;

export const ReceiverPath = z
  .string()
  .regex(/^\/[A-Za-z0-9._~\-/]*$/, 'a path starts with / and uses only letters, digits and . _ ~ - /')
  .max(200);

export const ReceiverStatus = z.object({
  listening: z.boolean(),
  /** Where senders should POST, e.g. http://127.0.0.1:8787/webhook. */
  url: z.string().nullable(),
  host: z.string(),
  port: z.number().int().nonnegative(),
  path: z.string(),
  maxBodyBytes: z.number().int().positive(),
  /** Whether a shared token is required, and where it was configured. */
  secret: z.enum(['none', 'settings', 'command-line']),
  /** Requests refused for a wrong or missing token since the receiver started. */
  rejectedUnauthorized: z.number().int().nonnegative(),
  error: z.string().nullable(),
});
export type ReceiverStatus = z.infer<typeof ReceiverStatus>;

export const ReceiverConfigureInput = z.object({
  path: ReceiverPath.optional(),
  maxBodyBytes: z.number().int().min(1024).max(MAX_BODY_BYTES_LIMIT).optional(),
  /** A new shared token; `null` removes it. Stored only as a salted hash. */
  secret: z.string().min(8, 'use at least 8 characters').max(512).nullable().optional(),
});
export type ReceiverConfigureInput = z.infer<typeof ReceiverConfigureInput>;
