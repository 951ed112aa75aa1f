import { ComposerScreen } from '../features/composer/ComposerScreen';
import { ConnectionsScreen } from '../features/connections/ConnectionsScreen';
import { InboxScreen } from '../features/inbox/InboxScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { WritebackScreen } from '../features/writeback/LazyWritebackScreen';
import { useScreen } from '../state/ui-store';
import { AccessBanner } from './AccessBanner';
import { Sidebar } from './Sidebar';

export function App() {
  const screen = useScreen();
  return (
    <div className="shell">
      <Sidebar />
      <main className="content">
        <AccessBanner />
        {screen === 'inbox' && <InboxScreen />}
        {screen === 'settings' && <SettingsScreen />}
        {screen === 'composer' && <ComposerScreen />}
        {screen === 'writeback' && <WritebackScreen />}
        {screen === 'connections' && <ConnectionsScreen />}
      </main>
    </div>
  );
}
