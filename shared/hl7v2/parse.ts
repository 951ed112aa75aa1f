import { DEFAULT_DELIMITERS, type Delimiters, delimitersFromMsh } from './delimiters';
import type { Er7Component, Er7Field, Er7Message, Er7Repetition, Er7Segment } from './er7-message';
import { unescapeValue } from './escape';

export class Er7ParseError extends Error {}

/**
 * Parses ER7 text (segments ended by CR, or leniently by LF / CRLF) into the same tree the encoder
 * produces. Delimiters come from MSH-1/MSH-2 (or BHS/FHS); without a header segment the defaults are
 * used. Values are unescaped; offsets point into the original text.
 */
export function parseEr7(text: string): Er7Message {
  const d = detectDelimiters(text);
  const segments: Er7Segment[] = [];
  const lineBreak = /\r\n|\r|\n/g;
  let start = 0;
  for (;;) {
    const m = lineBreak.exec(text);
    const end = m ? m.index : text.length;
    if (end > start) segments.push(parseSegment(text, start, end, d));
    if (!m) break;
    start = m.index + m[0].length;
  }
  return { text, delimiters: d, segments };
}

function detectDelimiters(text: string): Delimiters {
  const head = text.replace(/^[\s\x0b]+/, '');
  if (/^(MSH|BHS|FHS)/.test(head) && head.length >= 8) {
    const field = head[3] as string;
    const encEnd = head.indexOf(field, 4);
    const enc = head.slice(4, encEnd < 0 ? undefined : encEnd);
    if (enc.length < 2) throw new Er7ParseError('MSH-2 (encoding characters) is missing or too short');
    return delimitersFromMsh(field, enc);
  }
  return DEFAULT_DELIMITERS;
}

function parseSegment(text: string, start: number, end: number, d: Delimiters): Er7Segment {
  const header = /^(MSH|BHS|FHS)$/.test(text.slice(start, start + 3));
  const fields: Er7Field[] = [];
  const nameEnd = indexOrEnd(text, d.field, start, end);
  const name = text.slice(start, nameEnd);
  let pos = nameEnd;
  let position = 1;
  if (header && nameEnd < end) {
    // MSH-1 is the separator itself and MSH-2 is taken literally: it holds the escape character.
    fields.push(literalField(1, nameEnd, nameEnd + 1, d.field));
    const encEnd = indexOrEnd(text, d.field, nameEnd + 1, end);
    fields.push(literalField(2, nameEnd + 1, encEnd, text.slice(nameEnd + 1, encEnd)));
    pos = encEnd;
    position = 3;
  }
  while (pos < end) {
    const fStart = pos + 1;
    const fEnd = indexOrEnd(text, d.field, fStart, end);
    fields.push(parseField(text, position, fStart, fEnd, d));
    position++;
    pos = fEnd;
  }
  return { name, start, end, fields };
}

function parseField(text: string, position: number, start: number, end: number, d: Delimiters): Er7Field {
  const repetitions: Er7Repetition[] = [];
  if (end > start) {
    for (const [rs, re] of splitSpans(text, d.repetition, start, end)) {
      const components: Er7Component[] = splitSpans(text, d.component, rs, re).map(([cs, ce]) => ({
        start: cs,
        end: ce,
        subcomponents: splitSpans(text, d.subcomponent, cs, ce).map(([ss, se]) => ({
          start: ss,
          end: se,
          value: unescapeValue(text.slice(ss, se), d),
        })),
      }));
      repetitions.push({ start: rs, end: re, components });
    }
  }
  return { position, start, end, repetitions };
}

function literalField(position: number, start: number, end: number, value: string): Er7Field {
  const sub = { start, end, value };
  return { position, start, end, repetitions: [{ start, end, components: [{ start, end, subcomponents: [sub] }] }] };
}

function splitSpans(text: string, sep: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let s = start;
  for (;;) {
    const e = indexOrEnd(text, sep, s, end);
    out.push([s, e]);
    if (e >= end) return out;
    s = e + 1;
  }
}

function indexOrEnd(text: string, ch: string, from: number, end: number): number {
  const i = text.indexOf(ch, from);
  return i < 0 || i > end ? end : i;
}
