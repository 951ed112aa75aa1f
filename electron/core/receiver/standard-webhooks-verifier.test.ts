import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkSignedHeaders, hmacKey, type SignedHeaders, verifySignature } from './standard-webhooks-verifier';

// The example of the Standard Webhooks specification's reference libraries.
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const TS = 1614265330;
const BODY = new TextEncoder().encode('{"test": 2432232314}');
const SPEC_SIGNATURE = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';
const OTHER_SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;

const sign = (secret: string, id: string, ts: number, body: Uint8Array) =>
  `v1,${createHmac('sha256', hmacKey(secret)).update(`${id}.${ts}.`).update(body).digest('base64')}`;
const signed = (signatures: string[], id = ID, timestamp = TS): SignedHeaders => ({ id, timestamp, signatures });

describe('Standard Webhooks signature verification', () => {
  it('accepts the specification example', () => {
    expect(verifySignature([hmacKey(SECRET)], signed([SPEC_SIGNATURE]), BODY)).toEqual({
      ok: true,
      detail: 'Standard Webhooks v1 signature matched secret 1 of 1',
    });
  });

  it('accepts any of several signatures (the sender rotating its key)', () => {
    const header = `${sign(OTHER_SECRET, ID, TS, BODY)} ${SPEC_SIGNATURE}`.split(' ');
    expect(verifySignature([hmacKey(SECRET)], signed(header), BODY).ok).toBe(true);
  });

  it('accepts any of several configured secrets (the receiver rotating), and says which matched', () => {
    expect(verifySignature([hmacKey(OTHER_SECRET), hmacKey(SECRET)], signed([SPEC_SIGNATURE]), BODY)).toMatchObject({
      ok: true,
      detail: expect.stringContaining('secret 2 of 2'),
    });
  });

  it('refuses a changed body, id or timestamp, and the wrong secret', () => {
    const key = [hmacKey(SECRET)];
    expect(verifySignature(key, signed([SPEC_SIGNATURE]), new TextEncoder().encode('{"test": 2432232315}')).ok).toBe(false);
    expect(verifySignature(key, signed([SPEC_SIGNATURE], 'msg_other'), BODY).ok).toBe(false);
    expect(verifySignature(key, signed([SPEC_SIGNATURE], ID, TS + 1), BODY).ok).toBe(false);
    expect(verifySignature([hmacKey(OTHER_SECRET)], signed([SPEC_SIGNATURE]), BODY).ok).toBe(false);
  });

  it('ignores other schemes and malformed entries instead of throwing', () => {
    const key = [hmacKey(SECRET)];
    expect(verifySignature(key, signed([SPEC_SIGNATURE.replace('v1,', 'v1a,')]), BODY)).toMatchObject({ ok: false, reason: expect.stringContaining('no v1') });
    expect(verifySignature(key, signed(['v1,short', 'garbage']), BODY).ok).toBe(false);
    expect(verifySignature(key, signed(['v1,short', SPEC_SIGNATURE]), BODY).ok).toBe(true);
    expect(verifySignature([], signed([SPEC_SIGNATURE]), BODY)).toMatchObject({ ok: false });
  });
});

describe('Standard Webhooks headers', () => {
  const headers = (ts: number) => ({ 'webhook-id': ID, 'webhook-timestamp': String(ts), 'webhook-signature': `${SPEC_SIGNATURE} v1,xyz` });
  const now = TS * 1000;

  it('reads id, timestamp and every signature', () => {
    expect(checkSignedHeaders(headers(TS), now)).toEqual({
      ok: true,
      signed: { id: ID, timestamp: TS, signatures: [SPEC_SIGNATURE, 'v1,xyz'] },
    });
  });

  it('allows 5 minutes either way and no more', () => {
    expect(checkSignedHeaders(headers(TS - 300), now).ok).toBe(true);
    expect(checkSignedHeaders(headers(TS + 300), now).ok).toBe(true);
    expect(checkSignedHeaders(headers(TS - 301), now)).toMatchObject({ ok: false, reason: expect.stringContaining('too old') });
    expect(checkSignedHeaders(headers(TS + 301), now)).toMatchObject({ ok: false, reason: expect.stringContaining('future') });
  });

  it('refuses missing headers and a timestamp that is not seconds', () => {
    expect(checkSignedHeaders({ 'webhook-id': ID, 'webhook-timestamp': String(TS) }, now).ok).toBe(false);
    expect(checkSignedHeaders({ ...headers(TS), 'webhook-timestamp': '2021-02-25T15:02:10Z' }, now).ok).toBe(false);
    expect(checkSignedHeaders({ ...headers(TS), 'webhook-timestamp': `${TS}000` }, now).ok).toBe(false);
  });
});
