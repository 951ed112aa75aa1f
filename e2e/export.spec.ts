import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { useHost } from './support/fhir-and-host';

const servers = useHost();

/** Raw bodies with their own spacing, so the export can be checked byte for byte. */
const bodies = [
  '{ "resourceType": "Patient", "id": "alpha",\n  "identifier": [{ "system": "urn:mrn", "value": "MRN-A" }] }',
  '{"resourceType":"Observation","id":"bravo","status":"final","note":[{"text":"kiwi"}]}',
  '{ "resourceType": "Observation", "id": "charlie", "status": "final", "note": [{ "text": "kiwi, \\"ripe\\"" }] }',
];

test('tick rows and export exactly those as NDJSON; export what a filter matches as CSV', async ({ page }, testInfo) => {
  for (const body of bodies) {
    const posted = await fetch(servers.host.receiverUrl, { method: 'POST', headers: { 'content-type': 'application/fhir+json' }, body });
    expect(posted.status).toBe(200);
  }
  await page.goto(servers.host.consoleUrl);
  const rows = page.getByTestId('notification-row');
  await expect(rows).toHaveCount(3);

  // Newest first: the rows show charlie, bravo, alpha. Tick charlie and alpha by their checkboxes.
  await rows.nth(0).getByRole('checkbox').check();
  await rows.nth(2).getByRole('checkbox').check();
  await expect(page.getByTestId('selection-summary')).toContainText('2 selected');
  // Ticking is not opening: the detail pane still waits for a click on a row.
  await expect(page.locator('[role="option"][aria-selected="true"]')).toHaveCount(0);

  await page.getByLabel('Export notifications as').selectOption('ndjson');
  const selectedDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export selected (2)' }).click();
  const ndjson = await selectedDownload;
  expect(ndjson.suggestedFilename()).toMatch(/^notifications-.+\.ndjson$/);
  const lines = readFileSync(await ndjson.path(), 'utf8').trimEnd().split('\n');
  const exported = lines.map((l) => JSON.parse(l) as { body: string; bodyEncoding: string });
  expect(exported.map((e) => e.bodyEncoding)).toEqual(['utf8', 'utf8']);
  expect(exported.map((e) => e.body)).toEqual([bodies[2], bodies[0]]);

  // A plain click still opens the detail, and the star still stars, with rows ticked.
  await rows.nth(1).click();
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await rows.nth(1).getByRole('button', { name: 'Star' }).click();
  await expect(rows.nth(1).getByRole('button', { name: 'Unstar' })).toBeVisible();
  await expect(page.getByTestId('selection-summary')).toContainText('2 selected');

  // Keyboard: Space on a focused checkbox ticks it.
  await rows.nth(1).getByRole('checkbox').focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('selection-summary')).toContainText('3 selected');
  await page.screenshot({ path: testInfo.outputPath('export-selection.png') });
  await testInfo.attach('export-selection', { path: testInfo.outputPath('export-selection.png'), contentType: 'image/png' });

  // Clear, then a shift-click range from the first row to the last ticks all three.
  await page.getByRole('button', { name: 'Clear selection' }).click();
  await expect(page.getByTestId('selection-summary')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Export selected/ })).toHaveCount(0);
  await rows.nth(0).getByRole('checkbox').click();
  await rows.nth(2).getByRole('checkbox').click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('selection-summary')).toContainText('3 selected');
  await page.getByRole('button', { name: 'Clear selection' }).click();

  // Filter to the two that mention kiwi, and export everything it matches as CSV.
  await page.getByLabel('Search bodies').fill('kiwi');
  await expect(rows).toHaveCount(2);
  await page.getByLabel('Export notifications as').selectOption('csv');
  const filteredDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export all matching the filter' }).click();
  const csv = await filteredDownload;
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  const csvRows = readFileSync(await csv.path(), 'utf8').split('\r\n').filter((r) => r !== '');
  expect(csvRows[0]?.split(',').slice(0, 3)).toEqual(['id', 'receivedAt', 'endpoint']);
  expect(csvRows.slice(1).map((r) => r.split(',')[0])).toEqual(['3', '2']);
  expect(csvRows.slice(1).every((r) => r.includes('Observation'))).toBe(true);
});
