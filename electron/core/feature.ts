import type { DatabaseSync } from 'node:sqlite';
import type { CommandHandlers } from './dispatch';
import type { EventBus } from './events/event-bus';
import type { FhirClients } from './fhir-http/fhir-clients';
import type { Logger } from './logger';
import type { SettingsStore } from './settings/settings-store';

/** What every feature gets from the composition root. */
export interface CoreContext {
  db: DatabaseSync;
  settings: SettingsStore;
  events: EventBus;
  log: Logger;
  now: () => number;
  dataDir: string;
  /** HTTP clients for FHIR servers: `ctx.fhir.clientFor(connectionId)` (see fhir-http/fhir-clients.ts). */
  fhir: FhirClients;
}

/**
 * One capability of the core: the contract commands it answers, and what it must do when the core
 * starts and stops. `core.ts` lists the features; each lives in its own folder.
 */
export interface Feature {
  handlers: Partial<CommandHandlers>;
  start?(): Promise<void>;
  close?(): Promise<void> | void;
}
