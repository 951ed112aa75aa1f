import type { SettingsStore } from '../settings/settings-store';

const KEY = 'notifications.testEventNumbers';
/** Targets remembered at most (the least recently used go first). */
const MAX_TARGETS = 200;

type Numbers = Record<string, number>;

/**
 * The event numbers of test notifications in the Subscriptions forms, per target URL and test
 * Subscription: a receiver tracks `eventsSinceSubscriptionStart` per subscription, so every send
 * numbered 1 would look like a repeated event. Kept in Settings, so a restart does not start
 * again at 1 against a receiver that remembers.
 */
export class TestEventCounter {
  constructor(private readonly settings: Pick<SettingsStore, 'get' | 'set'>) {
    // An older build keyed by the whole URL (credentials, `?token=` and all): re-keyed once, here,
    // so those secrets leave Settings at start rather than at the next send, and read() finds only
    // this build's keys.
    const stored = this.settings.get<unknown>(KEY);
    if (typeof stored !== 'object' || stored === null) return;
    const numbers: Numbers = {};
    for (const [key, value] of Object.entries(stored)) {
      if (!isCount(value)) continue;
      // Two keys that become one keep the higher count, so no number is sent twice.
      const space = key.indexOf(' ');
      const normal = space < 0 ? key : keyOf(key.slice(space + 1), key.slice(0, space));
      numbers[normal] = Math.max(numbers[normal] ?? 0, value);
    }
    if (JSON.stringify(Object.keys(stored)) !== JSON.stringify(Object.keys(numbers))) this.write(numbers);
  }

  /** The number the next send would carry (for a preview: nothing is used up). */
  peek(url: string, subscription: string): number {
    return (this.read()[keyOf(url, subscription)] ?? 0) + 1;
  }

  /** Uses up the next number and returns it. */
  take(url: string, subscription: string): number {
    const numbers = this.read();
    const key = keyOf(url, subscription);
    const next = (numbers[key] ?? 0) + 1;
    delete numbers[key];
    numbers[key] = next;
    this.write(numbers);
    return next;
  }

  /** The send never reached the target: its number is given back, unless a later send used the next one. */
  release(url: string, subscription: string, taken: number): void {
    const numbers = this.read();
    const key = keyOf(url, subscription);
    if (numbers[key] !== taken) return;
    numbers[key] = taken - 1;
    this.write(numbers);
  }

  private read(): Numbers {
    const stored = this.settings.get<unknown>(KEY);
    if (typeof stored !== 'object' || stored === null) return {};
    const numbers: Numbers = {};
    for (const [key, value] of Object.entries(stored)) if (isCount(value)) numbers[key] = value;
    return numbers;
  }

  private write(numbers: Numbers): void {
    const entries = Object.entries(numbers);
    // Insertion order is use order (take re-inserts): the oldest targets are at the front.
    this.settings.set(KEY, Object.fromEntries(entries.slice(Math.max(0, entries.length - MAX_TARGETS))));
  }
}

/** Whatever is not a count (an older or hand-edited value) is dropped rather than trusted. */
function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/**
 * The target is what names the receiver: scheme, host, port and path. Settings are plain text, so
 * what may hold a secret (`user:password@`, a query such as `?token=`, a fragment) is left out.
 */
function keyOf(url: string, subscription: string): string {
  let target: string;
  try {
    const parsed = new URL(url);
    target = `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    // Not a URL (the contract makes sure it is): one shared count, rather than keep text that may hold a secret.
    target = 'invalid-url';
  }
  return `${subscription} ${target}`;
}
