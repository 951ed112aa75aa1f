import { describe, expect, it } from 'vitest';
import { toV2Date, toV2DateTime, toV2Time } from './datetime';

describe('toV2DateTime keeps precision and offset', () => {
  it.each([
    ['1990-05-14', '19900514'],
    ['2024-03', '202403'],
    ['2024', '2024'],
    ['2024-03-01T10:15:00-05:00', '20240301101500-0500'],
    ['2024-03-01T15:15:00.123Z', '20240301151500.123+0000'],
    ['2024-03-01T15:15:00.005+05:30', '20240301151500.005+0530'],
    ['2024-03-01T15:15:00.1Z', '20240301151500.1+0000'],
  ])('%s → %s', (fhir, v2) => {
    expect(toV2DateTime(fhir)).toEqual({ ok: true, value: v2 });
  });
  it('cuts fractional seconds beyond four digits, and says so', () => {
    const r = toV2DateTime('2024-03-01T15:15:00.123456Z');
    expect(r).toMatchObject({ ok: true, value: '20240301151500.1234+0000' });
    expect(r.ok && r.warning).toMatch(/four|4 digits/);
  });
  it('warns about a time without an offset instead of inventing one', () => {
    const r = toV2DateTime('2024-03-01T10:15:00');
    expect(r).toMatchObject({ ok: true, value: '20240301101500' });
    expect(r.ok && r.warning).toMatch(/no offset/);
  });
  it.each(['2024-13-01', '03/01/2024', '2024-03-01T25:00:00Z', ''])('rejects %j', (bad) => {
    expect(toV2DateTime(bad).ok).toBe(false);
  });
});

describe('toV2Date and toV2Time', () => {
  it('drops the time of a dateTime for a DT field, with a warning', () => {
    expect(toV2Date('2024-03-01T10:15:00Z')).toMatchObject({ ok: true, value: '20240301' });
    expect(toV2Date('1974-12')).toEqual({ ok: true, value: '197412' });
  });
  it('formats times', () => {
    expect(toV2Time('14:30:05.25')).toEqual({ ok: true, value: '143005.25' });
    expect(toV2Time('14:30')).toEqual({ ok: true, value: '1430' });
    expect(toV2Time('24:00:00').ok).toBe(false);
  });
});
