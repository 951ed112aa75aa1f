import { storeThreadsBeside } from './core/store/store-thread-scripts';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, session, shell, type Session, type WebContents } from 'electron';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { createCore, type Core } from './core/core';
import { consoleLogger } from './core/logger';
import { registerIpc } from './ipc';
import { registerNotificationSave } from './notification-save';
import { safeStorageSecretBox } from './secrets/safe-storage-secret-box';
import { APP_ENTRY_URL, externalUrlToOpen, isAppUrl } from './security/navigation';
import { isAllowedPermission } from './security/permissions';

const RENDERER_DIR = fileURLToPath(new URL('../renderer/', import.meta.url));
const PRELOAD = fileURLToPath(new URL('./preload.cjs', import.meta.url));

registerAppScheme();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) app.quit();

function lockDownSession(target: Session): void {
  // Electron grants every permission request unless told otherwise; only writing to the clipboard
  // ("copy as curl", "copy JWKS") is allowed, and only for the app's own page.
  target.setPermissionRequestHandler((contents, permission, callback) =>
    callback(isAllowedPermission(permission, contents.getURL())),
  );
  target.setPermissionCheckHandler((_contents, permission, origin) => isAllowedPermission(permission, origin));
}

function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalUrlToOpen(url);
    if (external) void shell.openExternal(external);
    return { action: 'deny' };
  });
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 560,
    title: 'Switchboard',
    show: false,
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

let core: Core | null = null;

app.on('web-contents-created', (_event, contents) => lockDownContents(contents));

app.on('second-instance', () => {
  const [window] = BrowserWindow.getAllWindows();
  if (window) {
    if (window.isMinimized()) window.restore();
    window.focus();
  }
});

void app.whenReady().then(async () => {
  const log = consoleLogger();
  // safeStorage answers only after 'ready'; on Linux without a keyring secrets are refused, not weakly kept.
  const secrets = await safeStorageSecretBox();
  if (!secrets.available) log.warn('secrets unavailable', { reason: secrets.unavailableReason });
  core = createCore({
    dataDir: app.getPath('userData'),
    host: 'electron',
    version: app.getVersion(),
    log,
    secrets,
    // Electron loads worker scripts from inside app.asar; if one cannot start, the core writes on this thread.
    storeThreads: storeThreadsBeside(import.meta.url),
  });
  // A receiver that cannot listen (port taken) is reported in Settings; the app still opens.
  await core.start().catch((error: unknown) => log.warn('receiver did not start', { reason: String(error) }));
  lockDownSession(session.defaultSession);
  serveRenderer(RENDERER_DIR);
  registerIpc(core);
  registerNotificationSave(core, log);
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

let quitting = false;
app.on('before-quit', (event) => {
  if (quitting || core === null) return;
  // Commit what the receiver has in hand before the process goes away.
  event.preventDefault();
  quitting = true;
  void core.close().finally(() => app.quit());
});
