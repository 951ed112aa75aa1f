import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEART_RATE_COUNT_PAT_1, startFhirTestServer, type FhirTestServer } from '../../e2e/fhir-test-server';
import { createCore } from '../core/core';
import { aesGcmSecretBox } from '../core/secrets/aes-gcm-secret-box';
import { tempDir } from '../test-support/temp-dir';
import { queryCommand } from './query-command';

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await queryCommand(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('switchboard query', () => {
  let open: FhirTestServer;
  let secured: FhirTestServer;
  const dir = tempDir();
  const heartRates = `Observation?patient=Patient/pat-1&code=http://loinc.org|8867-4&_count=100`;

  beforeAll(async () => {
    open = await startFhirTestServer();
    secured = await startFhirTestServer({ auth: true, clients: [{ clientId: 'cli', secret: 'cli-secret-value' }] });
  });
  afterAll(async () => {
    await open.close();
    await secured.close();
    dir.remove();
  });

  it('prints the first page as a Bundle', async () => {
    const { code, stdout } = await run([open.baseUrl, 'Patient?family=Okafor']);
    expect(code).toBe(0);
    const bundle = JSON.parse(stdout) as { resourceType: string; entry: { resource: { id: string } }[] };
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.entry.map((e) => e.resource.id)).toEqual(['pat-2']);
  });

  it('follows every page with --all, by POST, as NDJSON', async () => {
    const { code, stdout } = await run([open.baseUrl, heartRates, '--all', '--post', '--format', 'ndjson']);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n')).toHaveLength(HEART_RATE_COUNT_PAT_1);
    expect(open.requests.some((r) => r.method === 'POST' && r.url.includes('/Observation/_search'))).toBe(true);
  });

  it('stops at --max and says so', async () => {
    const { code, stdout, stderr } = await run([open.baseUrl, heartRates, '--all', '--max', '150', '--format', 'ndjson']);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n')).toHaveLength(200);
    expect(stderr).toMatch(/stopped at the limit/);
  });

  it('writes CSV with the default columns', async () => {
    const { stdout } = await run([open.baseUrl, 'Patient?family=Lindqvist', '--format', 'csv']);
    const [header, row] = stdout.split('\r\n');
    expect(header).toBe('resourceType,id,fullUrl,search.mode,Name,Identifier,Birth date,Gender');
    expect(row).toContain('Astrid Lindqvist');
  });

  it('uses the credentials of an auth file', async () => {
    const authFile = join(dir.path, 'auth.json');
    writeFileSync(
      authFile,
      JSON.stringify({ auth: { type: 'client-credentials', clientId: 'cli', clientAuth: 'post', tokenUrl: secured.tokenUrl }, secrets: { clientSecret: 'cli-secret-value' } }),
    );
    const { code, stdout } = await run([secured.baseUrl, 'Patient?family=Nguyen', '--auth-file', authFile]);
    expect(code).toBe(0);
    expect(stdout).toContain('pat-4');
  });

  it("exits 2 with the server's OperationOutcome when refused", async () => {
    const { code, stderr } = await run([secured.baseUrl, 'Patient?family=Nguyen']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/401/);
    expect(stderr).toContain('OperationOutcome');
  });

  it('exits 1 when nothing answers', async () => {
    const { code, stderr } = await run(['http://127.0.0.1:9/fhir', 'Patient?family=x']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/no answer/);
  });

  it('runs against a saved connection by name, with its encrypted secrets', async () => {
    const dataDir = join(dir.path, 'data');
    const key = randomBytes(32);
    const keyFile = join(dir.path, 'key');
    writeFileSync(keyFile, key.toString('base64'));
    const core = createCore({ dataDir, host: 'headless', version: 'test', secrets: aesGcmSecretBox(key), receiver: { port: 0 } });
    const saved = await core.execute('connections.save', {
      name: 'Secured test',
      baseUrl: secured.baseUrl,
      auth: { type: 'client-credentials', clientId: 'cli', clientAuth: 'basic', tokenUrl: secured.tokenUrl },
      secrets: { clientSecret: 'cli-secret-value' },
    });
    expect(saved.ok).toBe(true);
    await core.close();
    const { code, stdout } = await run(['secured test', 'Patient?identifier=http://hospital.example.org/mrn|MRN-1005', '--data-dir', dataDir, '--secret-key-file', keyFile]);
    expect(code).toBe(0);
    expect(stdout).toContain('pat-5');
    await expect(run(['No such', 'Patient?', '--data-dir', dataDir, '--secret-key-file', keyFile])).rejects.toThrow(/Known: Secured test/);
  });
});
