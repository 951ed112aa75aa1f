import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { z } from 'zod';
import {
  type CommandResult,
  type DownloadTicket,
  downloadTicketPath,
  NotificationDownloadInput,
} from '../../shared/contract';
import { invalidInput } from '../core/dispatch';
import type { Logger } from '../core/logger';
import { type ExportCall, type OpenedExport, openNotificationExport } from '../core/notifications/export-stream';

/** `GET /api/downloads/<ticket>`; the ticket is what follows. */
export const DOWNLOAD_PREFIX = '/api/downloads/';

/** Long enough to click through, short enough that a ticket lying in a history entry is dead. */
const TICKET_TTL_MS = 60_000;
const MAX_OPEN_TICKETS = 64;
const TICKET_SHAPE = /^[A-Za-z0-9_-]{24}$/;

interface Pending {
  input: z.output<typeof NotificationDownloadInput>;
  expiresAt: number;
}

/**
 * Headless exports in two steps: a JSON POST (which, like every command, no other site can send)
 * leaves the parsed input under a one-time ticket; a plain GET of the ticket's address, which a
 * browser can save as a file, streams it. Both steps also need the access token.
 */
export class DownloadDesk {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly call: ExportCall,
    private readonly now: () => number = Date.now,
  ) {}

  issue(raw: unknown): CommandResult<DownloadTicket> {
    const parsed = NotificationDownloadInput.safeParse(raw);
    if (!parsed.success) return invalidInput('Invalid export', parsed.error);
    this.prune();
    // Oldest first in a Map: drop the oldest rather than refuse, so a page that never follows its tickets cannot block exports.
    while (this.pending.size >= MAX_OPEN_TICKETS) this.pending.delete(this.pending.keys().next().value ?? '');
    const ticket = randomBytes(18).toString('base64url');
    this.pending.set(ticket, { input: parsed.data, expiresAt: this.now() + TICKET_TTL_MS });
    return { ok: true, value: { url: downloadTicketPath(ticket) } };
  }

  /** Takes the ticket (it works once) and starts its export. */
  async open(ticket: string): Promise<CommandResult<OpenedExport>> {
    this.prune();
    const pending = TICKET_SHAPE.test(ticket) ? this.pending.get(ticket) : undefined;
    if (!pending) {
      return { ok: false, error: { code: 'not-found', message: 'This download link has expired or was already used; export again.' } };
    }
    this.pending.delete(ticket);
    return openNotificationExport(this.call, pending.input);
  }

  private prune(): void {
    const now = this.now();
    for (const [ticket, p] of this.pending) if (p.expiresAt <= now) this.pending.delete(ticket);
  }
}

const safeFileName = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, '_');

/**
 * Streams an opened export as an attachment. Chunked transfer with no length: if the core fails
 * part way the connection is cut, so the browser reports a failed download instead of saving a
 * file that looks whole.
 */
export async function sendExport(
  res: ServerResponse,
  opened: OpenedExport,
  headers: Record<string, string>,
  log: Logger,
): Promise<void> {
  res.writeHead(200, {
    ...headers,
    'Content-Type': `${opened.mimeType}; charset=utf-8`,
    'Content-Disposition': `attachment; filename="${safeFileName(opened.fileName)}"`,
    'Cache-Control': 'no-store',
  });
  try {
    await pipeline(opened.chunks, res);
  } catch (error) {
    log.warn('console: export stopped before its end', { error: error instanceof Error ? error.name : 'unknown' });
  }
}
