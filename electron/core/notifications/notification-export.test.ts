import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../test-support/temp-dir';
import { openDatabase } from '../store/database';
import { NotificationStore } from '../store/notification-store';
import { incomingJson, patientMessage } from '../store/test-support/incoming';
import type { IncomingNotification } from '../store/notification-types';
import { CSV_COLUMNS, csvCell, EXPORT_CHUNK_BYTES, exportChunk, type ExportRequest } from './notification-export';

describe('CSV cells', () => {
  it('quotes per RFC 4180', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('neutralises text a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+1+1')).toBe("'+1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-12.5')).toBe('-12.5');
  });
});

/** Splits CSV text into rows of cells, honouring quotes (enough for these tests). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('export chunks', () => {
  const dir = tempDir();
  let db: ReturnType<typeof openDatabase>;
  let store: NotificationStore;

  beforeEach(() => {
    db = openDatabase(dir.path);
    store = new NotificationStore(db);
  });
  afterEach(async () => {
    await store.close();
    db.close();
    dir.remove();
  });

  const ids = (content: string) => content.trim().split('\n').map((l) => (JSON.parse(l) as { id: number }).id);

  /** Every chunk of an export, following the cursor as a host does. */
  function wholeExport(request: Omit<ExportRequest, 'beforeId'>) {
    const chunks: ReturnType<typeof exportChunk>[] = [];
    let beforeId: number | undefined;
    do {
      const chunk = exportChunk(store, { ...request, ...(beforeId === undefined ? {} : { beforeId }) }, [], 0);
      chunks.push(chunk);
      beforeId = chunk.nextBeforeId ?? undefined;
    } while (beforeId !== undefined);
    return chunks;
  }

  it('exports exactly the ids asked for, newest first, with the body as received', () => {
    store.importBatch(['MRN-1', 'MRN-2', 'MRN-3', 'MRN-4'].map((mrn) => incomingJson(patientMessage(mrn))));
    const [chunk, ...rest] = wholeExport({ format: 'ndjson', ids: [1, 3, 3, 99] });
    expect(rest).toHaveLength(0);
    expect(chunk?.count).toBe(2);
    expect(ids(chunk?.content ?? '')).toEqual([3, 1]);
    const first = JSON.parse(chunk?.content.split('\n')[0] ?? '') as { body: string; bodyEncoding: string };
    expect(first.bodyEncoding).toBe('utf8');
    expect(first.body).toBe(patientMessage('MRN-3'));
  });

  it('exports what the filter matches when no ids are given', () => {
    store.importBatch([incomingJson(patientMessage('MRN-1')), incomingJson('{"resourceType":"Patient"}'), incomingJson(patientMessage('MRN-2'))]);
    const [chunk] = wholeExport({ format: 'ndjson', filter: { patient: { value: 'MRN-2' } } });
    expect(ids(chunk?.content ?? '')).toEqual([3]);
    const [all] = wholeExport({ format: 'ndjson', filter: {} });
    expect(ids(all?.content ?? '')).toEqual([3, 2, 1]);
  });

  it('writes summary columns as CSV with the header once, quoting what a sender wrote', () => {
    const tricky: IncomingNotification = { ...incomingJson(patientMessage('MRN,"7"')), source: '=cmd|calc' };
    store.importBatch([incomingJson(patientMessage('MRN-1')), tricky]);
    const [chunk] = wholeExport({ format: 'csv', filter: {} });
    const rows = parseCsv(chunk?.content ?? '');
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(3);
    const cell = (row: string[] | undefined, column: (typeof CSV_COLUMNS)[number]) => row?.[CSV_COLUMNS.indexOf(column)];
    expect(cell(rows[1], 'id')).toBe('2');
    expect(cell(rows[1], 'patientIdentifiers')).toBe('urn:mrn|MRN,"7"');
    expect(cell(rows[1], 'source')).toBe("'=cmd|calc");
    expect(cell(rows[2], 'id')).toBe('1');
    expect(cell(rows[2], 'patientIdentifiers')).toBe('urn:mrn|MRN-1');
  });

  it('splits a large export into chunks that join into every row once, newest first', () => {
    // Five bodies of ~2.5 MB: more than one chunk's worth.
    const big = (i: number) => JSON.stringify({ resourceType: 'Basic', i, pad: 'x'.repeat(2_500_000) });
    store.importBatch(Array.from({ length: 5 }, (_, i) => incomingJson(big(i))));
    const details = vi.spyOn(store, 'details');
    for (const request of [{ filter: {} }, { ids: [1, 2, 3, 4, 5] }]) {
      const chunks = wholeExport({ format: 'ndjson', ...request });
      expect(chunks.length).toBeGreaterThan(1);
      for (const chunk of chunks) expect(chunk.content.length).toBeLessThan(EXPORT_CHUNK_BYTES + 3_000_000);
      expect(chunks.flatMap((c) => ids(c.content))).toEqual([5, 4, 3, 2, 1]);
      expect(chunks.reduce((n, c) => n + c.count, 0)).toBe(5);
    }
    // Raw bodies are read a few megabytes at a time, never a whole id batch of them at once.
    expect(Math.max(...details.mock.calls.map(([batch]) => batch.length))).toBe(1);
  });

  it('puts the CSV header only in the first chunk', () => {
    store.importBatch([incomingJson(patientMessage('MRN-1')), incomingJson(patientMessage('MRN-2'))]);
    const next = exportChunk(store, { format: 'csv', filter: {}, beforeId: 2 }, [], 0);
    expect(parseCsv(next.content).map((r) => r[0])).toEqual(['1']);
  });
});
