import type {
  CommandResult,
  NotificationDownloadInput,
  NotificationExportChunk,
  NotificationExportInput,
} from '../../../shared/contract';

/** `notifications.export` through the core's door, so every chunk's input is parsed like any command. */
export type ExportCall = (input: NotificationExportInput) => Promise<CommandResult<NotificationExportChunk>>;

type Execute = (name: string, input: unknown) => Promise<CommandResult<unknown>>;

/** The dispatcher answers with the handler's output, which for this command is a chunk. */
export const exportCallThrough =
  (execute: Execute): ExportCall =>
  (input) =>
    execute('notifications.export', input) as Promise<CommandResult<NotificationExportChunk>>;

export interface OpenedExport {
  fileName: string;
  mimeType: string;
  /**
   * The file's text, a chunk at a time. The next chunk is asked of the core only when the consumer
   * pulls (`stream/promises` pipeline waits for 'drain' first), so a slow disk or browser holds
   * the export back instead of chunks piling up in memory.
   */
  chunks: AsyncGenerator<string, void, undefined>;
  /** Notifications in the chunks handed out so far. */
  exported(): number;
}

/** The core failed part way; what was already written is incomplete. */
export class ExportInterrupted extends Error {}

async function* followCursor(
  call: ExportCall,
  input: NotificationDownloadInput,
  first: NotificationExportChunk,
  counted: (n: number) => void,
): AsyncGenerator<string, void, undefined> {
  let chunk = first;
  for (;;) {
    counted(chunk.count);
    if (chunk.content.length > 0) yield chunk.content;
    if (chunk.nextBeforeId === null) return;
    const next = await call({ ...input, beforeId: chunk.nextBeforeId });
    if (!next.ok) throw new ExportInterrupted(next.error.message);
    chunk = next.value;
  }
}

/**
 * Starts a whole export. The first chunk is made now, so a bad input or a failing core is reported
 * before a file is created or a response committed; the rest follows the cursor on demand.
 */
export async function openNotificationExport(
  call: ExportCall,
  input: NotificationDownloadInput,
): Promise<CommandResult<OpenedExport>> {
  const first = await call(input);
  if (!first.ok) return first;
  const { fileName, mimeType } = first.value;
  let count = 0;
  const chunks = followCursor(call, input, first.value, (n) => (count += n));
  return { ok: true, value: { fileName, mimeType, chunks, exported: () => count } };
}
