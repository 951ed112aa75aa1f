import { z } from 'zod';
import type { EventName } from './names';
import { NotificationsMarked, NotificationSummary } from './notification';
import { HydrationAnnounced } from './notification-actions';
import { QueryProgress } from './query';
import { ReceiverStatus } from './receiver';
import { WritebackUpdated } from './writeback';

export interface EventDefinition<P extends z.ZodType = z.ZodType> {
  summary: string;
  payload: P;
}

/** Everything the core pushes to the renderer without being asked. */
export const events = {
  'notification.received': {
    summary: 'A notification was committed to disk (sent after the sender got its answer).',
    payload: NotificationSummary,
  },
  'receiver.status': {
    summary: 'The receiver started, stopped, failed or changed its settings.',
    payload: ReceiverStatus,
  },
  'connections.changed': {
    summary: 'A connection was created, changed, tested or deleted (the list and that connection are stale).',
    payload: z.object({ id: z.string(), deleted: z.boolean() }),
  },
  'query.progress': {
    summary: 'A fetch-all fetched another page, or stopped.',
    payload: QueryProgress,
  },
  'notifications.marked': {
    summary: 'Notifications were marked read/unread, starred or annotated (only the fields that changed are present).',
    payload: NotificationsMarked,
  },
  'endpoints.changed': {
    summary: 'A receiver endpoint was created, changed or deleted, or its counters moved (refetch `endpoints.list`).',
    payload: z.object({ id: z.number().int().positive(), deleted: z.boolean() }),
  },
  'views.changed': {
    summary: 'A saved inbox view was created, changed or deleted.',
    payload: z.object({ id: z.number().int().positive(), deleted: z.boolean() }),
  },
  'writeback.updated': {
    summary: 'A writeback was queued, changed status, or an attempt started or finished (its summary as it is now).',
    payload: WritebackUpdated,
  },
  'destinations.changed': {
    summary: 'A writeback destination was created, changed or deleted.',
    payload: z.object({ id: z.number().int().positive(), deleted: z.boolean() }),
  },
  'notification.hydrated': {
    summary: 'A hydration of a notification was recorded: fetched, failed or (automatic, queue full) skipped (refetch `notifications.hydrations`).',
    payload: HydrationAnnounced,
  },
} satisfies Record<EventName, EventDefinition>;

export type Events = typeof events;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;
