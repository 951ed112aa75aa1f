import { describe, expect, it } from 'vitest';
import { failure, type DeliveryOutcome } from './delivery';
import { backoffDelay, settle, type SettleContext } from './settle';

const backoff = { initialMs: 1000, maxMs: 8000, multiplier: 2, jitter: 0 };
const ctx = (over: Partial<SettleContext> = {}): SettleContext => ({
  attempt: 1,
  maxAttempts: 3,
  retryOn: [],
  cancelRequested: false,
  backoff,
  now: 10_000,
  random: () => 0.5,
  ...over,
});
const accepted: DeliveryOutcome = { ...failure('accepted', ''), error: null, acceptance: 'delivered', result: 'AA' };
const rejected = (code: string): DeliveryOutcome => ({ ...failure('rejected', `${code} error`), rejectCode: code, result: code });

describe('settle: the state after an attempt', () => {
  it('backs off exponentially up to the cap, with jitter around it', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(backoff, n, () => 0.5))).toEqual([1000, 2000, 4000, 8000, 8000]);
    const jittered = { ...backoff, jitter: 0.2 };
    expect(backoffDelay(jittered, 1, () => 0)).toBe(800);
    expect(backoffDelay(jittered, 1, () => 1)).toBe(1200);
  });

  it('accepts, rejects, retries and gives up', () => {
    expect(settle(accepted, ctx())).toMatchObject({ status: 'accepted', acceptance: 'delivered', lastError: null });
    expect(settle(rejected('AE'), ctx())).toMatchObject({ status: 'rejected', nextAttemptAt: null, lastError: 'AE error' });
    expect(settle(failure('timeout', 'no ACK within 10 ms'), ctx({ attempt: 2 }))).toMatchObject({
      status: 'retrying',
      nextAttemptAt: 12_000,
      detail: 'attempt 2 of 3 failed (no ACK within 10 ms); next attempt in 2.0 s',
    });
    expect(settle(failure('connection-error', 'refused'), ctx({ attempt: 3 }))).toMatchObject({ status: 'given-up', nextAttemptAt: null });
  });

  it('retries the reject codes the destination lists', () => {
    expect(settle(rejected('AR'), ctx({ retryOn: ['AR'] })).status).toBe('retrying');
    expect(settle(rejected('AE'), ctx({ retryOn: ['AR'] })).status).toBe('rejected');
    expect(settle(rejected('AR'), ctx({ retryOn: ['AR'], attempt: 3 })).status).toBe('given-up');
  });

  it('lets a cancel stop retries but never override the receiver’s answer', () => {
    expect(settle(failure('timeout', 'x'), ctx({ cancelRequested: true })).status).toBe('cancelled');
    expect(settle(accepted, ctx({ cancelRequested: true })).status).toBe('accepted');
    expect(settle(rejected('AE'), ctx({ cancelRequested: true })).status).toBe('rejected');
  });

  it('makes an interrupted attempt due again at once', () => {
    expect(settle(failure('interrupted', 'stopped'), ctx({ attempt: 3 }))).toMatchObject({ status: 'retrying', nextAttemptAt: 10_000 });
  });
});
