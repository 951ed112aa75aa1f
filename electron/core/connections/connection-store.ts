import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import {
  CapabilitySummary,
  ConnectionFields,
  LastTest,
  PublicKeyInfo,
  secretNames,
  type Connection,
  type ConnectionSummary,
  type SecretName,
  type SecretsInput,
} from '../../../shared/contract';
import type { SecretBox } from '../secrets/secret-box';
import type { PublicSigningJwk } from '../auth/signing-keys';

/** The private half of the signing key pair is stored like any other secret, under this name. */
export const PRIVATE_KEY_SECRET = 'privateKey';
type StoredSecretName = SecretName | typeof PRIVATE_KEY_SECRET;

/** What `config_json` holds: the contract's fields, validated again when read back. */
const StoredConfig = ConnectionFields.extend({
  key: PublicKeyInfo.extend({ publicJwk: z.looseObject({ kty: z.string(), kid: z.string() }) }).nullable().default(null),
  lastTest: LastTest.nullable().default(null),
});
type StoredConfig = z.infer<typeof StoredConfig>;
export type ConnectionConfig = z.output<typeof ConnectionFields>;

interface Row {
  id: string;
  config_json: string;
  created_at: number;
  updated_at: number;
}

export interface StoredConnection {
  id: string;
  config: StoredConfig;
  createdAt: number;
  updatedAt: number;
}

/**
 * Connections in SQLite. Secret values enter only through `save`/`setKey` (encrypted by the
 * SecretBox before the transaction) and leave only through `secret()`, for the HTTP client:
 * `get` and `list` report which secrets are set, never their values.
 */
export class ConnectionStore {
  constructor(
    private readonly db: DatabaseSync,
    private readonly box: SecretBox,
    private readonly now: () => number,
  ) {}

  private row(id: string): StoredConnection | null {
    const row = this.db.prepare('SELECT id, config_json, created_at, updated_at FROM connections WHERE id = ?').get(id) as
      | Row
      | undefined;
    return row ? this.fromRow(row) : null;
  }

  private fromRow(row: Row): StoredConnection {
    return {
      id: row.id,
      config: StoredConfig.parse(JSON.parse(row.config_json)),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  stored(id: string): StoredConnection | null {
    return this.row(id);
  }

  private secretsSet(id: string): Record<SecretName, boolean> {
    const names = new Set(
      (this.db.prepare('SELECT name FROM connection_secrets WHERE connection_id = ?').all(id) as { name: string }[]).map(
        (r) => r.name,
      ),
    );
    return Object.fromEntries(secretNames.map((n) => [n, names.has(n)])) as Record<SecretName, boolean>;
  }

  private toConnection(s: StoredConnection): Connection {
    const { key, lastTest, ...fields } = s.config;
    return {
      ...fields,
      id: s.id,
      secrets: this.secretsSet(s.id),
      key: key ? { alg: key.alg, kid: key.kid, createdAt: key.createdAt } : null,
      lastTest,
      createdAt: new Date(s.createdAt).toISOString(),
      updatedAt: new Date(s.updatedAt).toISOString(),
    };
  }

  get(id: string): Connection | null {
    const s = this.row(id);
    return s ? this.toConnection(s) : null;
  }

  list(): ConnectionSummary[] {
    const rows = this.db.prepare('SELECT id, config_json, created_at, updated_at FROM connections ORDER BY name COLLATE NOCASE, id').all() as unknown as Row[];
    return rows.map((row) => {
      const { config } = this.fromRow(row);
      return {
        id: row.id,
        name: config.name,
        baseUrl: config.baseUrl,
        environment: config.environment,
        authType: config.auth.type,
        allowSelfSigned: config.tls.allowSelfSigned,
        lastTest: config.lastTest,
      };
    });
  }

  /** Creates or updates; secrets: a value replaces, `null` clears, absent keeps. Null when the id is unknown. */
  async save(id: string | undefined, fields: ConnectionConfig, secrets: SecretsInput): Promise<Connection | null> {
    const existing = id === undefined ? null : this.row(id);
    if (id !== undefined && !existing) return null;
    // Encrypt before the transaction: the SecretBox is async and a transaction must not span an await.
    const sealed: [SecretName, string | null][] = [];
    for (const name of secretNames) {
      const value = secrets[name];
      if (value === undefined) continue;
      sealed.push([name, value === null ? null : await this.box.encrypt(value)]);
    }
    const now = this.now();
    const connectionId = existing?.id ?? randomUUID();
    // A change of URL or auth makes the last test's verdict stale.
    const keepTest =
      existing !== null &&
      existing.config.baseUrl === fields.baseUrl &&
      JSON.stringify(existing.config.auth) === JSON.stringify(fields.auth);
    const config: StoredConfig = {
      ...fields,
      key: existing?.config.key ?? null,
      lastTest: keepTest ? (existing?.config.lastTest ?? null) : null,
    };
    this.transaction(() => {
      if (existing) {
        this.db
          .prepare('UPDATE connections SET name = ?, config_json = ?, updated_at = ? WHERE id = ?')
          .run(fields.name, JSON.stringify(config), now, connectionId);
      } else {
        this.db
          .prepare('INSERT INTO connections (id, name, config_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
          .run(connectionId, fields.name, JSON.stringify(config), now, now);
      }
      for (const [name, cipher] of sealed) this.writeSecret(connectionId, name, cipher);
    });
    return this.get(connectionId);
  }

  private writeSecret(id: string, name: StoredSecretName, cipher: string | null): void {
    if (cipher === null) {
      this.db.prepare('DELETE FROM connection_secrets WHERE connection_id = ? AND name = ?').run(id, name);
    } else {
      this.db
        .prepare(
          'INSERT INTO connection_secrets (connection_id, name, ciphertext) VALUES (?, ?, ?) ON CONFLICT (connection_id, name) DO UPDATE SET ciphertext = excluded.ciphertext',
        )
        .run(id, name, cipher);
    }
  }

  private transaction(work: () => void): void {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      work();
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM connections WHERE id = ?').run(id).changes > 0;
  }

  /** Decrypts one secret for the HTTP client; null when not set. */
  async secret(id: string, name: StoredSecretName): Promise<string | null> {
    const row = this.db.prepare('SELECT ciphertext FROM connection_secrets WHERE connection_id = ? AND name = ?').get(id, name) as
      | { ciphertext: string }
      | undefined;
    return row ? this.box.decrypt(row.ciphertext) : null;
  }

  /** Replaces the signing key pair: the private key encrypted, the public JWK in the settings. */
  async setKey(id: string, privateKeyPem: string, publicJwk: PublicSigningJwk): Promise<void> {
    const cipher = await this.box.encrypt(privateKeyPem);
    const s = this.row(id);
    if (!s) return;
    const config: StoredConfig = {
      ...s.config,
      key: { alg: publicJwk.alg, kid: publicJwk.kid, createdAt: new Date(this.now()).toISOString(), publicJwk: { ...publicJwk } },
    };
    this.transaction(() => {
      this.db.prepare('UPDATE connections SET config_json = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(config), this.now(), id);
      this.writeSecret(id, PRIVATE_KEY_SECRET, cipher);
    });
  }

  recordTest(id: string, ok: boolean, message: string): void {
    const s = this.row(id);
    if (!s) return;
    const config: StoredConfig = { ...s.config, lastTest: { at: new Date(this.now()).toISOString(), ok, message } };
    this.db.prepare('UPDATE connections SET config_json = ? WHERE id = ?').run(JSON.stringify(config), id);
  }

  saveCapabilities(id: string, summary: CapabilitySummary): void {
    this.db
      .prepare(
        'INSERT INTO connection_capabilities (connection_id, fetched_at, summary_json) VALUES (?, ?, ?) ON CONFLICT (connection_id) DO UPDATE SET fetched_at = excluded.fetched_at, summary_json = excluded.summary_json',
      )
      .run(id, this.now(), JSON.stringify(summary));
  }

  capabilities(id: string): CapabilitySummary | null {
    const row = this.db.prepare('SELECT summary_json FROM connection_capabilities WHERE connection_id = ?').get(id) as
      | { summary_json: string }
      | undefined;
    return row ? CapabilitySummary.parse(JSON.parse(row.summary_json)) : null;
  }
}
