import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import type { CommandResult, NotificationExportChunk, NotificationExportInput } from '../../../shared/contract';
import { type ExportCall, ExportInterrupted, openNotificationExport } from './export-stream';

/** A core whose export has `pages` chunks ("chunk 3…1"), recording every call it gets. */
function fakeCore(pages: number, failAt?: number) {
  const calls: NotificationExportInput[] = [];
  const call: ExportCall = (input) => {
    calls.push(input);
    const page = input.beforeId ?? pages + 1;
    if (page - 1 === failAt) {
      return Promise.resolve({ ok: false, error: { code: 'internal', message: 'disk gone' } } satisfies CommandResult<NotificationExportChunk>);
    }
    return Promise.resolve({
      ok: true,
      value: { fileName: 'n.ndjson', mimeType: 'application/x-ndjson', content: `chunk ${page - 1}\n`, count: 1, nextBeforeId: page - 1 > 1 ? page - 1 : null },
    });
  };
  return { call, calls };
}

/** A sink that holds each write until `release()`, like a slow disk or a browser that stops reading. */
function slowSink() {
  const written: string[] = [];
  const waiting: (() => void)[] = [];
  const sink = new Writable({
    highWaterMark: 1,
    write(chunk: Buffer, _encoding, done) {
      written.push(chunk.toString());
      waiting.push(() => done());
    },
  });
  const release = () => waiting.shift()?.();
  return { sink, written, release };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('streamed export', () => {
  it('follows the cursor to the end, passing the same selection each time', async () => {
    const core = fakeCore(3);
    const opened = await openNotificationExport(core.call, { format: 'ndjson', ids: [7, 8] });
    if (!opened.ok) throw new Error(opened.error.message);
    const text: string[] = [];
    for await (const chunk of opened.value.chunks) text.push(chunk);
    expect(text.join('')).toBe('chunk 3\nchunk 2\nchunk 1\n');
    expect(core.calls).toEqual([
      { format: 'ndjson', ids: [7, 8] },
      { format: 'ndjson', ids: [7, 8], beforeId: 3 },
      { format: 'ndjson', ids: [7, 8], beforeId: 2 },
    ]);
    expect(opened.value.exported()).toBe(3);
    expect(opened.value.fileName).toBe('n.ndjson');
  });

  it('asks the core for the next chunk only when the writer has drained', async () => {
    const core = fakeCore(5);
    const opened = await openNotificationExport(core.call, { format: 'ndjson', filter: {} });
    if (!opened.ok) throw new Error(opened.error.message);
    const { sink, written, release } = slowSink();
    const done = pipeline(opened.value.chunks, sink);
    for (let i = 0; i < 5; i++) await tick();
    // One chunk being written and at most one more in hand: the rest stays in the core.
    expect(written).toHaveLength(1);
    expect(core.calls.length).toBeLessThanOrEqual(2);
    for (let i = 0; i < 5; i++) {
      release();
      await tick();
      await tick();
    }
    await done;
    expect(written.join('')).toBe('chunk 5\nchunk 4\nchunk 3\nchunk 2\nchunk 1\n');
  });

  it('stops asking the core when the reader goes away', async () => {
    const core = fakeCore(100);
    const opened = await openNotificationExport(core.call, { format: 'csv', filter: {} });
    if (!opened.ok) throw new Error(opened.error.message);
    const { sink } = slowSink();
    const done = pipeline(opened.value.chunks, sink);
    await tick();
    sink.destroy();
    await expect(done).rejects.toThrow();
    const asked = core.calls.length;
    await tick();
    expect(core.calls.length).toBe(asked);
    expect(asked).toBeLessThan(5);
  });

  it('reports a bad first chunk before anything is written, and a later failure as an interrupted stream', async () => {
    const early = await openNotificationExport(fakeCore(3, 3).call, { format: 'ndjson' });
    expect(early).toEqual({ ok: false, error: { code: 'internal', message: 'disk gone' } });

    const late = await openNotificationExport(fakeCore(3, 1).call, { format: 'ndjson' });
    if (!late.ok) throw new Error(late.error.message);
    const text: string[] = [];
    await expect(
      (async () => {
        for await (const chunk of late.value.chunks) text.push(chunk);
      })(),
    ).rejects.toBeInstanceOf(ExportInterrupted);
    expect(text).toEqual(['chunk 3\n', 'chunk 2\n']);
  });
});
