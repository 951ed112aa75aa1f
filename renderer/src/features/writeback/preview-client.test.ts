import { describe, expect, it } from 'vitest';
import type { TranslateOptions } from '../../../../shared/fhir-to-v2';
import { INLINE_MAX_CHARS, PreviewClient, type ComputePreview } from './preview-client';
import type { PreviewOutput } from './preview-compute';
import type { PreviewRequest, PreviewResponse } from './preview-protocol';

const OPTIONS: TranslateOptions = {};

/** What the client needs of a Worker: requests are kept until the test answers them. */
class FakeWorker {
  readonly requests: PreviewRequest[] = [];
  onmessage: ((event: MessageEvent<PreviewResponse>) => void) | null = null;
  postMessage(request: PreviewRequest) {
    this.requests.push(request);
  }
  terminate() {}
  answer(request: PreviewRequest, output: PreviewOutput) {
    this.onmessage?.({ data: { id: request.id, ...output } } as MessageEvent<PreviewResponse>);
  }
}

const ok = (text: string): PreviewOutput =>
  ({ kind: 'ok', result: { er7: text }, checks: [], ranges: {}, unmappedRanges: [], rootType: null, focusType: null, computeMs: 0 }) as unknown as PreviewOutput;
const computed: ComputePreview = (text) => ok(text);
const long = (c: string) => c.repeat(INLINE_MAX_CHARS + 1);

function setup() {
  const worker = new FakeWorker();
  const client = new PreviewClient(() => worker as unknown as Worker);
  return { worker, client };
}

describe('PreviewClient', () => {
  it('sends texts to the worker, one at a time, keeping only the newest waiting', () => {
    const { worker, client } = setup();
    client.submit('a', OPTIONS);
    client.submit('b', OPTIONS);
    client.submit('c', OPTIONS);
    expect(worker.requests.map((r) => r.text)).toEqual(['a']);
    expect(client.getSnapshot().pending).toBe(true);
    worker.answer(worker.requests[0] as PreviewRequest, ok('a'));
    expect(worker.requests.map((r) => r.text)).toEqual(['a', 'c']);
    expect(client.getSnapshot()).toMatchObject({ text: 'a', pending: true });
    worker.answer(worker.requests[1] as PreviewRequest, ok('c'));
    expect(client.getSnapshot()).toMatchObject({ text: 'c', pending: false });
  });

  it('computes short texts at once, once the computation is given, and long ones in the worker', () => {
    const { worker, client } = setup();
    client.computeInline(computed);
    const seen: (string | null)[] = [];
    client.subscribe(() => seen.push(client.getSnapshot().text));
    client.submit('short', OPTIONS);
    expect(seen).toEqual(['short']);
    expect(client.getSnapshot().pending).toBe(false);
    client.submit(long('x'), OPTIONS);
    expect(worker.requests.map((r) => r.text.length)).toEqual([INLINE_MAX_CHARS + 1]);
  });

  it('drops a worker answer that a text computed here has overtaken', () => {
    const { worker, client } = setup();
    client.submit(long('x'), OPTIONS);
    client.computeInline(computed);
    client.submit('newer', OPTIONS);
    expect(client.getSnapshot()).toMatchObject({ text: 'newer', pending: false });
    worker.answer(worker.requests[0] as PreviewRequest, ok('older'));
    expect(client.getSnapshot().text).toBe('newer');
  });

  it('keeps the last good preview and says why the newest text has none', () => {
    const { client } = setup();
    client.computeInline((text) => (text.startsWith('{') ? ok(text) : { kind: 'invalid-json', message: 'Unexpected token', computeMs: 0 }));
    client.submit('{}', OPTIONS);
    client.submit('{', OPTIONS);
    client.submit('not json', OPTIONS);
    expect(client.getSnapshot()).toMatchObject({ text: '{', problem: 'Unexpected token' });
    client.submit('{"a":1}', OPTIONS);
    expect(client.getSnapshot()).toMatchObject({ text: '{"a":1}', problem: null });
  });
});
