import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CommandInput, CommandName, CommandOutput, EventPayload, WritebackDetail, WritebackStatus } from '../../../shared/contract';
import { tempDir } from '../../test-support/temp-dir';
import { createCore, type Core } from '../core';
import { startMllpPeer, type MllpPeer } from './test-support/mllp-peer';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../../../shared/fhir-to-v2/fixtures', name), 'utf8')) as Record<string, unknown>;

const FINAL: WritebackStatus[] = ['accepted', 'rejected', 'given-up', 'cancelled'];
const fast = { initialMs: 30, maxMs: 100, multiplier: 2, jitter: 0 };

/** Integration: the whole core (store, queue, MLLP sender) against a real MLLP receiver from npm. */
describe('MLLP writeback delivery', () => {
  const dir = tempDir();
  let core: Core;
  let peer: MllpPeer;
  const updates: EventPayload<'writeback.updated'>[] = [];

  async function call<C extends CommandName>(name: C, input: CommandInput<C>): Promise<CommandOutput<C>> {
    const result = await core.execute(name, input);
    if (!result.ok) throw Object.assign(new Error(`${name}: ${result.error.message}`), { code: result.error.code });
    return result.value as CommandOutput<C>;
  }

  async function settled(id: number, timeoutMs = 10_000): Promise<WritebackDetail> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const detail = await call('writebacks.get', { id });
      if (FINAL.includes(detail.status)) return detail;
      if (Date.now() > until) throw new Error(`writeback ${id} still ${detail.status}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  const mllp = (extra: Record<string, unknown> = {}) => ({
    destination: { transport: 'mllp' as const, host: '127.0.0.1', port: peer.port, ackTimeoutMs: 2000, maxAttempts: 3, backoff: fast, ...extra },
  });

  beforeAll(async () => {
    peer = await startMllpPeer();
    core = createCore({ dataDir: dir.path, host: 'headless', version: 'test', receiver: { port: 0 } });
    core.events.subscribe((name, payload) => {
      if (name === 'writeback.updated') updates.push(payload as EventPayload<'writeback.updated'>);
    });
    await core.start();
  });
  afterEach(() => peer.answerWith(() => ({ kind: 'AA' })));
  afterAll(async () => {
    await core.close();
    await peer.close();
    dir.remove();
  });

  it('sends the translated message, matches the AA by MSA-2 and records the attempt', async () => {
    const queued = await call('writebacks.enqueue', { input: fixture('observation-glucose-bundle.json'), target: mllp() });
    expect(queued).toMatchObject({ status: 'queued', kind: 'ObservationCreate', resourceType: 'Observation', transport: 'mllp' });
    expect(queued.controlId).toMatch(/^SB[0-9A-Z]{10,18}$/);
    expect(queued.message.text).toContain(`|${queued.controlId}|P|2.5.1`);
    expect(queued.messageType).toBe('ORU^R01^ORU_R01');
    expect(queued.patient).toContain('urn:oid:1.2.3|MRN|123');

    const done = await settled(queued.id);
    expect(done).toMatchObject({ status: 'accepted', acceptance: 'delivered', attemptCount: 1, lastResult: 'AA' });
    expect(done.acceptanceText).toMatch(/^Delivered/);
    const [attempt] = done.attempts;
    expect(attempt).toMatchObject({ number: 1, outcome: 'accepted', error: null });
    expect(attempt?.bytesOut).toBe(Buffer.byteLength(queued.message.text) + 3);
    expect(attempt?.bytesIn).toBeGreaterThan(20);
    expect(attempt?.ack).toMatchObject({ code: 'AA', controlId: queued.controlId });
    expect(done.timeline.map((t) => t.status)).toEqual(['queued', 'sending', 'accepted']);
    expect(peer.received.filter((r) => r.controlId === queued.controlId)).toHaveLength(1);
    expect(updates.filter((u) => u.writeback.id === queued.id).map((u) => u.change)).toEqual(['created', 'attempt', 'status']);
  });

  it('settles AE as rejected, explains the ERR and maps PID-7 back to Patient.birthDate', async () => {
    peer.answerWith(() => ({ kind: 'AE', err: 'ERR||PID^1^7|101^Required field missing^HL70357|E||||Date of birth is required' }));
    const { id, controlId } = await call('writebacks.enqueue', { input: fixture('observation-glucose-bundle.json'), target: mllp() });
    const done = await settled(id);
    expect(done).toMatchObject({ status: 'rejected', acceptance: null, attemptCount: 1, lastResult: 'AE 101 PID-7' });
    const err = done.ack?.errors[0];
    expect(err).toMatchObject({
      location: 'PID^1^7',
      v2Location: 'PID-7',
      code: '101',
      codeMeaning: 'Required field missing',
      severity: 'error',
      userMessage: 'Date of birth is required',
      fhirPaths: ['Bundle.entry[0].resource.birthDate'],
    });
    expect(err?.fieldLabel).toMatch(/^PID-7 Date\/Time of Birth/);
    expect(err?.explanation).toContain('filled from Bundle.entry[0].resource.birthDate');
    expect(done.lastError).toContain('Date of birth is required');
    expect(done.ack?.controlId).toBe(controlId);
    // A rejection is final: no second attempt.
    await new Promise((r) => setTimeout(r, 150));
    expect(peer.received.filter((r) => r.controlId === controlId)).toHaveLength(1);
  });

  it('maps an ERR on the second OBX value to the Observation through lineage', async () => {
    peer.answerWith(() => ({ kind: 'AE', err: 'ERR||OBX^1^5|102^Data type error^HL70357|E' }));
    const { id } = await call('writebacks.enqueue', { input: fixture('observation-glucose-bundle.json'), target: mllp() });
    const done = await settled(id);
    expect(done.ack?.errors[0]).toMatchObject({ v2Location: 'OBX-5', codeMeaning: 'Data type error' });
    expect(done.ack?.errors[0]?.fhirPaths).toContain('Bundle.entry[1].resource.valueQuantity.value');
  });

  it('settles AR as rejected, and retries it when the destination says AR is passing trouble', async () => {
    peer.answerWith(() => ({ kind: 'AR' }));
    const rejected = await settled((await call('writebacks.enqueue', { input: fixture('patient-example.json'), target: mllp() })).id);
    expect(rejected).toMatchObject({ status: 'rejected', lastResult: 'AR', attemptCount: 1 });

    peer.answerWith((_id, seen) => (seen === 0 ? { kind: 'AR' } : { kind: 'AA' }));
    const retried = await settled((await call('writebacks.enqueue', { input: fixture('patient-example.json'), target: mllp({ retryOn: ['AR'] }) })).id);
    expect(retried).toMatchObject({ status: 'accepted', attemptCount: 2 });
    expect(retried.attempts.map((a) => a.outcome)).toEqual(['rejected', 'accepted']);
    expect(new Set(peer.received.filter((r) => r.controlId === retried.controlId).map((r) => r.controlId)).size).toBe(1);
  });

  it('times out without an ACK, retries with the same control id, then gives up', async () => {
    peer.answerWith(() => ({ kind: 'never' }));
    const { id, controlId } = await call('writebacks.enqueue', {
      input: fixture('patient-example.json'),
      target: mllp({ ackTimeoutMs: 150, maxAttempts: 3 }),
    });
    const done = await settled(id);
    expect(done).toMatchObject({ status: 'given-up', attemptCount: 3, maxAttempts: 3 });
    expect(done.attempts.map((a) => a.outcome), JSON.stringify(done.attempts.map((a) => a.error))).toEqual(['timeout', 'timeout', 'timeout']);
    expect(done.attempts[0]?.error).toBe('no ACK within 150 ms');
    expect(done.attempts.every((a) => (a.durationMs ?? 0) >= 140)).toBe(true);
    const seen = peer.received.filter((r) => r.controlId === controlId);
    expect(seen).toHaveLength(3);
    expect(done.timeline.map((t) => t.status)).toEqual(['queued', 'sending', 'retrying', 'sending', 'retrying', 'sending', 'given-up']);
    expect(done.timeline[2]?.detail).toMatch(/attempt 1 of 3 failed \(no ACK within 150 ms\); next attempt in \d+ ms/);

    // Retry now reopens it with the same control id and a fresh budget.
    peer.answerWith(() => ({ kind: 'AA' }));
    const reopened = await call('writebacks.retryNow', { id });
    expect(reopened.controlId).toBe(controlId);
    const after = await settled(id);
    expect(after).toMatchObject({ status: 'accepted', attemptCount: 4 });
    expect(peer.received.filter((r) => r.controlId === controlId)).toHaveLength(4);
  });

  it('retries after the receiver drops the connection, on a new connection, same control id', async () => {
    peer.answerWith((_id, seen) => (seen === 0 ? { kind: 'drop' } : { kind: 'AA' }));
    const { id, controlId } = await call('writebacks.enqueue', { input: fixture('patient-example.json'), target: mllp() });
    const done = await settled(id);
    expect(done).toMatchObject({ status: 'accepted', attemptCount: 2 });
    expect(done.attempts[0]).toMatchObject({ outcome: 'connection-error', error: 'the receiver closed the connection before the ACK arrived' });
    const [first, second] = peer.received.filter((r) => r.controlId === controlId).map((r) => r.connection);
    expect(second).toBe(peer.connections);
    expect(second).toBeGreaterThan(first ?? Infinity);

    // The next writeback reuses that connection.
    const again = await settled((await call('writebacks.enqueue', { input: fixture('patient-example.json'), target: mllp() })).id);
    expect(peer.received.find((r) => r.controlId === again.controlId)?.connection).toBe(second);
  });

  it('records a refused connection and keeps the queue moving once the receiver is back', async () => {
    const down = await startMllpPeer();
    const port = down.port;
    await down.close();
    const { id } = await call('writebacks.enqueue', {
      input: fixture('patient-example.json'),
      target: { destination: { transport: 'mllp', host: '127.0.0.1', port, maxAttempts: 2, backoff: fast } },
    });
    const done = await settled(id);
    expect(done).toMatchObject({ status: 'given-up', attemptCount: 2 });
    expect(done.attempts[0]).toMatchObject({ outcome: 'connection-error', bytesIn: 0 });
    expect(done.attempts[0]?.error).toMatch(/connection refused by 127\.0\.0\.1:\d+/);
  });

  it('delivers one at a time, in order, per destination', async () => {
    peer.answerWith(() => ({ kind: 'delay', ms: 20, then: { kind: 'AA' } }));
    const start = peer.received.length;
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await call('writebacks.enqueue', { input: fixture('patient-example.json'), target: mllp() })).id);
    const details = await Promise.all(ids.map((id) => settled(id)));
    expect(details.every((d) => d.status === 'accepted')).toBe(true);
    expect(peer.received.slice(start).map((r) => r.controlId)).toEqual(details.map((d) => d.controlId));
    // One in flight: each message arrived after the previous one was acknowledged.
    for (let i = 1; i < details.length; i++) {
      const prevAccepted = Date.parse(details[i - 1]?.attempts[0]?.finishedAt ?? '');
      expect(Date.parse(details[i]?.attempts[0]?.startedAt ?? '')).toBeGreaterThanOrEqual(prevAccepted);
    }
    expect(new Set(details.map((d) => d.controlId)).size).toBe(5);
  });

  it('counts CA (commit accept) as accepted by the receiver, not delivered', async () => {
    peer.answerWith(() => ({ kind: 'CA' }));
    const done = await settled((await call('writebacks.enqueue', { input: fixture('patient-example.json'), target: mllp() })).id);
    expect(done).toMatchObject({ status: 'accepted', acceptance: 'accepted-by-receiver', lastResult: 'CA' });
    expect(done.acceptanceText).toMatch(/^Accepted by the receiver/);
  });

  it('cancels a waiting writeback, resends it with a new linked control id, and finds both in history', async () => {
    peer.answerWith(() => ({ kind: 'never' }));
    const first = await call('writebacks.enqueue', {
      input: fixture('patient-example.json'),
      target: mllp({ ackTimeoutMs: 100, backoff: { initialMs: 60_000, maxMs: 60_000, multiplier: 1, jitter: 0 } }),
      note: 'cancel me',
    });
    const until = Date.now() + 5000;
    while ((await call('writebacks.get', { id: first.id })).status !== 'retrying' && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    const cancelled = await call('writebacks.cancel', { id: first.id });
    expect(cancelled.status).toBe('cancelled');
    await expect(call('writebacks.cancel', { id: first.id })).rejects.toMatchObject({ code: 'conflict' });
    await expect(call('writebacks.retryNow', { id: 99_999 })).rejects.toMatchObject({ code: 'not-found' });

    peer.answerWith(() => ({ kind: 'AA' }));
    const resent = await call('writebacks.resend', { id: first.id });
    expect(resent.resendOf).toBe(first.id);
    expect(resent.controlId).not.toBe(first.controlId);
    expect((await settled(resent.id)).status).toBe('accepted');
    expect((await call('writebacks.get', { id: first.id })).resentAs).toEqual([resent.id]);

    const byPatient = await call('writebacks.list', { filter: { patient: 'Chalmers', kind: 'PatientCreate', status: ['accepted'] }, limit: 2 });
    expect(byPatient.items.length).toBe(2);
    expect(byPatient.items.every((w) => w.kind === 'PatientCreate' && w.status === 'accepted')).toBe(true);
    expect(byPatient.nextBeforeId).toBe(byPatient.items[1]?.id);
    const next = await call('writebacks.list', { filter: { patient: 'Chalmers', kind: 'PatientCreate', status: ['accepted'] }, limit: 2, beforeId: byPatient.nextBeforeId ?? undefined });
    expect(next.items.every((w) => w.id < (byPatient.nextBeforeId ?? 0))).toBe(true);
    expect(byPatient.total).toBe(next.total);
    const byControl = await call('writebacks.list', { filter: { controlId: first.controlId } });
    expect(byControl.items.map((w) => w.id)).toEqual([first.id]);
    const none = await call('writebacks.list', { filter: { from: new Date(Date.now() + 60_000).toISOString() } });
    expect(none.total).toBe(0);
    const byDestination = await call('writebacks.list', { filter: { destination: `127.0.0.1:${peer.port}` } });
    expect(byDestination.total).toBeGreaterThan(5);

    const csv = await call('writebacks.export', { format: 'csv', ids: [first.id, resent.id] });
    expect(csv.content.split('\r\n')[0]).toMatch(/^id,createdAt,status/);
    expect(csv.content).toContain(`${first.id},`);
    expect(csv.count).toBe(2);
    const ndjson = await call('writebacks.export', { format: 'ndjson', filter: { controlId: resent.controlId } });
    const line = JSON.parse(ndjson.content.trim()) as WritebackDetail;
    expect(line).toMatchObject({ id: resent.id, status: 'accepted', resendOf: first.id });
    expect(line.attempts[0]?.ackText).toContain(`MSA|AA|${resent.controlId}`);
  });

  it('saves destinations and queues to them by id', async () => {
    const saved = await call('destinations.save', {
      name: 'Test LIS',
      config: { transport: 'mllp', host: '127.0.0.1', port: peer.port, translator: { receivingApplication: 'LIS', receivingFacility: 'LAB' } },
    });
    expect(saved).toMatchObject({ label: `mllp://127.0.0.1:${peer.port}`, config: { ackTimeoutMs: 10_000, maxAttempts: 5 } });
    await expect(call('destinations.save', { name: 'Test LIS', config: saved.config })).rejects.toMatchObject({ code: 'conflict' });
    const w = await call('writebacks.enqueue', { input: fixture('observation-glucose-bundle.json'), target: { destinationId: saved.id } });
    expect(w.message.text).toMatch(/^MSH\|\^~\\&\|SWITCHBOARD\|SWITCHBOARD\|LIS\|LAB\|/);
    expect(w).toMatchObject({ destinationId: saved.id, destinationName: 'Test LIS' });
    expect((await settled(w.id)).status).toBe('accepted');
    expect((await call('destinations.list', {})).items.map((d) => d.name)).toContain('Test LIS');
    expect(await call('destinations.delete', { id: saved.id })).toEqual({ deleted: true });
    // History keeps the writeback and the name it was sent under.
    expect(await call('writebacks.get', { id: w.id })).toMatchObject({ destinationId: null, destinationName: 'Test LIS' });
  });

  it('refuses input the translator cannot turn into a message', async () => {
    await expect(
      call('writebacks.enqueue', { input: { resourceType: 'Basic' }, target: mllp() }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
  });
});
