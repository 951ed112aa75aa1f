import { EndpointsSection } from './EndpointsSection';
import { useReceiverStatus } from './useReceiver';

export function SettingsScreen() {
  const status = useReceiverStatus().data;
  return (
    <section className="screen settings">
      <h1>Settings</h1>
      <section className="card" aria-label="Webhook receiver">
        <h2>Webhook receiver</h2>
        {status ? (
          <p className="muted">
            {status.listening ? (
              <>
                Listening on <code>{status.host}:{status.port}</code>; the default endpoint is <code data-testid="receiver-url">{status.url}</code>
              </>
            ) : (
              <span className="error">{status.error ?? 'Not listening.'}</span>
            )}
          </p>
        ) : (
          <p className="muted">Loading…</p>
        )}
        <p className="muted small">
          Every endpoint below shares this port. Notifications are answered 2xx only after they are on disk.
        </p>
      </section>
      <EndpointsSection />
    </section>
  );
}
