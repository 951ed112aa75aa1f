import {
  DestinationConfig,
  WritebackTranslateOptions,
  type AckDetail,
  type AttemptOutcome,
  type FhirAnswerDetail,
  type WritebackAcceptance,
  type WritebackAttempt,
  type WritebackDetail,
  type WritebackStatus,
  type WritebackSummary,
  type WritebackTimelineEntry,
} from '../../../shared/contract';

/** A `writebacks` row as stored. */
export interface WritebackRow {
  id: number;
  created_at: number;
  updated_at: number;
  status: WritebackStatus;
  acceptance: WritebackAcceptance | null;
  kind: string;
  resource_type: string;
  transport: 'mllp' | 'fhir';
  destination_id: number | null;
  destination_name: string;
  destination_label: string;
  destination_json: string;
  queue_key: string;
  control_id: string;
  message_type: string;
  message_format: 'er7' | 'fhir-json';
  message_text: string;
  message_method: string | null;
  message_path: string | null;
  input_json: string;
  options_json: string | null;
  issues_json: string;
  lineage_json: string | null;
  patient_text: string | null;
  attempt_count: number;
  max_attempts: number;
  next_attempt_at: number | null;
  last_result: string | null;
  last_error: string | null;
  resend_of: number | null;
  cancel_requested: number;
  note: string | null;
}

export interface AttemptRow {
  writeback_id: number;
  number: number;
  started_at: number;
  finished_at: number | null;
  duration_ms: number | null;
  outcome: AttemptOutcome;
  bytes_out: number;
  bytes_in: number;
  error: string | null;
  ack_text: string | null;
  ack_json: string | null;
  http_json: string | null;
  response_body: string | null;
}

export interface TimelineRow {
  at: number;
  status: WritebackStatus;
  detail: string | null;
  attempt: number | null;
}

/** The columns a list needs (not the input, message or lineage). */
export const SUMMARY_COLUMNS =
  'id, created_at, updated_at, status, acceptance, kind, resource_type, transport, destination_id, destination_name, ' +
  'destination_label, control_id, message_type, patient_text, attempt_count, max_attempts, next_attempt_at, last_result, ' +
  'last_error, resend_of, cancel_requested, note';

export type SummaryRow = Pick<
  WritebackRow,
  | 'id'
  | 'created_at'
  | 'updated_at'
  | 'status'
  | 'acceptance'
  | 'kind'
  | 'resource_type'
  | 'transport'
  | 'destination_id'
  | 'destination_name'
  | 'destination_label'
  | 'control_id'
  | 'message_type'
  | 'patient_text'
  | 'attempt_count'
  | 'max_attempts'
  | 'next_attempt_at'
  | 'last_result'
  | 'last_error'
  | 'resend_of'
  | 'cancel_requested'
  | 'note'
>;

const iso = (ms: number) => new Date(ms).toISOString();

export function toSummary(row: SummaryRow, resentAs: number[]): WritebackSummary {
  return {
    id: row.id,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    status: row.status,
    acceptance: row.acceptance,
    kind: row.kind,
    resourceType: row.resource_type,
    transport: row.transport,
    destinationId: row.destination_id,
    destinationName: row.destination_name,
    destinationLabel: row.destination_label,
    controlId: row.control_id,
    messageType: row.message_type,
    patient: row.patient_text,
    attemptCount: row.attempt_count,
    maxAttempts: row.max_attempts,
    nextAttemptAt: row.next_attempt_at === null ? null : iso(row.next_attempt_at),
    lastResult: row.last_result,
    lastError: row.last_error,
    resendOf: row.resend_of,
    resentAs,
    cancelRequested: row.cancel_requested === 1,
    note: row.note,
  };
}

export function toAttempt(row: AttemptRow): WritebackAttempt {
  return {
    number: row.number,
    startedAt: iso(row.started_at),
    finishedAt: row.finished_at === null ? null : iso(row.finished_at),
    durationMs: row.duration_ms,
    outcome: row.outcome,
    bytesOut: row.bytes_out,
    bytesIn: row.bytes_in,
    error: row.error,
    ackText: row.ack_text,
    ack: row.ack_json === null ? null : (JSON.parse(row.ack_json) as AckDetail),
    http: row.http_json === null ? null : (JSON.parse(row.http_json) as FhirAnswerDetail),
    responseBody: row.response_body,
  };
}

export const toTimeline = (row: TimelineRow): WritebackTimelineEntry => ({
  at: iso(row.at),
  status: row.status,
  detail: row.detail,
  attempt: row.attempt,
});

const ACCEPTANCE_TEXT: Record<WritebackAcceptance, Record<'mllp' | 'fhir', string>> = {
  delivered: {
    mllp: 'Delivered: the receiver answered AA (application accept).',
    fhir: 'Delivered: the FHIR server answered with a success status and applied the change.',
  },
  'accepted-by-receiver': {
    mllp: 'Accepted by the receiver: it committed the message (CA); whether its application processes it is not known yet.',
    fhir: 'Accepted by the receiver: it queued the writeback and delivers it later (asynchronous); a 2xx here does not mean the EHR has it.',
  },
};

export function toDetail(
  row: WritebackRow,
  resentAs: number[],
  attempts: AttemptRow[],
  timeline: TimelineRow[],
): WritebackDetail {
  const mapped = attempts.map(toAttempt);
  const answered = [...mapped].reverse();
  return {
    ...toSummary(row, resentAs),
    input: row.input_json,
    options: row.options_json === null ? null : WritebackTranslateOptions.parse(JSON.parse(row.options_json)),
    destination: DestinationConfig.parse(JSON.parse(row.destination_json)),
    message: { format: row.message_format, text: row.message_text, method: row.message_method, path: row.message_path },
    issues: JSON.parse(row.issues_json) as WritebackDetail['issues'],
    attempts: mapped,
    timeline: timeline.map(toTimeline),
    ack: answered.find((a) => a.ack !== null)?.ack ?? null,
    http: answered.find((a) => a.http !== null)?.http ?? null,
    acceptanceText: row.acceptance === null ? null : ACCEPTANCE_TEXT[row.acceptance][row.transport],
  };
}
