import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { HEART_RATE_COUNT_PAT_1 } from './fhir-test-server';
import { callCommand } from './support/console-api';
import { useFhirServerAndHost } from './support/fhir-and-host';

const servers = useFhirServerAndHost();

/** Creates and tests a connection through the contract, as the Connections screen would. */
async function addConnection(page: Page, name: string, baseUrl: string): Promise<string> {
  const saved = await callCommand<{ id: string }>(page, 'connections.save', { name, baseUrl, environment: 'Development', auth: { type: 'none' } });
  await callCommand(page, 'connections.test', { id: saved.id });
  return saved.id;
}

test('compose a chained search visually, run it, page, fetch all, export and reopen it from history', async ({ page }, testInfo) => {
  await page.goto(servers.host.consoleUrl);
  await addConnection(page, 'Test FHIR', servers.fhir.baseUrl);
  await page.getByRole('link', { name: 'Composer' }).click();

  await page.getByLabel('Connection').selectOption({ label: 'Test FHIR (Development)' });
  await expect(page.getByText('server capabilities')).toBeVisible();
  await page.getByLabel('Resource type').selectOption('Observation');

  // subject:Patient.name=Alvarez, built through the chain picker.
  await page.getByLabel('Kind of parameter').selectOption('chain');
  await page.getByLabel('Reference to follow').selectOption('subject|Patient');
  await page.getByLabel('Parameter', { exact: true }).selectOption('name');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByLabel('subject:Patient.name value 1').fill('Alvarez');

  // code=http://loinc.org|8867-4 (heart rate), system and code typed separately.
  await page.getByLabel('Kind of parameter').selectOption('plain');
  await page.getByLabel('Parameter', { exact: true }).selectOption('code');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByLabel('code value 1 system').fill('http://loinc.org');
  await page.getByLabel('code value 1 code').fill('8867-4');
  await page.getByLabel('_count').fill('100');

  await expect(page.getByLabel('Search URL')).toHaveValue(
    'Observation?subject:Patient.name=Alvarez&code=http://loinc.org|8867-4&_count=100',
  );

  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByTestId('status-line')).toContainText('200');
  await expect(page.getByTestId('entry-count')).toHaveText('100 entries');
  await expect(page.getByTestId('result-row').first()).toContainText('Observation');
  await expect(page.getByTestId('result-row').first()).toContainText('Heart rate');

  await page.getByRole('button', { name: 'Next ▶' }).click();
  await expect(page.getByTestId('status-line')).toContainText('page 2 of 2 fetched');
  await page.getByRole('button', { name: '◀ Previous' }).click();
  await expect(page.getByTestId('status-line')).toContainText('page 1 of 2 fetched');

  await page.getByRole('button', { name: 'Fetch all pages' }).click();
  await expect(page.getByTestId('fetch-progress')).toContainText(`${HEART_RATE_COUNT_PAT_1} entries: all pages fetched`);

  await page.getByLabel('Export scope').selectOption('all');
  await page.getByLabel('Export format').selectOption('ndjson');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  const file = await (await download).path();
  expect(readFileSync(file, 'utf8').trimEnd().split('\n')).toHaveLength(HEART_RATE_COUNT_PAT_1);

  await page.getByTestId('result-row').nth(3).click();
  await expect(page.getByTestId('json-viewer')).toContainText('"resourceType"');
  await page.screenshot({ path: testInfo.outputPath('composer.png') });
  await testInfo.attach('composer', { path: testInfo.outputPath('composer.png'), contentType: 'image/png' });

  // Start something else, then reopen the run from history: the form comes back.
  await page.getByLabel('Resource type').selectOption('Patient');
  await expect(page.getByLabel('Search URL')).toHaveValue('Patient?_count=100');
  await page.getByRole('button', { name: 'History' }).click();
  await page.getByTestId('history-item').first().click();
  await expect(page.getByLabel('Search URL')).toHaveValue(
    'Observation?subject:Patient.name=Alvarez&code=http://loinc.org|8867-4&_count=100',
  );
  await expect(page.getByTestId('entry-count')).toHaveText('100 entries');
  await page.screenshot({ path: testInfo.outputPath('composer-history.png') });
  await testInfo.attach('composer-history', { path: testInfo.outputPath('composer-history.png'), contentType: 'image/png' });
});

test('a pasted URL fills the form and keeps the parts it does not understand', async ({ page }) => {
  await page.goto(servers.host.consoleUrl);
  await page.getByRole('link', { name: 'Composer' }).click();
  const url = page.getByLabel('Search URL');
  await url.fill('Patient?family:exact=Alvarez&birthdate=ge1960-01-01&x-vendor-flag=1');
  await expect(page.locator('[data-testid="param-row"][data-name="family:exact"]')).toBeVisible();
  await expect(page.locator('[data-testid="param-row"][data-name="birthdate"]')).toBeVisible();
  await expect(page.getByLabel('family modifier')).toHaveValue('exact');
  await url.blur();
  await expect(url).toHaveValue('Patient?family:exact=Alvarez&birthdate=ge1960-01-01&x-vendor-flag=1');
});

test('the date-range helper writes a range every server reads the same way, and warnings explain US Core rules', async ({ page }) => {
  await page.goto(servers.host.consoleUrl);
  await page.getByRole('link', { name: 'Composer' }).click();
  await page.getByLabel('Resource type').selectOption('Observation');
  await page.getByLabel('Parameter', { exact: true }).selectOption('date');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByRole('button', { name: 'range…' }).click();
  await page.getByLabel('date from').fill('2024-01-01');
  await page.getByLabel('date to').fill('2024-12-31');
  await page.getByRole('button', { name: 'Set range' }).click();
  await expect(page.getByLabel('Search URL')).toHaveValue('Observation?date=ge2024-01-01&date=lt2025-01-01');
  // US Core: an Observation search needs a patient (with category or code).
  await expect(page.getByTestId('search-warnings')).toContainText(/patient/i);
});
