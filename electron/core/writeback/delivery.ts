import type { AckDetail, AttemptOutcome, FhirAnswerDetail, WritebackAcceptance } from '../../../shared/contract';
import type { QueuedWriteback } from './writeback-store';

/** What one attempt produced, whatever the transport. */
export interface DeliveryOutcome {
  outcome: Exclude<AttemptOutcome, 'pending' | 'cancelled'>;
  acceptance: WritebackAcceptance | null;
  /** For a rejection: `AE`, `AR`, `CE`, `CR` or `HTTP 4xx` (what `retryOn` is checked against). */
  rejectCode: string | null;
  /** The answer in short, for lists: `AA`, `AE 101 PID-7`, `HTTP 201`. */
  result: string | null;
  error: string | null;
  bytesOut: number;
  bytesIn: number;
  durationMs: number;
  ackText: string | null;
  ack: AckDetail | null;
  http: FhirAnswerDetail | null;
  responseBody: string | null;
}

/** Sends one writeback's stored message once. Never throws: every failure is an outcome. */
export interface Transport {
  /** Bytes the attempt will write, recorded before it starts. */
  plannedBytes(w: QueuedWriteback): number;
  send(w: QueuedWriteback, signal: AbortSignal): Promise<DeliveryOutcome>;
  close(): void;
}

export const failure = (
  outcome: DeliveryOutcome['outcome'],
  error: string,
  extra: Partial<DeliveryOutcome> = {},
): DeliveryOutcome => ({
  outcome,
  acceptance: null,
  rejectCode: null,
  result: null,
  error,
  bytesOut: 0,
  bytesIn: 0,
  durationMs: 0,
  ackText: null,
  ack: null,
  http: null,
  responseBody: null,
  ...extra,
});
