import type { DatabaseSync } from 'node:sqlite';
import { type InboxView, NotificationFilter } from '../../../shared/contract';

interface ViewRow {
  id: number;
  name: string;
  filter_json: string;
  updated_at: number;
}

function toView(row: ViewRow): InboxView {
  // Parsed again on the way out: a view saved by an older build must not crash the inbox.
  const filter = NotificationFilter.safeParse(JSON.parse(row.filter_json));
  return { id: row.id, name: row.name, filter: filter.success ? filter.data : {}, updatedAt: new Date(row.updated_at).toISOString() };
}

/** Saved inbox views: a name and a filter. */
export class ViewStore {
  constructor(
    private readonly db: DatabaseSync,
    private readonly now: () => number,
  ) {}

  list(): InboxView[] {
    return (this.db.prepare('SELECT * FROM inbox_views ORDER BY name COLLATE NOCASE').all() as unknown as ViewRow[]).map(toView);
  }

  /** Creates or updates; a different view with the same name is replaced. */
  save(input: { id?: number; name: string; filter: NotificationFilter }): InboxView {
    const at = this.now();
    const json = JSON.stringify(input.filter);
    this.db.exec('BEGIN IMMEDIATE');
    try {
      let id = input.id;
      const sameName = this.db.prepare('SELECT id FROM inbox_views WHERE name = ?').get(input.name) as { id: number } | undefined;
      if (sameName && sameName.id !== id) {
        if (id !== undefined) this.db.prepare('DELETE FROM inbox_views WHERE id = ?').run(id);
        id = sameName.id;
      }
      if (id === undefined) {
        id = Number(
          this.db
            .prepare('INSERT INTO inbox_views (name, filter_json, created_at, updated_at) VALUES (?, ?, ?, ?)')
            .run(input.name, json, at, at).lastInsertRowid,
        );
      } else {
        const changed = this.db
          .prepare('UPDATE inbox_views SET name = ?, filter_json = ?, updated_at = ? WHERE id = ?')
          .run(input.name, json, at, id).changes;
        if (Number(changed) === 0) throw new ViewNotFound(id);
      }
      this.db.exec('COMMIT');
      return toView(this.db.prepare('SELECT * FROM inbox_views WHERE id = ?').get(id) as unknown as ViewRow);
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  delete(id: number): boolean {
    return Number(this.db.prepare('DELETE FROM inbox_views WHERE id = ?').run(id).changes) > 0;
  }
}

export class ViewNotFound extends Error {
  constructor(readonly id: number) {
    super(`View ${id} does not exist.`);
  }
}
