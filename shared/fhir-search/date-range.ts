/**
 * Date-range helper: a from/to pair (dates or dateTimes) → the `ge`/`lt`/`le` values FHIR needs,
 * as AND-repeated entries (`date=ge2024-01-01&date=lt2024-02-01`).
 */
import { hasTime, hasTimezone } from './date-values';
import { type SearchParameterEntry, type SearchValue } from './search-model';

export interface DateRange {
  /** Inclusive start: `2024`, `2024-01`, `2024-01-01` or a dateTime. */
  from?: string;
  /** End: `2024-01-31` (the whole day is included) or a dateTime. */
  to?: string;
  /**
   * How a date-only `to` is written. `next-day-lt` (default): `lt` the day after, which every
   * server reads the same way. `le`: `le2024-01-31`, which FHIR defines to include the whole day
   * but some servers compare against midnight.
   */
  inclusiveEnd?: 'next-day-lt' | 'le';
  /** A dateTime `to` is inclusive (`le`, default) or exclusive (`lt`). */
  dateTimeEnd?: 'le' | 'lt';
  /** Offset added to dateTimes written without one, e.g. `-05:00` or `Z`. */
  timezone?: string;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** The first day after a partial date's range: `2024` → `2025`, `2024-02` → `2024-03`, `2024-02-29` → `2024-03-01`. */
export function nextDatePeriod(date: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) throw new Error(`Not a FHIR date: ${date}`);
  const year = Number(match[1]);
  if (match[2] === undefined) return pad(year + 1, 4);
  const month = Number(match[2]);
  if (match[3] === undefined) return month === 12 ? `${pad(year + 1, 4)}-01` : `${pad(year, 4)}-${pad(month + 1)}`;
  // Date.UTC rolls day 32 into the next month and handles leap years.
  const next = new Date(Date.UTC(year, month - 1, Number(match[3]) + 1));
  return `${pad(next.getUTCFullYear(), 4)}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}

const withTimezone = (value: string, timezone: string | undefined): string =>
  timezone !== undefined && hasTime(value) && !hasTimezone(value) ? `${value}${timezone}` : value;

/** The prefixed values for a range, start first; empty when neither end is given. */
export function dateRangeValues(range: DateRange): Extract<SearchValue, { kind: 'date' }>[] {
  const values: Extract<SearchValue, { kind: 'date' }>[] = [];
  const from = range.from?.trim();
  const to = range.to?.trim();
  if (from) values.push({ kind: 'date', prefix: 'ge', value: withTimezone(from, range.timezone) });
  if (to) {
    if (hasTime(to)) values.push({ kind: 'date', prefix: range.dateTimeEnd ?? 'le', value: withTimezone(to, range.timezone) });
    else if ((range.inclusiveEnd ?? 'next-day-lt') === 'le') values.push({ kind: 'date', prefix: 'le', value: to });
    else values.push({ kind: 'date', prefix: 'lt', value: nextDatePeriod(to) });
  }
  return values;
}

/** One entry per bound (AND), for parameter `name` (`date`, `_lastUpdated`, `authoredon`…). */
export function dateRangeParameters(name: string, range: DateRange): SearchParameterEntry[] {
  return dateRangeValues(range).map((value) => ({ kind: 'search', name, values: [value] }));
}
