import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The same folder Electron's `app.getPath('userData')` gives the desktop app, so the headless
 * console and the desktop app share one inbox on one machine.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Switchboard');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Switchboard');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Switchboard');
}
