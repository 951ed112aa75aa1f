/** Writeback delivery helpers shared by the core (which sends) and the editor (which previews). */
export * from './ack-explain';
export * from './fhir-request';
export * from './kind';
export * from './patient';
