import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dir';
import { openDatabase } from '../store/database';
import { DuplicateSavedQueryError, SavedQueryStore } from './saved-query-store';

describe('SavedQueryStore', () => {
  const dir = tempDir();
  let db: ReturnType<typeof openDatabase>;
  let store: SavedQueryStore;
  const base = { folder: 'Labs', resourceType: 'Observation', method: 'GET' as const, connectionName: null, model: null };

  beforeEach(() => {
    db = openDatabase(dir.path);
    store = new SavedQueryStore(db, () => Date.UTC(2026, 10, 26));
  });
  afterEach(() => {
    db.close();
    dir.remove();
  });

  it('saves, renames and lists by folder and name', () => {
    const a = store.save({ ...base, name: 'Hemoglobin', query: 'code=718-7' });
    store.save({ ...base, folder: '', name: 'All patients', resourceType: 'Patient', query: '' });
    store.save({ ...a, name: 'Hgb last year', query: 'code=718-7&date=ge2025' });
    expect(store.list().map((q) => `${q.folder}/${q.name}`)).toEqual(['/All patients', 'Labs/Hgb last year']);
  });

  it('refuses a second query with the same name in the same folder', () => {
    store.save({ ...base, name: 'Hemoglobin', query: 'a' });
    expect(() => store.save({ ...base, name: 'Hemoglobin', query: 'b' })).toThrow(DuplicateSavedQueryError);
  });

  it('exports a plain file that imports into another data folder unchanged', () => {
    store.save({ ...base, name: 'Hemoglobin', query: 'code=718-7', model: { resourceType: 'Observation' } });
    const file = store.exportFile();
    const other = tempDir();
    const otherDb = openDatabase(other.path);
    const otherStore = new SavedQueryStore(otherDb, Date.now);
    expect(otherStore.importFile(file)).toEqual({ added: 1, replaced: 0 });
    expect(otherStore.importFile(file)).toEqual({ added: 0, replaced: 1 });
    expect(otherStore.exportFile()).toEqual(file);
    otherDb.close();
    other.remove();
  });
});
