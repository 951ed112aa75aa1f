import type { DownloadTicket, NotificationDownloadInput } from '../../../shared/contract';
import { notificationDownloadPath } from '../../../shared/contract';
import { ApiError } from './client';
import { bridge, postJson } from './transport';

/** `saved`: written to a file (Electron); `started`: handed to the browser's downloads; `cancelled`: the save dialog was closed. */
export type DownloadOutcome = { kind: 'saved'; path: string; count: number } | { kind: 'started' } | { kind: 'cancelled' };

/**
 * Saves a whole notification export to a file without it passing through this page: Electron's
 * main process streams it to the file the user picks; the headless host streams it to the browser
 * as an attachment from a one-time address.
 */
export async function downloadNotifications(input: NotificationDownloadInput): Promise<DownloadOutcome> {
  const b = bridge();
  if (b) {
    const result = await b.downloads.notifications(input);
    if (!result.ok) throw new ApiError(result.error);
    const { saved, path, count } = result.value;
    return saved && path !== null ? { kind: 'saved', path, count } : { kind: 'cancelled' };
  }
  const { url } = await ticketFor(input);
  const a = document.createElement('a');
  a.href = url;
  // An error answer is then a failed download in the browser's list, never a page replacing the app.
  a.download = '';
  a.click();
  return { kind: 'started' };
}

/** The POST carries the input as JSON, like a command, so no other site can make one. */
async function ticketFor(input: NotificationDownloadInput): Promise<DownloadTicket> {
  const result = await postJson<DownloadTicket>(notificationDownloadPath, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}
