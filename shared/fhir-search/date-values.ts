/** Shape checks for FHIR date / dateTime search values (without the prefix). */

/** `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a dateTime `YYYY-MM-DDThh:mm[:ss[.fff]][Z|±hh:mm]`. */
const FHIR_DATE_OR_DATETIME =
  /^(\d{4})(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))?)?)?)?$/;

export const isFhirDateValue = (value: string): boolean => FHIR_DATE_OR_DATETIME.test(value);

/** Has a time part (`T…`), so its meaning depends on a timezone. */
export const hasTime = (value: string): boolean => value.includes('T');

/** Ends in `Z` or `±hh:mm`. */
export const hasTimezone = (value: string): boolean => /(Z|[+-]\d{2}:\d{2})$/.test(value);

/** Time given to the second (US Core asks for second precision on dateTime searches). */
export const hasSeconds = (value: string): boolean => /T\d{2}:\d{2}:\d{2}/.test(value);

/**
 * A `+hh:mm` offset typed unencoded in a URL arrives as a space (`T10:00:00 05:00`): `+` means a
 * space in query strings and form bodies.
 */
export const looksLikeDecodedPlus = (value: string): boolean => /T[\d:.]+ \d{2}:\d{2}$/.test(value);
