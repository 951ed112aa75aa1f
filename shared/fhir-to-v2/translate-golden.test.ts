import { describe, expect, it } from 'vitest';
import report from './fixtures/diagnostic-report-cbc.json';
import encounter from './fixtures/encounter-admit.json';
import glucose from './fixtures/observation-glucose-bundle.json';
import patient from './fixtures/patient-example.json';
import { translate } from './translate';

const OPTIONS = {
  now: '2024-03-01T12:00:00-05:00',
  sendingApplication: 'SWITCHBOARD',
  sendingFacility: 'CLINIC',
  receivingApplication: 'EPIC',
  receivingFacility: { namespaceId: 'HOSP', universalId: '1.2.3.4', universalIdType: 'ISO' },
  controlId: 'MSG0001',
  assigningAuthorities: { 'http://hospital.example.org/mrn': 'HOSP', 'http://hospital.example.org/visit': 'HOSPV' },
};

const lines = (er7: string) => er7.split('\r').filter(Boolean);

describe('golden messages', () => {
  it.each([
    ['observation-glucose', glucose, {}],
    ['diagnostic-report-cbc', report, {}],
    ['patient-a28', patient, {}],
    ['patient-a31', patient, { action: 'update' as const }],
    ['encounter-a01', encounter, {}],
    ['encounter-a08', encounter, { action: 'update' as const, previousStatus: 'in-progress' }],
  ])('%s', async (name, input, extra) => {
    const r = translate(input, { ...OPTIONS, ...extra });
    expect(r.ok).toBe(true);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    await expect(lines(r.er7).join('\n') + '\n').toMatchFileSnapshot(`./__golden__/${name}.hl7`);
  });
});

describe('message shapes', () => {
  it('ORU from a DiagnosticReport: ORC/OBR from the order, OBX per result, components sharing a sub-ID', () => {
    const r = translate(report, OPTIONS);
    expect(r.messageType).toBe('ORU^R01^ORU_R01');
    const segs = lines(r.er7).map((s) => s.slice(0, 3));
    expect(segs).toEqual(['MSH', 'PID', 'ORC', 'OBR', 'NTE', 'OBX', 'NTE', 'OBX', 'OBX']);
    const er7 = lines(r.er7);
    expect(er7[2]).toBe('ORC|RE|ORD723222^^2.16.840.1.113883.3.72.5.24^ISO|R-990^^2.16.840.1.113883.3.72.5.25^ISO|||||||||57422^Radon^Nicholas^^^^^^NPI^^^^NPI');
    expect(er7[4]).toBe('NTE|1||Mild anaemia.\\.br\\Repeat in 3 months.');
    expect(er7[7]).toMatch(/^OBX\|2\|NM\|8480-6\^Systolic blood pressure\^LN\|2\|107\|mm\[Hg\]\^mmHg\^UCUM/);
    expect(er7[8]).toMatch(/^OBX\|3\|NM\|8462-4\^Diastolic blood pressure\^LN\|2\|60\|/);
  });
  it('Patient: A28 on create, A31 on update, A08 only when asked, always with PV1', () => {
    expect(translate(patient, OPTIONS).messageType).toBe('ADT^A28^ADT_A05');
    expect(translate(patient, { ...OPTIONS, action: 'update' }).messageType).toBe('ADT^A31^ADT_A05');
    const a08 = translate(patient, { ...OPTIONS, messageType: 'ADT^A08' });
    expect(a08.messageType).toBe('ADT^A08^ADT_A01');
    expect(a08.issues.map((i) => i.code)).toContain('visit-missing');
    expect(lines(translate(patient, OPTIONS).er7)).toContain('PV1|1|N');
  });
  it('Encounter: trigger from the status transition', () => {
    const withStatus = (status: string) => ({
      ...encounter,
      entry: encounter.entry.map((e) => (e.resource.resourceType === 'Encounter' ? { ...e, resource: { ...e.resource, status } } : e)),
    });
    expect(translate(encounter, OPTIONS).messageType).toBe('ADT^A01^ADT_A01');
    expect(translate(withStatus('finished'), { ...OPTIONS, action: 'update', previousStatus: 'in-progress' }).messageType).toBe('ADT^A03^ADT_A03');
    expect(translate(withStatus('cancelled'), { ...OPTIONS, action: 'cancel', previousStatus: 'in-progress' }).messageType).toBe('ADT^A11^ADT_A09');
    expect(translate(withStatus('planned'), OPTIONS).messageType).toBe('ADT^A05^ADT_A05');
    expect(translate(withStatus('in-progress'), { ...OPTIONS, action: 'update', previousStatus: 'in-progress' }).messageType).toBe('ADT^A08^ADT_A01');
  });
  it('MSH from the destination options', () => {
    const msh = lines(translate(glucose, { ...OPTIONS, processingId: 'T', version: '2.4', acceptAckType: 'AL', applicationAckType: 'NE' }).er7)[0];
    expect(msh).toBe('MSH|^~\\&|SWITCHBOARD|CLINIC|EPIC|HOSP^1.2.3.4^ISO|20240301120000-0500||ORU^R01^ORU_R01|MSG0001|T|2.4|||AL|NE||UNICODE UTF-8');
  });
});
