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
  ])('%s', (file, fields, expected) => {
    expect(read(file, fields)).toEqual(expected);
  });
  it('python3-hl7 is installed (it is in .ci/run)', () => {
    expect(available).toBe(true);
  });
});
