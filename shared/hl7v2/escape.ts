import type { Delimiters } from './delimiters';

/**
 * Escapes one primitive value for ER7. Delimiters become \F\ \S\ \T\ \R\ \E\. Line breaks become
 * \.br\ (the FT formatting command, also how TX/ST text survives a message: a raw CR would end the
 * segment). Other control characters become \Xhh\ so nothing unprintable reaches the wire.
 */
export function escapeValue(value: string, d: Delimiters): string {
  // Fast path: most values (codes, numbers, dates) need no escaping at all.
  if (!needsEscape(value, d)) return value;
  let out = '';
  const e = d.escape;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string;
    if (ch === d.field) out += `${e}F${e}`;
    else if (ch === d.component) out += `${e}S${e}`;
    else if (ch === d.subcomponent) out += `${e}T${e}`;
    else if (ch === d.repetition) out += `${e}R${e}`;
    else if (ch === e) out += `${e}E${e}`;
    else if (ch === '\r') {
      if (value[i + 1] === '\n') i++;
      out += `${e}.br${e}`;
    } else if (ch === '\n') out += `${e}.br${e}`;
    else if (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f) out += `${e}X${hex2(ch.charCodeAt(0))}${e}`;
    else out += ch;
  }
  return out;
}

function needsEscape(value: string, d: Delimiters): boolean {
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string;
    const code = ch.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return true;
    if (ch === d.field || ch === d.component || ch === d.subcomponent || ch === d.repetition || ch === d.escape) {
      return true;
    }
  }
  return false;
}

function hex2(code: number): string {
  return code.toString(16).toUpperCase().padStart(2, '0');
}

/**
 * Reverses escapeValue: delimiter escapes, \.br\ as a line feed, \Xhh..\ as characters. Other
 * sequences (highlighting, character-set switches, other formatting commands) are kept verbatim:
 * they carry meaning a plain string cannot hold.
 */
export function unescapeValue(value: string, d: Delimiters): string {
  const e = d.escape;
  if (!value.includes(e)) return value;
  let out = '';
  let i = 0;
  while (i < value.length) {
    const ch = value[i] as string;
    if (ch !== e) {
      out += ch;
      i++;
      continue;
    }
    const close = value.indexOf(e, i + 1);
    if (close < 0) {
      out += value.slice(i);
      break;
    }
    const body = value.slice(i + 1, close);
    out += unescapeSequence(body, d) ?? value.slice(i, close + 1);
    i = close + 1;
  }
  return out;
}

function unescapeSequence(body: string, d: Delimiters): string | undefined {
  switch (body) {
    case 'F':
      return d.field;
    case 'S':
      return d.component;
    case 'T':
      return d.subcomponent;
    case 'R':
      return d.repetition;
    case 'E':
      return d.escape;
    case '.br':
      return '\n';
  }
  if (/^X(?:[0-9A-Fa-f]{2})+$/.test(body)) {
    let out = '';
    for (let j = 1; j < body.length; j += 2) out += String.fromCharCode(parseInt(body.slice(j, j + 2), 16));
    return out;
  }
  return undefined;
}
