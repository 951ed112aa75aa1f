import { describe, expect, it } from 'vitest';
import { csvCell } from './notification-export';

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

describe('chunked export', () => {
  it('splits a large export into chunks that join into every row, newest first', async () => {
    const { tempDir } = await import('../../test-support/temp-dir');
    const { openDatabase } = await import('../store/database');
    const { NotificationStore } = await import('../store/notification-store');
    const { exportChunk, EXPORT_CHUNK_BYTES } = await import('./notification-export');
    const dir = tempDir();
    const db = openDatabase(dir.path);
    const store = new NotificationStore(db);
    try {
      // Five bodies of ~2.5 MB: more than one chunk's worth.
      const big = (i: number) => new TextEncoder().encode(JSON.stringify({ i, pad: 'x'.repeat(2_500_000) }));
      store.importBatch(
        Array.from({ length: 5 }, (_, i) => ({
          receivedAt: i,
          endpointId: 1,
          endpointPath: '/webhook',
          method: 'POST',
          remoteAddress: null,
          headers: [] as [string, string][],
          contentType: 'application/json',
          body: big(i),
          parseStatus: 'ok' as const,
          parseError: null,
          verification: 'none' as const,
          source: null,
          facts: null,
        })),
      );
      const seen: number[] = [];
      let beforeId: number | undefined;
      let calls = 0;
      for (;;) {
        const chunk = exportChunk(store, { format: 'ndjson', filter: {}, ...(beforeId ? { beforeId } : {}) }, [], 0);
        calls++;
        expect(chunk.content.length).toBeLessThan(EXPORT_CHUNK_BYTES + 3_000_000);
        seen.push(...chunk.content.trim().split('\n').map((l) => (JSON.parse(l) as { id: number }).id));
        if (chunk.nextBeforeId === null) break;
        beforeId = chunk.nextBeforeId;
      }
      expect(calls).toBeGreaterThan(1);
      expect(seen).toEqual([5, 4, 3, 2, 1]);
    } finally {
      store.close();
      db.close();
      dir.remove();
    }
  });
});
