const MB = 1024 * 1024;

/** A size typed in MB (blank: no limit) as the bytes the contract takes. */
export const mbToBytes = (mb: string): number | null => (mb.trim() === '' ? null : Math.round(Number(mb) * MB));

/** Stored bytes as the MB text the form shows (none: blank). */
export const bytesToMb = (bytes: number | null | undefined): string => (bytes ? String(bytes / MB) : '');
