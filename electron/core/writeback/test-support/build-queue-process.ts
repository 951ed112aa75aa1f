import { join } from 'node:path';
import { buildNodeScript } from '../../../test-support/build-node-script';

/** queue-process.ts with the real core, as one script to run and kill as a child process. */
export const buildQueueProcess = (outDir: string): Promise<string> => buildNodeScript(join(import.meta.dirname, 'queue-process.ts'), outDir);
