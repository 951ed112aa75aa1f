import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEART_RATE_COUNT_PAT_1, startFhirTestServer, type FhirTestServer } from '../../../e2e/fhir-test-server';
import type { QueryPageSummary, QueryProgress } from '../../../shared/contract';
import { toQueryString } from '../../../shared/fhir-search';
import { tempDir } from '../../test-support/temp-dir';
import { createCore, type Core } from '../core';

/** Integration: searches through the whole core against a real FHIR server over HTTP. */
describe('queries against a real FHIR server', () => {
  const dir = tempDir();
  let server: FhirTestServer;
  let core: Core;
  let connectionId: string;

  async function call<T>(name: string, input: unknown): Promise<T> {
    const result = await core.execute(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  }

  beforeAll(async () => {
    server = await startFhirTestServer();
    core = createCore({ dataDir: dir.path, host: 'headless', version: 'test', receiver: { port: 0 } });
    connectionId = (await call<{ id: string }>('connections.save', { name: 'Test FHIR', baseUrl: server.baseUrl, auth: { type: 'none' } })).id;
  });
  afterAll(async () => {
    await core.close();
    await server.close();
    dir.remove();
  });

  it('runs a chained search built from the model and shows the matching resources', async () => {
    const query = toQueryString({
      resourceType: 'Observation',
      parameters: [
        { kind: 'search', name: 'name', chain: [{ parameter: 'subject', targetType: 'Patient' }], values: [{ kind: 'string', value: 'Lindqvist' }] },
        { kind: 'search', name: 'category', values: [{ kind: 'token', code: 'laboratory' }] },
      ],
    });
    expect(query).toBe('subject:Patient.name=Lindqvist&category=laboratory');
    const page = await call<QueryPageSummary>('query.execute', { connectionId, resourceType: 'Observation', query, method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.entryCount).toBeGreaterThan(0);
    const rows = await call<{ rows: { cells: string[] }[] }>('query.entries', {
      runId: page.runId,
      pageIndex: 0,
      columns: ['subject.reference', 'category.first()'],
    });
    expect(new Set(rows.rows.map((r) => r.cells[0]))).toEqual(new Set(['Patient/pat-3']));
    expect(rows.rows.every((r) => r.cells[1] === 'Laboratory')).toBe(true);
  });

  it('pages with POST _search and fetches every page', async () => {
    const query = `patient=Patient/pat-1&code=${encodeURIComponent('http://loinc.org|8867-4')}&_count=100`;
    const first = await call<QueryPageSummary>('query.execute', { connectionId, resourceType: 'Observation', query, method: 'POST' });
    expect(first).toMatchObject({ status: 200, entryCount: 100, links: { next: true } });
    expect(server.requests.some((r) => r.method === 'POST' && r.url.endsWith('/Observation/_search'))).toBe(true);

    const progress = new Promise<QueryProgress>((resolve) => {
      const stop = core.events.subscribe((name, payload) => {
        if (name === 'query.progress' && (payload as QueryProgress).done) {
          stop();
          resolve(payload as QueryProgress);
        }
      });
    });
    await call('query.fetchAll', { runId: first.runId, maxPages: 50, maxEntries: 10_000 });
    expect(await progress).toMatchObject({ stoppedBy: 'end', entriesFetched: HEART_RATE_COUNT_PAT_1, pagesFetched: 3 });

    const ndjson = await call<{ content: string }>('query.export', { runId: first.runId, scope: 'all', format: 'ndjson' });
    const ids = ndjson.content.trimEnd().split('\n').map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toHaveLength(HEART_RATE_COUNT_PAT_1);
    expect(new Set(ids).size).toBe(HEART_RATE_COUNT_PAT_1);
  });

  it('shows _include entries with their search mode', async () => {
    const page = await call<QueryPageSummary>('query.execute', {
      connectionId,
      resourceType: 'Observation',
      query: 'patient=Patient/pat-2&category=laboratory&_include=Observation:patient',
      method: 'GET',
    });
    expect(page.searchModes.include).toBe(1);
    expect(page.searchModes.match).toBeGreaterThan(0);
  });

  it('keeps every run in history, searchable, and reopens one with its model', async () => {
    const model = { resourceType: 'Patient', parameters: [{ kind: 'search', name: 'family', values: [{ kind: 'string', value: 'Okafor' }] }] };
    const page = await call<QueryPageSummary>('query.execute', { connectionId, resourceType: 'Patient', query: 'family=Okafor', method: 'GET', model });
    const found = await call<{ items: { runId: number }[] }>('history.list', { text: 'Okafor' });
    expect(found.items.map((r) => r.runId)).toEqual([page.runId]);
    expect(await call('history.get', { runId: page.runId })).toMatchObject({ model, connectionName: 'Test FHIR', status: 200 });
  });

  it('explains a server that is not there', async () => {
    const dead = await call<{ id: string }>('connections.save', { name: 'Gone', baseUrl: 'http://127.0.0.1:9/fhir', auth: { type: 'none' }, timeoutMs: 2000 });
    const page = await call<QueryPageSummary>('query.execute', { connectionId: dead.id, resourceType: 'Patient', query: '', method: 'GET' });
    expect(page.status).toBeNull();
    expect(page.error).toMatch(/refused|reach|connect/i);
  });
});
