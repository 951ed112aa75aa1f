import { describe, expect, it } from 'vitest';
import { changedFields, diffEr7, withoutVolatile } from './er7-diff';

describe('ER7 diff', () => {
  const before = 'MSH|^~\\&|SB|CLINIC|EHR|HOSP|20240301120000||ORU^R01^ORU_R01|SB1|T|2.5.1\rPID|1||123^^^HOSP^MR||Chalmers^Peter\rOBX|1|NM|2345-7^Glucose^LN||5.4|mmol/L\r';
  const after = 'MSH|^~\\&|SB|CLINIC|EHR|HOSP|20240301120500||ORU^R01^ORU_R01|SB2|T|2.5.1\rPID|1||123^^^HOSP^MR||Chalmers^Pete\rOBX|1|NM|2345-7^Glucose^LN||5.9|mmol/L\rNTE|1||fasting\r';

  it('pairs changed segments and names their fields', () => {
    const rows = diffEr7(before, after);
    expect(rows.map((r) => r.kind)).toEqual(['changed', 'changed', 'changed', 'added']);
    expect(rows[0]).toMatchObject({ fields: [7, 10] });
    expect(rows[1]).toMatchObject({ fields: [5] });
    expect(rows[2]).toMatchObject({ fields: [5] });
  });

  it('ignores MSH-7 and MSH-10 when asked', () => {
    const rows = diffEr7(withoutVolatile(before), withoutVolatile(after));
    expect(rows[0]?.kind).toBe('same');
  });

  it('keeps unchanged segments as they are, and removed ones', () => {
    const rows = diffEr7('A01|x\rB01|y\rC01|z', 'A01|x\rC01|z');
    expect(rows).toEqual([
      { kind: 'same', text: 'A01|x' },
      { kind: 'removed', text: 'B01|y' },
      { kind: 'same', text: 'C01|z' },
    ]);
  });

  it('counts MSH fields from the field separator', () => {
    expect(changedFields('MSH|^~\\&|A|B', 'MSH|^~\\&|A|C')).toEqual([4]);
    expect(changedFields('PID|1||x', 'PID|1||y')).toEqual([3]);
  });
});
