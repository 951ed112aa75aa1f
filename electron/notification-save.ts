import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { app, BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import {
  type CommandResult,
  NotificationDownloadInput,
  notificationSaveChannel,
  type NotificationSaveResult,
} from '../shared/contract';
import type { Core } from './core/core';
import { invalidInput } from './core/dispatch';
import type { Logger } from './core/logger';
import { exportCallThrough, openNotificationExport } from './core/notifications/export-stream';
import { isTrustedSender } from './security/ipc-sender';

const FILTERS = {
  csv: [{ name: 'CSV', extensions: ['csv'] }],
  ndjson: [{ name: 'NDJSON', extensions: ['ndjson', 'jsonl'] }],
};

/**
 * Electron's half of streamed export: the window sends only the export's input; the main process
 * asks where to save and writes chunk by chunk from the core, so the export never crosses IPC.
 */
export function registerNotificationSave(core: Core, log: Logger): () => void {
  const call = exportCallThrough(core.execute);

  async function save(event: IpcMainInvokeEvent, raw: unknown): Promise<CommandResult<NotificationSaveResult>> {
    const frame = event.senderFrame;
    if (!isTrustedSender(frame ? { url: frame.url, isMainFrame: frame.parent === null } : null)) {
      return { ok: false, error: { code: 'unauthorized', message: 'Exports are accepted only from the app window.' } };
    }
    const parsed = NotificationDownloadInput.safeParse(raw);
    if (!parsed.success) return invalidInput('Invalid export', parsed.error);
    const opened = await openNotificationExport(call, parsed.data);
    if (!opened.ok) return opened;
    const { fileName, chunks, exported } = opened.value;
    const window = BrowserWindow.fromWebContents(event.sender);
    const options = { defaultPath: join(app.getPath('downloads'), fileName), filters: FILTERS[parsed.data.format] };
    const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) {
      await chunks.return();
      return { ok: true, value: { saved: false, path: null, count: 0 } };
    }
    // Written beside the target and renamed at the end, so a failed export never replaces a good file.
    const partial = `${choice.filePath}.part`;
    try {
      await pipeline(chunks, createWriteStream(partial));
      await rename(partial, choice.filePath);
    } catch (error) {
      await rm(partial, { force: true });
      log.warn('export to file failed', { error: error instanceof Error ? error.name : 'unknown' });
      return { ok: false, error: { code: 'internal', message: `The export was not saved: ${error instanceof Error ? error.message : 'write failed'}` } };
    }
    log.info('export saved', { notifications: exported() });
    return { ok: true, value: { saved: true, path: choice.filePath, count: exported() } };
  }

  ipcMain.handle(notificationSaveChannel, save);
  return () => ipcMain.removeHandler(notificationSaveChannel);
}
