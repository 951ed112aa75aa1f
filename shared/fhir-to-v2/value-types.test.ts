import type { Observation } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { translate } from './translate';

const base: Observation = {
  resourceType: 'Observation',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '1-1', display: 'Test' }] },
  subject: { display: 'unresolved' },
};
const withPatient = (obs: Partial<Observation>) => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    { resource: { resourceType: 'Patient', id: 'p', identifier: [{ system: 'urn:oid:1.2', value: 'X1' }], name: [{ family: 'Doe' }] } },
    { resource: { ...base, subject: { reference: 'Patient/p' }, ...obs } },
  ],
});
const obx = (obs: Partial<Observation>) => {
  const r = translate(withPatient(obs), { now: '2024-01-01T00:00:00Z', controlId: 'C' });
  const line = r.er7.split('\r').find((s) => s.startsWith('OBX')) ?? '';
  const f = line.split('|');
  return { type: f[2], value: f[5], units: f[6], status: f[11], result: r };
};

describe('every value[x] → OBX-2 / OBX-5', () => {
  it.each<[string, Partial<Observation>, string, string]>([
    ['Quantity', { valueQuantity: { value: 5.4, unit: 'mg/dL', system: 'http://unitsofmeasure.org', code: 'mg/dL' } }, 'NM', '5.4'],
    ['Quantity with comparator', { valueQuantity: { value: 5, comparator: '<' } }, 'SN', '<^5'],
    ['integer', { valueInteger: 42 }, 'NM', '42'],
    ['CodeableConcept', { valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '260385009', display: 'Negative' }] } }, 'CE', '260385009^Negative^SCT'],
    ['short string', { valueString: 'clear, yellow' }, 'ST', 'clear, yellow'],
    ['long string', { valueString: 'x'.repeat(250) }, 'TX', 'x'.repeat(250)],
    ['multi-line string', { valueString: 'line 1\nline 2 | a^b' }, 'FT', 'line 1\\.br\\line 2 \\F\\ a\\S\\b'],
    ['boolean', { valueBoolean: true }, 'CE', 'Y^Yes^HL70136'],
    ['Range', { valueRange: { low: { value: 2, unit: 'mg' }, high: { value: 4 } } }, 'SN', '^2^-^4'],
    ['Ratio', { valueRatio: { numerator: { value: 1 }, denominator: { value: 128 } } }, 'SN', '^1^:^128'],
    ['dateTime', { valueDateTime: '2024-03-01T10:15:00.25+02:00' }, 'TS', '20240301101500.25+0200'],
    ['date-only dateTime', { valueDateTime: '2024-03' }, 'DT', '202403'],
    ['time', { valueTime: '10:15:30' }, 'TM', '101530'],
    ['Period', { valuePeriod: { start: '2024-03-01', end: '2024-03-05' } }, 'DR', '20240301^20240305'],
    ['SampledData', { valueSampledData: { origin: { value: 0 }, period: 10, dimensions: 1, data: '1.5 2 -3' } }, 'NA', '1.5^2^-3'],
  ])('%s', (_name, value, type, er7) => {
    const r = obx(value);
    expect([r.type, r.value]).toEqual([type, er7]);
    expect(r.result.issues.filter((i) => i.source === 'validation' && i.severity === 'error')).toEqual([]);
  });
  it('attachment (R5 extension) → ED base64, URL → RP', () => {
    const ext = (valueAttachment: object) => ({ extension: [{ url: 'http://hl7.org/fhir/5.0/StructureDefinition/extension-Observation.value', valueAttachment }] });
    expect(obx(ext({ contentType: 'application/pdf', data: 'JVBERi0=' }) as Partial<Observation>)).toMatchObject({ type: 'ED', value: '^AP^PDF^Base64^JVBERi0=' });
    expect(obx(ext({ contentType: 'image/png', url: 'https://x.example/i.png' }) as Partial<Observation>)).toMatchObject({ type: 'RP', value: 'https://x.example/i.png^^IM^PNG' });
  });
  it('no value with dataAbsentReason: OBX-2 empty, OBX-11 X (or N when not asked)', () => {
    expect(obx({ dataAbsentReason: { coding: [{ code: 'error' }] } })).toMatchObject({ type: '', value: '', status: 'X' });
    expect(obx({ dataAbsentReason: { coding: [{ code: 'not-asked' }] } })).toMatchObject({ status: 'N' });
  });
  it('units: UCUM code and text', () => {
    expect(obx({ valueQuantity: { value: 1, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' } }).units).toBe('mm[Hg]^mmHg^UCUM');
  });
});

describe('input problems are located messages, not exceptions', () => {
  it('missing subject', () => {
    const r = translate({ ...base, subject: undefined }, { now: '2024-01-01T00:00:00Z' });
    expect(r.issues).toContainEqual(expect.objectContaining({ code: 'missing-subject', fhirPath: 'Observation.subject', location: 'PID' }));
  });
  it('unknown code system', () => {
    const r = translate(withPatient({ code: { coding: [{ system: 'http://acme.example/codes', code: 'K1' }] }, valueInteger: 1 }), {});
    expect(r.issues).toContainEqual(expect.objectContaining({ code: 'unknown-code-system', fhirPath: 'Bundle.entry[1].resource.code.coding[0].system', location: 'OBX-3' }));
  });
  it('a status with no v2 equivalent', () => {
    const r = translate(withPatient({ status: 'unknown', valueInteger: 1 }), {});
    expect(r.issues).toContainEqual(expect.objectContaining({ code: 'no-v2-status', fhirPath: 'Bundle.entry[1].resource.status', location: 'OBX-11' }));
    // ...and the validator, through lineage, points the empty required OBX-11 at the same element.
    expect(r.issues).toContainEqual(expect.objectContaining({ source: 'validation', location: 'OBX-11', fhirPath: 'Bundle.entry[1].resource.status' }));
  });
  it('not FHIR at all, or an unsupported resource: ok is false', () => {
    expect(translate('nope', {})).toMatchObject({ ok: false, er7: '' });
    expect(translate({ resourceType: 'Basic' }, {}).issues[0]).toMatchObject({ code: 'unsupported-resource' });
    expect(translate(withPatient({ valueInteger: 1 }), { messageType: 'ADT^A08' }).issues[0]).toMatchObject({ code: 'message-type-mismatch' });
  });
});
