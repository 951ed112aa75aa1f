import { useState } from 'react';
import type { SubscriptionState } from '../../../../shared/contract';
import { heartbeatText } from './subscription-health';
import { useConfigureHeartbeat } from './useSubscriptions';

const MAX_SECONDS = 7 * 24 * 3600;

/**
 * The heartbeat period a subscription was created with (Subscription.heartbeatPeriod or the
 * backport-heartbeat-period extension), which the receiver cannot read from its notifications.
 * Saving it empty says the subscription sends none.
 */
export function HeartbeatPeriodControl({ subscription: s }: { subscription: SubscriptionState }) {
  const configure = useConfigureHeartbeat();
  const [text, setText] = useState(s.heartbeatPeriodSource === 'configured' && s.heartbeatPeriodSeconds !== null ? String(s.heartbeatPeriodSeconds) : '');
  const seconds = Number(text);
  const valid = text.trim() === '' || (Number.isInteger(seconds) && seconds >= 1 && seconds <= MAX_SECONDS);
  const save = (heartbeatPeriodSeconds: number | 'none' | null) => configure.mutate({ reference: s.key, heartbeatPeriodSeconds });

  return (
    <form
      className="heartbeat-control"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) save(text.trim() === '' ? 'none' : seconds);
      }}
    >
      <span className="small">
        Heartbeat: <span data-testid="heartbeat-expectation">{heartbeatText(s)}</span>
      </span>
      <span className="heartbeat-inputs">
        <input
          type="number"
          min={1}
          max={MAX_SECONDS}
          step={1}
          inputMode="numeric"
          placeholder="none"
          aria-label={`Heartbeat period in seconds for ${s.reference}`}
          aria-invalid={!valid}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <span className="small muted">s</span>
        <button type="submit" className="secondary" disabled={!valid || configure.isPending}>
          Set
        </button>
        {(s.heartbeatPeriodSource === 'configured' || s.heartbeatPeriodSource === 'none') && (
          <button type="button" className="link" onClick={() => { setText(''); save(null); }}>
            Infer from traffic
          </button>
        )}
      </span>
      {!valid && <span className="error small">Whole seconds from 1 to {MAX_SECONDS}, or empty for none.</span>}
      {configure.error && <span className="error small" role="alert">{configure.error.message}</span>}
    </form>
  );
}
