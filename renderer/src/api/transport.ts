import type { CommandResult, SwitchboardBridge } from '../../../shared/contract';

declare global {
  interface Window {
    /** Present only inside the desktop app, put there by the preload. */
    switchboard?: SwitchboardBridge;
  }
}

export const bridge = (): SwitchboardBridge | undefined => window.switchboard;

/** Sends one command over whichever transport this page has: the preload bridge, or HTTP to `switchboard serve`. */
export async function send(name: string, input: unknown): Promise<CommandResult<unknown>> {
  const b = bridge();
  if (b) {
    const fn = (b.commands as Record<string, (input: unknown) => Promise<CommandResult<unknown>>>)[name];
    if (!fn) return { ok: false, error: { code: 'not-found', message: `Unknown command ${name}.` } };
    return fn(input);
  }
  return postJson(`api/${encodeURIComponent(name)}`, input ?? {});
}

/** POSTs JSON to the headless host (same origin, its access cookie) and reads its `CommandResult` answer. */
export async function postJson<T = unknown>(path: string, body: unknown): Promise<CommandResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, error: { code: 'unavailable', message: 'The Switchboard core is not reachable. Is `switchboard serve` still running?' } };
  }
  try {
    return (await response.json()) as CommandResult<T>;
  } catch {
    return { ok: false, error: { code: 'internal', message: `The core answered ${response.status} without a result.` } };
  }
}
