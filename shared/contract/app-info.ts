import { z } from 'zod';

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  /** Which host runs the core: the desktop app or `switchboard serve`. */
  host: z.enum(['electron', 'headless']),
  dataDir: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;
