import { test } from '@playwright/test';
import { startFhirTestServer, type FhirTestServer } from '../fhir-test-server';
import { freshDataDir, startHost, type RunningHost } from './headless-host';

/**
 * One FHIR test server and one headless host on a fresh data folder for a spec file, started
 * before its tests and stopped after them. Read the fields inside tests (they are set in beforeAll).
 */
export function useFhirServerAndHost(): { fhir: FhirTestServer; host: RunningHost } {
  const dataDir = freshDataDir();
  const running = {} as { fhir: FhirTestServer; host: RunningHost };
  test.beforeAll(async () => {
    running.fhir = await startFhirTestServer();
    running.host = await startHost(dataDir.path);
  });
  test.afterAll(async () => {
    await running.host?.stop();
    await running.fhir?.close();
    dataDir.remove();
  });
  return running;
}

/** One headless host on a fresh data folder for a spec file, started before its tests and stopped after them. */
export function useHost(): { host: RunningHost } {
  const dataDir = freshDataDir();
  const running = {} as { host: RunningHost };
  test.beforeAll(async () => {
    running.host = await startHost(dataDir.path);
  });
  test.afterAll(async () => {
    await running.host?.stop();
    dataDir.remove();
  });
  return running;
}
