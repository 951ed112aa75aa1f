import { isObject } from '../../../shared/notifications/json';

/**
 * Redox destination verification (reference A4): on "Verify and Save" Redox sends the token you
 * chose and a challenge, as a POST JSON body `{"verification-token": …, "challenge": …}` or as
 * the query of a GET; the destination checks the token and answers 2xx with the challenge.
 */
export interface RedoxHandshake {
  token: string;
  challenge: string;
}

const TOKEN = 'verification-token';

/** A body is a handshake when it is an object with a string challenge and a string token, nothing else needed. */
export function redoxHandshakeFromBody(json: unknown): RedoxHandshake | null {
  if (!isObject(json)) return null;
  const token = json[TOKEN];
  const challenge = json.challenge;
  if (typeof token !== 'string' || typeof challenge !== 'string' || challenge === '' || challenge.length > 1024) return null;
  return { token, challenge };
}

export function redoxHandshakeFromQuery(query: URLSearchParams): RedoxHandshake | null {
  const challenge = query.get('challenge');
  const token = query.get(TOKEN);
  if (challenge === null || challenge === '' || challenge.length > 1024) return null;
  return { token: token ?? '', challenge };
}

/** Current docs: JSON `{"challenge": …}`; older docs: the bare challenge. Configurable per endpoint. */
export function challengeReply(challenge: string, form: 'json' | 'raw'): { contentType: string; body: string } {
  return form === 'json'
    ? { contentType: 'application/json', body: JSON.stringify({ challenge }) }
    : { contentType: 'text/plain; charset=utf-8', body: challenge };
}

/** What is stored for a handshake: the challenge, with the token redacted (it is a secret). */
export function storedHandshakeBody(handshake: RedoxHandshake): string {
  return JSON.stringify({ [TOKEN]: '[redacted]', challenge: handshake.challenge });
}
