import type { Endpoint, SubscriptionState } from '../../../../shared/contract';
import { heartbeatGraceRatio } from '../../../../shared/notifications/subscription-gaps';
import { endpointNote } from './subscription-label';

/** A subscription support staff should look at, and why, in a few words each. */
export interface Attention {
  key: string;
  /** The reference as sent, with the endpoint when two endpoints could send the same one. */
  label: string;
  problems: string[];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What needs acting on: events never received, a channel gone quiet, an error the server reports.
 * A repeated event is not among them: the client drops the copy and nothing is lost.
 */
export function problemsOf(s: SubscriptionState): string[] {
  return [
    ...(s.heartbeatOverdue ? ['heartbeat overdue'] : []),
    ...(s.missingCount > 0 ? [`${plural(s.missingCount, 'event', 'events')} missing`] : []),
    ...(s.status === 'error' ? ['in error'] : []),
  ];
}

export function needingAttention(items: readonly SubscriptionState[], endpoints: readonly Pick<Endpoint, 'id' | 'name'>[] = []): Attention[] {
  return items
    .map((s) => {
      const note = endpointNote(s, endpoints);
      return { key: s.key, label: note === null ? s.reference : `${s.reference} ${note}`, problems: problemsOf(s) };
    })
    .filter((a) => a.problems.length > 0);
}

/** Changes whenever a problem appears or goes, so a dismissed alert comes back for a new one. */
export const attentionSignature = (attention: readonly Attention[]): string => JSON.stringify(attention);

/** One line for the inbox: which subscriptions, what is wrong with them. */
export function attentionText(attention: readonly Attention[]): string {
  const [first, ...rest] = attention;
  if (!first) return '';
  const lead = `${first.label}: ${first.problems.join(', ')}`;
  return rest.length === 0 ? lead : `${lead}; ${plural(rest.length, 'other subscription', 'other subscriptions')} too`;
}

/** How often to look again at most: traffic arriving refetches sooner (live updates). */
export const SUBSCRIPTIONS_POLL_MS = 30_000;
const MIN_POLL_MS = 1_000;

/**
 * When to fetch the subscriptions again so a missed heartbeat shows when it falls due, not up to
 * a poll later: the soonest due time, within [1 s, 30 s] (the core's clock may differ from ours,
 * so the poll bounds the error).
 */
export function nextCheckMs(items: readonly SubscriptionState[], nowMs: number): number {
  let next = SUBSCRIPTIONS_POLL_MS;
  for (const s of items) {
    if (s.heartbeatOverdue || s.heartbeatPeriodSeconds === null) continue;
    const due = Date.parse(s.lastReceivedAt) + s.heartbeatPeriodSeconds * 1000 * (1 + heartbeatGraceRatio);
    next = Math.min(next, due - nowMs + 250);
  }
  return Math.max(MIN_POLL_MS, Math.round(next));
}

/** The heartbeat expectation in words. */
export function heartbeatText(s: SubscriptionState): string {
  switch (s.heartbeatPeriodSource) {
    case 'configured':
      return `every ${s.heartbeatPeriodSeconds ?? '?'} s (set here)`;
    case 'inferred':
      return `every ${s.heartbeatPeriodSeconds ?? '?'} s or so (the interval between the last two heartbeats)`;
    case 'none':
      return 'none expected (set here)';
    default:
      return 'unknown: none set here, and too few heartbeats received to tell';
  }
}
