import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { EventPayload, WritebackDetail } from '../../shared/contract';
import { createCore, type Core } from '../core/core';
import { startMllpPeer } from '../core/writeback/test-support/mllp-peer';
import { percentile } from '../test-support/load-client';
import type { ScenarioBenchmark, ScenarioOutcome } from './benchmark';

const THROUGHPUT_MESSAGES = Number(process.env.DELIVERY_BENCH_MESSAGES ?? 1000);
const LATENCY_MESSAGES = 200;
const TIME_LIMIT_MS = 120_000;
const TARGET_MESSAGES_PER_S = 100;
const TARGET_P99_ROUND_TRIP_MS = 20;

const patient = (i: number) => ({
  resourceType: 'Patient',
  id: `bench-${i}`,
  identifier: [{ system: 'urn:oid:1.2.840.114350', value: `MRN${i}`, type: { coding: [{ code: 'MR' }] } }],
  name: [{ use: 'official', family: 'Chalmers', given: ['Peter', 'James'] }],
  gender: 'male',
  birthDate: '1974-12-25',
  address: [{ use: 'home', line: ['534 Erewhon St'], city: 'PleasantVille', state: 'Vic', postalCode: '3999' }],
});

const r3 = (n: number) => Math.round(n * 1000) / 1000;

/** Resolves when every id in `ids` has been accepted (or fails on any other final status). */
function acceptedAll(core: Core, ids: Set<number>, at: Map<number, number>): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`delivery bench: ${ids.size} writebacks not accepted in time`)), TIME_LIMIT_MS);
    const stop = core.events.subscribe((name, payload) => {
      if (name !== 'writeback.updated') return;
      const { writeback } = payload as EventPayload<'writeback.updated'>;
      if (!ids.has(writeback.id)) return;
      if (writeback.status === 'accepted') {
        at.set(writeback.id, performance.now());
        ids.delete(writeback.id);
      } else if (writeback.status === 'rejected' || writeback.status === 'given-up') {
        reject(new Error(`delivery bench: writeback ${writeback.id} ${writeback.status}`));
      }
      if (ids.size === 0) {
        clearTimeout(timer);
        stop();
        resolve();
      }
    });
  });
}

/**
 * Delivery through the real queue to a local MLLP peer (@medplum/hl7, 127.0.0.1) that ACKs at
 * once, one message in flight, on a real data folder (WAL, synchronous=FULL): while the queue
 * drains, each message costs one commit (settle the last attempt + begin the next, before its bytes
 * go out). Reports messages/s draining a full queue, the wire round trip (frame written → matching
 * ACK), and enqueue → accepted one writeback at a time (enqueue commit included).
 */
export const DELIVERY_BENCHMARK: ScenarioBenchmark = {
  name: 'delivery-mllp',
  description: 'Writeback queue → MLLP peer that ACKs at once, one in flight: messages/s and round trip',
  async run(): Promise<ScenarioOutcome> {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-delivery-bench-'));
    const peer = await startMllpPeer(() => ({ kind: 'AA' }));
    const core = createCore({ dataDir: dir, host: 'headless', version: 'bench', receiver: { port: 0 } });
    try {
      const target = { destination: { transport: 'mllp' as const, host: peer.host, port: peer.port, ackTimeoutMs: 5000 } };
      const enqueue = async (i: number): Promise<number> => {
        const result = await core.execute('writebacks.enqueue', { input: patient(i), target });
        if (!result.ok) throw new Error(result.error.message);
        return (result.value as { id: number }).id;
      };
      const detail = async (id: number): Promise<WritebackDetail> => {
        const result = await core.execute('writebacks.get', { id });
        if (!result.ok) throw new Error(result.error.message);
        return result.value as WritebackDetail;
      };

      // Throughput: queue everything before the core starts, then time the drain, one in flight.
      const ids: number[] = [];
      for (let i = 0; i < THROUGHPUT_MESSAGES; i++) ids.push(await enqueue(1000 + i));
      const acceptedAt = new Map<number, number>();
      const allAccepted = acceptedAll(core, new Set(ids), acceptedAt);
      const t0 = performance.now();
      await core.start();
      await allAccepted;
      const elapsedMs = performance.now() - t0;
      const messagesPerS = THROUGHPUT_MESSAGES / (elapsedMs / 1000);
      const wire: number[] = [];
      for (const id of ids) wire.push((await detail(id)).attempts[0]?.durationMs ?? 0);
      wire.sort((a, b) => a - b);

      // Latency: one writeback at a time, enqueue → accepted.
      const e2e: number[] = [];
      for (let i = 0; i < LATENCY_MESSAGES; i++) {
        const start = performance.now();
        const at = new Map<number, number>();
        const id = await enqueue(5000 + i);
        await acceptedAll(core, new Set([id]), at);
        e2e.push((at.get(id) ?? performance.now()) - start);
      }
      e2e.sort((a, b) => a - b);

      const duplicates = peer.received.length - new Set(peer.received.map((r) => r.controlId)).size;
      const report = {
        name: 'delivery-mllp',
        messages: THROUGHPUT_MESSAGES,
        elapsedMs: r3(elapsedMs),
        messagesPerS: Math.round(messagesPerS * 10) / 10,
        roundTripMs: { p50: r3(percentile(wire, 50)), p99: r3(percentile(wire, 99)), max: r3(wire.at(-1) ?? 0) },
        enqueueToAcceptedMs: { runs: LATENCY_MESSAGES, p50: r3(percentile(e2e, 50)), p99: r3(percentile(e2e, 99)), max: r3(e2e.at(-1) ?? 0) },
        duplicatesSeenByPeer: duplicates,
        targets: { messagesPerS: TARGET_MESSAGES_PER_S, p99RoundTripMs: TARGET_P99_ROUND_TRIP_MS },
        node: process.version,
        at: new Date().toISOString(),
      };
      const metTargets = messagesPerS >= TARGET_MESSAGES_PER_S && report.roundTripMs.p99 <= TARGET_P99_ROUND_TRIP_MS && duplicates === 0;
      return {
        report,
        metTargets,
        lines: [
          `delivery-mllp: ${report.messagesPerS} messages/s draining ${THROUGHPUT_MESSAGES} queued writebacks, one in flight, synchronous=FULL (target ≥ ${TARGET_MESSAGES_PER_S})`,
          `  wire round trip p50 ${report.roundTripMs.p50} ms, p99 ${report.roundTripMs.p99} ms (target ≤ ${TARGET_P99_ROUND_TRIP_MS}); ` +
            `enqueue → accepted p50 ${report.enqueueToAcceptedMs.p50} ms, p99 ${report.enqueueToAcceptedMs.p99} ms`,
        ],
      };
    } finally {
      await core.close();
      await peer.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
