import { randomUUID } from 'node:crypto';
import type { HydrationRecord } from '../../../shared/contract';
import { notificationTemplates, testSubscriptionUrl } from '../../../shared/notifications/templates';
import { deriveNotificationFacts } from '../../../shared/notifications/derive-facts';
import { CommandFailure } from '../command-error';
import type { CoreContext, Feature } from '../feature';
import { standardWebhookHeaders } from '../webhooks/standard-webhooks-signer';
import { startAutoHydration } from './auto-hydration';
import { fetchTargets } from './hydrate-notification';
import { HydrationStore, hydrationAnnouncement } from './hydration-store';
import { hydrationTargets } from './hydration-targets';
import { ReplayStore } from './replay-store';
import { storedBody } from './stored-body';
import { TestEventCounter } from './test-event-counter';
import { postWebhook, replayableHeaders } from './webhook-poster';

/** Drops any header the caller sets again, so a header never goes out twice. */
function merge(base: readonly [string, string][], overrides: readonly [string, string][]): [string, string][] {
  const overridden = new Set(overrides.map(([k]) => k.toLowerCase()));
  return [...base.filter(([k]) => !overridden.has(k.toLowerCase())), ...overrides];
}

/** What support staff do with a notification after it arrived: hydrate it, replay or forward it, and send test ones. */
export function notificationActionsFeature(ctx: CoreContext): Feature & { hydrate: (id: number, connectionId: string) => Promise<unknown> } {
  const hydrations = new HydrationStore(ctx.db);
  const replays = new ReplayStore(ctx.db);
  const testEvents = new TestEventCounter(ctx.settings);

  const hydrate = async (id: number, connectionId: string, automatic = false): Promise<HydrationRecord> => {
    const stored = storedBody(ctx.db, id);
    if (!stored) throw new CommandFailure('not-found', `Notification ${id} does not exist.`);
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(stored.bytes));
    } catch {
      throw new CommandFailure('conflict', 'This notification is not JSON, so it names nothing to fetch.');
    }
    const targets = hydrationTargets(json, deriveNotificationFacts(json));
    if (targets.length === 0) throw new CommandFailure('conflict', 'This notification references nothing to fetch: it already carries its resources.');
    const { client, connectionName } = await ctx.fhir.resolveClient(connectionId);
    const results = await fetchTargets(client, targets);
    const record = hydrations.add({ notificationId: id, fetchedAt: ctx.now(), connectionId, connectionName, results, automatic });
    if (!record) throw new CommandFailure('not-found', `Notification ${id} was deleted while it was being hydrated.`);
    ctx.events.emit('notification.hydrated', hydrationAnnouncement(record));
    return record;
  };
  const stopAutoHydrate = startAutoHydration(ctx, hydrations, (id, connectionId) => hydrate(id, connectionId, true));

  return {
    hydrate,
    close: () => stopAutoHydrate(),
    handlers: {
      'notifications.hydrate': (input) => hydrate(input.id, input.connectionId),
      'notifications.hydrations': (input) => ({ items: hydrations.forNotification(input.id) }),
      'notifications.replay': async (input) => {
        const stored = storedBody(ctx.db, input.id);
        if (!stored) throw new CommandFailure('not-found', `Notification ${input.id} does not exist.`);
        const body = input.body === undefined ? stored.bytes : new TextEncoder().encode(input.body);
        let headers = input.keepOriginalHeaders ? replayableHeaders(stored.headers) : [];
        if (stored.contentType && !headers.some(([k]) => k.toLowerCase() === 'content-type')) headers.push(['Content-Type', stored.contentType]);
        headers = merge(headers, input.headers);
        // Old signature headers would not match a new body or timestamp; re-signing replaces them.
        if (input.sign) headers = merge(headers.filter(([k]) => !k.toLowerCase().startsWith('webhook-')), standardWebhookHeaders(input.sign.secret, body, ctx.now()));
        const sentAt = ctx.now();
        const outcome = await postWebhook(input.url, headers, body, ctx.now);
        return replays.record({ notificationId: input.id, sentAt, url: input.url, edited: input.body !== undefined, signed: input.sign !== undefined, outcome });
      },
      'notifications.replays': (input) => ({ items: replays.forNotification(input.id) }),
      'notifications.templates': () => ({
        items: notificationTemplates.map((t) => ({ id: t.id, label: t.label, event: t.event })),
      }),
      'notifications.sendTest': async (input) => {
        const template = notificationTemplates.find((t) => t.id === input.templateId);
        if (!template) throw new CommandFailure('not-found', `There is no template ${input.templateId}.`);
        // Subscriptions forms: successive sends to one receiver are events 1, 2, 3… of the test Subscription.
        const numbered = input.form !== 'redox';
        const eventNumber = !numbered
          ? undefined
          : input.dryRun
            ? testEvents.peek(input.url, testSubscriptionUrl)
            : testEvents.take(input.url, testSubscriptionUrl);
        const built = template.build({
          form: input.form,
          level: input.level,
          now: new Date(ctx.now()),
          ids: () => randomUUID(),
          ...(eventNumber !== undefined ? { eventNumber, subscriptionUrl: testSubscriptionUrl } : {}),
        });
        const text = JSON.stringify(built, null, 2);
        if (input.dryRun) return { body: text, replay: null };
        const body = new TextEncoder().encode(text);
        let headers = merge([['Content-Type', 'application/fhir+json']], input.headers);
        if (input.sign) headers = merge(headers, standardWebhookHeaders(input.sign.secret, body, ctx.now()));
        const sentAt = ctx.now();
        const outcome = await postWebhook(input.url, headers, body, ctx.now);
        // No answer (refused, unreachable, timed out): most likely never stored, so the next send reuses the number.
        if (eventNumber !== undefined && outcome.status === null) testEvents.release(input.url, testSubscriptionUrl, eventNumber);
        return { body: text, replay: replays.record({ notificationId: null, sentAt, url: input.url, edited: false, signed: input.sign !== undefined, outcome }) };
      },
    },
  };
}
