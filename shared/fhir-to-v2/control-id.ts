import type { ResolvedOptions } from './options';

/**
 * MSH-10, at most 20 characters (the 2.5.1 limit). `content` and `writeback` are stable: the same
 * writeback gives the same ID on every render and every retry, so a receiver can spot a duplicate.
 */
export function controlIdFor(options: ResolvedOptions, input: unknown): string {
  switch (options.controlIdStrategy) {
    case 'explicit':
      return options.controlId ?? options.controlIdPrefix + hash36(stableText(input));
    case 'writeback':
      return options.controlIdPrefix + hash36(options.writebackId ?? stableText(input));
    case 'content': {
      const routing = JSON.stringify([options.receivingApplication, options.receivingFacility, options.messageType ?? '']);
      return options.controlIdPrefix + hash36(routing + stableText(input));
    }
  }
}

function stableText(input: unknown): string {
  return typeof input === 'string' ? input : (JSON.stringify(input) ?? '');
}

/** 64 bits of two FNV-1a passes in base 36: at most 14 characters. */
function hash36(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
    b = (b ^ (b >>> 15)) >>> 0;
  }
  return (a.toString(36).padStart(7, '0') + b.toString(36).padStart(7, '0')).toUpperCase();
}
