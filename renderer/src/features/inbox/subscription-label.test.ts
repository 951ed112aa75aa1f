import { describe, expect, it } from 'vitest';
import { endpointNote, filterLabel } from './subscription-label';

const endpoints = [
  { id: 1, name: 'Default' },
  { id: 2, name: 'EHR B' },
];
const relative = { key: 'endpoint/2/Subscription/1', reference: 'Subscription/1', endpointId: 2 };
const absolute = { key: 'https://ehr.example/fhir/Subscription/1', reference: 'https://ehr.example/fhir/Subscription/1', endpointId: 1 };

describe('subscription labels', () => {
  it("names the endpoint of a subscription tracked per endpoint, never the internal key", () => {
    expect(endpointNote(relative, endpoints)).toBe('at EHR B');
    expect(endpointNote({ ...relative, endpointId: 9 }, endpoints)).toBe('at endpoint 9');
    expect(endpointNote(absolute, endpoints)).toBeNull();
  });

  it('reads the inbox filter as the subscription it names, else as typed', () => {
    expect(filterLabel(relative.key, [relative, absolute], endpoints)).toBe('Subscription/1 at EHR B');
    expect(filterLabel(absolute.key, [relative, absolute], endpoints)).toBe(absolute.reference);
    expect(filterLabel('Subscription/7', [], endpoints)).toBe('Subscription/7');
    // A key from an address, of a subscription not listed (yet): still without its scope.
    expect(filterLabel('endpoint/3/Subscription/1', [], endpoints)).toBe('Subscription/1');
  });
});
