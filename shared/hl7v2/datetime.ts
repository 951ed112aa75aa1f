/**
 * FHIR date/dateTime/instant/time → HL7 v2 DTM/DT/TM, keeping the precision and the offset exactly
 * as given (v2 reads precision from the number of digits, and a missing offset means "the sender's
 * local zone", so converting to UTC or padding digits would change the meaning).
 */
export type DateConversion = { ok: true; value: string; warning?: string } | { ok: false; error: string };

const DATE_TIME =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$/;
/** DTM allows at most four fractional-second digits. */
const MAX_FRACTION = 4;

/** dateTime or instant → DTM (the time part of TS). */
export function toV2DateTime(fhir: string): DateConversion {
  const m = DATE_TIME.exec(fhir);
  if (!m) return { ok: false, error: `"${fhir}" is not a FHIR date, dateTime or instant` };
  const [, year, month, day, hour, minute, second, fraction, zone] = m;
  let out = (year as string) + (month ?? '') + (day ?? '');
  let warning: string | undefined;
  if (hour !== undefined) {
    out += hour + (minute as string) + (second ?? '');
    if (fraction !== undefined) {
      if (fraction.length > MAX_FRACTION) {
        warning = `fractional seconds of "${fhir}" cut to ${MAX_FRACTION} digits (the most DTM holds)`;
      }
      out += `.${fraction.slice(0, MAX_FRACTION)}`;
    }
    if (zone === undefined) {
      warning ??= `"${fhir}" has a time but no offset; the receiver will assume its own local zone`;
    } else {
      out += zone === 'Z' ? '+0000' : zone.replace(':', '');
    }
  }
  if (!validCalendar(month, day, hour, minute, second)) {
    return { ok: false, error: `"${fhir}" is not a valid calendar date or time` };
  }
  return warning === undefined ? { ok: true, value: out } : { ok: true, value: out, warning };
}

/** date (or the date part of a dateTime) → DT, YYYY[MM[DD]]. */
export function toV2Date(fhir: string): DateConversion {
  const m = DATE_TIME.exec(fhir);
  if (!m) return { ok: false, error: `"${fhir}" is not a FHIR date` };
  const [, year, month, day, hour] = m;
  if (!validCalendar(month, day, undefined, undefined, undefined)) {
    return { ok: false, error: `"${fhir}" is not a valid calendar date` };
  }
  const value = (year as string) + (month ?? '') + (day ?? '');
  return hour === undefined
    ? { ok: true, value }
    : { ok: true, value, warning: `the time of "${fhir}" is dropped: the v2 field is a date (DT)` };
}

/** time (hh:mm:ss[.s]) → TM. FHIR times carry no offset, and neither does the result. */
export function toV2Time(fhir: string): DateConversion {
  const m = TIME.exec(fhir);
  if (!m) return { ok: false, error: `"${fhir}" is not a FHIR time` };
  const [, hour, minute, second, fraction] = m;
  if (!validCalendar(undefined, undefined, hour, minute, second)) {
    return { ok: false, error: `"${fhir}" is not a valid time` };
  }
  let value = (hour as string) + (minute as string) + (second ?? '');
  if (fraction !== undefined) value += `.${fraction.slice(0, MAX_FRACTION)}`;
  return { ok: true, value };
}

function validCalendar(
  month: string | undefined,
  day: string | undefined,
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
): boolean {
  if (month !== undefined && (+month < 1 || +month > 12)) return false;
  if (day !== undefined && (+day < 1 || +day > 31)) return false;
  if (hour !== undefined && +hour > 23) return false;
  if (minute !== undefined && +minute > 59) return false;
  // 60 allows a leap second.
  if (second !== undefined && +second > 60) return false;
  return true;
}

/** Patterns of the v2 date/time primitives, used by the validator. */
export const V2_DTM = /^\d{4}(?:\d{2}(?:\d{2}(?:\d{2}(?:\d{2}(?:\d{2}(?:\.\d{1,4})?)?)?)?)?)?(?:[+-]\d{4})?$/;
export const V2_DT = /^\d{4}(?:\d{2}(?:\d{2})?)?$/;
export const V2_TM = /^\d{2}(?:\d{2}(?:\d{2}(?:\.\d{1,4})?)?)?(?:[+-]\d{4})?$/;
