import type { CoreContext, Feature } from '../feature';
import { CommandFailure } from '../command-error';
import { DestinationStore, DuplicateDestinationError } from './destination-store';
import { FhirTransport } from './fhir-transport';
import { MllpTransport } from './mllp-transport';
import { WritebackQueue } from './writeback-queue';
import { WritebackService } from './writeback-service';
import { WritebackStore } from './writeback-store';

export interface WritebackFeatureDeps {
  /** The saved connection's name, or null when there is no such connection. */
  connectionName: (connectionId: string) => string | null;
}

/** Writeback delivery: destinations, the durable queue (MLLP and FHIR), history and export. */
export function writebackFeature(
  ctx: CoreContext,
  deps: WritebackFeatureDeps,
): Feature & { service: WritebackService; queue: WritebackQueue; store: WritebackStore } {
  const store = new WritebackStore(ctx.db, ctx.now);
  const destinations = new DestinationStore(ctx.db, ctx.now, deps.connectionName);
  const queue = new WritebackQueue({
    store,
    transports: { mllp: new MllpTransport(), fhir: new FhirTransport(ctx.fhir) },
    events: ctx.events,
    log: ctx.log,
    now: ctx.now,
  });
  const service = new WritebackService({ store, destinations, queue, events: ctx.events, now: ctx.now, connectionName: deps.connectionName });

  return {
    service,
    queue,
    store,
    handlers: {
      'destinations.list': () => ({ items: destinations.list() }),
      'destinations.save': (input) => {
        try {
          const saved = destinations.save(input);
          ctx.events.emit('destinations.changed', { id: saved.id, deleted: false });
          return saved;
        } catch (error) {
          if (error instanceof DuplicateDestinationError) throw new CommandFailure('conflict', error.message);
          throw error;
        }
      },
      'destinations.delete': (input) => {
        const deleted = destinations.delete(input.id);
        if (deleted) ctx.events.emit('destinations.changed', { id: input.id, deleted: true });
        return { deleted };
      },
      'writebacks.enqueue': (input) => service.enqueue(input),
      'writebacks.list': (input) => service.list(input),
      'writebacks.get': (input) => service.get(input.id),
      'writebacks.cancel': (input) => service.cancel(input.id),
      'writebacks.retryNow': (input) => service.retryNow(input.id),
      'writebacks.resend': (input) => service.resend(input),
      'writebacks.export': (input) => service.export(input),
    },
    start: () => {
      queue.start();
      return Promise.resolve();
    },
    close: () => queue.close(),
  };
}
