import { describe, expect, it } from 'vitest';
import type { NotificationDetail } from '../../../../shared/contract';
import { curlForNotification, receivedAtUrl } from './curl-for-notification';

const detail = (over: Partial<NotificationDetail>): NotificationDetail =>
  ({
    id: 7,
    endpointId: 2,
    endpointPath: '/ehr',
    headers: [
      ['Host', '127.0.0.1:8787'],
      ['Content-Type', 'application/fhir+json'],
      ['verification-token', '[redacted]'],
      ['X-Note', "it's here"],
    ],
    body: '{"a":"it\'s"}',
    bodyEncoding: 'utf8',
    ...over,
  }) as NotificationDetail;

describe('curlForNotification', () => {
  it('quotes headers and a text body for a POSIX shell, and leaves placeholders for credentials', () => {
    const command = curlForNotification(detail({}), 'http://127.0.0.1:8787/ehr');
    expect(command).toBe(
      [
        "curl -X POST 'http://127.0.0.1:8787/ehr'",
        "-H 'Content-Type: application/fhir+json'",
        "-H 'verification-token: <verification-token was not stored: fill in>'",
        `-H 'X-Note: it'\\''s here'`,
        `--data-binary '{"a":"it'\\''s"}'`,
      ].join(' \\\n  '),
    );
  });

  it('sends a body that is not UTF-8 byte for byte, decoded from its base64', () => {
    const command = curlForNotification(detail({ body: '/w==', bodyEncoding: 'base64', headers: [] }), 'http://h/x');
    expect(command).toBe("printf %s '/w==' | base64 -d | curl -X POST 'http://h/x' \\\n  --data-binary @-");
  });
});

describe('receivedAtUrl', () => {
  const endpoints = [
    { id: 1, url: 'http://127.0.0.1:9000/webhook', isDefault: true },
    { id: 2, url: 'http://127.0.0.1:9000/ehr', isDefault: false },
  ];
  it('is the endpoint the notification arrived on', () => {
    expect(receivedAtUrl({ endpointId: 2, endpointPath: '/ehr' }, endpoints)).toBe('http://127.0.0.1:9000/ehr');
  });
  it('keeps the path it arrived on when that endpoint is gone', () => {
    expect(receivedAtUrl({ endpointId: 9, endpointPath: '/old' }, endpoints)).toBe('http://127.0.0.1:9000/old');
  });
});
