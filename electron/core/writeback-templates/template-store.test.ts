import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dir';
import { openDatabase } from '../store/database';
import { TemplateNotFound, WritebackTemplateStore } from './template-store';

describe('WritebackTemplateStore', () => {
  const dir = tempDir();
  let db: ReturnType<typeof openDatabase>;
  let store: WritebackTemplateStore;

  beforeEach(() => {
    db = openDatabase(dir.path);
    store = new WritebackTemplateStore(db, () => Date.UTC(2026, 10, 26));
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  it('saves text and intent as given, lists by name, renames', () => {
    const text = '{\n  "resourceType": "Patient"\n}\n';
    const a = store.save({ name: 'Patient move', text, intent: { action: 'update' } });
    store.save({ name: 'a glucose', text: '{}', intent: {} });
    expect(store.list().map((t) => t.name)).toEqual(['a glucose', 'Patient move']);
    expect(store.list()[1]).toEqual({ id: a.id, name: 'Patient move', text, intent: { action: 'update' }, updatedAt: '2026-11-26T00:00:00.000Z' });
    store.save({ ...a, name: 'Patient address change' });
    expect(store.list().map((t) => t.name)).toEqual(['a glucose', 'Patient address change']);
  });

  it('replaces a template saved under an existing name', () => {
    store.save({ name: 'Reschedule', text: '1', intent: {} });
    const other = store.save({ name: 'Draft', text: '2', intent: {} });
    store.save({ id: other.id, name: 'Reschedule', text: '3', intent: { action: 'update', changed: ['start'] } });
    expect(store.list().map((t) => [t.name, t.text])).toEqual([['Reschedule', '3']]);
  });

  it('deletes, and says when an id is unknown', () => {
    const t = store.save({ name: 'x', text: '{}', intent: {} });
    expect(store.delete(t.id)).toBe(true);
    expect(store.delete(t.id)).toBe(false);
    expect(() => store.save({ id: t.id, name: 'y', text: '{}', intent: {} })).toThrow(TemplateNotFound);
  });
});
