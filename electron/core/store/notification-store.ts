import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type {
  NotificationDetail,
  NotificationPage,
  NotificationSummary,
  ParseStatus,
  Verification,
} from '../../../shared/contract';
import { GroupCommitter } from './group-committer';

/** A request as the receiver saw it, with what was derived at receipt. */
export interface IncomingNotification {
  receivedAt: number;
  endpointPath: string;
  method: string;
  remoteAddress: string | null;
  headers: [string, string][];
  contentType: string | null;
  body: Uint8Array;
  parseStatus: ParseStatus;
  parseError: string | null;
  verification: Verification;
  source: string | null;
  event: string | null;
  resourceTypes: string[];
}

interface SummaryRow {
  id: number;
  received_at: number;
  endpoint_path: string;
  size_bytes: number;
  content_type: string | null;
  parse_status: ParseStatus;
  verification: Verification;
  source: string | null;
  event: string | null;
  resource_types: string;
}

interface DetailRow extends SummaryRow {
  method: string;
  remote_address: string | null;
  headers_json: string;
  body: Uint8Array;
  parse_error: string | null;
}

const SUMMARY_COLUMNS =
  'id, received_at, endpoint_path, size_bytes, content_type, parse_status, verification, source, event, resource_types';

const utf8 = new TextDecoder('utf-8', { fatal: true });

function toSummary(row: SummaryRow): NotificationSummary {
  return {
    id: row.id,
    receivedAt: new Date(row.received_at).toISOString(),
    endpointPath: row.endpoint_path,
    sizeBytes: row.size_bytes,
    contentType: row.content_type,
    parseStatus: row.parse_status,
    verification: row.verification,
    source: row.source,
    event: row.event,
    resourceTypes: row.resource_types === '' ? [] : row.resource_types.split(' '),
  };
}

function decodeBody(bytes: Uint8Array): Pick<NotificationDetail, 'body' | 'bodyEncoding'> {
  try {
    return { body: utf8.decode(bytes), bodyEncoding: 'utf8' };
  } catch {
    return { body: Buffer.from(bytes).toString('base64'), bodyEncoding: 'base64' };
  }
}

export class NotificationStore {
  private readonly insert: StatementSync;
  private readonly committer: GroupCommitter<IncomingNotification, number>;

  constructor(private readonly db: DatabaseSync) {
    this.insert = db.prepare(`
      INSERT INTO notifications (received_at, endpoint_path, method, remote_address, headers_json,
        content_type, body, size_bytes, parse_status, parse_error, verification, source, event, resource_types)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.committer = new GroupCommitter(db, (n) => this.write(n));
  }

  /** Resolves once the row is committed durably (synchronous=FULL), with its summary. */
  async add(notification: IncomingNotification): Promise<NotificationSummary> {
    const id = await this.committer.add(notification);
    return toSummary({
      id,
      received_at: notification.receivedAt,
      endpoint_path: notification.endpointPath,
      size_bytes: notification.body.byteLength,
      content_type: notification.contentType,
      parse_status: notification.parseStatus,
      verification: notification.verification,
      source: notification.source,
      event: notification.event,
      resource_types: notification.resourceTypes.join(' '),
    });
  }

  list(limit: number, beforeId?: number): NotificationPage {
    const rows = (
      beforeId === undefined
        ? this.db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM notifications ORDER BY id DESC LIMIT ?`).all(limit + 1)
        : this.db
            .prepare(`SELECT ${SUMMARY_COLUMNS} FROM notifications WHERE id < ? ORDER BY id DESC LIMIT ?`)
            .all(beforeId, limit + 1)
    ) as unknown as SummaryRow[];
    const page = rows.slice(0, limit);
    const total = (this.db.prepare('SELECT count(*) AS n FROM notifications').get() as { n: number }).n;
    return {
      items: page.map(toSummary),
      nextBeforeId: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
      total,
    };
  }

  get(id: number): NotificationDetail | null {
    const row = this.db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS}, method, remote_address, headers_json, body, parse_error FROM notifications WHERE id = ?`,
      )
      .get(id) as unknown as DetailRow | undefined;
    if (!row) return null;
    return {
      ...toSummary(row),
      method: row.method,
      remoteAddress: row.remote_address,
      headers: JSON.parse(row.headers_json) as [string, string][],
      ...decodeBody(row.body),
      parseError: row.parse_error,
    };
  }

  close(): void {
    this.committer.close();
  }

  private write(n: IncomingNotification): number {
    const result = this.insert.run(
      n.receivedAt,
      n.endpointPath,
      n.method,
      n.remoteAddress,
      JSON.stringify(n.headers),
      n.contentType,
      n.body,
      n.body.byteLength,
      n.parseStatus,
      n.parseError,
      n.verification,
      n.source,
      n.event,
      n.resourceTypes.join(' '),
    );
    return Number(result.lastInsertRowid);
  }
}
