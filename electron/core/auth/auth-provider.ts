/**
 * Adds a connection's credentials to requests. Token-based modes can be told that a token was
 * refused (a 401), after which the next call fetches a new one.
 */
export interface AuthProvider {
  /** Headers carrying the credential, fetching a token first when needed. */
  headers(signal?: AbortSignal): Promise<Record<string, string>>;
  /** Forget a cached token after the server refused it; true when retrying can help. */
  invalidate(): boolean;
  /** Header names whose values are credentials, for the request log. */
  readonly secretHeaderNames: readonly string[];
}

export const noAuth: AuthProvider = {
  headers: async () => ({}),
  invalidate: () => false,
  secretHeaderNames: [],
};

export function basicCredentials(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}
