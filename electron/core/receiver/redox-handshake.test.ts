import { describe, expect, it } from 'vitest';
import { challengeReply, redoxHandshakeFromBody, redoxHandshakeFromQuery, storedHandshakeBody } from './redox-handshake';

describe('Redox destination verification', () => {
  it('reads the POST body form', () => {
    expect(redoxHandshakeFromBody({ 'verification-token': 'tok', challenge: 'c-1' })).toEqual({ token: 'tok', challenge: 'c-1' });
  });

  it('does not take an ordinary notification for a handshake', () => {
    expect(redoxHandshakeFromBody({ resourceType: 'Bundle', challenge: 'x' })).toBeNull();
    expect(redoxHandshakeFromBody({ 'verification-token': 'tok', challenge: '' })).toBeNull();
    expect(redoxHandshakeFromBody({ 'verification-token': 1, challenge: 'c' })).toBeNull();
    expect(redoxHandshakeFromBody([{ 'verification-token': 'tok', challenge: 'c' }])).toBeNull();
    expect(redoxHandshakeFromBody('challenge')).toBeNull();
  });

  it('reads the GET query form', () => {
    expect(redoxHandshakeFromQuery(new URLSearchParams('challenge=c-2&verification-token=tok'))).toEqual({ token: 'tok', challenge: 'c-2' });
    expect(redoxHandshakeFromQuery(new URLSearchParams('challenge=c-2'))).toEqual({ token: '', challenge: 'c-2' });
    expect(redoxHandshakeFromQuery(new URLSearchParams('verification-token=tok'))).toBeNull();
  });

  it('answers in JSON or as the bare challenge', () => {
    expect(challengeReply('c-3', 'json')).toEqual({ contentType: 'application/json', body: '{"challenge":"c-3"}' });
    expect(challengeReply('c-3', 'raw')).toEqual({ contentType: 'text/plain; charset=utf-8', body: 'c-3' });
  });

  it('never keeps the token in what is stored', () => {
    const stored = storedHandshakeBody({ token: 'super-secret-token', challenge: 'c-4' });
    expect(stored).not.toContain('super-secret-token');
    expect(JSON.parse(stored)).toEqual({ 'verification-token': '[redacted]', challenge: 'c-4' });
  });
});
