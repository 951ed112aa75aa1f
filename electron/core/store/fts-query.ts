/**
 * Turns what someone types into the inbox search box into a safe FTS5 query. FTS5's own syntax
 * (NEAR, column filters, ^, unbalanced quotes) would otherwise throw on ordinary input such as
 * `Patient/123` or `O'Brien`, so everything is quoted: words must all appear, "quoted words" must
 * appear together, and a trailing `*` asks for a prefix.
 */
export function toFtsQuery(input: string): string | null {
  const parts: string[] = [];
  const re = /"([^"]*)"?|(\S+)/g;
  for (let match = re.exec(input); match !== null; match = re.exec(input)) {
    const phrase = match[1];
    if (phrase !== undefined) {
      const words = phrase.trim();
      if (words !== '') parts.push(quote(words));
      continue;
    }
    const word = match[2] ?? '';
    const prefix = word.length > 1 && word.endsWith('*');
    const bare = prefix ? word.replace(/\*+$/, '') : word;
    // A "word" made only of punctuation has no tokens: FTS5 would reject the empty phrase.
    if (!/[\p{L}\p{N}]/u.test(bare)) continue;
    parts.push(prefix ? `${quote(bare)}*` : quote(bare));
  }
  return parts.length === 0 ? null : parts.join(' AND ');
}

const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;
