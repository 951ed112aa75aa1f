import type {
  Endpoint,
  NotificationDetail,
  NotificationExportChunk,
  NotificationFilter,
  NotificationSummary,
} from '../../../shared/contract';
import type { NotificationStore } from '../store/notification-store';

/** Text per call: big enough that 100k notifications take a few dozen calls, small enough for any IPC. */
export const EXPORT_CHUNK_BYTES = 8 * 1024 * 1024;
const ID_BATCH = 500;
const DETAIL_BATCH_BYTES = 4 * 1024 * 1024;

export const CSV_COLUMNS = [
  'id',
  'receivedAt',
  'endpoint',
  'event',
  'eventLabel',
  'category',
  'payloadLevel',
  'format',
  'source',
  'patientIdentifiers',
  'resourceTypes',
  'subscription',
  'eventNumbers',
  'verification',
  'parseStatus',
  'handshake',
  'read',
  'starred',
  'note',
  'warnings',
  'sizeBytes',
] as const;

/**
 * RFC 4180 quoting, plus a guard against spreadsheet formula injection: these cells hold text
 * from whoever sent the notification, so a leading = + - @ (or tab/CR) is neutralised with '.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(s: NotificationSummary, endpointName: string): string {
  const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
    id: String(s.id),
    receivedAt: s.receivedAt,
    endpoint: endpointName,
    event: s.event ?? '',
    eventLabel: s.eventLabel ?? '',
    category: s.category,
    payloadLevel: s.payloadLevel,
    format: s.format ?? '',
    source: s.source ?? '',
    patientIdentifiers: s.patientIdentifiers.map((p) => (p.system ? `${p.system}|${p.value}` : p.value)).join('; '),
    resourceTypes: s.resourceTypes.join(' '),
    subscription: s.subscription?.reference ?? '',
    eventNumbers: s.subscription?.eventNumbers.join(' ') ?? '',
    verification: s.verification,
    parseStatus: s.parseStatus,
    handshake: s.handshake ?? '',
    read: s.read ? 'yes' : 'no',
    starred: s.starred ? 'yes' : 'no',
    note: s.note ?? '',
    warnings: s.warnings.join(' '),
    sizeBytes: String(s.sizeBytes),
  };
  return `${CSV_COLUMNS.map((c) => csvCell(cells[c])).join(',')}\r\n`;
}

/** One line per notification: its metadata and the body exactly as received (a JSON string, or base64). */
export function ndjsonLine(d: NotificationDetail): string {
  return `${JSON.stringify({
    id: d.id,
    receivedAt: d.receivedAt,
    endpointId: d.endpointId,
    endpointPath: d.endpointPath,
    method: d.method,
    remoteAddress: d.remoteAddress,
    contentType: d.contentType,
    parseStatus: d.parseStatus,
    parseError: d.parseError,
    verification: d.verification,
    handshake: d.handshake,
    headers: d.headers,
    bodyEncoding: d.bodyEncoding,
    body: d.body,
  })}\n`;
}

/**
 * The export's lines in the order of `ids`, read lazily: a chunk that fills up stops reading. Raw
 * bodies are read in batches bounded by their stored size (a body may be up to 100 MB), so a batch
 * of large notifications never sits in memory at once.
 */
function* exportLines(
  store: NotificationStore,
  format: ExportRequest['format'],
  ids: readonly number[],
  names: ReadonlyMap<number, string>,
): Generator<{ id: number; text: string }> {
  for (let i = 0; i < ids.length; i += ID_BATCH) {
    const summaries = store.summaries(ids.slice(i, i + ID_BATCH));
    if (format === 'csv') {
      for (const s of summaries) yield { id: s.id, text: csvRow(s, names.get(s.endpointId ?? 0) ?? s.endpointPath) };
      continue;
    }
    for (const batch of sizeBoundedBatches(summaries)) {
      for (const d of store.details(batch)) yield { id: d.id, text: ndjsonLine(d) };
    }
  }
}

function sizeBoundedBatches(summaries: readonly NotificationSummary[]): number[][] {
  const batches: number[][] = [];
  let batch: number[] = [];
  let bytes = 0;
  for (const s of summaries) {
    if (batch.length > 0 && bytes + s.sizeBytes > DETAIL_BATCH_BYTES) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(s.id);
    bytes += s.sizeBytes;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

export interface ExportRequest {
  format: 'ndjson' | 'csv';
  ids?: number[];
  filter?: NotificationFilter;
  beforeId?: number;
}

/**
 * One chunk of an export, newest first, ending after EXPORT_CHUNK_BYTES (rows are never split).
 * Memory stays bounded by the chunk whatever the export's size.
 */
export function exportChunk(
  store: NotificationStore,
  request: ExportRequest,
  endpoints: readonly Endpoint[],
  now: number,
): NotificationExportChunk {
  const names = new Map(endpoints.map((e) => [e.id, e.name]));
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const fileName = `notifications-${stamp}.${request.format === 'csv' ? 'csv' : 'ndjson'}`;
  const mimeType = request.format === 'csv' ? 'text/csv' : 'application/x-ndjson';
  const parts: string[] = [];
  let bytes = 0;
  let count = 0;
  if (request.format === 'csv' && request.beforeId === undefined) {
    const header = `${CSV_COLUMNS.join(',')}\r\n`;
    parts.push(header);
    bytes += header.length;
  }

  // Takes rows in order until the chunk is full; returns the id to continue below, or null at the end.
  const take = (ids: readonly number[]): number | null => {
    for (const line of exportLines(store, request.format, ids, names)) {
      parts.push(line.text);
      bytes += line.text.length;
      count++;
      if (bytes >= EXPORT_CHUNK_BYTES) return line.id;
    }
    return null;
  };

  let next: number | null = null;
  if (request.ids !== undefined) {
    const below = [...new Set(request.ids)]
      .sort((a, b) => b - a)
      .filter((id) => request.beforeId === undefined || id < request.beforeId);
    const stoppedAt = take(below);
    next = stoppedAt !== null && below.some((id) => id < stoppedAt) ? stoppedAt : null;
  } else {
    let cursor = request.beforeId;
    for (;;) {
      const batch = store.ids(request.filter ?? {}, cursor, ID_BATCH * 4);
      const stoppedAt = take(batch.ids);
      if (stoppedAt !== null) {
        const last = batch.ids.at(-1);
        next = stoppedAt === last && batch.nextBeforeId === null ? null : stoppedAt;
        break;
      }
      if (batch.nextBeforeId === null) break;
      cursor = batch.nextBeforeId;
    }
  }
  return { fileName, mimeType, content: parts.join(''), count, nextBeforeId: next };
}
