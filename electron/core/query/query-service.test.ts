import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QueryProgress } from '../../../shared/contract';
import { tempDir } from '../../test-support/temp-dir';
import { EventBus } from '../events/event-bus';
import type { FhirConnectionClient, FhirHttpRequest, FhirHttpResponse } from '../fhir-http/fhir-connection-client';
import { silentLogger } from '../logger';
import { openDatabase } from '../store/database';
import { QueryRunStore } from './query-run-store';
import { QueryService } from './query-service';

const BASE = 'https://fhir.example/r4';

/** A paging FHIR server in memory: `total` Observations, `_count` per page, `_offset` in the next link. */
class PagingServer implements FhirConnectionClient {
  readonly baseUrl = BASE;
  readonly requests: FhirHttpRequest[] = [];
  nextLinkOverride: string | null = null;
  unreachable = false;

  constructor(private readonly total: number) {}

  async request(request: FhirHttpRequest): Promise<FhirHttpResponse> {
    this.requests.push(request);
    // A real request always waits on I/O; so does this one, letting timers (cancel) run.
    await new Promise((resolve) => setImmediate(resolve));
    if (this.unreachable) throw new Error('connect ECONNREFUSED fhir.example:443');
    const url = new URL(request.url, `${BASE}/`);
    const params = request.method === 'POST' ? new URLSearchParams(String(request.body)) : url.searchParams;
    const count = Number(params.get('_count') ?? 10);
    const offset = Number(params.get('_offset') ?? 0);
    const link = [{ relation: 'self', url: url.toString() }];
    if (offset + count < this.total) {
      link.push({ relation: 'next', url: this.nextLinkOverride ?? `${BASE}/Observation?_count=${count}&_offset=${offset + count}` });
    }
    if (offset > 0) link.push({ relation: 'previous', url: `${BASE}/Observation?_count=${count}&_offset=${Math.max(0, offset - count)}` });
    const entry = Array.from({ length: Math.max(0, Math.min(count, this.total - offset)) }, (_, i) => ({
      fullUrl: `${BASE}/Observation/o${offset + i}`,
      resource: { resourceType: 'Observation', id: `o${offset + i}`, status: 'final', valueQuantity: { value: offset + i, unit: 'mg' } },
      search: { mode: 'match' },
    }));
    const body = new TextEncoder().encode(JSON.stringify({ resourceType: 'Bundle', type: 'searchset', total: this.total, link, entry }));
    return {
      url: url.toString(),
      method: request.method,
      status: 200,
      statusText: 'OK',
      headers: [['content-type', 'application/fhir+json']],
      body,
      requestHeaders: [['Authorization', '[redacted]'], ...Object.entries(request.headers ?? {})],
      durationMs: 5,
    };
  }
}

describe('QueryService', () => {
  const dir = tempDir();
  let server: PagingServer;
  let service: QueryService;
  let events: EventBus;
  let runs: QueryRunStore;
  let db: ReturnType<typeof openDatabase>;

  const setup = (total: number) => {
    server = new PagingServer(total);
    db = openDatabase(dir.path);
    events = new EventBus();
    runs = new QueryRunStore(db);
    service = new QueryService({
      runs,
      resolveClient: async () => ({ client: server, connectionName: 'Test server' }),
      events,
      now: Date.now,
      log: silentLogger,
    });
  };
  const progressUntilDone = () =>
    new Promise<QueryProgress[]>((resolve) => {
      const seen: QueryProgress[] = [];
      const stop = events.subscribe((name, payload) => {
        if (name !== 'query.progress') return;
        seen.push(payload as QueryProgress);
        if ((payload as QueryProgress).done) {
          stop();
          resolve(seen);
        }
      });
    });

  beforeEach(() => setup(25));
  afterEach(() => {
    db.close();
    dir.remove();
  });

  it('runs a GET search and summarises the first page', async () => {
    const page = await service.execute({ connectionId: 'c1', resourceType: 'Observation', query: '_count=10', method: 'GET' });
    expect(server.requests[0]).toMatchObject({ method: 'GET', url: 'Observation?_count=10' });
    expect(page).toMatchObject({ status: 200, entryCount: 10, total: 25, pageIndex: 0, pageCount: 1, links: { next: true, previous: false } });
    expect(page.searchModes.match).toBe(10);
    expect(runs.list({ limit: 10 }).items[0]).toMatchObject({ resourceType: 'Observation', status: 200, entryCount: 10, connectionName: 'Test server' });
  });

  it('sends POST _search with the parameters form-encoded', async () => {
    const page = await service.execute({ connectionId: 'c1', resourceType: 'Observation', query: '_count=5&code=http%3A%2F%2Floinc.org%7C718-7', method: 'POST' });
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      url: 'Observation/_search',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: '_count=5&code=http%3A%2F%2Floinc.org%7C718-7',
    });
    expect(page.requestBody).toBe('_count=5&code=http%3A%2F%2Floinc.org%7C718-7');
    expect(page.entryCount).toBe(5);
  });

  it('pages forward by the next link and back without refetching', async () => {
    const first = await service.execute({ connectionId: 'c1', resourceType: 'Observation', query: '_count=10', method: 'GET' });
    const second = await service.navigate(first.runId, 0, 'next');
    expect(second).toMatchObject({ pageIndex: 1, pageCount: 2, links: { previous: true } });
    const rows = service.entries(first.runId, 1, 0, 3, ['value']);
    expect(rows.rows.map((r) => r.cells[0])).toEqual(['10 mg', '11 mg', '12 mg']);
    const back = await service.navigate(first.runId, 1, 'previous');
    expect(back.pageIndex).toBe(0);
    expect(server.requests).toHaveLength(2);
  });

  it('fetches all pages to the end, reporting progress', async () => {
    const first = await service.execute({ connectionId: 'c1', resourceType: 'Observation', query: '_count=10', method: 'GET' });
    const done = progressUntilDone();
    service.fetchAll(first.runId, 100, 10_000);
    const progress = await done;
    expect(progress.at(-1)).toMatchObject({ done: true, stoppedBy: 'end', pagesFetched: 3, entriesFetched: 25 });
    const csv = service.export(first.runId, 'all', 0, 'csv', [{ label: 'Value', expression: 'value' }]).content;
    expect(csv.trimEnd().split('\r\n')).toHaveLength(26);
  });

  it('stops fetching all at the page limit', async () => {
    setup(500);
    const first = await service.execute({ connectionId: 'c1', resourceType: 'Observation', query: '_count=10', method: 'GET' });
    const done = progressUntilDone();
    service.fetchAll(first.runId, 4, 10_000);
    expect((await done).at(-1)).toMatchObject({ stoppedBy: 'page-limit', pagesFetched: 4, entriesFetched: 40 });
  });

  it('can be cancelled, keeping the pages already fetched', async () => {
    setup(100_000);
    const first = await service.execute({ connectionId: 'c1', resourceType: 'Observation', query: '_count=10', method: 'GET' });
    const done = progressUntilDone();
    service.fetchAll(first.runId, 10_000, 1_000_000);
    setTimeout(() => service.cancel(first.runId), 30);
    const last = (await done).at(-1);
    expect(last?.stoppedBy).toBe('cancelled');
    expect(service.page(first.runId, 0).pageCount).toBe(last?.pagesFetched);
  });

  it("refuses to send the connection's credentials to a link on another server", async () => {
    server.nextLinkOverride = 'https://attacker.example/steal?_offset=10';
    const first = await service.execute({ connectionId: 'c1', resourceType: 'Observation', query: '_count=10', method: 'GET' });
    await expect(service.navigate(first.runId, 0, 'next')).rejects.toThrow(/leaves https:\/\/fhir.example/);
    expect(server.requests).toHaveLength(1);
  });

  it('records an unreachable server as a failed run with a readable error', async () => {
    server.unreachable = true;
    const page = await service.execute({ connectionId: 'c1', resourceType: 'Patient', query: 'name=x', method: 'GET' });
    expect(page).toMatchObject({ status: null, pageCount: 0, error: expect.stringMatching(/ECONNREFUSED/) });
    expect(runs.list({ limit: 5, status: 'failed' }).items).toHaveLength(1);
    expect(runs.list({ limit: 5, status: 'success' }).items).toHaveLength(0);
  });

  it('copies a page as curl with credentials redacted, or read from shell variables when asked', async () => {
    const first = await service.execute({ connectionId: 'c1', resourceType: 'Observation', query: '_count=2', method: 'GET' });
    expect(service.curl(first.runId, 0, false).command).toContain("-H 'Authorization: [redacted]'");
    const fromEnv = service.curl(first.runId, 0, true).command;
    expect(fromEnv).toContain('-H "Authorization: $FHIR_AUTHORIZATION"');
    expect(fromEnv).not.toContain('[redacted]');
  });

  it('finds past runs by URL text and resource type', async () => {
    await service.execute({ connectionId: 'c1', resourceType: 'Observation', query: '_count=2&code=718-7', method: 'GET' });
    await service.execute({ connectionId: 'c1', resourceType: 'Patient', query: 'name=Smith_%', method: 'GET' });
    expect(runs.list({ limit: 10, text: '718-7' }).items.map((r) => r.resourceType)).toEqual(['Observation']);
    expect(runs.list({ limit: 10, text: 'Smith_%' }).items.map((r) => r.resourceType)).toEqual(['Patient']);
    expect(runs.list({ limit: 10, text: 'Smithx' }).items).toEqual([]);
    expect(runs.list({ limit: 10, resourceType: 'Patient' }).items).toHaveLength(1);
  });
});
