import { afterEach, describe, expect, it } from 'vitest';
import type { HydrationRecord } from '../../../shared/contract';
import { tempDir } from '../../test-support/temp-dir';
import { EventBus } from '../events/event-bus';
import { silentLogger } from '../logger';
import { openDatabase } from '../store/database';
import { NotificationStore } from '../store/notification-store';
import { incomingJson, patientMessage } from '../store/test-support/incoming';
import { startAutoHydration } from './auto-hydration';
import { HydrationStore } from './hydration-store';

describe('automatic hydration', () => {
  const dir = tempDir();
  afterEach(() => dir.remove());

  it('records and announces the arrivals a full backlog skips, instead of dropping them', async () => {
    const db = openDatabase(dir.path);
    const store = new NotificationStore(db);
    db.exec("UPDATE endpoints SET auto_hydrate_connection_id = 'ehr' WHERE id = 1");
    const arrivals = store.importBatch(Array.from({ length: 510 }, (_, i) => incomingJson(patientMessage(`MRN-${i}`)))).map((s) => s.summary);
    const events = new EventBus();
    const announced: HydrationRecord[] = [];
    events.subscribe((name, payload) => {
      if (name === 'notification.hydrated') announced.push(payload as HydrationRecord);
    });
    const hydrations = new HydrationStore(db);
    const asked: number[] = [];
    // A FHIR server that never answers: every slot stays busy.
    const stop = startAutoHydration({ db, events, log: silentLogger, now: Date.now }, hydrations, (id) => {
      asked.push(id);
      return new Promise<HydrationRecord>(() => {});
    });

    for (const summary of arrivals) events.emit('notification.received', { ...summary, payloadLevel: 'lightweight' });
    await new Promise<void>((resolve) => setImmediate(resolve));

    // 4 running, 500 waiting, the last 6 skipped: recorded with their notification and announced.
    expect(asked).toEqual(arrivals.slice(0, 4).map((s) => s.id));
    const skipped = arrivals.slice(504).map((s) => s.id);
    expect(announced.map((r) => [r.notificationId, r.outcome, r.automatic])).toEqual(skipped.map((id) => [id, 'skipped', true]));
    expect(hydrations.forNotification(skipped[0] ?? 0)).toEqual([expect.objectContaining({ outcome: 'skipped', error: expect.stringMatching(/already waiting/) })]);
    expect(hydrations.forNotification(arrivals[10]?.id ?? 0)).toEqual([]);
    stop();
    await store.close();
    db.close();
  });
});
