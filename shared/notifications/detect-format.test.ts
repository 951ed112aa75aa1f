import { describe, expect, it } from 'vitest';
import { redoxArrivedDetailed, redoxBookedOldStyle } from './__fixtures__/redox';
import { r4BackportEmpty, r4bFullResource, r5IdOnly, r5MessagingWrapper, statusSearchset } from './__fixtures__/subscriptions';
import { formatOf } from './detect-format';

describe('formatOf', () => {
  it.each([
    ['Redox, eventUri', redoxArrivedDetailed, 'redox-message'],
    ['Redox, eventCoding', redoxBookedOldStyle, 'redox-message'],
    ['R4 Backport', r4BackportEmpty, 'subscription-r4-backport'],
    ['R4B', r4bFullResource, 'subscription-r4b'],
    ['R5', r5IdOnly, 'subscription-r5'],
    ['R5 messaging wrapper', r5MessagingWrapper, 'fhir-message'],
    ['$status searchset', statusSearchset, 'bundle'],
    ['plain history', { resourceType: 'Bundle', type: 'history', entry: [{ resource: { resourceType: 'Patient' } }] }, 'bundle'],
    ['transaction', { resourceType: 'Bundle', type: 'transaction' }, 'bundle'],
    ['message without header', { resourceType: 'Bundle', type: 'message', entry: [] }, 'bundle'],
    ['untyped Bundle led by a header', { resourceType: 'Bundle', entry: [{ resource: { resourceType: 'MessageHeader' } }] }, 'fhir-message'],
    ['Redox header by definition only', { resourceType: 'Bundle', type: 'message', entry: [{ resource: { resourceType: 'MessageHeader', definition: 'https://fhir.redoxengine.com/MessageDefinition/XFull' } }] }, 'redox-message'],
    ['Redox event name on another host', { resourceType: 'Bundle', type: 'message', entry: [{ resource: { resourceType: 'MessageHeader', eventUri: 'https://sandbox.example/EventDefinition/ResultCreated' } }] }, 'redox-message'],
    ['resource', { resourceType: 'OperationOutcome' }, 'resource'],
    ['not FHIR', { challenge: 'abc', 'verification-token': 'x' }, 'not-fhir'],
  ])('%s', (_, body, format) => {
    expect(formatOf(body)).toBe(format);
  });
});
