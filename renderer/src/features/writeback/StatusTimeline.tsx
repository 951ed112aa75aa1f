import type { AckErrorDetail, WritebackAttempt, WritebackDetail } from '../../../../shared/contract';
import type { TranslateOptions } from '../../../../shared/fhir-to-v2';
import { call } from '../../api/client';
import { useWritebackDetail } from './useWritebackApi';
import { writebackActions, writebackDraft } from './writeback-store';

interface Props {
  id: number;
  options: TranslateOptions;
  onLocatePath(path: string): void;
}

const STATUS_TEXT: Readonly<Record<WritebackDetail['status'], string>> = {
  queued: 'queued',
  sending: 'sending',
  retrying: 'retrying',
  accepted: 'accepted',
  rejected: 'rejected',
  'given-up': 'given up',
  cancelled: 'cancelled',
};

const time = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3 });

/** A sent writeback as it moves: queued → sending → accepted / rejected / given up, attempts with timing, the ACK explained. */
export function StatusTimeline({ id, options, onLocatePath }: Props) {
  const detail = useWritebackDetail(id);
  const w = detail.data;
  if (!w) return <p className="muted small">{detail.error ? detail.error.message : `Writeback #${id}…`}</p>;
  const open = w.status === 'queued' || w.status === 'sending' || w.status === 'retrying';
  const act = (command: 'writebacks.cancel' | 'writebacks.retryNow') => void call(command, { id }).then(() => detail.refetch());
  const resend = () => {
    let input: Record<string, unknown>;
    try {
      input = JSON.parse(writebackDraft()) as Record<string, unknown>;
    } catch {
      return;
    }
    const { now: _n, controlId: _c, controlIdStrategy: _s, writebackId: _w, ...sendOptions } = options;
    void call('writebacks.resend', { id, input, options: sendOptions }).then((d) => writebackActions.sent(d.id));
  };

  return (
    <div className="wb-status" data-testid="writeback-status-panel">
      <div className="wb-status-head">
        <strong>#{w.id}</strong>
        <span className={`wb-status-badge status-${w.status}`} data-testid="writeback-status">
          {STATUS_TEXT[w.status]}
        </span>
        <code className="small">{w.messageType}</code>
        <span className="muted small">
          MSH-10 <code>{w.controlId}</code> → {w.destinationLabel}
        </span>
        <span className="spacer" />
        {open && (
          <button type="button" className="secondary" onClick={() => act('writebacks.cancel')}>
            Cancel
          </button>
        )}
        {(w.status === 'retrying' || w.status === 'given-up' || w.status === 'cancelled') && (
          <button type="button" className="secondary" onClick={() => act('writebacks.retryNow')}>
            Retry now
          </button>
        )}
        {!open && (
          <button type="button" className="secondary" onClick={resend} title="Send the editor's current text again, as a new writeback with a new control id">
            Resend edited
          </button>
        )}
        <button type="button" className="link" onClick={() => writebackActions.followed(null)}>
          close
        </button>
      </div>
      {w.acceptanceText && <p className="small ok-line">{w.acceptanceText}</p>}
      {w.ack && (
        <div className={`wb-ack ${w.status === 'rejected' ? 'bad' : ''}`} data-testid="ack">
          <div>
            <strong>MSA-1 {w.ack.code}</strong> {w.ack.meaning}
            {w.ack.text && <span className="muted"> — “{w.ack.text}”</span>}
          </div>
          {w.ack.errors.map((e, i) => (
            <AckError key={i} error={e} onLocatePath={onLocatePath} />
          ))}
        </div>
      )}
      {w.http && (
        <div className="wb-ack">
          <strong>HTTP {w.http.status}</strong> {w.http.statusText} <code className="small">{w.http.method} {w.http.url}</code>
          {w.http.issues.map((issue, i) => (
            <div key={i} className={`issue ${issue.severity}`}>
              <span className="severity">{issue.severity}</span> {issue.text || issue.code}
            </div>
          ))}
        </div>
      )}
      <ol className="wb-timeline" data-testid="timeline">
        {w.timeline.map((t, i) => (
          <li key={i} className={`status-${t.status}`}>
            <span className="wb-timeline-time">{time(t.at)}</span> <strong>{STATUS_TEXT[t.status]}</strong>
            {t.detail && <span className="muted"> — {t.detail}</span>}
          </li>
        ))}
      </ol>
      {w.attempts.length > 0 && (
        <table className="headers wb-attempts">
          <thead>
            <tr>
              <th>attempt</th>
              <th>started</th>
              <th>took</th>
              <th>outcome</th>
              <th>bytes out / in</th>
            </tr>
          </thead>
          <tbody>
            {w.attempts.map((a) => (
              <AttemptRow key={a.number} attempt={a} max={w.maxAttempts} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function AttemptRow({ attempt: a, max }: { attempt: WritebackAttempt; max: number }) {
  return (
    <tr>
      <td>
        {a.number} of {max}
      </td>
      <td>{time(a.startedAt)}</td>
      <td>{a.durationMs === null ? '…' : `${Math.round(a.durationMs)} ms`}</td>
      <td>
        {a.outcome}
        {a.ack && ` (${a.ack.code})`}
        {a.error && <span className="muted"> — {a.error}</span>}
      </td>
      <td>
        {a.bytesOut} / {a.bytesIn}
      </td>
    </tr>
  );
}

/** One ERR of the ACK: where, what it means, and the FHIR element to fix (click to go there). */
function AckError({ error: e, onLocatePath }: { error: AckErrorDetail; onLocatePath(path: string): void }) {
  return (
    <div className={`wb-ack-error issue ${e.severity === 'error' ? 'error' : e.severity === 'warning' ? 'warning' : 'info'}`} data-testid="ack-error">
      <div>
        <span className="severity">{e.severity}</span>
        <strong>{e.fieldLabel ?? e.v2Location ?? e.location}</strong>
        {e.code && (
          <span className="muted">
            {' '}
            ({e.code}
            {e.codeMeaning ? ` ${e.codeMeaning}` : ''})
          </span>
        )}
      </div>
      <div data-testid="ack-explanation">{e.explanation}</div>
      {e.fhirPaths.length > 0 && (
        <div className="small">
          Fix in the FHIR:{' '}
          {e.fhirPaths.map((p) => (
            <button key={p} type="button" className="link mono" onClick={() => onLocatePath(p)}>
              {p}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
