import type { HydrationRecord, NotificationSummary } from '../../../shared/contract';
import type { CoreContext } from '../feature';
import { AutoHydrationQueue } from './auto-hydration-queue';
import { HydrationOutcomeBuffer } from './hydration-outcome-buffer';
import { type HydrationEntry, type HydrationStore, hydrationAnnouncement } from './hydration-store';

interface Job {
  notificationId: number;
  connectionId: string;
}

/** At most this many automatic hydrations talk to FHIR servers at once (each fetches a few targets, 4 at a time). */
const CONCURRENCY = 4;
const MAX_BACKLOG = 500;

/**
 * Endpoints set to hydrate automatically: a lightweight arrival is completed from the chosen
 * connection after its sender has been answered, never on the receiver's path, through a bounded
 * queue. Every outcome is recorded with the notification (a failure or a skip too, within a
 * second) and announced with `notification.hydrated`, so its Hydrate tab shows it. Returns the
 * function that stops it.
 */
export function startAutoHydration(
  ctx: Pick<CoreContext, 'db' | 'events' | 'log' | 'now'>,
  hydrations: HydrationStore,
  /** Fetches and records one hydration (announcing it); rejects when nothing could be fetched. */
  hydrate: (id: number, connectionId: string) => Promise<HydrationRecord>,
): () => void {
  // Failures and skips come at the receiver's rate (a burst, a FHIR server that is down): written
  // and logged together, at most once a second (HydrationOutcomeBuffer).
  const outcomes = new HydrationOutcomeBuffer<HydrationEntry>((entries) => {
    const failed = entries.filter((e) => e.outcome === 'failed').length;
    if (failed > 0) ctx.log.warn('automatic hydration failed', { count: failed });
    if (entries.length > failed) ctx.log.warn('automatic hydration skipped: backlog full', { count: entries.length - failed, waiting: MAX_BACKLOG });
    for (const r of hydrations.addAll(entries)) ctx.events.emit('notification.hydrated', hydrationAnnouncement(r));
  });
  const outcome = (job: Job, outcome: 'failed' | 'skipped', error: string): HydrationEntry => ({
    notificationId: job.notificationId,
    fetchedAt: ctx.now(),
    connectionId: job.connectionId,
    connectionName: null,
    results: [],
    automatic: true,
    outcome,
    error,
  });

  const queue = new AutoHydrationQueue<Job>({
    run: async (job) => {
      await hydrate(job.notificationId, job.connectionId);
    },
    failed: (job, error) => outcomes.add(outcome(job, 'failed', error instanceof Error ? error.message : String(error))),
    skipped: (job, reason) =>
      outcomes.add(
        outcome(
          job,
          'skipped',
          reason === 'closing'
            ? 'Not fetched automatically: Switchboard closed before its turn. Hydrate it by hand.'
            : `Not fetched automatically: ${MAX_BACKLOG} hydrations were already waiting. Hydrate it by hand.`,
        ),
      ),
    concurrency: CONCURRENCY,
    maxBacklog: MAX_BACKLOG,
  });

  // Looked up for every lightweight notification received: kept in memory until an endpoint changes.
  const setting = ctx.db.prepare('SELECT auto_hydrate_connection_id AS id FROM endpoints WHERE id = ?');
  const byEndpoint = new Map<number, string | null>();
  const connectionFor = (endpointId: number): string | null => {
    let id = byEndpoint.get(endpointId);
    if (id === undefined) {
      id = (setting.get(endpointId) as { id: string | null } | undefined)?.id ?? null;
      byEndpoint.set(endpointId, id);
    }
    return id;
  };

  const unsubscribe = ctx.events.subscribe((name, payload) => {
    if (name === 'endpoints.changed') byEndpoint.clear();
    if (name !== 'notification.received') return;
    const summary = payload as NotificationSummary;
    if (summary.payloadLevel !== 'lightweight' || summary.endpointId === null) return;
    const connectionId = connectionFor(summary.endpointId);
    if (connectionId !== null) queue.enqueue({ notificationId: summary.id, connectionId });
  });
  return () => {
    unsubscribe();
    // What waits is recorded as skipped; what failed or was skipped in the last second, and what
    // still running fails from now on, is written before the database closes.
    queue.close();
    outcomes.close();
  };
}
