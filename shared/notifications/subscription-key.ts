/**
 * Which subscription a notification's `subscription.reference` names. Servers send it relative
 * (`Subscription/1`) or absolute (`https://ehr.example/fhir/Subscription/1`), sometimes both for
 * the same subscription, and ids like `1` repeat across servers. So an absolute reference keeps
 * its server base (two servers' `Subscription/1` are two subscriptions), and a relative one is only
 * `Subscription/<id>`: whether it belongs to an absolute one, or stays on its own scoped by its
 * endpoint (`scopedKey`), is decided against what is stored (see
 * electron/core/store/subscription-key-resolver.ts).
 */
export interface SubscriptionKey {
  /** `<base>/Subscription/<id>` for an absolute reference, `Subscription/<id>` for a relative one, else the reference trimmed. */
  key: string;
  /** The logical id, null when the reference does not name a Subscription. */
  id: string | null;
  absolute: boolean;
}

const SUBSCRIPTION = /^(.*?)\/?(?:^|\/)Subscription\/([^/?#]+)(?:\/_history\/[^/?#]*)?\/?$/;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443' };

/** `scheme://host:port/path` with what URLs compare case-insensitively lowercased, no default port, no trailing slash. */
function normalBase(base: string): string {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/i.exec(base);
  if (!match) return base.replace(/\/+$/, '');
  const [, scheme = '', authority = '', path = ''] = match;
  const lower = scheme.toLowerCase();
  const host = authority.toLowerCase().replace(/:(\d+)$/, (port, number: string) => (DEFAULT_PORTS[lower] === number ? '' : port));
  return `${lower}://${host}${path.replace(/\/+$/, '')}`;
}

export function subscriptionKey(reference: string): SubscriptionKey {
  const trimmed = reference.trim();
  const match = SUBSCRIPTION.exec(trimmed);
  if (!match) return { key: trimmed, id: null, absolute: SCHEME.test(trimmed) };
  const [, prefix = '', id = ''] = match;
  if (!SCHEME.test(prefix)) return { key: `Subscription/${id}`, id, absolute: false };
  return { key: `${normalBase(prefix)}/Subscription/${id}`, id, absolute: true };
}

/**
 * Where the state of a reference without a server lives: its key scoped by the endpoint it
 * arrived at (`endpoint/2/Subscription/1`). Ids repeat across servers, and a server posts all of a
 * subscription's notifications to one endpoint, so the endpoint stands in for the server: two
 * endpoints' `Subscription/1` are two subscriptions.
 */
export const scopedKey = (endpointId: number | null, key: string): string => `endpoint/${endpointId ?? 'none'}/${key}`;

const SCOPED = /^endpoint\/(?:\d+|none)\/(.+)$/s;

/** A state's key as people read it: the reference without the endpoint scope `scopedKey` adds. */
export function unscopedKey(key: string): string {
  return SCOPED.exec(key)?.[1] ?? key;
}
