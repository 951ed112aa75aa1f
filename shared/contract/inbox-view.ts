import { z } from 'zod';
import { NotificationFilter } from './notification';

/** A named inbox filter (with its text search), saved to come back to. */
export const InboxView = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  filter: NotificationFilter,
  updatedAt: z.iso.datetime(),
});
export type InboxView = z.infer<typeof InboxView>;

export const InboxViewSaveInput = z
  .object({
    /** Absent: create (names are unique; saving an existing name replaces it). */
    id: z.number().int().positive().optional(),
    name: z.string().trim().min(1).max(100),
    filter: NotificationFilter,
  })
  .strict();
export type InboxViewSaveInput = z.input<typeof InboxViewSaveInput>;
