/**
 * Whether a link a server handed back (Bundle.link) may be fetched with the connection's
 * credentials: only under the connection's own origin, so a hostile or misconfigured server
 * cannot make us send our token elsewhere.
 */
export function isUnderBase(baseUrl: string, link: string): boolean {
  try {
    const base = new URL(baseUrl);
    const target = new URL(link, base);
    return target.origin === base.origin;
  } catch {
    return false;
  }
}
