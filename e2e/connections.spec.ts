import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startFhirTestServer, type FhirTestServer } from './fhir-test-server';
import { freshDataDir, startHost, type RunningHost } from './support/headless-host';

test('create a SMART Backend Services connection in the UI, register its JWKS, test it, see the CapabilityStatement', async ({ page }, testInfo) => {
  const dataDir = freshDataDir();
  const keyFile = join(dataDir.path, '..', `${dataDir.path.split('/').pop()}.key`);
  writeFileSync(keyFile, randomBytes(32).toString('base64'), { mode: 0o600 });
  let fhir: FhirTestServer | null = null;
  let host: RunningHost | null = null;
  try {
    fhir = await startFhirTestServer({ auth: true });
    host = await startHost(dataDir.path, ['--secret-key-file', keyFile]);
    await page.goto(`${host.consoleUrl}#/connections`);
    await expect(page.getByRole('heading', { name: 'Connections' })).toBeVisible();

    await page.getByRole('button', { name: 'New' }).click();
    await page.getByLabel('Name').fill('Test FHIR server');
    await page.getByLabel('Environment').fill('Staging');
    await page.getByLabel('FHIR base URL').fill(fhir.baseUrl);
    await page.getByLabel('Auth mode').selectOption('smart-backend');
    await page.getByLabel('Client ID').fill('switchboard-e2e');
    await page.getByRole('button', { name: 'Create connection' }).click();
    await expect(page.getByTestId('connection-row')).toHaveCount(1);
    await expect(page.getByTestId('connection-row')).toContainText('Staging');

    // Before a key pair exists, the test fails in plain words.
    await page.getByTestId('test-connection').click();
    await expect(page.getByTestId('test-error')).toContainText('no key pair');

    await page.getByLabel('Key algorithm').selectOption('ES384');
    await page.getByRole('button', { name: 'Generate key pair' }).click();
    const jwksText = await page.getByTestId('jwks').textContent();
    const jwks = JSON.parse(jwksText ?? '{}') as { keys: { kty: string; alg: string; d?: string }[] };
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', alg: 'ES384' });
    expect(jwks.keys[0]?.d).toBeUndefined();
    fhir.registerClient({ clientId: 'switchboard-e2e', jwks: jwks as never });

    await page.getByTestId('test-connection').click();
    await expect(page.getByTestId('test-ok')).toBeVisible();
    await expect(page.getByTestId('cap-fhir-version')).toHaveText('4.0.1');
    await expect(page.getByTestId('cap-software')).toHaveText('Switchboard FHIR test server 1.0.0');
    await expect(page.getByTestId('cap-resource')).toHaveCount(8);
    await expect(page.getByTestId('cap-resource').filter({ hasText: 'Observation' })).toContainText('search-type');
    await expect(page.getByTestId('request-log')).toContainText('token exchange');
    await expect(page.getByTestId('request-log')).toContainText('discovery');
    expect(fhir.tokensIssued.map((t) => t.method)).toEqual(['private_key_jwt']);
    await testInfo.attach('connections', { body: await page.screenshot(), contentType: 'image/png' });
    await page.getByLabel('Auth mode').scrollIntoViewIfNeeded();
    await testInfo.attach('connection form', { body: await page.screenshot(), contentType: 'image/png' });

    // After a restart, the connection, its key and the cached capabilities are still there.
    await host.stop();
    host = await startHost(dataDir.path, ['--secret-key-file', keyFile]);
    await page.goto(`${host.consoleUrl}#/connections`);
    await page.getByTestId('connection-row').click();
    await expect(page.getByTestId('cap-fhir-version')).toHaveText('4.0.1');
    await page.getByTestId('test-connection').click();
    await expect(page.getByTestId('test-ok')).toBeVisible();
  } finally {
    await host?.stop();
    await fhir?.close();
    dataDir.remove();
    rmSync(keyFile, { force: true });
  }
});
