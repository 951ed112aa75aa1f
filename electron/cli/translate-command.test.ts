import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translateCommand } from './translate-command';
import { UsageError } from './usage-error';

const FIXTURES = join(import.meta.dirname, '../../shared/fhir-to-v2/fixtures');
const GOLDEN = join(import.meta.dirname, '../../shared/fhir-to-v2/__golden__');

function run(argv: string[], stdin = '') {
  let out = '';
  const code = translateCommand(argv, { readStdin: () => stdin, write: (t) => (out += t) });
  return { code, out };
}

describe('switchboard translate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sb-translate-'));
  const options = join(dir, 'dest.json');
  writeFileSync(options, JSON.stringify({ receivingApplication: 'EPIC', controlId: 'FIXED1', now: '2024-03-01T12:00:00Z' }));

  it('prints ER7 with one segment per line and exits 0', () => {
    const { code, out } = run([join(FIXTURES, 'observation-glucose-bundle.json'), '--options', options]);
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe('MSH|^~\\&|SWITCHBOARD|SWITCHBOARD|EPIC||20240301120000+0000||ORU^R01^ORU_R01|FIXED1|P|2.5.1||||||UNICODE UTF-8');
  });
  it('reads stdin with -, forces a type with --to, and explains with --explain', () => {
    const { code, out } = run(['-', '--to', 'ADT^A31', '--explain', '--options', options], readFileSync(join(FIXTURES, 'patient-example.json'), 'utf8'));
    expect(code).toBe(0);
    expect(out).toContain('ADT^A31^ADT_A05');
    expect(out).toMatch(/PID-5\.1\s+← Patient\.name\[0\]\.family\s+PID-5\.1 Family Name \(FN\)/);
    expect(out).toContain('# Unmapped FHIR elements');
  });
  it('--format json gives the whole result', () => {
    const { out } = run([join(FIXTURES, 'patient-example.json'), '--format', 'json', '--options', options]);
    const parsed = JSON.parse(out) as { messageType: string; lineage: unknown[] };
    expect(parsed.messageType).toBe('ADT^A28^ADT_A05');
    expect(parsed.lineage.length).toBeGreaterThan(10);
  });
  it('--to picks between the message types a resource can become, as --help lists them', () => {
    expect(run(['--help']).out).toMatch(/ServiceRequest: ORM\^O01 \(default\), OML\^O21/);
    const oml = run([join(FIXTURES, 'service-request-lab.json'), '--to', 'OML^O21', '--options', options]);
    expect(oml.code).toBe(0);
    expect(oml.out.split('\n')[0]).toContain('|OML^O21^OML_O21|');
    expect(run([join(FIXTURES, 'medication-request-metformin.json'), '--to', 'OMP^O09', '--options', options]).out).toContain('|OMP^O09^OMP_O09|');
    expect(run([join(FIXTURES, 'appointment-bundle.json'), '--to', 'SIU^S14', '--options', options]).out).toContain('|SIU^S14^SIU_S12|');
    const wrong = run([join(FIXTURES, 'medication-request-metformin.json'), '--to', 'RDE^O01', '--options', options]);
    expect(wrong.code).toBe(2);
    expect(wrong.out).toContain('use one of RDE^O11, OMP^O09');
  });
  it('exits non-zero when the input cannot be translated', () => {
    const file = join(dir, 'basic.json');
    writeFileSync(file, JSON.stringify({ resourceType: 'Basic' }));
    expect(run([file]).code).toBe(2);
    expect(run([join(FIXTURES, 'patient-example.json'), '--to', 'ORU^R01']).code).toBe(2);
  });
  it('rejects bad usage and bad options files', () => {
    expect(() => run([])).toThrow(UsageError);
    expect(() => run(['x.json', '--format', 'xml'])).toThrow(UsageError);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ processingId: 'Z' }));
    expect(() => run([join(FIXTURES, 'patient-example.json'), '--options', bad])).toThrow(/processingId/);
  });
});

/** Goldens read back by an independent parser (Debian's python3-hl7), key fields compared. */
describe('round trip through python3-hl7', () => {
  const available = spawnSync('/usr/bin/python3', ['-c', 'import hl7'], { stdio: 'ignore' }).status === 0;
  const read = (file: string, fields: string[]): string[] => {
    const script = `
import sys, hl7
text = open(sys.argv[1]).read().replace('\\n', '\\r')
m = hl7.parse(text)
for spec in sys.argv[2:]:
    seg, *nums = spec.split(',')
    print(m.extract_field(seg, *[int(n) for n in nums]))`;
    // extract_field(segment, segment_num, field_num, repeat_num, component_num, subcomponent_num)
    return execFileSync('/usr/bin/python3', ['-c', script, join(GOLDEN, file), ...fields], { encoding: 'utf8' }).replace(/\n$/, '').split('\n');
  };
  it.runIf(available).each([
    ['diagnostic-report-cbc.hl7', ['MSH,1,9,1,1,1', 'MSH,1,9,1,3,1', 'PID,1,3,1,4,2', 'OBR,1,4,1,1,1', 'OBX,1,5,1,1,1', 'OBX,2,4,1,1,1', 'OBX,3,6,1,1,1', 'NTE,1,3,1,1,1'],
      ['ORU', 'ORU_R01', '2.16.840.1.113883.3.72.5.30.2', '58410-2', '11.9', '2', 'mm[Hg]', 'Mild anaemia.\rRepeat in 3 months.']], // python3-hl7 decodes \.br\ as a line break
    ['observation-glucose.hl7', ['PID,1,3,1,1,1', 'PID,1,5,1,1,1', 'OBX,1,14,1,1,1'], ['MRN|123', "O'Brien^Smith", '20240301101500-0500']],
    ['patient-a28.hl7', ['PID,1,5,3,1,1', 'PID,1,5,3,7,1', 'PID,1,11,1,3,1', 'PID,1,14,1,2,1', 'PV1,1,2,1,1,1'], ['Windsor', 'M', 'PleasantVille', 'WPN', 'N']],
    ['encounter-a01.hl7', ['EVN,1,1,1,1,1', 'PV1,1,7,1,2,1', 'PV1,1,19,1,1,1', 'PV2,1,3,1,3,1'], ['A01', 'Careful', 'V100', 'SCT']],
    ['appointment-s12.hl7', ['MSH,1,9,1,2,1', 'MSH,1,9,1,3,1', 'SCH,1,1,1,1,1', 'SCH,1,11,1,4,1', 'SCH,1,16,1,2,1', 'SCH,1,25,1,1,1', 'PID,1,3,1,1,1', 'AIS,1,3,1,2,1', 'AIL,1,3,1,9,1', 'AIP,1,3,1,1,1'],
      ['S12', 'SIU_S12', 'APT-20131210-1', '20131210090000+0000', 'Careful', 'Booked', '12345', 'General Discussion', 'South Wing, second floor', '1234567893']],
    ['document-reference-t02.hl7', ['MSH,1,9,1,2,1', 'EVN,1,6,1,1,1', 'PV1,1,19,1,1,1', 'TXA,1,2,1,1,1', 'TXA,1,12,1,1,1', 'TXA,1,17,1,1,1', 'OBX,1,2,1,1,1', 'OBX,1,3,1,1,1'],
      ['T02', '20240228164200-0500', 'V20240228-17', 'PR', 'DOC-88213', 'LA', 'FT', '11506-3']],
    ['immunization-v04.hl7', ['MSH,1,9,1,3,1', 'ORC,1,3,1,1,1', 'RXA,1,3,1,1,1', 'RXA,1,5,1,1,1', 'RXA,1,5,1,6,1', 'RXA,1,6,1,1,1', 'RXA,1,11,1,4,1', 'RXA,1,17,1,1,1', 'RXA,1,20,1,1,1', 'RXR,1,1,1,1,1', 'RXR,1,2,1,1,1', 'OBX,3,5,1,1,1'],
      ['VXU_V04', 'IZ-2024-0042', '20240227103000-0500', '150', 'NDC', '0.5', 'RFC01', 'PMC', 'CP', 'IM', 'LD', '20230806']],
    ['service-request-orm-o01.hl7', ['MSH,1,9,1,3,1', 'ORC,1,1,1,1,1', 'ORC,1,2,1,1,1', 'ORC,1,7,1,4,1', 'OBR,1,4,1,1,1', 'OBR,1,31,1,3,1', 'NTE,1,3,1,1,1'],
      ['ORM_O01', 'NW', 'ORD-55012', '20240304080000-0500', '4548-4', 'I10C', 'Fasting not required.']],
    ['service-request-oml-o21.hl7', ['MSH,1,9,1,3,1', 'TQ1,1,7,1,1,1', 'TQ1,1,9,1,1,1', 'OBR,1,16,1,1,1'], ['OML_O21', '20240304080000-0500', 'R', '1932178865']],
    ['medication-request-rde-o11.hl7', ['MSH,1,9,1,3,1', 'RXE,1,2,1,1,1', 'RXE,1,3,1,1,1', 'RXE,1,5,1,1,1', 'RXE,1,10,1,1,1', 'RXE,1,12,1,1,1', 'TQ1,1,2,1,2,2', 'TQ1,1,3,1,1,1', 'TQ1,1,4,2,1,1', 'RXR,1,1,1,1,1'],
      ['RDE_O11', '861007', '1', 'TAB', '180', '3', 'tablet', 'BID', '180000', 'PO']],
    ['medication-request-omp-o09.hl7', ['MSH,1,9,1,3,1', 'RXO,1,1,1,3,1', 'RXO,1,9,1,1,1', 'RXO,1,14,1,2,1'], ['OMP_O09', 'RXNORM', 'G', 'Lindqvist']],
    ['charge-item-p03.hl7', ['MSH,1,9,1,3,1', 'EVN,1,1,1,1,1', 'FT1,1,4,1,1,1', 'FT1,1,6,1,1,1', 'FT1,1,7,1,1,1', 'FT1,1,11,1,1,1', 'FT1,1,11,1,1,2', 'FT1,1,13,1,2,1', 'FT1,1,25,1,3,1', 'PV1,1,19,1,1,1'],
      ['DFT_P03', 'P03', '20240228160000-0500', 'CG', '99214', '165', 'USD', 'Internal Medicine', 'C4', 'V20240228-17']],
    ['allergy-intolerance-a60.hl7', ['MSH,1,9,1,2,1', 'MSH,1,9,1,3,1', 'IAM,1,2,1,1,1', 'IAM,1,3,1,1,1', 'IAM,1,4,1,1,1', 'IAM,1,5,2,1,1', 'IAM,1,6,1,1,1', 'IAM,1,7,1,1,1', 'IAM,1,17,1,1,1'],
      ['A60', 'ADT_A60', 'FA', '227493005', 'SV', '64305001', 'A', '49476534', 'C']],
    ['appointment-s15.hl7', ['MSH,1,9,1,2,1', 'SCH,1,6,1,1,1', 'SCH,1,25,1,1,1'], ['S15', 'pat-cpp', 'Cancelled']],
  ])('%s', (file, fields, expected) => {
    expect(read(file, fields)).toEqual(expected);
  });
  it('python3-hl7 is installed (it is in .ci/run)', () => {
    expect(available).toBe(true);
  });
});
