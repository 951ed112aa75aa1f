import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { callCommand } from './support/console-api';
import { useFhirServerAndHost } from './support/fhir-and-host';

const servers = useFhirServerAndHost();

/** A lightweight Redox notification pointing at a patient the FHIR test server holds. */
const lightweightArrival = JSON.stringify({
  resourceType: 'Bundle',
  type: 'message',
  timestamp: '2026-11-26T08:00:00Z',
  entry: [
    {
      resource: {
        resourceType: 'MessageHeader',
        eventUri: 'https://fhir.redoxengine.com/EventDefinition/PatientAdminPatientArrived',
        source: { name: 'Test EHR' },
        focus: [{ reference: 'Patient/pat-1' }],
      },
    },
    {
      fullUrl: 'https://api.redoxengine.com/fhir/R4/test/Development/Patient?identifier=http://hospital.example.org/mrn|MRN-1001',
      resource: { resourceType: 'Patient', identifier: [{ system: 'http://hospital.example.org/mrn', value: 'MRN-1001' }] },
    },
  ],
});

test('support staff find, understand, hydrate, replay, send and export notifications', async ({ page }, testInfo) => {
  await page.goto(servers.host.consoleUrl);
  const rows = page.getByTestId('notification-row');

  // Send two test notifications to this app's own receiver from templates.
  await page.getByRole('button', { name: 'Send test…' }).click();
  const panel = page.getByRole('region', { name: 'Send a test notification' });
  await panel.getByLabel('Template').selectOption({ index: 0 });
  await panel.getByLabel('Level').selectOption('detailed');
  await panel.getByRole('button', { name: 'Send' }).click();
  await expect(panel.getByTestId('send-test-result')).toContainText('Answered 200');
  await expect(rows).toHaveCount(1);
  const resultTemplate = await panel.getByLabel('Template').locator('option', { hasText: /result/i }).first().getAttribute('value');
  await panel.getByLabel('Template').selectOption(resultTemplate ?? '');
  await panel.getByRole('button', { name: 'Send' }).click();
  await expect(rows).toHaveCount(2);
  await page.getByRole('button', { name: 'Send test…' }).click();

  // A lightweight notification from outside, then its facts.
  const posted = await fetch(servers.host.receiverUrl, { method: 'POST', headers: { 'content-type': 'application/fhir+json' }, body: lightweightArrival });
  expect(posted.status).toBe(200);
  await expect(rows).toHaveCount(3);
  const light = rows.first();
  await expect(light).toContainText('Patient arrived');
  await expect(light).toContainText('lightweight');
  await expect(light).toContainText('MRN-1001');

  // Filters compose: category and payload level; then full-text search.
  await page.getByRole('button', { name: 'Filters…' }).click();
  // The open filter panel stays inside the list's column instead of spilling over the detail pane.
  const listPane = await page.locator('.list-pane').boundingBox();
  for (const field of ['Received to', 'Event', 'Patient identifier value']) {
    const box = await page.getByLabel(field, { exact: true }).boundingBox();
    expect(box && listPane && box.x + box.width <= listPane.x + listPane.width, `${field} fits the list column`).toBe(true);
  }
  await page.getByRole('group', { name: 'Category' }).getByRole('button', { name: 'clinical' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(/result/i);
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(rows).toHaveCount(3);
  // The system typed first (no value yet) is no filter at all, not an error.
  await page.getByLabel('Patient identifier system').fill('urn:oid:no-such-system');
  await expect(rows).toHaveCount(3);
  await page.getByLabel('Patient identifier system').fill('');
  await page.getByLabel('Patient identifier value').fill('MRN-1001');
  await expect(rows).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear' }).click();
  // Events are found by the label the list shows.
  await page.getByLabel('Event', { exact: true }).fill('Patient arrived');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Patient arrived');
  await expect(rows.nth(1)).toContainText('Patient arrived');
  await page.getByRole('button', { name: 'Clear' }).click();
  await page.getByLabel('Search bodies').fill('Test EHR');
  await expect(rows).toHaveCount(1);
  await page.getByLabel('View name').fill('From the test EHR');
  await page.getByRole('button', { name: 'Save view' }).click();
  await expect(page.getByLabel('Saved view')).toHaveValue(/\d+/);
  // The address carries the filter: a reload shows the same inbox.
  await page.reload();
  await expect(rows).toHaveCount(1);
  await expect(page.getByLabel('Search bodies')).toHaveValue('Test EHR');
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(rows).toHaveCount(3);
  // Choosing the saved view brings its filter back.
  await page.getByLabel('Saved view').selectOption({ label: 'From the test EHR' });
  await expect(rows).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(rows).toHaveCount(3);
  await page.getByRole('button', { name: 'Filters…' }).click();

  // Detail: summary, then hydrate the lightweight one from the FHIR test server.
  await rows.first().click();
  const detail = page.getByRole('article');
  await expect(detail).toContainText('Patient/pat-1');
  await callCommand(page, 'connections.save', { name: 'Test FHIR', baseUrl: servers.fhir.baseUrl, auth: { type: 'none' } });
  await detail.getByRole('tab', { name: 'Hydrate' }).click();
  await detail.getByLabel('Hydrate from connection').selectOption({ label: 'Test FHIR (Development)' });
  await detail.getByRole('button', { name: 'Hydrate' }).click();
  const hydration = detail.getByTestId('hydration').first();
  await expect(hydration).toContainText('Patient/pat-1');
  await expect(hydration).toContainText('200');
  await hydration.getByText('Patient/pat-1').click();
  await expect(detail.getByTestId('json-viewer')).toContainText('Alvarez');

  // Star and annotate; the starred filter finds it.
  await detail.getByRole('button', { name: '☆ Star' }).click();
  await detail.getByLabel('Note').fill('Checked with the EHR team');
  await detail.getByLabel('Note').blur();
  await page.getByRole('group', { name: 'Flags' }).getByRole('button', { name: 'starred' }).click();
  await expect(rows).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear' }).click();

  // Replay it unchanged to this app's own receiver: the answer is recorded and a new row arrives.
  await rows.first().click();
  await detail.getByRole('tab', { name: 'Replay' }).click();
  await detail.getByRole('button', { name: 'Replay unchanged' }).click();
  await expect(detail.getByTestId('replay').first()).toContainText('200');
  await expect(rows).toHaveCount(4);

  // Forward it to a token-protected endpoint: refused without the token (never stored), accepted with it.
  const guarded = await callCommand<{ url: string | null }>(page, 'endpoints.save', { name: 'Guarded', path: '/guarded', auth: 'token', token: 'replay-secret-1' });
  await detail.getByLabel('Replay URL').fill(guarded.url ?? '');
  await detail.getByRole('button', { name: 'Replay unchanged' }).click();
  await expect(detail.getByTestId('replay').first()).toContainText('401');
  await detail.getByLabel('Token for the target').fill('replay-secret-1');
  await detail.getByRole('button', { name: 'Replay unchanged' }).click();
  await expect(detail.getByTestId('replay').first()).toContainText('200');
  await expect(rows).toHaveCount(5);

  // Export everything as NDJSON.
  await page.getByLabel('Export notifications as').selectOption('ndjson');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export all', exact: true }).click();
  const file = await (await download).path();
  expect(readFileSync(file, 'utf8').trimEnd().split('\n')).toHaveLength(5);

  await page.screenshot({ path: testInfo.outputPath('inbox.png') });
  await testInfo.attach('inbox', { path: testInfo.outputPath('inbox.png'), contentType: 'image/png' });
});
