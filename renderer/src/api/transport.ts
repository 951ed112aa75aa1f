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
  let response: Response;
  try {
    response = await fetch(`api/${encodeURIComponent(name)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'unavailable', message: 'The Switchboard core is not reachable. Is `switchboard serve` still running?' } };
  }
  try {
    return (await response.json()) as CommandResult<unknown>;
  } catch {
    return { ok: false, error: { code: 'internal', message: `The core answered ${response.status} without a result.` } };
  }
}
