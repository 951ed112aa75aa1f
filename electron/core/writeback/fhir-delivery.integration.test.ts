import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFhirTestServer, type FhirTestServer } from '../../../e2e/fhir-test-server';
import type { CommandInput, CommandName, CommandOutput, WritebackDetail, WritebackStatus } from '../../../shared/contract';
import { tempDir } from '../../test-support/temp-dir';
import { createCore, type Core } from '../core';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../../../shared/fhir-to-v2/fixtures', name), 'utf8')) as Record<string, unknown>;
const FINAL: WritebackStatus[] = ['accepted', 'rejected', 'given-up', 'cancelled'];
const fast = { initialMs: 20, maxMs: 50, multiplier: 2, jitter: 0 };

/** Integration: FHIR REST writebacks through a saved connection to the test FHIR server. */
describe('FHIR writeback delivery', () => {
  const dir = tempDir();
  let server: FhirTestServer;
  let core: Core;
  let connectionId = '';

  async function call<C extends CommandName>(name: C, input: CommandInput<C>): Promise<CommandOutput<C>> {
    const result = await core.execute(name, input);
    if (!result.ok) throw Object.assign(new Error(`${name}: ${result.error.message}`), { code: result.error.code });
    return result.value as CommandOutput<C>;
  }
  async function settled(id: number): Promise<WritebackDetail> {
    const until = Date.now() + 10_000;
    for (;;) {
      const d = await call('writebacks.get', { id });
      if (FINAL.includes(d.status)) return d;
      if (Date.now() > until) throw new Error(`writeback ${id} still ${d.status}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  const fhir = (mode: 'create' | 'update' | 'redox-operation', extra: Record<string, unknown> = {}) => ({
    destination: { transport: 'fhir' as const, connectionId, mode, maxAttempts: 2, backoff: fast, ...extra },
  });

  beforeAll(async () => {
    server = await startFhirTestServer();
    core = createCore({ dataDir: dir.path, host: 'headless', version: 'test', receiver: { port: 0 } });
    await core.start();
    connectionId = (await call('connections.save', { name: 'Test FHIR', baseUrl: server.baseUrl, auth: { type: 'none' } })).id;
  });
  afterAll(async () => {
    await core.close();
    await server.close();
    dir.remove();
  });

  it('creates a resource (POST [type]), records 201 and Location as delivered', async () => {
    const queued = await call('writebacks.enqueue', { input: fixture('patient-example.json'), target: fhir('create') });
    expect(queued).toMatchObject({ transport: 'fhir', messageType: 'POST Patient', destinationLabel: 'fhir:Test FHIR (create)' });
    expect(queued.message).toMatchObject({ format: 'fhir-json', method: 'POST', path: 'Patient' });
    const done = await settled(queued.id);
    expect(done).toMatchObject({ status: 'accepted', acceptance: 'delivered', attemptCount: 1 });
    expect(done.http).toMatchObject({ method: 'POST', status: 201 });
    expect(done.http?.location?.startsWith(`${server.baseUrl}/Patient/`)).toBe(true);
    expect(done.http?.location).toMatch(/\/Patient\/[^/]+\/_history\/[^/]+$/);
    expect(done.lastResult).toBe(`HTTP 201 ${done.http?.location}`);
    expect(done.attempts[0]?.bytesOut).toBe(Buffer.byteLength(queued.message.text));
    expect(done.attempts[0]?.bytesIn).toBeGreaterThan(100);
    const createdId = /\/Patient\/([^/]+)\//.exec(done.http?.location ?? '')?.[1];
    expect(server.requests.some((r) => r.method === 'POST' && r.url.endsWith('/Patient'))).toBe(true);

    // Update the same resource (PUT [type]/[id]).
    const updated = await settled(
      (await call('writebacks.enqueue', { input: { ...fixture('patient-example.json'), id: createdId, active: false }, target: fhir('update') })).id,
    );
    expect(updated).toMatchObject({ status: 'accepted', messageType: `PUT Patient/${createdId}` });
    expect(updated.http?.status).toBe(200);
  });

  it('refuses an update without an id before queueing', async () => {
    const { id: _drop, ...noId } = fixture('patient-example.json');
    await expect(call('writebacks.enqueue', { input: noId, target: fhir('update') })).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('settles a 4xx with an OperationOutcome as rejected and keeps its issues', async () => {
    const locked = await startFhirTestServer({ auth: true });
    try {
      const noToken = (await call('connections.save', { name: 'Locked', baseUrl: locked.baseUrl, auth: { type: 'none' } })).id;
      const done = await settled(
        (await call('writebacks.enqueue', {
          input: fixture('patient-example.json'),
          target: { destination: { transport: 'fhir', connectionId: noToken, mode: 'create', maxAttempts: 3, backoff: fast } },
        })).id,
      );
      expect(done).toMatchObject({ status: 'rejected', attemptCount: 1, lastResult: 'HTTP 401' });
      expect(done.http?.issues[0]).toMatchObject({ severity: 'error', code: 'login', text: 'Bearer token required.' });
      expect(done.lastError).toBe('HTTP 401 Unauthorized: Bearer token required.');
    } finally {
      await locked.close();
    }
  });

  it('POSTs a transaction Bundle to the base and reads the locations of its entries', async () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [{ fullUrl: 'urn:uuid:a1', resource: { resourceType: 'Patient', name: [{ family: 'Tx' }] }, request: { method: 'POST', url: 'Patient' } }],
    };
    const done = await settled((await call('writebacks.enqueue', { input: bundle, target: fhir('create') })).id);
    expect(done).toMatchObject({ status: 'accepted', messageType: 'POST (base)' });
    expect(done.http?.status).toBe(200);
    expect(done.http?.location).toMatch(/Patient\//);
  });

  it('sends a Redox-style message Bundle to $observation-create and records accepted-by-receiver, not delivered', async () => {
    const queued = await call('writebacks.enqueue', { input: fixture('observation-glucose-bundle.json'), target: fhir('redox-operation') });
    expect(queued).toMatchObject({ kind: 'ObservationCreate', messageType: 'POST Observation/$observation-create' });
    const sent = JSON.parse(queued.message.text) as {
      type: string;
      identifier: { value: string };
      entry: { fullUrl: string; resource: { resourceType: string; eventUri?: string; focus?: { reference: string }[] } }[];
    };
    expect(sent.type).toBe('message');
    expect(sent.identifier.value).toBe(queued.controlId);
    const header = sent.entry[0]?.resource;
    expect(header?.eventUri).toBe('https://fhir.redoxengine.com/EventDefinition/ObservationCreate');
    const focus = sent.entry.find((e) => e.fullUrl === header?.focus?.[0]?.reference);
    expect(focus?.resource.resourceType).toBe('Observation');
    expect(sent.entry.map((e) => e.resource.resourceType)).toEqual(['MessageHeader', 'Patient', 'Observation']);

    const done = await settled(queued.id);
    expect(done).toMatchObject({ status: 'accepted', acceptance: 'accepted-by-receiver' });
    expect(done.acceptanceText).toMatch(/does not mean the EHR has it/);
    expect(done.http?.location).toMatch(/\/Observation\/[^/]+\/_history\/1$/);
  });

  it('rejects a Redox writeback the receiver refuses, with its OperationOutcome', async () => {
    const done = await settled(
      (await call('writebacks.enqueue', { input: fixture('observation-glucose-bundle.json'), target: fhir('redox-operation', { operation: 'Patient/$patient-create' }) })).id,
    );
    expect(done.status).toBe('rejected');
    expect(done.http?.issues[0]).toMatchObject({ severity: 'error', expression: ['Bundle.entry[0].resource.focus'] });
    expect(done.lastError).toContain('MessageHeader.focus must point at Patient');
  });

  it('retries when the server cannot be reached, then gives up', async () => {
    const down = (await call('connections.save', { name: 'Down', baseUrl: 'http://127.0.0.1:9/fhir', auth: { type: 'none' }, timeoutMs: 2000 })).id;
    const done = await settled(
      (await call('writebacks.enqueue', {
        input: fixture('patient-example.json'),
        target: { destination: { transport: 'fhir', connectionId: down, mode: 'create', maxAttempts: 2, backoff: fast } },
      })).id,
    );
    expect(done).toMatchObject({ status: 'given-up', attemptCount: 2 });
    expect(done.attempts.map((a) => a.outcome)).toEqual(['connection-error', 'connection-error']);
  });
});
