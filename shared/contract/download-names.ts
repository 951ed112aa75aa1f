/**
 * Where a host streams an export straight to a file, kept apart from the schemas (like names.ts)
 * so the sandboxed preload can name the channel without bundling zod.
 */

/** Electron: the main process asks where to save, then writes the export there chunk by chunk. */
export const notificationSaveChannel = 'switchboard:download:notifications';

/**
 * Headless host: POST the export's input (JSON) here for a one-time ticket, then GET
 * `downloadTicketPath(ticket)`, which streams the file as an attachment. The input goes in a body,
 * not the URL, because a selection of thousands of ids does not fit in a request line.
 */
export const notificationDownloadPath = 'api/downloads/notifications';
export const downloadTicketPath = (ticket: string): string => `api/downloads/${ticket}`;
