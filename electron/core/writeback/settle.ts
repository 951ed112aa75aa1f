import type { BackoffSettings } from '../../../shared/contract';
import type { DeliveryOutcome } from './delivery';
import type { Settlement } from './writeback-store';

/** Delay before attempt `failedAttempt + 1`: initial × multiplier^(n-1), capped at max, ± jitter. */
export function backoffDelay(b: BackoffSettings, failedAttempt: number, random: () => number): number {
  const base = Math.min(b.maxMs, b.initialMs * b.multiplier ** Math.max(0, failedAttempt - 1));
  const spread = base * b.jitter * (2 * random() - 1);
  return Math.max(0, Math.round(base + spread));
}

export interface SettleContext {
  attempt: number;
  maxAttempts: number;
  retryOn: readonly string[];
  cancelRequested: boolean;
  backoff: BackoffSettings;
  now: number;
  random: () => number;
}

/**
 * The writeback's next state after an attempt:
 * accepted → accepted; rejected → rejected (or retrying when its code is in `retryOn`);
 * timeout / connection / protocol / server errors → retrying with back-off, or given-up once
 * `maxAttempts` attempts are spent; interrupted (the core stopped) → due again at once. A cancel
 * requested during the attempt wins over a retry, never over an answer the receiver gave.
 */
export function settle(o: DeliveryOutcome, c: SettleContext): Settlement {
  const of = `attempt ${c.attempt} of ${c.maxAttempts}`;
  const base = { acceptance: null, nextAttemptAt: null, lastResult: o.result, lastError: o.error };
  if (o.outcome === 'accepted') {
    return { ...base, status: 'accepted', acceptance: o.acceptance ?? 'delivered', lastError: null, detail: `${of}: ${o.result ?? 'accepted'}` };
  }
  if (o.outcome === 'interrupted') {
    return { ...base, status: 'retrying', nextAttemptAt: c.now, detail: `${of} interrupted: ${o.error ?? 'the core stopped'}; due again at start` };
  }
  const retryableReject = o.outcome === 'rejected' && o.rejectCode !== null && c.retryOn.includes(o.rejectCode);
  if (o.outcome === 'rejected' && !retryableReject) {
    return { ...base, status: 'rejected', detail: `${of}: rejected (${o.result ?? o.rejectCode ?? 'no code'})` };
  }
  const why = o.outcome === 'rejected' ? `rejected (${o.result ?? o.rejectCode}), retried as configured` : (o.error ?? o.outcome);
  if (c.cancelRequested) return { ...base, status: 'cancelled', detail: `${of} failed (${why}); cancelled by the user` };
  if (c.attempt >= c.maxAttempts) return { ...base, status: 'given-up', detail: `${of} failed (${why}); gave up` };
  const delay = backoffDelay(c.backoff, c.attempt, c.random);
  return {
    ...base,
    status: 'retrying',
    nextAttemptAt: c.now + delay,
    detail: `${of} failed (${why}); next attempt in ${formatDelay(delay)}`,
  };
}

function formatDelay(ms: number): string {
  return ms < 1000 ? `${ms} ms` : ms < 120_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 60_000)} min`;
}
