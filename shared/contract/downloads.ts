import { z } from 'zod';
import { NotificationExportInput } from './notification';

/**
 * A whole export streamed to a file by the host (see download-names.ts): what `notifications.export`
 * takes, without the cursor, which the host walks itself.
 */
export const NotificationDownloadInput = NotificationExportInput.omit({ beforeId: true });
export type NotificationDownloadInput = z.input<typeof NotificationDownloadInput>;

/** Headless: the one-time address that streams this export. */
export const DownloadTicket = z.object({ url: z.string() });
export type DownloadTicket = z.infer<typeof DownloadTicket>;

/** Electron: where the export went, or `saved: false` if the save dialog was cancelled. */
export const NotificationSaveResult = z.object({
  saved: z.boolean(),
  /** Where it was saved. */
  path: z.string().nullable(),
  count: z.number().int().nonnegative(),
});
export type NotificationSaveResult = z.infer<typeof NotificationSaveResult>;
