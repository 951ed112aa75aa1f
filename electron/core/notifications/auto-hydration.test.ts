import type { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HydrationAnnounced, HydrationRecord, NotificationSummary } from '../../../shared/contract';
import { tempDir } from '../../test-support/temp-dir';
import { EventBus } from '../events/event-bus';
import { silentLogger } from '../logger';
import { openDatabase } from '../store/database';
import { NotificationStore } from '../store/notification-store';
import { incomingJson, patientMessage } from '../store/test-support/incoming';
import { startAutoHydration } from './auto-hydration';
import { OUTCOME_FLUSH_MS } from './hydration-outcome-buffer';
import { HydrationStore } from './hydration-store';

/** Lets the queue's promise chains settle (real immediates: only timers are faked). */
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};

describe('automatic hydration', () => {
  const dir = tempDir();
  let db: DatabaseSync;
  let store: NotificationStore;
  let events: EventBus;
  let hydrations: HydrationStore;
  let announced: HydrationAnnounced[];
  beforeEach(() => {
    // Only the outcome buffer's timer is faked: the test decides when a second has passed.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    db = openDatabase(dir.path);
    store = new NotificationStore(db);
    db.exec("UPDATE endpoints SET auto_hydrate_connection_id = 'ehr' WHERE id = 1");
    events = new EventBus();
    announced = [];
    events.subscribe((name, payload) => {
      if (name === 'notification.hydrated') announced.push(payload as HydrationAnnounced);
    });
    hydrations = new HydrationStore(db);
  });
  afterEach(async () => {
    vi.useRealTimers();
    await store.close();
    db.close();
    dir.remove();
  });

  const arrive = (n: number, prefix: string): NotificationSummary[] =>
    store.importBatch(Array.from({ length: n }, (_, i) => incomingJson(patientMessage(`${prefix}-${i}`)))).map((s) => s.summary);
  const announce = (arrivals: readonly NotificationSummary[]) => {
    for (const summary of arrivals) events.emit('notification.received', { ...summary, payloadLevel: 'lightweight' });
  };

  it('records and announces the arrivals a full backlog skips, instead of dropping them', async () => {
    const arrivals = arrive(510, 'MRN');
    const asked: number[] = [];
    // A FHIR server that never answers: every slot stays busy.
    const stop = startAutoHydration({ db, events, log: silentLogger, now: Date.now }, hydrations, (id) => {
      asked.push(id);
      return new Promise<HydrationRecord>(() => {});
    });

    announce(arrivals);
    await settle();
    vi.advanceTimersByTime(OUTCOME_FLUSH_MS);

    // 4 running, 500 waiting, the last 6 skipped: recorded with their notification and announced.
    expect(asked).toEqual(arrivals.slice(0, 4).map((s) => s.id));
    const skipped = arrivals.slice(504).map((s) => s.id);
    expect(announced.map((r) => [r.notificationId, r.outcome])).toEqual(skipped.map((id) => [id, 'skipped']));
    expect(hydrations.forNotification(skipped[0] ?? 0)).toEqual([
      expect.objectContaining({ outcome: 'skipped', automatic: true, error: expect.stringMatching(/already waiting/) }),
    ]);
    expect(hydrations.forNotification(arrivals[10]?.id ?? 0)).toEqual([]);
    stop();
  });

  it('writes failures together, at most once a second, and announces each without its resources', async () => {
    const addAll = vi.spyOn(hydrations, 'addAll');
    // A FHIR server that is down: every hydration fails at once, at the receiver's rate.
    const stop = startAutoHydration({ db, events, log: silentLogger, now: Date.now }, hydrations, () =>
      Promise.reject(new Error('connect ECONNREFUSED')),
    );

    const burst = arrive(40, 'A');
    announce(burst);
    await settle();
    // Nothing written yet: one commit for the whole burst when the second is up.
    expect(addAll).not.toHaveBeenCalled();
    expect(hydrations.forNotification(burst[0]?.id ?? 0)).toEqual([]);
    vi.advanceTimersByTime(OUTCOME_FLUSH_MS);
    expect(addAll).toHaveBeenCalledTimes(1);
    expect(addAll.mock.calls[0]?.[0]).toHaveLength(40);
    expect(hydrations.forNotification(burst[39]?.id ?? 0)).toEqual([expect.objectContaining({ outcome: 'failed', error: 'connect ECONNREFUSED' })]);
    // The event says which notification to refetch, and nothing of what was (or was not) fetched.
    expect(announced).toHaveLength(40);
    for (const a of announced) expect(Object.keys(a).sort()).toEqual(['id', 'notificationId', 'outcome']);

    // The next failures wait for the next second.
    const later = arrive(5, 'B');
    announce(later);
    await settle();
    vi.advanceTimersByTime(OUTCOME_FLUSH_MS - 1);
    expect(addAll).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(addAll).toHaveBeenCalledTimes(2);

    // Stopping writes what is still waiting, without waiting for the second.
    const last = arrive(3, 'C');
    announce(last);
    await settle();
    stop();
    expect(addAll).toHaveBeenCalledTimes(3);
    expect(hydrations.forNotification(last[2]?.id ?? 0)).toHaveLength(1);
  });

  it('on stop, records what waited as skipped and writes a running hydration that fails afterwards at once', async () => {
    const pending: { reject: (error: Error) => void }[] = [];
    const stop = startAutoHydration({ db, events, log: silentLogger, now: Date.now }, hydrations, () =>
      new Promise<HydrationRecord>((_resolve, reject) => pending.push({ reject })),
    );
    const arrivals = arrive(6, 'S');
    announce(arrivals);
    await settle();
    expect(pending).toHaveLength(4);

    stop();
    // The two that waited for a slot: recorded, saying why.
    for (const waited of arrivals.slice(4)) {
      expect(hydrations.forNotification(waited.id)).toEqual([
        expect.objectContaining({ outcome: 'skipped', error: expect.stringMatching(/closed before its turn/) }),
      ]);
    }
    // One still running fails after stop: written now, not by a timer that may outlive the database.
    pending[0]?.reject(new Error('socket hang up'));
    await settle();
    expect(hydrations.forNotification(arrivals[0]?.id ?? 0)).toEqual([expect.objectContaining({ outcome: 'failed', error: 'socket hang up' })]);
  });
});
