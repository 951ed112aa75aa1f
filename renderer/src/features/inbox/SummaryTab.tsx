import type { NotificationDetail } from '../../../../shared/contract';
import { formatBytes, formatTimestamp } from './format';

const VERIFIED: Record<NotificationDetail['verification'], string> = { none: 'none configured', token: 'shared token matched', hmac: 'HMAC signature matched' };

/** What the notification is about, as derived at receipt. */
export function SummaryTab({ n }: { n: NotificationDetail }) {
  const facts = n.facts;
  return (
    <dl className="facts">
      <dt>Received</dt>
      <dd>{formatTimestamp(n.receivedAt)}</dd>
      <dt>From</dt>
      <dd>{n.source ?? 'unknown'}{n.remoteAddress ? ` (${n.remoteAddress})` : ''}</dd>
      <dt>Endpoint</dt>
      <dd><code>{n.method} {n.endpointPath}</code></dd>
      <dt>Verification</dt>
      <dd>{VERIFIED[n.verification]}{n.verificationDetail ? `: ${n.verificationDetail}` : ''}</dd>
      <dt>Event</dt>
      <dd>{n.eventLabel ?? n.event ?? '—'}{n.eventUri ? <div className="muted small">{n.eventUri}</div> : null}</dd>
      <dt>Category · level</dt>
      <dd>{n.category} · {n.payloadLevel}</dd>
      <dt>Format</dt>
      <dd>{n.format ?? '—'}</dd>
      <dt>Patient</dt>
      <dd>
        {n.patientIdentifiers.length === 0 && (facts?.patientReferences.length ?? 0) === 0 && '—'}
        {n.patientIdentifiers.map((p, i) => <div key={i}><code>{p.system ? `${p.system}|` : ''}{p.value}</code></div>)}
        {facts?.patientReferences.map((r) => <div key={r}><code>{r}</code></div>)}
      </dd>
      <dt>Focus</dt>
      <dd>{facts?.focusReferences.length ? facts.focusReferences.map((r) => <div key={r}><code>{r}</code></div>) : '—'}</dd>
      {n.subscription && (
        <>
          <dt>Subscription</dt>
          <dd>
            <code>{n.subscription.reference ?? '—'}</code> · {n.subscription.type ?? '?'}
            {n.subscription.topic && <div className="muted small">{n.subscription.topic}</div>}
            {n.subscription.eventNumbers.length > 0 && <div className="small">events {n.subscription.eventNumbers.join(', ')}</div>}
          </dd>
        </>
      )}
      {n.warnings.length > 0 && (
        <>
          <dt>Warnings</dt>
          <dd className="warn">{n.warnings.map((w) => <div key={w}>⚠ {w}</div>)}</dd>
        </>
      )}
      <dt>Size</dt>
      <dd>{formatBytes(n.sizeBytes)} · {n.resourceTypes.join(', ') || 'no FHIR resources'}</dd>
    </dl>
  );
}
