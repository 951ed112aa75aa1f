import { expect, test, type Page } from '@playwright/test';
import { freshDataDir, startHost, type RunningHost } from './support/headless-host';
import { accept, startMllpPeer, type MllpPeer } from './support/mllp-peer';

const dataDir = freshDataDir();
let host: RunningHost;
let accepting: MllpPeer;
let refusing: MllpPeer;

test.beforeAll(async () => {
  host = await startHost(dataDir.path);
  accepting = await startMllpPeer(accept);
  // An EHR that refuses the birth date: AE with an ERR on PID-7, as a real interface engine words it.
  refusing = await startMllpPeer(
    (message) => `MSA|AE|${message.split('\r')[0]?.split('|')[9] ?? ''}|Patient rejected\rERR||PID^1^7|102^Data type error^HL70357|E||||Birth date 19800514 is after the admission date`,
  );
});
test.afterAll(async () => {
  await host?.stop();
  await accepting?.close();
  await refusing?.close();
  dataDir.remove();
});

/** Puts the caret at the end of the editor line holding `text`, found with Monaco's own find widget. */
async function caretAfter(page: Page, text: string) {
  await page.getByTestId('fhir-editor').locator('.view-lines').click();
  await page.keyboard.press('Control+F');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.keyboard.press('End');
}

test('edit a writeback, see the HL7 v2 change, follow lineage both ways, send it and watch the ACKs', async ({ page }, testInfo) => {
  await page.goto(host.consoleUrl);
  await page.getByRole('link', { name: 'Writeback' }).click();

  // Pick a template: a glucose result → ORU^R01.
  await page.getByLabel('Template').selectOption({ label: 'Lab result (single Observation) — ORU^R01' });
  const preview = page.getByTestId('er7-preview');
  await expect(page.getByTestId('message-type')).toHaveText('ORU^R01^ORU_R01');
  await expect(preview.locator('[data-v2="OBX-5"]')).toHaveText('5.4');

  // Edit a field in the FHIR: the OBX value follows, with no Run button.
  await caretAfter(page, '"value": 5.4');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('7.9');
  await expect(preview.locator('[data-v2="OBX-5"]')).toHaveText('7.9');

  // Field tooltip: name and data type.
  await expect(preview.locator('[data-v2="PID-5"]')).toHaveAttribute('title', /^PID-5 Patient Name \(XPN\)\n← Bundle\.entry\[0\]\.resource\.name\[0\]/);

  // v2 → FHIR: clicking PID-5 highlights the name in the editor.
  await preview.locator('[data-v2="PID-5"]').click();
  await expect(page.getByTestId('lineage')).toContainText('Bundle.entry[0].resource.name[0]');
  const highlighted = page.getByTestId('fhir-editor').locator('.wb-lineage-source');
  await expect(highlighted.first()).toBeVisible();
  await expect(page.getByTestId('fhir-editor').locator('.view-line', { hasText: '"family"' })).toBeVisible();

  // FHIR → v2: the caret in the observation's code lights up OBX-3.
  await caretAfter(page, '"code": "2345-7"');
  await expect(page.getByTestId('cursor-path')).toHaveText('Bundle.entry[1].resource.code.coding[0].code');
  await expect(preview.locator('[data-v2="OBX-3"]')).toHaveClass(/linked/);

  // The tree view names every field.
  await page.getByRole('tab', { name: 'Tree' }).click();
  const tree = page.getByTestId('segment-tree');
  // The picked field's segment is open; another opens on a click, and its fields pick like the message's.
  await expect(tree).toContainText('PID-5 Patient Name (XPN)');
  await tree.getByRole('button', { name: /OBX\s*Observation/ }).click();
  await tree.getByRole('button', { name: /OBX-3 Observation Identifier \(CE\)/ }).click();
  await expect(page.getByTestId('lineage')).toContainText('Bundle.entry[1].resource.code');
  await page.getByRole('tab', { name: 'HL7 v2' }).click();

  // Send over MLLP to a peer that accepts: queued → sending → accepted.
  await page.getByLabel('MLLP host').fill('127.0.0.1');
  await page.getByLabel('MLLP port').fill(String(accepting.port));
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByTestId('writeback-status')).toHaveText('accepted');
  await expect(page.getByTestId('ack')).toContainText('MSA-1 AA');
  await expect(page.getByTestId('timeline')).toContainText('queued');
  expect(accepting.received).toHaveLength(1);
  expect(accepting.received[0]).toContain('|7.9|');

  // Edit again and compare with that send: OBX-5 is what changed.
  await caretAfter(page, '"value": 7.9');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('8');
  await expect(preview.locator('[data-v2="OBX-5"]')).toHaveText('7.8');
  await page.getByRole('tab', { name: 'Diff' }).click();
  await expect(page.getByTestId('er7-diff')).toContainText('1 segment differs');
  await expect(page.getByTestId('diff-changed').locator('mark')).toHaveText('7.8');
  await page.getByRole('tab', { name: 'HL7 v2' }).click();

  // Send to a peer that refuses: rejected, the ERR explained, and a click goes to the FHIR to fix.
  await page.getByLabel('MLLP port').fill(String(refusing.port));
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByTestId('writeback-status')).toHaveText('rejected');
  const error = page.getByTestId('ack-error');
  await expect(error).toContainText('PID-7');
  await expect(page.getByTestId('ack-explanation')).not.toBeEmpty();
  await error.getByRole('button', { name: /birthDate/ }).click();
  await expect(page.getByTestId('fhir-editor').locator('.wb-lineage-source').first()).toBeVisible();
  await expect(page.getByTestId('fhir-editor').locator('.view-line', { hasText: '"birthDate"' })).toBeVisible();

  const shot = testInfo.outputPath('writeback.png');
  await page.screenshot({ path: shot });
  await testInfo.attach('writeback', { path: shot, contentType: 'image/png' });
});

test('every template translates, and a broken reference is reported and located', async ({ page }) => {
  await page.goto(host.consoleUrl);
  await page.getByRole('link', { name: 'Writeback' }).click();
  const templates = page.getByLabel('Template');
  await expect(page.getByTestId('message-type')).toBeVisible();
  const labels = await templates.locator('option').allTextContents();
  expect(labels.length).toBeGreaterThanOrEqual(12);
  for (const label of labels) {
    await templates.selectOption({ label });
    const expected = label.split(' — ')[1]?.split(' / ')[0] ?? '';
    await expect(page.getByTestId('message-type')).toHaveText(new RegExp(`^${expected.replace('^', '\\^')}\\^`));
  }

  await templates.selectOption({ label: 'Lab result (single Observation) — ORU^R01' });
  await caretAfter(page, '"reference": "urn:uuid:p1"');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('9');
  const issue = page.getByTestId('issue').filter({ hasText: 'urn:uuid:p19 is not in the Bundle' });
  await expect(issue).toBeVisible();
  await issue.click();
  await expect(page.getByTestId('fhir-editor').locator('.wb-lineage-source').first()).toBeVisible();
});
