import { join } from 'node:path';
import { buildNodeScript } from './build-node-script';

/** receiver-process.ts with the real core, as one script to run and kill as a child process. */
export const buildReceiverProcess = (outDir: string): Promise<string> => buildNodeScript(join(import.meta.dirname, 'receiver-process.ts'), outDir);
