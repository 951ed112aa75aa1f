import type { DatabaseSync } from 'node:sqlite';
import type { EndpointAuthType, EndpointRetention } from '../../../shared/contract';
import type { TokenHash } from '../receiver/shared-token';

/** An endpoint as stored: secrets only as a salted hash (token) or SecretBox ciphertexts (HMAC). */
export interface StoredEndpoint {
  id: number;
  name: string;
  path: string;
  enabled: boolean;
  auth: EndpointAuthType;
  tokenHash: TokenHash | null;
  hmacCiphertexts: string[];
  challengeResponse: 'json' | 'raw';
  maxBodyBytes: number | null;
  retention: EndpointRetention;
  autoHydrateConnectionId: string | null;
  rejectedUnauthorized: number;
  duplicates: number;
  storedCount: number;
  storedBytes: number;
  createdAt: number;
  updatedAt: number;
}

export type EndpointWrite = Omit<StoredEndpoint, 'id' | 'rejectedUnauthorized' | 'duplicates' | 'storedCount' | 'storedBytes' | 'createdAt' | 'updatedAt'>;

interface EndpointRow {
  id: number;
  name: string;
  path: string;
  enabled: number;
  auth: EndpointAuthType;
  token_hash_json: string | null;
  hmac_secrets_json: string | null;
  challenge_response: 'json' | 'raw';
  max_body_bytes: number | null;
  retention_max_age_days: number | null;
  retention_max_count: number | null;
  retention_max_bytes: number | null;
  auto_hydrate_connection_id: string | null;
  rejected_unauthorized: number;
  duplicates: number;
  stored_count: number | null;
  stored_bytes: number | null;
  created_at: number;
  updated_at: number;
}

export const DEFAULT_ENDPOINT_ID = 1;

const SELECT = `SELECT e.*, c.count AS stored_count, c.bytes AS stored_bytes
  FROM endpoints e LEFT JOIN notification_counts c ON c.endpoint_id = e.id`;

function fromRow(row: EndpointRow): StoredEndpoint {
  return {
    id: row.id,
    name: row.name,
    path: row.path,
    enabled: row.enabled === 1,
    auth: row.auth,
    tokenHash: row.token_hash_json === null ? null : (JSON.parse(row.token_hash_json) as TokenHash),
    hmacCiphertexts: row.hmac_secrets_json === null ? [] : (JSON.parse(row.hmac_secrets_json) as string[]),
    challengeResponse: row.challenge_response,
    maxBodyBytes: row.max_body_bytes,
    retention: {
      maxAgeDays: row.retention_max_age_days,
      maxCount: row.retention_max_count,
      maxBytes: row.retention_max_bytes,
    },
    autoHydrateConnectionId: row.auto_hydrate_connection_id,
    rejectedUnauthorized: row.rejected_unauthorized,
    duplicates: row.duplicates,
    storedCount: row.stored_count ?? 0,
    storedBytes: row.stored_bytes ?? 0,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The endpoints table (migration 5). */
export class EndpointStore {
  constructor(
    private readonly db: DatabaseSync,
    private readonly now: () => number,
  ) {}

  list(): StoredEndpoint[] {
    return (this.db.prepare(`${SELECT} ORDER BY e.id`).all() as unknown as EndpointRow[]).map(fromRow);
  }

  get(id: number): StoredEndpoint | null {
    const row = this.db.prepare(`${SELECT} WHERE e.id = ?`).get(id) as unknown as EndpointRow | undefined;
    return row ? fromRow(row) : null;
  }

  byPath(path: string): StoredEndpoint | null {
    const row = this.db.prepare(`${SELECT} WHERE e.path = ?`).get(path) as unknown as EndpointRow | undefined;
    return row ? fromRow(row) : null;
  }

  /** Creates (id undefined) or replaces an endpoint's settings; counters are left alone. */
  save(id: number | undefined, e: EndpointWrite): StoredEndpoint {
    const at = this.now();
    const values = {
      name: e.name,
      path: e.path,
      enabled: e.enabled ? 1 : 0,
      auth: e.auth,
      token: e.tokenHash === null ? null : JSON.stringify(e.tokenHash),
      hmac: e.hmacCiphertexts.length === 0 ? null : JSON.stringify(e.hmacCiphertexts),
      challenge: e.challengeResponse,
      maxBody: e.maxBodyBytes,
      maxAge: e.retention.maxAgeDays,
      maxCount: e.retention.maxCount,
      maxBytes: e.retention.maxBytes,
      autoHydrate: e.autoHydrateConnectionId,
      at,
    };
    if (id === undefined) {
      const result = this.db
        .prepare(
          `INSERT INTO endpoints (name, path, enabled, auth, token_hash_json, hmac_secrets_json, challenge_response,
             max_body_bytes, retention_max_age_days, retention_max_count, retention_max_bytes, auto_hydrate_connection_id, created_at, updated_at)
           VALUES (:name, :path, :enabled, :auth, :token, :hmac, :challenge, :maxBody, :maxAge, :maxCount, :maxBytes, :autoHydrate, :at, :at)`,
        )
        .run(values);
      id = Number(result.lastInsertRowid);
    } else {
      this.db
        .prepare(
          `UPDATE endpoints SET name = :name, path = :path, enabled = :enabled, auth = :auth, token_hash_json = :token,
             hmac_secrets_json = :hmac, challenge_response = :challenge, max_body_bytes = :maxBody,
             retention_max_age_days = :maxAge, retention_max_count = :maxCount, retention_max_bytes = :maxBytes,
             auto_hydrate_connection_id = :autoHydrate, updated_at = :at WHERE id = :id`,
        )
        .run({ ...values, id });
    }
    const saved = this.get(id);
    if (!saved) throw new Error(`Endpoint ${id} vanished while saving.`);
    return saved;
  }

  delete(id: number): boolean {
    return Number(this.db.prepare('DELETE FROM endpoints WHERE id = ?').run(id).changes) > 0;
  }

  /** Adds refused/duplicate counts gathered in memory (one small write, not one per refused request). */
  addCounters(deltas: ReadonlyMap<number, { rejected: number; duplicates: number }>): void {
    const update = this.db.prepare(
      'UPDATE endpoints SET rejected_unauthorized = rejected_unauthorized + ?, duplicates = duplicates + ? WHERE id = ?',
    );
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for (const [id, d] of deltas) update.run(d.rejected, d.duplicates, id);
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }
}
