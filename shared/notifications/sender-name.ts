/**
 * A readable name for whoever sent a request, when the body does not say: Redox sends
 * `application-name`; most HTTP clients send a user agent; failing both, the peer address.
 */
export function senderName(
  headers: ReadonlyArray<readonly [string, string]>,
  remoteAddress: string | null,
): string | null {
  const find = (name: string) =>
    headers.find(([key]) => key.toLowerCase() === name)?.[1]?.trim() || null;
  return find('application-name') ?? find('user-agent') ?? remoteAddress;
}
