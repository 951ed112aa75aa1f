import { z } from 'zod';
import { translateOptionsSchema } from '../fhir-to-v2/options';
import { ConnectionId } from './connection';
import { OutcomeIssueSchema } from './query';

/**
 * Writeback delivery: FHIR in, HL7 v2 over MLLP or FHIR REST out, through a durable queue in the
 * core. A writeback's message (ER7 or FHIR body) and its control id are fixed when it is queued;
 * every retry sends the same bytes. A resend is a new writeback with a new control id, linked to
 * the old one.
 */

const pem = z.string().max(200_000).regex(/-----BEGIN [A-Z0-9 ]+-----/, 'PEM text (-----BEGIN …-----)');

/** Translator settings a destination (or one writeback) may set; the queue owns MSH-10. */
export const WritebackTranslateOptions = translateOptionsSchema.omit({
  controlId: true,
  controlIdStrategy: true,
  writebackId: true,
});
export type WritebackTranslateOptions = z.infer<typeof WritebackTranslateOptions>;

/** How long to wait between failed attempts: `initialMs × multiplier^(n-1)`, capped, ± jitter. */
export const BackoffSettings = z.object({
  initialMs: z.number().int().min(0).max(3_600_000).default(1000),
  maxMs: z.number().int().min(0).max(86_400_000).default(60_000),
  multiplier: z.number().min(1).max(10).default(2),
  /** Fraction of the delay added or removed at random (0.2: ±20 %), so many senders don't retry in step. */
  jitter: z.number().min(0).max(1).default(0.2),
});
export type BackoffSettings = z.infer<typeof BackoffSettings>;

export const rejectCodes = ['AE', 'AR', 'CE', 'CR'] as const;
export const RejectCode = z.enum(rejectCodes);

export const MllpTls = z.object({
  enabled: z.boolean().default(false),
  /** Extra certificate authorities to trust (PEM). */
  caPem: pem.nullable().default(null),
  /** Name checked against the server certificate (default: the host). */
  servername: z.string().max(253).nullable().default(null),
  /** Accept any server certificate. */
  allowSelfSigned: z.boolean().default(false),
});
export type MllpTls = z.infer<typeof MllpTls>;

/** An HL7 interface reached over MLLP (TCP, optionally TLS); the FHIR input is translated to ER7. */
export const MllpDestinationConfig = z.object({
  transport: z.literal('mllp'),
  host: z.string().min(1).max(253).regex(/^[A-Za-z0-9.:_[\]-]+$/, 'a host name or IP address'),
  port: z.number().int().min(1).max(65_535),
  tls: MllpTls.default({ enabled: false, caPem: null, servername: null, allowSelfSigned: false }),
  /** Deadline for the ACK after the last byte is written (not an idle timeout). */
  ackTimeoutMs: z.number().int().min(50).max(600_000).default(10_000),
  connectTimeoutMs: z.number().int().min(50).max(120_000).default(10_000),
  /** Attempts in all, the first included; then the writeback is given up (retry now still works). */
  maxAttempts: z.number().int().min(1).max(1000).default(5),
  backoff: BackoffSettings.default({ initialMs: 1000, maxMs: 60_000, multiplier: 2, jitter: 0.2 }),
  /**
   * Negative acknowledgements to retry (same control id) instead of settling as rejected. Default
   * none: AE/AR/CE/CR are final. Some receivers answer AR for passing trouble of their own.
   */
  retryOn: z.array(RejectCode).default([]),
  translator: WritebackTranslateOptions.default({}),
});
export type MllpDestinationConfig = z.infer<typeof MllpDestinationConfig>;

export const fhirDeliveryModes = ['create', 'update', 'redox-operation'] as const;

/**
 * A FHIR server reached through a saved connection.
 * - `create`: POST the resource to `[type]`; a `transaction`/`batch` Bundle is POSTed to the base.
 * - `update`: PUT the resource to `[type]/[id]` (the input needs an id); Bundles as for create.
 * - `redox-operation`: POST a `message` Bundle (MessageHeader with the event URI for the kind,
 *   focus on the written resource, supporting resources alongside) to `[type]/$operation`.
 */
export const FhirDestinationConfig = z.object({
  transport: z.literal('fhir'),
  connectionId: ConnectionId,
  mode: z.enum(fhirDeliveryModes).default('create'),
  /** Redox mode: operation path, e.g. `Observation/$observation-create` (default: from the kind). */
  operation: z.string().max(200).regex(/^[A-Z][A-Za-z]+\/\$[a-z][a-z0-9-]*$/, 'Type/$operation').nullable().default(null),
  /** Redox mode: MessageHeader.eventUri (default: `https://fhir.redoxengine.com/EventDefinition/<Kind>`). */
  eventUri: z.string().max(500).nullable().default(null),
  /** Redox mode: MessageHeader.source. */
  sourceName: z.string().max(200).default('Switchboard'),
  sourceEndpoint: z.string().max(500).nullable().default(null),
  /**
   * The receiver queues what it accepts and delivers later (Redox: a 2xx means "in Redox's queue",
   * never "in the EHR"). Then a 2xx settles as accepted by the receiver, not delivered. Default:
   * true for `redox-operation`, false otherwise.
   */
  asynchronous: z.boolean().nullable().default(null),
  maxAttempts: z.number().int().min(1).max(1000).default(5),
  backoff: BackoffSettings.default({ initialMs: 1000, maxMs: 60_000, multiplier: 2, jitter: 0.2 }),
});
export type FhirDestinationConfig = z.infer<typeof FhirDestinationConfig>;

export const DestinationConfig = z.discriminatedUnion('transport', [MllpDestinationConfig, FhirDestinationConfig]);
export type DestinationConfig = z.infer<typeof DestinationConfig>;
export type DestinationConfigInput = z.input<typeof DestinationConfig>;

export const Destination = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  config: DestinationConfig,
  /** Where it goes, in words: `mllp://10.0.0.5:2575`, `mllps://…`, `FHIR "Redox sandbox" (redox-operation)`. */
  label: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Destination = z.infer<typeof Destination>;

export const DestinationSaveInput = z
  .object({
    id: z.number().int().positive().optional(),
    name: z.string().trim().min(1).max(200),
    config: DestinationConfig,
  })
  .strict();
export type DestinationSaveInput = z.input<typeof DestinationSaveInput>;

// ---------------------------------------------------------------------------------------------
// Writebacks

/**
 * - `queued`: waiting for its turn (one in flight per destination, in order).
 * - `sending`: an attempt is in flight (bytes out, waiting for the ACK or HTTP answer).
 * - `retrying`: the last attempt failed (timeout, connection lost, 5xx…); the next one is due at `nextAttemptAt`.
 * - `accepted`: AA/CA or a FHIR 2xx; see `acceptance` for what the receiver promised.
 * - `rejected`: AE/AR/CE/CR or a FHIR 4xx: the receiver refused this message; fix and resend.
 * - `given-up`: `maxAttempts` attempts failed; retry now or resend.
 * - `cancelled`: stopped by the user before it was accepted.
 */
export const writebackStatuses = ['queued', 'sending', 'retrying', 'accepted', 'rejected', 'given-up', 'cancelled'] as const;
export const WritebackStatus = z.enum(writebackStatuses);
export type WritebackStatus = z.infer<typeof WritebackStatus>;
export const finalWritebackStatuses = ['accepted', 'rejected', 'given-up', 'cancelled'] as const satisfies readonly WritebackStatus[];

/**
 * What an acceptance means: `delivered` (AA, or a synchronous FHIR server's 2xx) or
 * `accepted-by-receiver` (CA commit-only, or an asynchronous receiver such as Redox that queued it
 * and delivers later, with no in-band answer from the EHR).
 */
export const WritebackAcceptance = z.enum(['delivered', 'accepted-by-receiver']);
export type WritebackAcceptance = z.infer<typeof WritebackAcceptance>;

export const WritebackTransport = z.enum(['mllp', 'fhir']);

/**
 * What the writeback does, as an event name: `<FocusResourceType><Action>` (ObservationCreate,
 * PatientUpdate, AppointmentCancel…). Redox mode derives its event URI from it.
 */
export const WritebackKind = z.string().regex(/^[A-Z][A-Za-z]+(Create|Update|Cancel|Delete)$/, 'e.g. ObservationCreate');

/** Where a writeback goes: a saved destination, or one given inline (kept with the writeback). */
export const WritebackTarget = z.union([
  z.object({ destinationId: z.number().int().positive() }).strict(),
  z.object({ destination: DestinationConfig, name: z.string().max(200).optional() }).strict(),
]);
export type WritebackTarget = z.input<typeof WritebackTarget>;

const Json = z.record(z.string(), z.unknown());

export const WritebackEnqueueInput = z
  .object({
    /** The FHIR resource or Bundle, as JSON (what the editor holds). */
    input: Json.refine((v) => typeof v.resourceType === 'string', 'a FHIR resource (with resourceType)'),
    target: WritebackTarget,
    /** Translator settings for this writeback, over the destination's (MLLP only). */
    options: WritebackTranslateOptions.default({}),
    /** Override the kind derived from the focus resource and `options.action`. */
    kind: WritebackKind.optional(),
    /** Link to the writeback this one resends (it gets a new control id). */
    resendOf: z.number().int().positive().optional(),
    /** Free text kept with the writeback (never sent). */
    note: z.string().max(2000).optional(),
  })
  .strict();
export type WritebackEnqueueInput = z.input<typeof WritebackEnqueueInput>;

/** One ERR segment of an ACK, in plain words and mapped back to the FHIR input where it can be. */
export const AckErrorDetail = z.object({
  /** ERR-2 as sent (`PID^1^7`), or ERR-1 (pre-2.5) when that is all there is. */
  location: z.string(),
  /** The same position in the app's notation (`PID-7`, `OBX[2]-5`), when it could be read. */
  v2Location: z.string().nullable(),
  /** `PID-7 Date/Time of Birth (TS)`. */
  fieldLabel: z.string().nullable(),
  /** ERR-3.1 (table 0357) and its meaning. */
  code: z.string(),
  codeMeaning: z.string().nullable(),
  /** ERR-4: E / W / I, in words. */
  severity: z.enum(['error', 'warning', 'information', 'unknown']),
  diagnostic: z.string(),
  userMessage: z.string(),
  /** One sentence a person can act on. */
  explanation: z.string(),
  /** FHIR elements of the input that filled that position (through the translator's lineage). */
  fhirPaths: z.array(z.string()),
});
export type AckErrorDetail = z.infer<typeof AckErrorDetail>;

export const AckDetail = z.object({
  /** MSA-1. */
  code: z.string(),
  /** MSA-2: the control id acknowledged. */
  controlId: z.string(),
  /** MSA-3. */
  text: z.string(),
  /** MSH-10 of the ACK itself. */
  ackControlId: z.string(),
  /** MSA-1 in words: "Application accept: the receiver took the message." */
  meaning: z.string(),
  errors: z.array(AckErrorDetail),
});
export type AckDetail = z.infer<typeof AckDetail>;

const HeaderPairs = z.array(z.tuple([z.string(), z.string()]));

/** What a FHIR server answered to one attempt. */
export const FhirAnswerDetail = z.object({
  method: z.string(),
  url: z.string(),
  status: z.number().int(),
  statusText: z.string(),
  /** The `Location` header (or the first `entry.response.location` of a Bundle answer). */
  location: z.string().nullable(),
  responseHeaders: HeaderPairs,
  /** OperationOutcome issues, including those inside a 2xx. */
  issues: z.array(OutcomeIssueSchema),
});
export type FhirAnswerDetail = z.infer<typeof FhirAnswerDetail>;

/**
 * - `pending`: recorded before the bytes went out; no answer yet (or the core stopped: see `interrupted`).
 * - `accepted` / `rejected`: the receiver answered (ACK code or HTTP status).
 * - `timeout`: no ACK before the deadline; `connection-error`: could not connect or the connection dropped;
 *   `protocol-error`: the answer was not a usable ACK / FHIR answer; `server-error`: FHIR 5xx/429.
 * - `interrupted`: the core stopped during the attempt; the next attempt reuses the control id.
 * - `cancelled`: the user cancelled while it was in flight and no answer came.
 */
export const attemptOutcomes = [
  'pending',
  'accepted',
  'rejected',
  'timeout',
  'connection-error',
  'protocol-error',
  'server-error',
  'interrupted',
  'cancelled',
] as const;
export const AttemptOutcome = z.enum(attemptOutcomes);
export type AttemptOutcome = z.infer<typeof AttemptOutcome>;

export const WritebackAttempt = z.object({
  number: z.number().int().positive(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  durationMs: z.number().nonnegative().nullable(),
  outcome: AttemptOutcome,
  /** Bytes written (MLLP frame included) and read for this attempt. */
  bytesOut: z.number().int().nonnegative(),
  bytesIn: z.number().int().nonnegative(),
  /** Why it failed, in words. */
  error: z.string().nullable(),
  /** MLLP: the ACK as received (ER7, without the frame), and parsed. */
  ackText: z.string().nullable(),
  ack: AckDetail.nullable(),
  /** FHIR: the HTTP answer; its body (capped at 1 MB) in `responseBody`. */
  http: FhirAnswerDetail.nullable(),
  responseBody: z.string().nullable(),
});
export type WritebackAttempt = z.infer<typeof WritebackAttempt>;

/** One step of the status timeline. */
export const WritebackTimelineEntry = z.object({
  at: z.iso.datetime(),
  status: WritebackStatus,
  /** `attempt 2 of 5: no ACK within 10000 ms`, `cancelled by the user`, `retry now`, `core restarted`. */
  detail: z.string().nullable(),
  attempt: z.number().int().positive().nullable(),
});
export type WritebackTimelineEntry = z.infer<typeof WritebackTimelineEntry>;

export const WritebackSummary = z.object({
  id: z.number().int().positive(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  status: WritebackStatus,
  acceptance: WritebackAcceptance.nullable(),
  kind: z.string(),
  /** Resource type of the focus (Observation, Patient…). */
  resourceType: z.string(),
  transport: WritebackTransport,
  destinationId: z.number().int().positive().nullable(),
  destinationName: z.string(),
  /** `mllp://host:port` or `fhir:<connection name>`: one in flight per destination key, in order. */
  destinationLabel: z.string(),
  /** MSH-10 (MLLP), or the message Bundle's identifier (FHIR): fixed at enqueue, reused on every attempt. */
  controlId: z.string(),
  /** MSH-9 (`ORU^R01^ORU_R01`) or the FHIR request (`POST Observation/$observation-create`). */
  messageType: z.string(),
  /** The patient, for display and search: identifiers, reference and name. */
  patient: z.string().nullable(),
  attemptCount: z.number().int().nonnegative(),
  maxAttempts: z.number().int().positive(),
  nextAttemptAt: z.iso.datetime().nullable(),
  /** The last answer in short: `AA`, `AE 101 PID-7`, `HTTP 201`, `no ACK within 10000 ms`. */
  lastResult: z.string().nullable(),
  lastError: z.string().nullable(),
  resendOf: z.number().int().positive().nullable(),
  resentAs: z.array(z.number().int().positive()),
  cancelRequested: z.boolean(),
  note: z.string().nullable(),
});
export type WritebackSummary = z.infer<typeof WritebackSummary>;

export const WritebackDetail = WritebackSummary.extend({
  /** The FHIR input as queued (JSON text). */
  input: z.string(),
  /** Translator options as applied (destination's, then the writeback's), MLLP only. */
  options: WritebackTranslateOptions.nullable(),
  /** The destination as it was when queued (the message goes where it was meant to go). */
  destination: DestinationConfig,
  /** The exact message sent on every attempt: ER7 (segments end in CR) or the FHIR request body. */
  message: z.object({
    format: z.enum(['er7', 'fhir-json']),
    text: z.string(),
    /** FHIR: method and URL relative to the connection's base. */
    method: z.string().nullable(),
    path: z.string().nullable(),
  }),
  /** Translator issues found when it was queued (warnings; errors refuse the enqueue). */
  issues: z.array(
    z.object({
      severity: z.string(),
      code: z.string(),
      message: z.string(),
      location: z.string().nullable(),
      fhirPath: z.string().nullable(),
    }),
  ),
  attempts: z.array(WritebackAttempt),
  timeline: z.array(WritebackTimelineEntry),
  /** The final ACK (MLLP) or FHIR answer of the last attempt that got one. */
  ack: AckDetail.nullable(),
  http: FhirAnswerDetail.nullable(),
  /** What acceptance means for this writeback, in a sentence. */
  acceptanceText: z.string().nullable(),
});
export type WritebackDetail = z.infer<typeof WritebackDetail>;

export const WritebackFilter = z
  .object({
    /** Text in the patient's identifiers, reference or name. */
    patient: z.string().max(200).optional(),
    kind: z.string().max(100).optional(),
    status: z.array(WritebackStatus).max(writebackStatuses.length).optional(),
    destinationId: z.number().int().positive().optional(),
    /** Text in the destination's name or label. */
    destination: z.string().max(500).optional(),
    controlId: z.string().max(40).optional(),
    from: z.iso.datetime().optional(),
    to: z.iso.datetime().optional(),
  })
  .strict();
export type WritebackFilter = z.input<typeof WritebackFilter>;

export const WritebackListInput = z
  .object({
    filter: WritebackFilter.default({}),
    limit: z.number().int().min(1).max(500).default(100),
    /** Keyset paging: the `nextBeforeId` of the previous page. */
    beforeId: z.number().int().positive().optional(),
  })
  .strict();
export type WritebackListInput = z.input<typeof WritebackListInput>;

export const WritebackPage = z.object({
  items: z.array(WritebackSummary),
  nextBeforeId: z.number().int().positive().nullable(),
  /** Writebacks matching the filter. */
  total: z.number().int().nonnegative(),
});
export type WritebackPage = z.infer<typeof WritebackPage>;

export const WritebackRef = z.object({ id: z.number().int().positive() }).strict();

export const WritebackResendInput = z
  .object({
    id: z.number().int().positive(),
    /** An edited input (default: the original). */
    input: Json.refine((v) => typeof v.resourceType === 'string', 'a FHIR resource (with resourceType)').optional(),
    /** Translator options (default: the original's). */
    options: WritebackTranslateOptions.optional(),
    /** Another destination (default: the original's saved destination if it still exists, else its copy). */
    target: WritebackTarget.optional(),
  })
  .strict();
export type WritebackResendInput = z.input<typeof WritebackResendInput>;

export const WritebackExportInput = z
  .object({
    format: z.enum(['ndjson', 'csv']),
    /** Exactly these writebacks; else everything `filter` matches (newest first). */
    ids: z.array(z.number().int().positive()).max(100_000).optional(),
    filter: WritebackFilter.default({}),
    beforeId: z.number().int().positive().optional(),
    /** NDJSON: each line is the full detail (input, message, attempts, ACKs); else the summary. */
    detail: z.boolean().default(true),
  })
  .strict();
export type WritebackExportInput = z.input<typeof WritebackExportInput>;

export const WritebackExportChunk = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  content: z.string(),
  count: z.number().int().nonnegative(),
  /** Call again with this to get the next chunk; null at the end. */
  nextBeforeId: z.number().int().positive().nullable(),
});
export type WritebackExportChunk = z.infer<typeof WritebackExportChunk>;

/** Pushed on every change a timeline shows: created, status, attempt started or finished. */
export const WritebackUpdated = z.object({
  change: z.enum(['created', 'status', 'attempt']),
  writeback: WritebackSummary,
});
export type WritebackUpdated = z.infer<typeof WritebackUpdated>;
