import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFhirTestServer, type FhirTestServer } from '../../e2e/fhir-test-server';
import { createCore } from '../core/core';
import { startMllpPeer, type MllpPeer } from '../core/writeback/test-support/mllp-peer';
import { tempDir } from '../test-support/temp-dir';
import { UsageError } from './usage-error';
import { writebackCommand } from './writeback-command';

const patient = { resourceType: 'Patient', id: 'p1', identifier: [{ system: 'urn:mrn', value: '42' }], name: [{ family: 'Ng' }], birthDate: '1970-02-03' };

describe('switchboard writeback', () => {
  const dir = tempDir();
  let peer: MllpPeer;
  let fhir: FhirTestServer;
  const input = join(dir.path, 'patient.json');
  const dataDir = join(dir.path, 'data');

  async function run(args: string[], stdin = '') {
    let stdout = '';
    let stderr = '';
    const code = await writebackCommand(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: () => stdin });
    return { code, stdout, stderr };
  }

  beforeAll(async () => {
    peer = await startMllpPeer();
    fhir = await startFhirTestServer();
    writeFileSync(input, JSON.stringify(patient));
    const core = createCore({ dataDir, host: 'headless', version: 'test', receiver: { port: 0 } });
    const saved = await core.execute('connections.save', { name: 'Test FHIR', baseUrl: fhir.baseUrl, auth: { type: 'none' } });
    expect(saved.ok).toBe(true);
    await core.close();
  });
  afterAll(async () => {
    await peer.close();
    await fhir.close();
    dir.remove();
  });

  it('exits 0 on AA and prints the acknowledgement', async () => {
    peer.answerWith(() => ({ kind: 'AA' }));
    const options = join(dir.path, 'dest.json');
    writeFileSync(options, JSON.stringify({ receivingApplication: 'EHR', receivingFacility: 'MAIN', retryOn: ['AR'] }));
    const { code, stdout } = await run([input, '--mllp', `127.0.0.1:${peer.port}`, '--options', options, '--data-dir', dataDir]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^writeback \d+: accepted \(delivered\)\n/);
    expect(stdout).toMatch(/attempt 1: accepted \d+ ms, \d+ bytes out, \d+ bytes in/);
    const controlId = /control id (\S+)/.exec(stdout)?.[1] ?? '';
    expect(stdout).toContain(`MSA|AA|${controlId}`);
    expect(peer.received.at(-1)?.controlId).toBe(controlId);
    expect(peer.received.at(-1)?.content).toMatch(/^MSH\|\^~\\&\|SWITCHBOARD\|SWITCHBOARD\|EHR\|MAIN\|/);
  });

  it('exits 2 on AE and explains the ERR with the FHIR element, reading the input from stdin', async () => {
    peer.answerWith(() => ({ kind: 'AE', err: 'ERR||PID^1^7|102^Data type error^HL70357|E||||Bad birth date' }));
    const { code, stdout } = await run(['-', '--mllp', `127.0.0.1:${peer.port}`, '--data-dir', dataDir], JSON.stringify(patient));
    expect(code).toBe(2);
    expect(stdout).toMatch(/^writeback \d+: rejected\n/);
    expect(stdout).toContain('data type error (102) at PID-7 Date/Time of Birth');
    expect(stdout).toContain('[FHIR: Patient.birthDate]');
  });

  it('exits 3 when it gives up, honouring --ack-timeout-ms and --max-attempts', async () => {
    peer.answerWith(() => ({ kind: 'never' }));
    const before = peer.received.length;
    const { code, stdout } = await run([input, '--mllp', `127.0.0.1:${peer.port}`, '--ack-timeout-ms', '100', '--max-attempts', '2', '--data-dir', dataDir, '--json']);
    expect(code).toBe(3);
    const detail = JSON.parse(stdout) as { status: string; attempts: { outcome: string; error: string }[]; controlId: string };
    expect(detail.status).toBe('given-up');
    expect(detail.attempts.map((a) => a.outcome)).toEqual(['timeout', 'timeout']);
    expect(detail.attempts[0]?.error).toBe('no ACK within 100 ms');
    expect(peer.received.slice(before).map((r) => r.controlId)).toEqual([detail.controlId, detail.controlId]);
  });

  it('sends FHIR through a saved connection, and exits 2 when the server refuses', async () => {
    const ok = await run([input, '--connection', 'test fhir', '--data-dir', dataDir]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/answer: HTTP 201 Created, Location http:\/\/127\.0\.0\.1:\d+\/fhir\/R4\/Patient\//);
    const options = join(dir.path, 'redox.json');
    writeFileSync(options, JSON.stringify({ mode: 'redox-operation', operation: 'Observation/$observation-create' }));
    const refused = await run([input, '--connection', 'Test FHIR', '--options', options, '--data-dir', dataDir]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain('error: MessageHeader.focus must point at Observation entries of the Bundle.');
  });

  it('refuses mistakes in the command (exit 64 in the CLI)', async () => {
    await expect(run([input, '--data-dir', dataDir])).rejects.toThrow(UsageError);
    await expect(run([input, '--mllp', 'nohost', '--data-dir', dataDir])).rejects.toThrow(/HOST:PORT/);
    await expect(run([input, '--connection', 'Nope', '--data-dir', dataDir])).rejects.toThrow(/No connection named "Nope"/);
    await expect(run([input, '--mllp', '127.0.0.1:1', '--max-attempts', '0', '--data-dir', dataDir])).rejects.toThrow(/--max-attempts/);
    await expect(run(['-', '--mllp', '127.0.0.1:1', '--data-dir', dataDir], '{"resourceType":"Basic"}')).rejects.toThrow(/cannot be translated/);
    expect((await run(['--help'])).stdout).toContain('Exit codes: 0 accepted; 2 rejected');
  });
});
