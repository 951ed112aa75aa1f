import { describe, expect, it } from 'vitest';
import type { NotificationSummary } from '../../../shared/contract';
import { prependNotification } from './live-updates';

const summary = (id: number): NotificationSummary => ({
  id,
  receivedAt: new Date(0).toISOString(),
  endpointPath: '/webhook',
  sizeBytes: 10,
  contentType: 'application/json',
  parseStatus: 'ok',
  verification: 'none',
  source: null,
  event: null,
  resourceTypes: [],
  endpointId: 1,
  format: 'resource',
  eventUri: null,
  eventLabel: null,
  category: 'unknown',
  payloadLevel: 'unknown',
  patientIdentifiers: [],
  subscription: null,
  handshake: null,
  verificationDetail: null,
  read: false,
  starred: false,
  note: null,
  warnings: [],
});

describe('prependNotification', () => {
  const data = { pageParams: [undefined], pages: [{ items: [summary(2), summary(1)], nextBeforeId: null, total: 2, totalKind: 'exact' as const }] };

  it('puts the newest notification first and counts it', () => {
    const next = prependNotification(data, summary(3));
    expect(next?.pages[0]?.items.map((i) => i.id)).toEqual([3, 2, 1]);
    expect(next?.pages[0]?.total).toBe(3);
  });

  it('ignores a notification the list already shows', () => {
    expect(prependNotification(data, summary(2))).toBe(data);
  });

  it('leaves an inbox that was never loaded alone', () => {
    expect(prependNotification(undefined, summary(1))).toBeUndefined();
  });
});
