import { describe, expect, it } from 'vitest';
import { TestEventCounter } from './test-event-counter';

function memorySettings() {
  const values = new Map<string, string>();
  return {
    get: <T>(key: string): T | undefined => {
      const v = values.get(key);
      return v === undefined ? undefined : (JSON.parse(v) as T);
    },
    set: (key: string, value: unknown) => void values.set(key, JSON.stringify(value)),
  };
}

const SUB = 'https://fhir.example/Subscription/test';

describe('test notification event numbers', () => {
  it('numbers successive sends 1, 2, 3 per target and subscription; a preview uses nothing up', () => {
    const counter = new TestEventCounter(memorySettings());
    expect(counter.peek('http://127.0.0.1:8080/webhook', SUB)).toBe(1);
    expect(counter.take('http://127.0.0.1:8080/webhook', SUB)).toBe(1);
    expect(counter.peek('http://127.0.0.1:8080/webhook', SUB)).toBe(2);
    expect(counter.take('http://127.0.0.1:8080/webhook', SUB)).toBe(2);
    expect(counter.take('http://127.0.0.1:8080/other', SUB)).toBe(1);
    expect(counter.take('http://127.0.0.1:8080/webhook', `${SUB}-2`)).toBe(1);
    // The same URL spelled differently is the same target.
    expect(counter.take('HTTP://127.0.0.1:8080/webhook', SUB)).toBe(3);
  });

  it('gives a number back when the send never arrived, unless a later one already used the next', () => {
    const counter = new TestEventCounter(memorySettings());
    const first = counter.take('http://a/', SUB);
    counter.release('http://a/', SUB, first);
    expect(counter.take('http://a/', SUB)).toBe(1);
    const two = counter.take('http://a/', SUB);
    const three = counter.take('http://a/', SUB);
    counter.release('http://a/', SUB, two);
    expect(three).toBe(3);
    expect(counter.peek('http://a/', SUB)).toBe(4);
  });

  it('survives a restart (kept in Settings) and ignores a stored value that is not a count', () => {
    const settings = memorySettings();
    new TestEventCounter(settings).take('http://a/', SUB);
    expect(new TestEventCounter(settings).take('http://a/', SUB)).toBe(2);
    settings.set('notifications.testEventNumbers', { [`${SUB} http://a/`]: 'seven' });
    expect(new TestEventCounter(settings).take('http://a/', SUB)).toBe(1);
  });

  it('keys a target by scheme, host and path only: credentials, query and fragment never reach Settings', () => {
    const settings = memorySettings();
    const counter = new TestEventCounter(settings);
    expect(counter.take('https://user:s3cret@receiver.example:8443/hook?token=abc123#frag', SUB)).toBe(1);
    // The same receiver with other (or no) credentials and tokens is the same target.
    expect(counter.take('https://receiver.example:8443/hook?token=other', SUB)).toBe(2);
    expect(counter.peek('https://receiver.example:8443/hook', SUB)).toBe(3);
    const stored = JSON.stringify(settings.get('notifications.testEventNumbers'));
    expect(stored).not.toMatch(/s3cret|user|token|abc123|frag/);
    expect(settings.get('notifications.testEventNumbers')).toEqual({ [`${SUB} https://receiver.example:8443/hook`]: 2 });
  });

  it('re-keys what an older build stored under the whole URL as soon as it starts, keeping the higher count', () => {
    const settings = memorySettings();
    settings.set('notifications.testEventNumbers', {
      [`${SUB} https://user:pw@r.example/hook?token=abc`]: 4,
      [`${SUB} https://r.example/hook`]: 2,
    });
    const counter = new TestEventCounter(settings);
    expect(settings.get('notifications.testEventNumbers')).toEqual({ [`${SUB} https://r.example/hook`]: 4 });
    expect(counter.take('https://r.example/hook', SUB)).toBe(5);
  });
});
