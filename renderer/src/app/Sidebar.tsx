import { useReceiverStatus } from '../features/settings/useReceiver';
import { type Screen, screens, useScreen, useUiActions } from '../state/ui-store';

const labels: Record<Screen, string> = {
  inbox: 'Inbox',
  composer: 'Composer',
  writeback: 'Writeback',
  connections: 'Connections',
  settings: 'Settings',
};

export function Sidebar() {
  const current = useScreen();
  const { screenShown } = useUiActions();
  const receiver = useReceiverStatus();
  const status = receiver.data;
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">Switchboard</div>
      <ul>
        {screens.map((screen) => (
          <li key={screen}>
            <a
              href={`#/${screen}`}
              aria-current={screen === current ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                screenShown(screen);
              }}
            >
              {labels[screen]}
            </a>
          </li>
        ))}
      </ul>
      <div className="receiver-badge" data-testid="receiver-badge">
        <span className="badge-title">
          <span className={`dot ${status?.listening ? 'on' : 'off'}`} aria-hidden="true" />
          {status?.listening ? 'Receiving at' : 'Receiver stopped'}
        </span>
        {status?.listening ? <code title={status.url ?? ''}>{status.url}</code> : <span>{status?.error}</span>}
      </div>
    </nav>
  );
}
