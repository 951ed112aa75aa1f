import { describe, expect, it } from 'vitest';
import { parseEr7 } from '../parse';
import { validateMessage } from './validate-message';

const MSH = 'MSH|^~\\&|SB|SB|EHR|H|20240301120000-0500||ORU^R01^ORU_R01|C1|P|2.5.1\r';
const codes = (text: string) => validateMessage(parseEr7(text)).map((i) => `${i.code} ${i.location ?? ''}`);

describe('validateMessage', () => {
  it('accepts a minimal valid ORU', () => {
    const issues = validateMessage(parseEr7(`${MSH}PID|1||123^^^H^MR||Doe^J\rOBR|1|||1^T^L\rOBX|1|NM|2^G^LN||5.4||||||F\r`));
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
  it('reports a missing required segment and a segment out of place', () => {
    expect(codes(`${MSH}PID|1||123||Doe\rOBX|1|NM|2^G^LN||5||||||F\r`)).toEqual(
      expect.arrayContaining(['segment-missing OBR', 'segment-unexpected OBX']),
    );
  });
  it('reports empty required fields, bad data types and values outside HL7 tables, located', () => {
    const issues = validateMessage(parseEr7(`${MSH}PID|1||123||Doe\rOBR|1|||1^T^L\rOBX|1|NM|2^G^LN||high||||||Q|||2024-03-01\r`));
    const found = issues.map((i) => `${i.code} ${i.location}`);
    expect(found).toEqual(expect.arrayContaining(['data-type OBX-5', 'table-value OBX-11', 'data-type OBX-14.1']));
    const bad = issues.find((i) => i.code === 'data-type' && i.location === 'OBX-5');
    expect(bad?.start).toBeGreaterThan(0);
  });
  it('reports a required field left empty', () => {
    expect(codes(`${MSH}PID|1||||Doe\rOBR|1\rOBX|1|NM|2^G^LN||5||||||F\r`)).toEqual(
      expect.arrayContaining(['required-field-missing PID-3', 'required-field-missing OBR-4']),
    );
  });
  it('warns about values longer than 2.5.1 allows', () => {
    const long = 'X'.repeat(30);
    expect(codes(`MSH|^~\\&|SB|SB|||2024||ORU^R01^ORU_R01|${long}|P|2.5.1\rPID|1||1||D\rOBR|1|||1\r`)).toContain('value-too-long MSH-10');
  });
  it('checks the code of a coded field that names its HL7 table as the coding system', () => {
    const adt = 'MSH|^~\\&|SB|SB|||2024||ADT^A60^ADT_A60|C1|P|2.5.1\rEVN||2024\rPID|1||1||D\r';
    expect(codes(`${adt}IAM|1|FA^Food^HL70127|1^Nuts^SCT|||A^Add^HL70323\r`).filter((c) => c.startsWith('table-value'))).toEqual([]);
    expect(codes(`${adt}IAM|1|FA^Food^HL70127|1^Nuts^SCT|||Q^Quit^HL70323\r`)).toContain('table-value IAM-6.1');
    expect(codes(`${adt}IAM|1|FA^Food^HL70127|1^Nuts^SCT|||Q^Quit^L\r`).filter((c) => c.startsWith('table-value'))).toEqual([]);
  });
});
