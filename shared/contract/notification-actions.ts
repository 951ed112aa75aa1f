import { z } from 'zod';

const HeaderPairs = z.array(z.tuple([z.string().min(1).max(200), z.string().max(8192)])).max(100);
const HttpUrl = z.url({ protocol: /^https?$/ });

export const HydrationResult = z.object({
  /** What was followed: a reference (`Patient/123`) or an identifier search from the body. */
  target: z.string(),
  url: z.string(),
  status: z.number().int().nullable(),
  resourceType: z.string().nullable(),
  /** The fetched resource (or search Bundle) as pretty JSON. */
  json: z.string().nullable(),
  error: z.string().nullable(),
});
export type HydrationResult = z.infer<typeof HydrationResult>;

/**
 * fetched: `results` holds each target's answer (some may be errors); failed: nothing was fetched
 * (`error` says why); skipped: an automatic hydration that did not run because too many were waiting.
 */
export const HydrationOutcome = z.enum(['fetched', 'failed', 'skipped']);
export type HydrationOutcome = z.infer<typeof HydrationOutcome>;

export const HydrationRecord = z.object({
  id: z.number().int().positive(),
  notificationId: z.number().int().positive(),
  fetchedAt: z.iso.datetime(),
  connectionId: z.string().nullable(),
  connectionName: z.string().nullable(),
  results: z.array(HydrationResult),
  /** Started by the endpoint's automatic hydration rather than by hand. */
  automatic: z.boolean(),
  outcome: HydrationOutcome,
  error: z.string().nullable(),
});
export type HydrationRecord = z.infer<typeof HydrationRecord>;

/**
 * That a hydration was recorded, and no more: listeners refetch the notification's hydrations.
 * The fetched resources (large Bundles, PHI) stay in the core until a window asks for them.
 */
export const HydrationAnnounced = HydrationRecord.pick({ id: true, notificationId: true, outcome: true });
export type HydrationAnnounced = z.infer<typeof HydrationAnnounced>;

/** Re-sign per Standard Webhooks with this secret (`whsec_…`): new webhook-id/timestamp/signature headers. */
export const SignWith = z.object({ secret: z.string().regex(/^whsec_[A-Za-z0-9+/=]+$/, 'a Standard Webhooks secret starts with whsec_') });

export const ReplayInput = z.object({
  id: z.number().int().positive(),
  url: HttpUrl,
  /** An edited body; absent = the bytes exactly as received. */
  body: z.string().max(20 * 1024 * 1024).optional(),
  /** Send the original headers again (credentials were never stored, so they are not among them). */
  keepOriginalHeaders: z.boolean().default(true),
  headers: HeaderPairs.default([]),
  sign: SignWith.optional(),
});
export type ReplayInput = z.input<typeof ReplayInput>;

export const ReplayRecord = z.object({
  id: z.number().int().positive(),
  notificationId: z.number().int().positive().nullable(),
  sentAt: z.iso.datetime(),
  url: z.string(),
  edited: z.boolean(),
  signed: z.boolean(),
  status: z.number().int().nullable(),
  durationMs: z.number().nullable(),
  responseHeaders: z.array(z.tuple([z.string(), z.string()])),
  /** The response body, cut at 64 KB. */
  responseBody: z.string().nullable(),
  error: z.string().nullable(),
});
export type ReplayRecord = z.infer<typeof ReplayRecord>;

export const NotificationTemplateInfo = z.object({
  id: z.string(),
  label: z.string(),
  event: z.string(),
});

export const TemplateForm = z.enum(['redox', 'subscription-r4-backport', 'subscription-r4b', 'subscription-r5']);
export const TemplateLevel = z.enum(['lightweight', 'detailed']);

export const SendTestInput = z.object({
  templateId: z.string().min(1),
  form: TemplateForm.default('redox'),
  level: TemplateLevel.default('detailed'),
  url: HttpUrl,
  headers: HeaderPairs.default([]),
  sign: SignWith.optional(),
  /** Preview only: build the body and return it without sending. */
  dryRun: z.boolean().default(false),
});
export type SendTestInput = z.input<typeof SendTestInput>;

export const SendTestResult = z.object({ body: z.string(), replay: ReplayRecord.nullable() });
