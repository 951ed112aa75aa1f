import type { DatabaseSync } from 'node:sqlite';
import { TemplateIntent, type WritebackTemplate } from '../../../shared/contract';

interface TemplateRow {
  id: number;
  name: string;
  text: string;
  intent_json: string;
  updated_at: number;
}

function toTemplate(row: TemplateRow): WritebackTemplate {
  // Parsed on the way out: a row written by another build must not break the editor.
  const intent = TemplateIntent.safeParse(JSON.parse(row.intent_json));
  return { id: row.id, name: row.name, text: row.text, intent: intent.success ? intent.data : {}, updatedAt: new Date(row.updated_at).toISOString() };
}

/** The writeback editor's user templates: a name, the FHIR JSON text and the edit's intent. */
export class WritebackTemplateStore {
  constructor(
    private readonly db: DatabaseSync,
    private readonly now: () => number,
  ) {}

  list(): WritebackTemplate[] {
    return (this.db.prepare('SELECT * FROM writeback_templates ORDER BY name COLLATE NOCASE').all() as unknown as TemplateRow[]).map(toTemplate);
  }

  /** Creates or updates; another template with the same name is replaced (one name, one template). */
  save(input: { id?: number; name: string; text: string; intent: TemplateIntent }): WritebackTemplate {
    const at = this.now();
    const intent = JSON.stringify(input.intent);
    this.db.exec('BEGIN IMMEDIATE');
    try {
      let id = input.id;
      const sameName = this.db.prepare('SELECT id FROM writeback_templates WHERE name = ?').get(input.name) as { id: number } | undefined;
      if (sameName && sameName.id !== id) {
        if (id !== undefined) this.db.prepare('DELETE FROM writeback_templates WHERE id = ?').run(id);
        id = sameName.id;
      }
      if (id === undefined) {
        id = Number(
          this.db
            .prepare('INSERT INTO writeback_templates (name, text, intent_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
            .run(input.name, input.text, intent, at, at).lastInsertRowid,
        );
      } else {
        const changed = this.db
          .prepare('UPDATE writeback_templates SET name = ?, text = ?, intent_json = ?, updated_at = ? WHERE id = ?')
          .run(input.name, input.text, intent, at, id).changes;
        if (Number(changed) === 0) throw new TemplateNotFound(id);
      }
      this.db.exec('COMMIT');
      return toTemplate(this.db.prepare('SELECT * FROM writeback_templates WHERE id = ?').get(id) as unknown as TemplateRow);
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  delete(id: number): boolean {
    return Number(this.db.prepare('DELETE FROM writeback_templates WHERE id = ?').run(id).changes) > 0;
  }
}

export class TemplateNotFound extends Error {
  constructor(readonly id: number) {
    super(`Writeback template ${id} does not exist.`);
  }
}
