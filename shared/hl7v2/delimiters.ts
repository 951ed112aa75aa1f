/** The five ER7 delimiters. A message declares its own in MSH-1 and MSH-2; these are the usual ones. */
export interface Delimiters {
  readonly field: string;
  readonly component: string;
  readonly repetition: string;
  readonly escape: string;
  readonly subcomponent: string;
}

export const DEFAULT_DELIMITERS: Delimiters = {
  field: '|',
  component: '^',
  repetition: '~',
  escape: '\\',
  subcomponent: '&',
};

/** MSH-2: component, repetition, escape, subcomponent, in that order. */
export function encodingCharacters(d: Delimiters): string {
  return d.component + d.repetition + d.escape + d.subcomponent;
}

export function delimitersFromMsh(field: string, encodingChars: string): Delimiters {
  return {
    field,
    component: encodingChars[0] ?? DEFAULT_DELIMITERS.component,
    repetition: encodingChars[1] ?? DEFAULT_DELIMITERS.repetition,
    escape: encodingChars[2] ?? DEFAULT_DELIMITERS.escape,
    subcomponent: encodingChars[3] ?? DEFAULT_DELIMITERS.subcomponent,
  };
}
