import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { commandChannel, commandNames, eventChannel } from '../shared/contract/names';
import type { Core } from './core/core';
import { isTrustedSender } from './security/ipc-sender';

function senderFrame(event: IpcMainInvokeEvent) {
  const frame = event.senderFrame;
  return frame ? { url: frame.url, isMainFrame: frame.parent === null } : null;
}

/** One handler per contract command; each checks the sender, then the core parses the input. */
export function registerIpc(core: Core): () => void {
  for (const name of commandNames) {
    ipcMain.handle(commandChannel(name), (event, input: unknown) => {
      if (!isTrustedSender(senderFrame(event))) {
        return { ok: false, error: { code: 'unauthorized', message: 'Commands are accepted only from the app window.' } };
      }
      return core.execute(name, input);
    });
  }
  const unsubscribe = core.events.subscribe((name, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(eventChannel(name), payload);
    }
  });
  return () => {
    unsubscribe();
    for (const name of commandNames) ipcMain.removeHandler(commandChannel(name));
  };
}
