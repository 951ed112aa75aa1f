import { describe, expect, it } from 'vitest';
import type { SearchEntry } from '../../../shared/fhir/search-page';
import { ColumnEvaluator } from './column-evaluator';
import { curlCommand } from './curl-command';
import { csvField, toCsv, toNdjson, toSearchsetBundle } from './exporters';

const entries: SearchEntry[] = [
  {
    fullUrl: 'https://x/Patient/1',
    resource: { resourceType: 'Patient', id: '1', name: [{ family: 'O"Brien, Jr', given: ['Pat'] }], birthDate: '1970-01-02' },
    resourceType: 'Patient',
    id: '1',
    searchMode: 'match',
  },
  { fullUrl: null, resource: { resourceType: 'Organization', id: 'o', name: 'Line\nbreak' }, resourceType: 'Organization', id: 'o', searchMode: 'include' },
];

describe('exports', () => {
  it('writes CSV with the chosen FHIRPath columns, quoting what needs it', () => {
    const csv = toCsv(entries, [{ label: 'Name', expression: 'name.first()' }, { label: 'Org name', expression: 'name' }], new ColumnEvaluator());
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('resourceType,id,fullUrl,search.mode,Name,Org name');
    // `name` on a Patient is its HumanName list: the same expression works across types.
    expect(lines[1]).toBe('Patient,1,https://x/Patient/1,match,"Pat O""Brien, Jr","Pat O""Brien, Jr"');
    expect(lines[2]).toBe('Organization,o,,include,"Line\nbreak","Line\nbreak"');
    expect(csvField('plain')).toBe('plain');
  });

  it('writes NDJSON, one resource per line', () => {
    const lines = toNdjson(entries).trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['1', 'o']);
  });

  it('writes a searchset Bundle that keeps search modes', () => {
    const bundle = JSON.parse(toSearchsetBundle(entries, 2)) as { total: number; entry: { search?: { mode: string } }[] };
    expect(bundle.total).toBe(2);
    expect(bundle.entry.map((e) => e.search?.mode)).toEqual(['match', 'include']);
  });
});

describe('curlCommand', () => {
  it('quotes everything a shell could misread', () => {
    const command = curlCommand({
      method: 'POST',
      url: 'https://fhir.example/Patient/_search',
      headers: [['Content-Type', 'application/x-www-form-urlencoded'], ['Authorization', '[redacted]'], ['Content-Length', '9']],
      body: "name=O'Brien",
    });
    expect(command).toBe(
      "curl \\\n  -X POST \\\n  'https://fhir.example/Patient/_search' \\\n  -H 'Content-Type: application/x-www-form-urlencoded' \\\n  -H 'Authorization: [redacted]' \\\n  --data-raw 'name=O'\\''Brien'",
    );
  });
});
