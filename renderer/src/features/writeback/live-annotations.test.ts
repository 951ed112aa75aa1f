import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { editorAnnotations, liveAnnotations, type AnnotationUi } from './live-annotations';
import { PreviewClient, type PreviewSnapshot } from './preview-client';
import type { PreviewOutput } from './preview-compute';

const output = {
  kind: 'ok',
  result: { lineage: [{ segmentIndex: 1, field: 5, fhirPaths: ['Patient.name'] }], issues: [], unmapped: [] },
  checks: [{ severity: 'warning', message: 'no id', fhirPath: 'Patient.id' }],
  ranges: { 'Patient.name': { start: 10, end: 20 }, 'Patient.id': { start: 2, end: 4 } },
  unmappedRanges: [{ start: 30, end: 40 }],
  rootType: 'Patient',
  focusType: 'Patient',
  computeMs: 0,
} as unknown as PreviewOutput;

const snapshot = { output, text: 'text', seq: 1, problem: null, pending: false } as PreviewSnapshot;

describe('editorAnnotations', () => {
  it('highlights the picked field’s sources, else a revealed range', () => {
    expect(editorAnnotations(snapshot, { picked: { segmentIndex: 1, field: 5 }, reveal: null }).highlights).toEqual([{ start: 10, end: 20 }]);
    expect(editorAnnotations(snapshot, { picked: null, reveal: { range: { start: 1, end: 2 } } }).highlights).toEqual([{ start: 1, end: 2 }]);
  });

  it('marks the FHIR checks and unmapped elements of the text the preview came from', () => {
    const a = editorAnnotations(snapshot, { picked: null, reveal: null });
    expect(a.text).toBe('text');
    expect(a.unmapped).toEqual([{ start: 30, end: 40 }]);
    expect(a.markers).toEqual([{ start: 2, end: 4, severity: 'warning', message: 'no id', source: 'FHIR R4' }]);
  });
});

describe('liveAnnotations', () => {
  const setup = () => {
    const client = new PreviewClient(() => {
      throw new Error('no worker in this test');
    });
    client.computeInline(() => output);
    const store = createStore<AnnotationUi & { text: string }>()(() => ({ picked: null, reveal: null, text: '' }));
    const source = liveAnnotations(client, store);
    let heard = 0;
    source.subscribe(() => heard++);
    return { client, store, source, heard: () => heard };
  };

  it('tells of a new preview and of a pick, not of other page state', () => {
    const { client, store, heard } = setup();
    client.submit('{}', {});
    expect(heard()).toBe(1);
    store.setState({ text: 'typed' });
    expect(heard()).toBe(1);
    store.setState({ picked: { segmentIndex: 1, field: 5 } });
    expect(heard()).toBe(2);
  });

  it('gives the same object until something it depends on changes', () => {
    const { client, store, source } = setup();
    client.submit('{}', {});
    const a = source.get();
    store.setState({ text: 'typed' });
    expect(source.get()).toBe(a);
    client.submit('{ }', {});
    expect(source.get()).not.toBe(a);
  });
});
