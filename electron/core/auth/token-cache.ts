export interface IssuedToken {
  accessToken: string;
  /** Seconds the server said the token lives; null when it did not say. */
  expiresIn: number | null;
}

/** When the server does not say, assume SMART's recommended upper bound (5 minutes). */
const DEFAULT_LIFETIME_S = 300;
/** Refresh this long before expiry, or at a tenth of the lifetime for very short tokens. */
const REFRESH_MARGIN_MS = 30_000;

/**
 * Holds one access token until shortly before it expires, so a request never leaves with a token
 * about to lapse in flight. Callers that arrive while a token is being fetched share that fetch.
 */
export class TokenCache {
  private token: { value: string; refreshAt: number } | null = null;
  private inFlight: Promise<string> | null = null;

  constructor(
    private readonly fetchToken: (signal?: AbortSignal) => Promise<IssuedToken>,
    private readonly now: () => number,
  ) {}

  async get(signal?: AbortSignal): Promise<string> {
    if (this.token && this.now() < this.token.refreshAt) return this.token.value;
    this.inFlight ??= this.fetchToken(signal)
      .then((issued) => {
        const lifetimeMs = (issued.expiresIn ?? DEFAULT_LIFETIME_S) * 1000;
        const margin = Math.min(REFRESH_MARGIN_MS, lifetimeMs / 10);
        this.token = { value: issued.accessToken, refreshAt: this.now() + lifetimeMs - margin };
        return issued.accessToken;
      })
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  invalidate(): void {
    this.token = null;
  }
}
