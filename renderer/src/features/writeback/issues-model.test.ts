import { describe, expect, it } from 'vitest';
import { sameIssues, type ShownIssue } from './issues-model';

describe('sameIssues', () => {
  const issue: ShownIssue = { key: 't0', severity: 'error', source: 'mapping', message: 'No value', location: 'OBX-5', range: { start: 10, end: 20 } };

  it('is true for equal rows in new objects (a keystroke that changed no issue)', () => {
    expect(sameIssues([issue], [{ ...issue, range: { start: 10, end: 20 } }])).toBe(true);
  });

  it('is false when a row moved, changed or went away', () => {
    expect(sameIssues([issue], [{ ...issue, range: { start: 11, end: 21 } }])).toBe(false);
    expect(sameIssues([issue], [{ ...issue, message: 'Other' }])).toBe(false);
    expect(sameIssues([issue], [])).toBe(false);
  });
});
