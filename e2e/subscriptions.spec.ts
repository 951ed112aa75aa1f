import { expect, test } from '@playwright/test';
import { backportNotification } from './support/backport-notification';
import { useHost } from './support/fhir-and-host';

const servers = useHost();

const SUBSCRIPTION = 'https://ehr.example/fhir/Subscription/sub-e2e';

/** An R4 Backport notification naming its subscription as given (its status URL always the absolute one). */
const notification = (type: string, counter: number, events: number[], reference = SUBSCRIPTION): string =>
  backportNotification({ type, counter, events, reference, statusUrl: `${SUBSCRIPTION}/$status` });

const post = async (body: string) => {
  const response = await fetch(servers.host.receiverUrl, { method: 'POST', headers: { 'content-type': 'application/fhir+json' }, body });
  expect(response.status).toBe(200);
};

test("support staff see a subscription's gaps and missed heartbeats, and set its heartbeat period", async ({ page }, testInfo) => {
  await post(notification('handshake', 0, []));
  // The server names the subscription relatively this once: still the same subscription.
  await post(notification('event-notification', 1, [1], 'Subscription/sub-e2e'));
  await post(notification('event-notification', 4, [4]));
  await post(notification('event-notification', 4, [4]));
  await page.goto(servers.host.consoleUrl);
  await expect(page.getByTestId('notification-row')).toHaveCount(4);

  // The inbox warns, and the warning opens the panel.
  const alert = page.getByTestId('subscription-alert');
  await expect(alert).toContainText('2 events missing');
  await expect(page.getByRole('button', { name: /^Subscriptions/ })).toContainText('1');
  await alert.getByRole('button', { name: 'Show subscriptions' }).click();
  const panel = page.getByRole('region', { name: 'Subscriptions' });
  await expect(alert).toBeHidden();
  const items = panel.getByTestId('subscription');
  await expect(items).toHaveCount(1);
  const item = items.first();
  await expect(item).toContainText(SUBSCRIPTION);
  await expect(item).toContainText('Also sent as Subscription/sub-e2e');
  const problems = item.getByTestId('subscription-problems');
  await expect(problems).toContainText('2 events missing');
  await expect(problems).toContainText('1 repeated');
  await expect(item).toContainText('Missing: 2, 3');
  await expect(item).toContainText('#4');
  await expect(item.getByTestId('heartbeat-expectation')).toContainText('unknown');

  // Filtered to the subscription, the inbox holds its notifications in either spelling.
  await item.getByRole('button', { name: 'Show in inbox' }).click();
  await expect(page.getByTestId('subscription-filter')).toContainText(SUBSCRIPTION);
  await expect(page.getByTestId('inbox-count')).toContainText('4 notifications match');
  await page.getByRole('button', { name: 'Stop filtering by subscription' }).click();
  await expect(page.getByTestId('subscription-filter')).toBeHidden();

  // A heartbeat period: nothing overdue right after traffic, overdue once the period passes.
  await item.getByLabel(/Heartbeat period in seconds/).fill('3');
  await item.getByRole('button', { name: 'Set' }).click();
  await expect(item.getByTestId('heartbeat-expectation')).toHaveText('every 3 s (set here)');
  await post(notification('heartbeat', 4, []));
  await expect(page.getByTestId('notification-row')).toHaveCount(5);
  await expect(problems).not.toContainText('heartbeat overdue');
  await expect(problems).toContainText('heartbeat overdue', { timeout: 15_000 });
  await expect(item).toContainText('heartbeat is due every 3 s');
  await page.screenshot({ path: testInfo.outputPath('subscriptions-panel.png') });

  // Closed, the panel leaves the warning in the inbox.
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(alert).toContainText('heartbeat overdue');

  // Saved empty: the subscription sends no heartbeats, so none is overdue.
  await page.getByRole('button', { name: /^Subscriptions/ }).click();
  await item.getByLabel(/Heartbeat period in seconds/).fill('');
  await item.getByRole('button', { name: 'Set' }).click();
  await expect(item.getByTestId('heartbeat-expectation')).toHaveText('none expected (set here)');
  await expect(problems).not.toContainText('heartbeat overdue');
});

test('a subscription named only relatively reads as sent, and "Show in inbox" shows its notifications', async ({ page }) => {
  const relative = 'Subscription/rel-e2e';
  await post(notification('event-notification', 1, [1], relative));
  await post(notification('event-notification', 2, [2], relative));
  await page.goto(servers.host.consoleUrl);
  await page.getByRole('button', { name: /^Subscriptions/ }).click();
  const panel = page.getByRole('region', { name: 'Subscriptions' });
  // Tracked per endpoint (another endpoint's Subscription/rel-e2e would be another subscription), shown as sent.
  const item = panel.getByRole('listitem', { name: `${relative} at Default` });
  await expect(item.locator('.subscription-ref')).toHaveText(relative);
  await expect(item).not.toContainText('endpoint/');
  await expect(item).toContainText('at Default');

  await item.getByRole('button', { name: 'Show in inbox' }).click();
  const chip = page.getByTestId('subscription-filter');
  await expect(chip).toContainText(`${relative} at Default`);
  await expect(chip).not.toContainText('endpoint/');
  await expect(page.getByTestId('inbox-count')).toContainText('2 notifications match');
  // The address carries the filter: a reload shows the same two.
  await page.reload();
  await expect(page.getByTestId('inbox-count')).toContainText('2 notifications match');
  await expect(page.getByTestId('subscription-filter')).toContainText(`${relative} at Default`);
});
