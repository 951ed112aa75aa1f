import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { notificationSaveChannel } from '../shared/contract/download-names';
import { commandChannel, commandNames, eventChannel, eventNames } from '../shared/contract/names';

// One function per command and one subscribe function per event; nothing generic is exposed,
// so a compromised page can reach only what the contract names (and main re-checks every input).
const commands = Object.fromEntries(
  commandNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(commandChannel(name), input)]),
);

const events = Object.fromEntries(
  eventNames.map((name) => [
    name,
    (listener: (payload: unknown) => void) => {
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(eventChannel(name), forward);
      return () => {
        ipcRenderer.removeListener(eventChannel(name), forward);
      };
    },
  ]),
);

// Streamed exports: main asks where to save and writes the file; only the input crosses IPC.
const downloads = { notifications: (input: unknown) => ipcRenderer.invoke(notificationSaveChannel, input) };

contextBridge.exposeInMainWorld('switchboard', { commands, events, downloads });
