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
  constructor(private readonly settings: Pick<SettingsStore, 'get' | 'set'>) {}

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
    // Whatever is not a count (an older or hand-edited value) is dropped rather than trusted.
    return Object.fromEntries(Object.entries(stored).filter((e): e is [string, number] => Number.isSafeInteger(e[1]) && (e[1] as number) >= 0));
  }

  private write(numbers: Numbers): void {
    const entries = Object.entries(numbers);
    // Insertion order is use order (take re-inserts): the oldest targets are at the front.
    this.settings.set(KEY, Object.fromEntries(entries.slice(Math.max(0, entries.length - MAX_TARGETS))));
  }
}

function keyOf(url: string, subscription: string): string {
  let target = url;
  try {
    target = new URL(url).href;
  } catch {
    // Not a URL (the contract makes sure it is): counted under the text as given.
  }
  return `${subscription} ${target}`;
}
