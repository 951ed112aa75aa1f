import { describe, expect, it } from 'vitest';
import { dateRangeParameters, dateRangeValues, nextDatePeriod } from './date-range';
import { toQueryString } from './serialize';

describe('date range helper', () => {
  it('a date-only range ends with lt the next day', () => {
    expect(dateRangeValues({ from: '2024-01-01', to: '2024-01-31' })).toEqual([
      { kind: 'date', prefix: 'ge', value: '2024-01-01' },
      { kind: 'date', prefix: 'lt', value: '2024-02-01' },
    ]);
  });

  it('or with le when asked', () => {
    expect(dateRangeValues({ to: '2024-01-31', inclusiveEnd: 'le' })).toEqual([{ kind: 'date', prefix: 'le', value: '2024-01-31' }]);
  });

  it('dateTimes: inclusive le by default, lt on request, timezone added where missing', () => {
    expect(dateRangeValues({ from: '2024-01-01T08:00:00', to: '2024-01-01T17:00:00-05:00', timezone: '-05:00' })).toEqual([
      { kind: 'date', prefix: 'ge', value: '2024-01-01T08:00:00-05:00' },
      { kind: 'date', prefix: 'le', value: '2024-01-01T17:00:00-05:00' },
    ]);
    expect(dateRangeValues({ to: '2024-01-01T17:00:00Z', dateTimeEnd: 'lt' })).toEqual([{ kind: 'date', prefix: 'lt', value: '2024-01-01T17:00:00Z' }]);
  });

  it('open and empty ranges', () => {
    expect(dateRangeValues({ from: '2024' })).toEqual([{ kind: 'date', prefix: 'ge', value: '2024' }]);
    expect(dateRangeValues({ from: ' ', to: '' })).toEqual([]);
  });

  it('the next period for years, months, month ends and leap days', () => {
    expect(nextDatePeriod('2024')).toBe('2025');
    expect(nextDatePeriod('2024-02')).toBe('2024-03');
    expect(nextDatePeriod('2024-12')).toBe('2025-01');
    expect(nextDatePeriod('2024-02-28')).toBe('2024-02-29');
    expect(nextDatePeriod('2023-02-28')).toBe('2023-03-01');
    expect(nextDatePeriod('2024-12-31')).toBe('2025-01-01');
    expect(() => nextDatePeriod('Jan 1')).toThrow();
  });

  it('builds AND-repeated entries', () => {
    const parameters = dateRangeParameters('date', { from: '2024-01-01', to: '2024-03-31' });
    expect(toQueryString({ resourceType: 'Observation', parameters })).toBe('date=ge2024-01-01&date=lt2024-04-01');
  });
});
