import type { DatabaseSync } from 'node:sqlite';
import type { SavedQueriesFile, SavedQuery } from '../../../shared/contract';

interface Row {
  id: number;
  name: string;
  folder: string;
  resource_type: string | null;
  method: 'GET' | 'POST';
  query: string;
  connection_name: string | null;
  model_json: string | null;
  updated_at: number;
}

export type SavedQueryInput = Omit<SavedQuery, 'id' | 'updatedAt'> & { id?: number };

const toSaved = (row: Row): SavedQuery => ({
  id: row.id,
  name: row.name,
  folder: row.folder,
  resourceType: row.resource_type,
  method: row.method,
  query: row.query,
  connectionName: row.connection_name,
  model: row.model_json === null ? null : (JSON.parse(row.model_json) as unknown),
  updatedAt: new Date(row.updated_at).toISOString(),
});

export class DuplicateSavedQueryError extends Error {}

/** Named searches in folders; exported and imported as plain JSON files so teams share them through git. */
export class SavedQueryStore {
  constructor(
    private readonly db: DatabaseSync,
    private readonly now: () => number,
  ) {}

  list(): SavedQuery[] {
    return (this.db.prepare('SELECT * FROM saved_queries ORDER BY folder, name').all() as unknown as Row[]).map(toSaved);
  }

  get(id: number): SavedQuery | null {
    const row = this.db.prepare('SELECT * FROM saved_queries WHERE id = ?').get(id) as Row | undefined;
    return row ? toSaved(row) : null;
  }

  save(input: SavedQueryInput): SavedQuery {
    const model = input.model === undefined || input.model === null ? null : JSON.stringify(input.model);
    const now = this.now();
    const clash = this.db.prepare('SELECT id FROM saved_queries WHERE folder = ? AND name = ?').get(input.folder, input.name) as
      | { id: number }
      | undefined;
    if (clash && clash.id !== input.id) {
      throw new DuplicateSavedQueryError(`A saved query named "${input.name}" already exists in ${input.folder || 'the top folder'}.`);
    }
    if (input.id !== undefined) {
      this.db
        .prepare(
          'UPDATE saved_queries SET name = ?, folder = ?, resource_type = ?, method = ?, query = ?, connection_name = ?, model_json = ?, updated_at = ? WHERE id = ?',
        )
        .run(input.name, input.folder, input.resourceType, input.method, input.query, input.connectionName, model, now, input.id);
      const saved = this.get(input.id);
      if (saved) return saved;
    }
    const result = this.db
      .prepare(
        `INSERT INTO saved_queries (name, folder, resource_type, method, query, connection_name, model_json, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(input.name, input.folder, input.resourceType, input.method, input.query, input.connectionName, model, now, now);
    return this.get(Number(result.lastInsertRowid)) as SavedQuery;
  }

  delete(id: number): boolean {
    return Number(this.db.prepare('DELETE FROM saved_queries WHERE id = ?').run(id).changes) > 0;
  }

  exportFile(ids?: readonly number[]): SavedQueriesFile {
    const chosen = ids ? this.list().filter((q) => ids.includes(q.id)) : this.list();
    return {
      format: 'switchboard.saved-queries',
      version: 1,
      queries: chosen.map((q) => ({
        name: q.name,
        folder: q.folder,
        resourceType: q.resourceType,
        method: q.method,
        query: q.query,
        connectionName: q.connectionName,
        ...(q.model === null ? {} : { model: q.model }),
      })),
    };
  }

  /** Adds every query of the file; one with the same folder and name is replaced. All or nothing. */
  importFile(file: SavedQueriesFile): { added: number; replaced: number } {
    let added = 0;
    let replaced = 0;
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for (const q of file.queries) {
        const existing = this.db.prepare('SELECT id FROM saved_queries WHERE folder = ? AND name = ?').get(q.folder, q.name) as
          | { id: number }
          | undefined;
        this.save({ ...q, model: q.model ?? null, ...(existing ? { id: existing.id } : {}) });
        if (existing) replaced++;
        else added++;
      }
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
    return { added, replaced };
  }
}
