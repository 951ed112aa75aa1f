import { describe, expect, it } from 'vitest';
import { parseSearchPage, readSearchPage } from './search-page';

describe('readSearchPage', () => {
  const bundle = {
    resourceType: 'Bundle',
    type: 'searchset',
    total: 42,
    link: [
      { relation: 'self', url: 'https://fhir.example/Observation?patient=1' },
      { relation: 'next', url: 'https://fhir.example/Observation?patient=1&_offset=20' },
      { relation: 'prev', url: 'https://fhir.example/Observation?patient=1&_offset=0' },
    ],
    entry: [
      { fullUrl: 'https://fhir.example/Observation/o1', resource: { resourceType: 'Observation', id: 'o1' }, search: { mode: 'match' } },
      { fullUrl: 'https://fhir.example/Patient/1', resource: { resourceType: 'Patient', id: '1' }, search: { mode: 'include' } },
      {
        resource: {
          resourceType: 'OperationOutcome',
          issue: [{ severity: 'warning', code: 'processing', diagnostics: 'The EHR timed out for 2 results' }],
        },
        search: { mode: 'outcome' },
      },
    ],
  };

  it('reads entries with their search mode, links and total', () => {
    const page = readSearchPage(bundle);
    expect(page.total).toBe(42);
    expect(page.entries.map((e) => [e.resourceType, e.id, e.searchMode])).toEqual([
      ['Observation', 'o1', 'match'],
      ['Patient', '1', 'include'],
      ['OperationOutcome', null, 'outcome'],
    ]);
    expect(page.links.next).toMatch(/_offset=20/);
    expect(page.links.previous).toMatch(/_offset=0/);
  });

  it('surfaces issues reported inside a successful Bundle', () => {
    expect(readSearchPage(bundle).issues).toEqual([
      { severity: 'warning', code: 'processing', text: 'The EHR timed out for 2 results', expression: [], source: 'entry' },
    ]);
  });

  it("surfaces Redox's issues[] on a 200", () => {
    const page = readSearchPage({ resourceType: 'Bundle', type: 'searchset', issues: [{ severity: 'error', text: 'Destination unavailable' }] });
    expect(page.issues[0]).toMatchObject({ severity: 'error', text: 'Destination unavailable', source: 'response' });
  });

  it('reads an OperationOutcome error response', () => {
    const page = readSearchPage({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'not-supported', details: { text: 'Unknown parameter foo' }, expression: ['foo'] }],
    });
    expect(page.entries).toEqual([]);
    expect(page.issues[0]).toMatchObject({ text: 'Unknown parameter foo', expression: ['foo'] });
  });

  it('explains a body that is not JSON', () => {
    expect(parseSearchPage('<html>Bad gateway</html>').error).toMatch(/not JSON/);
  });
});
