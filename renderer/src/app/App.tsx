import { ComposerScreen } from '../features/composer/ComposerScreen';
import { ComingSoon } from '../features/placeholder/ComingSoon';
import { ConnectionsScreen } from '../features/connections/ConnectionsScreen';
import { InboxScreen } from '../features/inbox/InboxScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
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
        {screen === 'writeback' && (
          <ComingSoon title="Writeback" what="Edit a FHIR writeback, see the HL7v2 the EHR will receive, send it and follow it to the acknowledgement." />
        )}
        {screen === 'connections' && <ConnectionsScreen />}
      </main>
    </div>
  );
}
