import type { SubscriptionState } from '../../../../shared/contract';
import { formatTimestamp } from './format';
import { HeartbeatPeriodControl } from './HeartbeatPeriodControl';
import { cleanFilter, currentInboxFilter, inboxActions } from './inbox-store';
import { problemsOf } from './subscription-health';
import { endpointNote } from './subscription-label';
import { useEndpoints } from './useNotifications';

const MISSING_SHOWN = 20;

/** One subscription: what arrived, what is wrong, and its heartbeat period. */
export function SubscriptionItem({ subscription: s, shownInInbox }: { subscription: SubscriptionState; shownInInbox: boolean }) {
  const problems = problemsOf(s);
  const tags = [...problems, ...(s.repeatedCount > 0 ? [`${s.repeatedCount} repeated`] : [])];
  const missing = s.missingEvents.slice(0, MISSING_SHOWN).join(', ') + (s.missingCount > MISSING_SHOWN ? ', …' : '');
  const others = s.references.filter((r) => r !== s.reference);
  const where = endpointNote(s, useEndpoints().data?.items ?? []);
  // By key: the reference as sent may name another endpoint's subscription too.
  const showInInbox = () => inboxActions().filterChanged(cleanFilter({ ...currentInboxFilter(), subscription: shownInInbox ? undefined : s.key }));

  return (
    <li
      className={`subscription${problems.length > 0 ? ' attention' : ''}`}
      data-testid="subscription"
      aria-label={where === null ? s.reference : `${s.reference} ${where}`}
    >
      <div className="subscription-head">
        <code className="subscription-ref">{s.reference}</code>
        {where !== null && <span className="small muted">{where}</span>}
        {s.status && <span className={`badge subscription-status-${s.status}`}>{s.status}</span>}
        <button type="button" className="link" onClick={showInInbox} aria-pressed={shownInInbox}>
          {shownInInbox ? 'Show all in inbox' : 'Show in inbox'}
        </button>
      </div>
      {s.topic && <div className="small muted subscription-topic">Topic {s.topic}</div>}
      {tags.length > 0 && (
        <div className="subscription-tags" data-testid="subscription-problems">
          {tags.map((t) => (
            <span key={t} className={`warn-tag${problems.includes(t) ? '' : ' mild'}`}>
              {t}
            </span>
          ))}
        </div>
      )}
      <dl className="subscription-facts">
        <div>
          <dt>Last event</dt>
          <dd>{s.highestEventNumber === null ? '—' : `#${s.highestEventNumber}`}</dd>
        </div>
        <div>
          <dt>Events received</dt>
          <dd title="Distinct event numbers; repeats are not counted">{s.eventsReceived ?? '—'}</dd>
        </div>
        <div>
          <dt>Notifications</dt>
          <dd>{s.notificationCount}</dd>
        </div>
        <div>
          <dt>Last notification</dt>
          <dd>{formatTimestamp(s.lastReceivedAt)}</dd>
        </div>
        <div>
          <dt>Last heartbeat</dt>
          <dd>{s.lastHeartbeatAt ? formatTimestamp(s.lastHeartbeatAt) : '—'}</dd>
        </div>
      </dl>
      {s.warnings.length > 0 && (
        <ul className="subscription-warnings">
          {s.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
          {s.missingCount > 0 && <li className="muted">Missing: {missing}. Recover them with $events, or by querying the server.</li>}
        </ul>
      )}
      <HeartbeatPeriodControl key={`${s.heartbeatPeriodSource ?? ''}:${s.heartbeatPeriodSeconds ?? ''}`} subscription={s} />
      {others.length > 0 && <div className="small muted">Also sent as {others.join(', ')}</div>}
    </li>
  );
}
