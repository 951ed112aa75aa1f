import type { DatabaseSync } from 'node:sqlite';
import { DestinationConfig, type Destination } from '../../../shared/contract';

interface Row {
  id: number;
  name: string;
  config_json: string;
  created_at: number;
  updated_at: number;
}

export class DuplicateDestinationError extends Error {}

/** Where a destination sends, in words (also shown for inline destinations). */
export function destinationLabel(config: DestinationConfig, connectionName?: string | null): string {
  if (config.transport === 'mllp') return `${config.tls.enabled ? 'mllps' : 'mllp'}://${hostPort(config.host, config.port)}`;
  return `fhir:${connectionName ?? config.connectionId} (${config.mode})`;
}

/** Writebacks with the same key share one receiving endpoint: one in flight at a time, in order. */
export function queueKey(config: DestinationConfig): string {
  if (config.transport === 'mllp') return `${config.tls.enabled ? 'mllps' : 'mllp'}://${hostPort(config.host, config.port).toLowerCase()}`;
  return `fhir:${config.connectionId}`;
}

const hostPort = (host: string, port: number) => (host.includes(':') && !host.startsWith('[') ? `[${host}]:${port}` : `${host}:${port}`);

/** Saved writeback destinations. Writebacks keep a copy of the settings they were queued with. */
export class DestinationStore {
  constructor(
    private readonly db: DatabaseSync,
    private readonly now: () => number,
    private readonly connectionName: (connectionId: string) => string | null,
  ) {}

  list(): Destination[] {
    return (this.db.prepare('SELECT * FROM writeback_destinations ORDER BY name').all() as unknown as Row[]).map((r) => this.toDestination(r));
  }

  get(id: number): Destination | null {
    const row = this.db.prepare('SELECT * FROM writeback_destinations WHERE id = ?').get(id) as Row | undefined;
    return row ? this.toDestination(row) : null;
  }

  save(input: { id?: number | undefined; name: string; config: DestinationConfig }): Destination {
    const clash = this.db.prepare('SELECT id FROM writeback_destinations WHERE name = ?').get(input.name) as { id: number } | undefined;
    if (clash && clash.id !== input.id) throw new DuplicateDestinationError(`A destination named "${input.name}" already exists.`);
    const now = this.now();
    const json = JSON.stringify(input.config);
    if (input.id !== undefined) {
      const changed = this.db
        .prepare('UPDATE writeback_destinations SET name = ?, config_json = ?, updated_at = ? WHERE id = ?')
        .run(input.name, json, now, input.id);
      if (Number(changed.changes) === 0) return this.insert(input.name, json, now);
      return this.get(input.id) as Destination;
    }
    return this.insert(input.name, json, now);
  }

  delete(id: number): boolean {
    return Number(this.db.prepare('DELETE FROM writeback_destinations WHERE id = ?').run(id).changes) > 0;
  }

  private insert(name: string, json: string, now: number): Destination {
    const result = this.db
      .prepare('INSERT INTO writeback_destinations (name, config_json, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run(name, json, now, now);
    return this.get(Number(result.lastInsertRowid)) as Destination;
  }

  private toDestination(row: Row): Destination {
    // Parsed again so settings added by a later version get their defaults.
    const config = DestinationConfig.parse(JSON.parse(row.config_json));
    return {
      id: row.id,
      name: row.name,
      config,
      label: destinationLabel(config, config.transport === 'fhir' ? this.connectionName(config.connectionId) : null),
      createdAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
    };
  }
}
