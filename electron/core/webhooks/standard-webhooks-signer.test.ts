import { describe, expect, it } from 'vitest';
import { standardWebhookHeaders, standardWebhookSignature } from './standard-webhooks-signer';

describe('Standard Webhooks signing', () => {
  // The example from the Standard Webhooks specification's reference libraries.
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
  const timestamp = 1614265330;
  const body = new TextEncoder().encode('{"test": 2432232314}');

  it('matches the specification example', () => {
    expect(standardWebhookSignature(secret, id, timestamp, body)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('signs each attempt with its own timestamp', () => {
    const headers = Object.fromEntries(standardWebhookHeaders(secret, body, timestamp * 1000 + 999, id));
    expect(headers).toEqual({
      'webhook-id': id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    });
  });
});
