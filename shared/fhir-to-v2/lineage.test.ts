import { describe, expect, it } from 'vitest';
import report from './fixtures/diagnostic-report-cbc.json';
import encounter from './fixtures/encounter-admit.json';
import patient from './fixtures/patient-example.json';
import appointment from './fixtures/appointment-bundle.json';
import documentNote from './fixtures/document-reference-note.json';
import immunization from './fixtures/immunization-flu.json';
import labOrder from './fixtures/service-request-lab.json';
import metformin from './fixtures/medication-request-metformin.json';
import charge from './fixtures/charge-item-office-visit.json';
import cashew from './fixtures/allergy-intolerance-cashew.json';
import { lineageForFhirPath, lineageForV2 } from './lineage-lookup';
import { translate } from './translate';

describe.each([
  ['report', report],
  ['patient', patient],
  ['encounter', encounter],
  ['appointment', appointment],
  ['document', documentNote],
  ['immunization', immunization],
  ['service request (ORM)', labOrder],
  ['medication request (RDE)', metformin],
  ['charge item', charge],
  ['allergy', cashew],
])('lineage of %s', (_name, input) => {
  const r = translate(input, { now: '2024-03-01T12:00:00-05:00', controlId: 'C1', operator: 'Admin' });
  it('every populated leaf in the ER7 has a lineage entry with a source (FHIR path or rule)', () => {
    const covered = new Set(r.lineage.map((l) => `${l.start}:${l.end}`));
    for (const seg of r.segments) {
      for (const field of seg.fields) {
        if (seg.name === 'MSH' && field.position <= 2) continue;
        for (const rep of field.repetitions)
          for (const comp of rep.components)
            for (const sub of comp.subcomponents) {
              if (sub.value === '') continue;
              expect(covered.has(`${sub.start}:${sub.end}`), `${seg.name}-${field.position} "${sub.value}"`).toBe(true);
            }
      }
    }
    for (const l of r.lineage) expect(l.fhirPaths.length > 0 || (l.via ?? '') !== '').toBe(true);
  });
  it('offsets point at the escaped value in the text', () => {
    for (const l of r.lineage) expect(r.er7.slice(l.start, l.end).length).toBe(l.end - l.start);
  });
  it('unmapped lists only real elements of the input, none of them also in the lineage', () => {
    const mapped = new Set(r.lineage.flatMap((l) => l.fhirPaths));
    for (const u of r.unmapped) expect(mapped.has(u)).toBe(false);
  });
});

describe('lookups for two-way highlighting', () => {
  const r = translate(patient, { now: '2024-03-01T12:00:00-05:00' });
  it('FHIR path → v2 positions', () => {
    expect(lineageForFhirPath(r, 'Patient.name[0]').map((l) => l.v2)).toEqual(['PID-5.1', 'PID-5.2', 'PID-5.3', 'PID-5.7']);
    expect(lineageForFhirPath(r, 'Patient.birthDate').map((l) => l.v2)).toEqual(['PID-7']);
  });
  it('v2 position → FHIR paths', () => {
    expect(lineageForV2(r, 'PID-8').flatMap((l) => l.fhirPaths)).toEqual(['Patient.gender']);
    expect(lineageForV2(r, 'PID-5[3]').flatMap((l) => l.fhirPaths)).toContain('Patient.name[2].family');
  });
  it('lists elements with no v2 home', () => {
    expect(r.unmapped).toEqual(expect.arrayContaining(['Patient.active', 'Patient.managingOrganization.reference']));
  });
});
