/**
 * The two layers of encoding in a FHIR search value:
 * 1. FHIR escaping: `\` before `,` (OR), `|` (token/quantity parts), `$` (composite parts) and `\`
 *    itself, so those characters can appear inside a value.
 * 2. Percent-encoding of the whole name or value for the query string / form body.
 */

/** Characters FHIR search treats as delimiters inside a value. */
export const FHIR_SEARCH_SPECIAL_CHARACTERS = [',', '|', '$', '\\'] as const;

/** Escapes `\ , | $` (or only the given delimiters) with a backslash. */
export function escapeSearchValue(value: string, delimiters: readonly string[] = FHIR_SEARCH_SPECIAL_CHARACTERS): string {
  let out = '';
  for (const ch of value) out += ch === '\\' || delimiters.includes(ch) ? `\\${ch}` : ch;
  return out;
}

/**
 * Removes FHIR escapes. Returns null for a malformed value (a `\` before anything other than
 * `\ , | $`, or a trailing `\`), which the parser keeps as a raw parameter instead of guessing.
 */
export function unescapeSearchValue(value: string): string | null {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = value[i + 1];
    if (next === undefined || !(FHIR_SEARCH_SPECIAL_CHARACTERS as readonly string[]).includes(next)) return null;
    out += next;
    i++;
  }
  return out;
}

/** Splits on a delimiter that is not escaped; the pieces keep their escapes. */
export function splitUnescaped(value: string, delimiter: string): string[] {
  const pieces: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] ?? '';
    if (ch === '\\' && i + 1 < value.length) {
      current += ch + (value[i + 1] ?? '');
      i++;
    } else if (ch === delimiter) {
      pieces.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  pieces.push(current);
  return pieces;
}

/**
 * Characters left as they are in names and values: RFC 3986 unreserved characters plus the ones
 * FHIR URLs are conventionally written with (`:` `/` `?` `@` `,` `|` `$` `!` `'` `(` `)` `*`), so
 * `identifier=http://hospital.org|123` stays readable. Everything else is percent-encoded as
 * UTF-8, including `&` `=` `+` `#` `%` `;` space and `\` (which URL parsers would rewrite).
 */
const LEFT_AS_IS = /[A-Za-z0-9\-._~:/?@,|$!'()*]/;

/** Percent-encodes one name or value for a query string or an x-www-form-urlencoded body. */
export function percentEncode(text: string): string {
  let out = '';
  for (const ch of text) out += LEFT_AS_IS.test(ch) ? ch : encodeCodePoint(ch);
  return out;
}

/** A lone surrogate (possible in a JS string, impossible in UTF-8) becomes U+FFFD instead of throwing. */
function encodeCodePoint(ch: string): string {
  try {
    return encodeURIComponent(ch);
  } catch {
    return '%EF%BF%BD';
  }
}

/**
 * Decodes one name or value from a query string or form body: `+` is a space (form encoding,
 * which servers also apply to query strings), `%XX` is UTF-8. Null when the encoding is broken.
 */
export function percentDecode(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}
