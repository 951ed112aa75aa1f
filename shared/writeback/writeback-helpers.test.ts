import { describe, expect, it } from 'vitest';
import { FhirDestinationConfig } from '../contract/writeback';
import { translate } from '../fhir-to-v2';
import { readAck } from '../hl7v2';
import { explainAck, parseErrLocation } from './ack-explain';
import { buildFhirRequest, defaultOperation } from './fhir-request';
import { parseKind, writebackKind } from './kind';
import { patientText } from './patient';

import appointment from '../fhir-to-v2/fixtures/appointment-bundle.json';
import report from '../fhir-to-v2/fixtures/diagnostic-report-cbc.json';
import glucose from '../fhir-to-v2/fixtures/observation-glucose-bundle.json';

const FIXTURES: Record<string, unknown> = {
  'appointment-bundle.json': appointment,
  'diagnostic-report-cbc.json': report,
  'observation-glucose-bundle.json': glucose,
};
const fixture = (name: string): unknown => JSON.parse(JSON.stringify(FIXTURES[name])) as unknown;
const counts = (er7: string) => {
  const c: Record<string, number> = {};
  for (const l of er7.split('\r')) if (l.length >= 3) c[l.slice(0, 3)] = (c[l.slice(0, 3)] ?? 0) + 1;
  return c;
};

describe('writeback helpers', () => {
  it('names the kind from the focus resource and the action', () => {
    expect(writebackKind(fixture('observation-glucose-bundle.json'))).toBe('ObservationCreate');
    expect(writebackKind(fixture('appointment-bundle.json'), 'update')).toBe('AppointmentUpdate');
    expect(writebackKind({ foo: 1 })).toBeNull();
    expect(parseKind('DiagnosticReportCancel')).toEqual({ resourceType: 'DiagnosticReport', action: 'cancel' });
    expect(defaultOperation('Observation', 'create')).toBe('Observation/$observation-create');
    expect(defaultOperation('Appointment', 'update')).toBe('Appointment/$appointment-create');
  });

  it('describes the patient for history search', () => {
    expect(patientText(fixture('observation-glucose-bundle.json'))).toBe("urn:oid:1.2.3|MRN|123 Patient/p1 O'Brien^Smith, Anna Maria");
    expect(patientText({ resourceType: 'Observation', subject: { reference: 'Patient/42', display: 'Jo' } })).toBe('Patient/42 Jo');
  });

  it('explains ERR segments and maps them through lineage, including a repeated segment', () => {
    const result = translate(fixture('diagnostic-report-cbc.json'), { controlId: 'CTRL1' });
    const obxCount = counts(result.er7).OBX ?? 0;
    expect(obxCount).toBeGreaterThan(1);
    const ack = readAck('MSH|^~\\&|R|F|S|F|20240101||ACK|A1|P|2.5.1\rMSA|AE|CTRL1|bad\rERR||OBX^2^5|102^Data type error^HL70357|E|||Bad number|Check the value\rERR||PID^1^7|101|W\r');
    const detail = explainAck(ack, { lineage: result.lineage, segmentCounts: counts(result.er7) });
    expect(detail.meaning).toMatch(/^Application error/);
    const [obx, pid] = detail.errors;
    expect(obx).toMatchObject({ v2Location: 'OBX[2]-5', codeMeaning: 'Data type error', severity: 'error', userMessage: 'Check the value' });
    expect(obx?.fhirPaths.length).toBeGreaterThan(0);
    expect(obx?.fhirPaths.every((p) => p.startsWith('Bundle.entry[') && p.includes('value'))).toBe(true);
    expect(obx?.explanation).toMatch(/^The receiver reports an error: data type error \(102\) at OBX-5 Observation Value/);
    expect(obx?.explanation).toContain('It says: “Check the value”.');
    expect(pid).toMatchObject({ v2Location: 'PID-7', severity: 'warning', codeMeaning: 'Required field missing' });
    expect(pid?.explanation).toMatch(/^The receiver reports a warning/);
  });

  it('reads ERR-1 (ELD) from receivers that still send it', () => {
    const ack = readAck('MSH|^~\\&|R|F|S|F|20240101||ACK|A1|P|2.3\rMSA|AE|C1\rERR|PID^1^5^101&Required field missing\r');
    const [err] = explainAck(ack, null).errors;
    expect(err).toMatchObject({ location: 'PID^1^5^101&Required field missing', v2Location: 'PID-5', code: '101', fhirPaths: [] });
    expect(parseErrLocation('nonsense')).toBeNull();
    expect(parseErrLocation('OBX^3^5^1^2')).toEqual({ segment: 'OBX', occurrence: 3, field: 5, repetition: 1, component: 2 });
  });

  it('builds the FHIR request for each mode, the same for the same control id', () => {
    const config = (mode: string, extra = {}) => FhirDestinationConfig.parse({ transport: 'fhir', connectionId: 'c1', mode, ...extra });
    const ctx = { controlId: 'SB1', kind: 'ObservationCreate', now: '2025-01-01T00:00:00Z' };
    const input = fixture('observation-glucose-bundle.json');
    const create = buildFhirRequest({ resourceType: 'Patient', id: 'p' }, config('create'), ctx);
    expect(create).toMatchObject({ ok: true, request: { method: 'POST', path: 'Patient', asynchronous: false } });
    expect(buildFhirRequest({ resourceType: 'Patient', id: 'p' }, config('update'), ctx)).toMatchObject({ ok: true, request: { method: 'PUT', path: 'Patient/p' } });
    expect(buildFhirRequest({ resourceType: 'Patient' }, config('update'), ctx)).toMatchObject({ ok: false });
    const redox = buildFhirRequest(input, config('redox-operation'), ctx);
    expect(redox).toMatchObject({ ok: true, request: { path: 'Observation/$observation-create', asynchronous: true } });
    expect(buildFhirRequest(input, config('redox-operation'), ctx)).toEqual(redox);
    const custom = buildFhirRequest(input, config('redox-operation', { operation: 'Observation/$write-results', eventUri: 'urn:x', asynchronous: false }), ctx);
    expect(custom).toMatchObject({ ok: true, request: { path: 'Observation/$write-results', asynchronous: false } });
    if (custom.ok) expect(custom.request.body).toContain('"eventUri": "urn:x"');
  });
});
