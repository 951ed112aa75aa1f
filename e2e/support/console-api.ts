import type { Page } from '@playwright/test';

/** Calls a contract command from the page, with the page's own access cookie, as the UI does. */
export async function callCommand<T>(page: Page, command: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ({ command, input }) => {
      const r = await fetch(`api/${command}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
      const body = (await r.json()) as { ok: boolean; value: unknown; error?: { message: string } };
      if (!body.ok) throw new Error(`${command}: ${body.error?.message ?? r.status}`);
      return body.value;
    },
    { command, input },
  ) as Promise<T>;
}
