import { z } from 'zod';

/** An assigning authority / facility (HD): a local namespace ID, optionally with a universal ID. */
export const hdSchema = z.union([
  z.string(),
  z.object({
    namespaceId: z.string().optional(),
    universalId: z.string().optional(),
    universalIdType: z.string().optional(),
  }),
]);
export type HdOption = z.infer<typeof hdSchema>;

export const V2_VERSIONS = ['2.3', '2.3.1', '2.4', '2.5', '2.5.1'] as const;

/**
 * Per-destination settings. Everything is optional; `resolveOptions` fills the defaults. The same
 * object is read from `--options dest.json` by the CLI and kept per connection by the app.
 */
export const translateOptionsSchema = z.object({
  sendingApplication: hdSchema.optional(),
  sendingFacility: hdSchema.optional(),
  receivingApplication: hdSchema.optional(),
  receivingFacility: hdSchema.optional(),
  processingId: z.enum(['P', 'T', 'D']).optional(),
  version: z.enum(V2_VERSIONS).optional(),
  /** MSH-18 (table 0211). */
  characterSet: z.string().optional(),
  acceptAckType: z.enum(['AL', 'NE', 'ER', 'SU']).optional(),
  applicationAckType: z.enum(['AL', 'NE', 'ER', 'SU']).optional(),
  /** MSH-21 message profile identifier, when the receiver wants one. */
  messageProfile: z.string().optional(),
  /**
   * MSH-10. `explicit` (with `controlId`) is what the send queue passes on a retry; `writeback`
   * derives it from `writebackId`; `content` from the input and routing (stable across previews).
   */
  controlIdStrategy: z.enum(['content', 'writeback', 'explicit']).optional(),
  controlId: z.string().max(20).optional(),
  writebackId: z.string().optional(),
  controlIdPrefix: z.string().max(6).optional(),
  /** Identifier system URI → assigning authority (CX.4 / EI.2-4). */
  assigningAuthorities: z.record(z.string(), hdSchema).optional(),
  /** Code system URI → v2 coding-system name (CE.3), on top of the built-in table. */
  codeSystems: z.record(z.string(), z.string()).optional(),
  orderMessage: z.enum(['ORM^O01', 'OML^O21']).optional(),
  medicationMessage: z.enum(['RDE^O11', 'OMP^O09']).optional(),
  /** What the writeback does; picks triggers (A28/A31, S12/S14, ORC-1, RXA-21, IAM-6…). */
  action: z.enum(['create', 'update', 'cancel', 'delete']).optional(),
  /** Encounter status before this change, to pick A01/A03/A11 from the transition. */
  previousStatus: z.string().optional(),
  /**
   * Top-level elements this edit changed, when the editor tracks the diff (e.g. `["start", "end"]`):
   * an Appointment update that moves start/end is a reschedule (SIU^S13), any other an S14.
   */
  changed: z.array(z.string()).optional(),
  /** Force a message type, e.g. `ADT^A31` or `ORU^R01`. */
  messageType: z.string().optional(),
  /** FHIR instant used for MSH-7 / EVN-2; defaults to the current time. */
  now: z.string().optional(),
  /** EVN-5 / SCH-20: who performs the writeback. */
  operator: z.string().optional(),
});
export type TranslateOptions = z.infer<typeof translateOptionsSchema>;

export interface ResolvedOptions {
  readonly sendingApplication: HdOption;
  readonly sendingFacility: HdOption;
  readonly receivingApplication: HdOption;
  readonly receivingFacility: HdOption;
  readonly processingId: 'P' | 'T' | 'D';
  readonly version: (typeof V2_VERSIONS)[number];
  readonly characterSet: string;
  readonly acceptAckType?: string;
  readonly applicationAckType?: string;
  readonly messageProfile?: string;
  readonly controlIdStrategy: 'content' | 'writeback' | 'explicit';
  readonly controlId?: string;
  readonly writebackId?: string;
  readonly controlIdPrefix: string;
  readonly assigningAuthorities: Readonly<Record<string, HdOption>>;
  readonly codeSystems: Readonly<Record<string, string>>;
  readonly orderMessage: 'ORM^O01' | 'OML^O21';
  readonly medicationMessage: 'RDE^O11' | 'OMP^O09';
  readonly action: 'create' | 'update' | 'cancel' | 'delete';
  readonly previousStatus?: string;
  readonly changed?: readonly string[];
  readonly messageType?: string;
  readonly now?: string;
  readonly operator?: string;
}

export function resolveOptions(options: TranslateOptions = {}): ResolvedOptions {
  const strategy =
    options.controlIdStrategy ??
    (options.controlId !== undefined ? 'explicit' : options.writebackId !== undefined ? 'writeback' : 'content');
  return {
    ...options,
    sendingApplication: options.sendingApplication ?? 'SWITCHBOARD',
    sendingFacility: options.sendingFacility ?? 'SWITCHBOARD',
    receivingApplication: options.receivingApplication ?? '',
    receivingFacility: options.receivingFacility ?? '',
    processingId: options.processingId ?? 'P',
    version: options.version ?? '2.5.1',
    characterSet: options.characterSet ?? 'UNICODE UTF-8',
    controlIdStrategy: strategy,
    controlIdPrefix: options.controlIdPrefix ?? 'SB',
    assigningAuthorities: options.assigningAuthorities ?? {},
    codeSystems: options.codeSystems ?? {},
    orderMessage: options.orderMessage ?? 'ORM^O01',
    medicationMessage: options.medicationMessage ?? 'RDE^O11',
    action: options.action ?? 'create',
  };
}
