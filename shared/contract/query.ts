import { z } from 'zod';

const HeaderPairs = z.array(z.tuple([z.string(), z.string()]));

export const SearchMethod = z.enum(['GET', 'POST']);

export const OutcomeIssueSchema = z.object({
  severity: z.enum(['fatal', 'error', 'warning', 'information', 'unknown']),
  code: z.string().nullable(),
  text: z.string(),
  expression: z.array(z.string()),
  source: z.enum(['response', 'entry']),
});

export const QueryExecuteInput = z.object({
  connectionId: z.string().min(1),
  resourceType: z.string().regex(/^[A-Z][A-Za-z]+$/, 'a FHIR resource type, e.g. Patient'),
  /** The search parameters as a query string without the leading `?` (what the composer's URL shows). */
  query: z.string().max(64 * 1024),
  /** GET `[type]?query`, or POST `[type]/_search` with the parameters form-encoded (what Redox requires). */
  method: SearchMethod.default('GET'),
  /** The composer's search model, kept with the run so history can reopen it as a form. */
  model: z.unknown().optional(),
});
export type QueryExecuteInput = z.input<typeof QueryExecuteInput>;

/** One fetched page of a run: what the status line, headers view and pager show. */
export const QueryPageSummary = z.object({
  runId: z.number().int().positive(),
  pageIndex: z.number().int().nonnegative(),
  /** Pages of this run fetched so far. */
  pageCount: z.number().int().nonnegative(),
  method: z.string(),
  url: z.string(),
  /** The form-encoded body of a POST search. */
  requestBody: z.string().nullable(),
  status: z.number().int().nullable(),
  statusText: z.string(),
  durationMs: z.number().nonnegative(),
  sizeBytes: z.number().int().nonnegative(),
  requestHeaders: HeaderPairs,
  responseHeaders: HeaderPairs,
  bundleType: z.string().nullable(),
  total: z.number().int().nullable(),
  entryCount: z.number().int().nonnegative(),
  searchModes: z.object({ match: z.number(), include: z.number(), outcome: z.number(), unknown: z.number() }),
  links: z.object({ next: z.boolean(), previous: z.boolean() }),
  issues: z.array(OutcomeIssueSchema),
  /** Why there is no usable result: the server was unreachable, or the body was not FHIR JSON. */
  error: z.string().nullable(),
});
export type QueryPageSummary = z.infer<typeof QueryPageSummary>;

const RunRef = z.object({ runId: z.number().int().positive() });
const PageRef = RunRef.extend({ pageIndex: z.number().int().nonnegative() });

export const QueryNavigateInput = PageRef.extend({ relation: z.enum(['next', 'previous']) });

export const QueryEntriesInput = PageRef.extend({
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(1000).default(200),
  /** FHIRPath expressions, one per column. */
  columns: z.array(z.string().max(500)).max(40).default([]),
});
export type QueryEntriesInput = z.input<typeof QueryEntriesInput>;

export const QueryEntryRow = z.object({
  index: z.number().int().nonnegative(),
  resourceType: z.string().nullable(),
  id: z.string().nullable(),
  fullUrl: z.string().nullable(),
  searchMode: z.enum(['match', 'include', 'outcome', 'unknown']),
  cells: z.array(z.string()),
});
export type QueryEntryRow = z.infer<typeof QueryEntryRow>;

export const QueryEntriesPage = z.object({
  rows: z.array(QueryEntryRow),
  totalRows: z.number().int().nonnegative(),
  /** Per column: why its expression could not be evaluated, or null. */
  columnErrors: z.array(z.string().nullable()),
});
export type QueryEntriesPage = z.infer<typeof QueryEntriesPage>;

export const QueryEntryInput = PageRef.extend({ index: z.number().int().nonnegative() });
export const QueryEntry = z.object({
  fullUrl: z.string().nullable(),
  searchMode: z.enum(['match', 'include', 'outcome', 'unknown']),
  /** The resource as pretty-printed JSON text. */
  json: z.string(),
});

export const QueryPageJson = z.object({
  /** The page body as received (pretty-printed when it is JSON), cut at `limitBytes`. */
  text: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  truncated: z.boolean(),
});

export const QueryFetchAllInput = RunRef.extend({
  /** Stop after this many pages in all (the first included). */
  maxPages: z.number().int().min(1).max(10_000).default(100),
  maxEntries: z.number().int().min(1).max(1_000_000).default(10_000),
});

export const QueryProgress = z.object({
  runId: z.number().int().positive(),
  pagesFetched: z.number().int().nonnegative(),
  entriesFetched: z.number().int().nonnegative(),
  maxPages: z.number().int().positive(),
  maxEntries: z.number().int().positive(),
  done: z.boolean(),
  /** Why fetching stopped, once done. */
  stoppedBy: z.enum(['end', 'page-limit', 'entry-limit', 'cancelled', 'error']).nullable(),
  error: z.string().nullable(),
});
export type QueryProgress = z.infer<typeof QueryProgress>;

export const ExportFormat = z.enum(['bundle', 'ndjson', 'csv']);
export const QueryExportInput = RunRef.extend({
  scope: z.enum(['page', 'all']),
  pageIndex: z.number().int().nonnegative().default(0),
  format: ExportFormat,
  /** For CSV: the table's columns. */
  columns: z.array(z.object({ label: z.string(), expression: z.string() })).max(40).default([]),
});
export const QueryExport = z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() });

export const QueryCurlInput = PageRef.extend({
  /** Credential headers read shell variables (`$FHIR_AUTHORIZATION`) instead of showing `[redacted]`; the secret itself is never sent. */
  credentialsFromEnv: z.boolean().default(false),
});
export const QueryCurl = z.object({ command: z.string() });

export const RunSummary = z.object({
  runId: z.number().int().positive(),
  startedAt: z.iso.datetime(),
  connectionId: z.string().nullable(),
  connectionName: z.string().nullable(),
  resourceType: z.string().nullable(),
  method: z.string(),
  query: z.string(),
  url: z.string(),
  status: z.number().int().nullable(),
  durationMs: z.number().nullable(),
  sizeBytes: z.number().int().nullable(),
  entryCount: z.number().int().nullable(),
  total: z.number().int().nullable(),
  error: z.string().nullable(),
  pageCount: z.number().int().nonnegative(),
});
export type RunSummary = z.infer<typeof RunSummary>;

export const HistoryListInput = z.object({
  /** Matched against the URL and query text. */
  text: z.string().max(500).optional(),
  resourceType: z.string().max(64).optional(),
  status: z.enum(['success', 'client-error', 'server-error', 'failed']).optional(),
  limit: z.number().int().min(1).max(500).default(100),
  beforeId: z.number().int().positive().optional(),
});
export const HistoryPage = z.object({ items: z.array(RunSummary), nextBeforeId: z.number().int().positive().nullable() });
export const HistoryRun = RunSummary.extend({ model: z.unknown() });

export const SavedQuery = z.object({
  id: z.number().int().positive(),
  name: z.string().min(1).max(200),
  folder: z.string().max(200),
  resourceType: z.string().nullable(),
  method: SearchMethod,
  query: z.string(),
  connectionName: z.string().nullable(),
  model: z.unknown(),
  updatedAt: z.iso.datetime(),
});
export type SavedQuery = z.infer<typeof SavedQuery>;

export const SavedQuerySaveInput = z.object({
  id: z.number().int().positive().optional(),
  name: z.string().trim().min(1, 'give the query a name').max(200),
  folder: z.string().trim().max(200).default(''),
  resourceType: z.string().max(64).nullable().default(null),
  method: SearchMethod.default('GET'),
  query: z.string().max(64 * 1024),
  connectionName: z.string().max(200).nullable().default(null),
  model: z.unknown().optional(),
});

/** The plain file saved queries are exported to and imported from (shareable through git). */
export const SavedQueriesFile = z.object({
  format: z.literal('switchboard.saved-queries'),
  version: z.literal(1),
  queries: z.array(
    z.object({
      name: z.string().min(1).max(200),
      folder: z.string().max(200).default(''),
      resourceType: z.string().max(64).nullable().default(null),
      method: SearchMethod.default('GET'),
      query: z.string().max(64 * 1024),
      connectionName: z.string().max(200).nullable().default(null),
      model: z.unknown().optional(),
    }),
  ),
});
export type SavedQueriesFile = z.infer<typeof SavedQueriesFile>;
