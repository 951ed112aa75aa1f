import { expect, test } from '@playwright/test';
import { freshDataDir, startHost, type RunningHost } from './support/headless-host';

const SECRET = 'e2e-shared-token';

const arrived = JSON.stringify({
  resourceType: 'Bundle',
  type: 'message',
  timestamp: '2026-11-26T09:30:00Z',
  entry: [
    {
      resource: {
        resourceType: 'MessageHeader',
        eventUri: 'https://fhir.redoxengine.com/EventDefinition/PatientAdminPatientArrived',
        source: { name: 'Riverside Clinic', endpoint: 'a1b2c3' },
        focus: [{ reference: 'Patient/p1' }, { reference: 'Encounter/e1' }],
      },
    },
    {
      fullUrl: 'https://api.redoxengine.com/fhir/R4/riverside/Development/Patient?identifier=urn:redox:riverside:MR|4711',
      resource: {
        resourceType: 'Patient',
        id: 'p1',
        identifier: [{ system: 'urn:redox:riverside:MR', value: '4711' }],
        name: [{ family: 'Testpatient', given: ['Alex'] }],
      },
    },
    {
      resource: { resourceType: 'Encounter', id: 'e1', status: 'arrived', class: { code: 'AMB' }, subject: { reference: 'Patient/p1' } },
    },
  ],
});

const send = (host: RunningHost, token: string, body = arrived) =>
  fetch(host.receiverUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/fhir+json', 'verification-token': token, 'application-name': 'RedoxEngine' },
    body,
  });

test('a notification POSTed to the receiver appears live, survives a restart, and a wrong token is refused', async ({
  page,
}, testInfo) => {
  const dataDir = freshDataDir();
  let host = await startHost(dataDir.path, ['--receiver-secret', SECRET]);
  try {
    await page.goto(host.consoleUrl);
    await expect(page.getByTestId('inbox-empty')).toBeVisible();
    await expect(page.getByTestId('receiver-badge')).toContainText(host.receiverUrl);

    // Correct token: stored, and the row appears without a reload.
    const accepted = await send(host, SECRET);
    expect(accepted.status).toBe(200);
    const rows = page.getByTestId('notification-row');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Patient arrived');
    await expect(rows.first()).toContainText('Riverside Clinic');
    await expect(rows.first()).toContainText('Patient');
    await expect(page.getByTestId('inbox-count')).toHaveText('1 notification');

    // Wrong token: 401, and no new row.
    const refused = await send(host, 'not-the-token', '{"resourceType":"Patient","id":"intruder"}');
    expect(refused.status).toBe(401);
    const afterRefusal = await page.evaluate(async () => {
      const r = await fetch('api/notifications.list', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      return ((await r.json()) as { value: { total: number } }).value.total;
    });
    expect(afterRefusal).toBe(1);
    await expect(rows).toHaveCount(1);

    // Detail: headers (credentials redacted) and the pretty-printed body.
    await rows.first().click();
    const detail = page.getByRole('article');
    await detail.getByRole('tab', { name: 'Headers' }).click();
    await expect(detail).toContainText('verification-token');
    await expect(detail).toContainText('[redacted]');
    await expect(detail).not.toContainText(SECRET);
    // The body as a lazy tree: open entry[1].resource.name[0] down to the family name.
    await detail.getByRole('tab', { name: 'Body' }).click();
    const tree = page.getByTestId('json-tree');
    await tree.getByRole('button', { name: 'Expand entry' }).click();
    await tree.getByRole('button', { name: 'Expand 1' }).click();
    await tree.getByRole('button', { name: 'Expand resource' }).click();
    await tree.getByRole('button', { name: 'Expand name' }).click();
    // Children come from the parse worker: wait for name[0] to be shown beside entry[0] before
    // picking the last one, or the click can land on entry[0].
    const expandZero = tree.getByRole('button', { name: 'Expand 0' });
    await expect(expandZero).toHaveCount(2);
    await expandZero.last().click();
    await expect(tree.getByRole('treeitem').filter({ hasText: 'family' })).toContainText('"Testpatient"');

    testInfo.attach('inbox', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });

    // Restart on the same data folder: the notification is still there.
    await host.stop();
    host = await startHost(dataDir.path, ['--receiver-secret', SECRET]);
    await page.goto(host.consoleUrl);
    await expect(page.getByTestId('notification-row')).toHaveCount(1);
    await expect(page.getByTestId('notification-row').first()).toContainText('Patient arrived');
    testInfo.attach('inbox-after-restart', { body: await page.screenshot(), contentType: 'image/png' });
  } finally {
    await host.stop();
    dataDir.remove();
  }
});

test('malformed JSON is kept and flagged, and the console explains a missing access token', async ({ page }) => {
  const dataDir = freshDataDir();
  const host = await startHost(dataDir.path);
  try {
    const origin = new URL(host.consoleUrl).origin;
    await page.goto(origin);
    await expect(page.getByRole('alert')).toContainText('console link');

    await page.goto(host.consoleUrl);
    const response = await fetch(host.receiverUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"resourceType": "Bundle", ',
    });
    expect(response.status).toBe(400);
    const row = page.getByTestId('notification-row').first();
    await expect(row).toContainText('malformed-json');
    await row.click();
    await expect(page.getByRole('article').getByRole('alert')).toContainText('not valid JSON');
    await page.getByRole('article').getByRole('tab', { name: 'Body' }).click();
    await expect(page.getByTestId('notification-body')).toHaveText('{"resourceType": "Bundle", ');
  } finally {
    await host.stop();
    dataDir.remove();
  }
});

test('Settings shows the receiver and a token set there is required from the next request', async ({ page }) => {
  const dataDir = freshDataDir();
  const host = await startHost(dataDir.path);
  try {
    await page.goto(host.consoleUrl);
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByTestId('receiver-url')).toHaveText(host.receiverUrl);
    const defaultEndpoint = page.getByTestId('endpoint-row').filter({ hasText: '(default)' });
    await expect(defaultEndpoint).toContainText('no check');
    await defaultEndpoint.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Endpoint auth').selectOption('token');
    await page.getByLabel('Endpoint token').fill('token-from-settings');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(defaultEndpoint).toContainText('shared token');
    expect((await send(host, 'wrong-token')).status).toBe(401);
    expect((await send(host, 'token-from-settings')).status).toBe(200);
    await page.getByRole('link', { name: 'Inbox' }).click();
    await expect(page.getByTestId('notification-row')).toHaveCount(1);
  } finally {
    await host.stop();
    dataDir.remove();
  }
});
